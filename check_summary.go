package xxgk

import "time"

// AddChecks attaches the latest website checks to their units. A check counts only while
// it still describes the current submission: the column is reported 已开设 at the same
// address. A unit that re-submits with a corrected address is not blamed for the old one.
func (s *Summary) AddChecks(cs []Check) {
	idx := make(map[string]int, len(s.Units))
	for i, u := range s.Units {
		idx[u.Unit.Code] = i
	}
	for _, c := range cs {
		i, ok := idx[c.Unit]
		if !ok || c.Round != s.Round.ID {
			continue
		}
		u := &s.Units[i]
		if it, ok := u.item(c.Code); ok && it.Status == Opened && it.URL == c.URL {
			u.Checks = append(u.Checks, c)
		}
	}
}

func (u UnitSummary) item(code string) (Item, bool) {
	if u.Submission == nil {
		return Item{}, false
	}
	for _, it := range u.Submission.Items {
		if it.Code == code {
			return it, true
		}
	}
	return Item{}, false
}

// Check finds the check of one column.
func (u UnitSummary) Check(code string) (Check, bool) {
	for _, c := range u.Checks {
		if c.Code == code {
			return c, true
		}
	}
	return Check{}, false
}

// FailedChecks lists the unit's checks with a finding to act on.
func (u UnitSummary) FailedChecks() []Check {
	var out []Check
	for _, c := range u.Checks {
		if c.Result.Failed() {
			out = append(out, c)
		}
	}
	return out
}

// CheckTally counts a round's checks by result.
type CheckTally struct {
	Checked  int // columns with a check
	Failed   int // of which with a finding
	ByResult map[CheckResult]int
	Last     time.Time // the latest check time
}

// Checked tells whether any column of the round has been checked: outputs show 核查
// columns and sections only then.
func (s Summary) Checked() bool {
	for _, u := range s.Units {
		if len(u.Checks) > 0 {
			return true
		}
	}
	return false
}

// CheckTally counts every unit's checks by result.
func (s Summary) CheckTally() CheckTally {
	t := CheckTally{ByResult: map[CheckResult]int{}}
	for _, u := range s.Units {
		for _, c := range u.Checks {
			t.Checked++
			t.ByResult[c.Result]++
			if c.Result.Failed() {
				t.Failed++
			}
			if c.CheckedAt.After(t.Last) {
				t.Last = c.CheckedAt
			}
		}
	}
	return t
}
