package xxgk

import (
	"sort"
	"time"
)

// AddChecks attaches the latest website checks to their units, in the order of each
// unit's rows (as its letter and the verify table list them). A check counts only while
// it still describes the current submission: the column is reported 已开设 at the same
// address. A unit that re-submits with a corrected address is not blamed for the old one;
// a withdrawn unit has no submission and so no checks; after a revert to a version with
// another address the column counts as not checked until the next verify, even if that
// address was checked in an earlier run: cs holds each column's latest check only, and an
// older one judged claims (栏目名称, 最近更新日期) of another version on an older page.
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
	for i := range s.Units {
		u := &s.Units[i]
		if len(u.Checks) < 2 {
			continue
		}
		row := make(map[string]int, len(u.Submission.Items))
		for j, it := range u.Submission.Items {
			row[it.Code] = j
		}
		sort.SliceStable(u.Checks, func(a, b int) bool { return row[u.Checks[a].Code] < row[u.Checks[b].Code] })
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
	Checked   int // columns with a check
	Unchecked int // of which the office could not open (CheckRefused): not in any rate
	Failed    int // of which with a finding the unit must act on
	ByResult  map[CheckResult]int
	First     time.Time // the earliest check time: runs with --unit check on different days
	Last      time.Time // the latest check time
}

// Judged is how many columns were opened and judged: the base of the 问题率. Columns
// whose list is drawn by script and was not rendered were opened but not judged.
func (t CheckTally) Judged() int { return t.Checked - t.Unchecked - t.ByResult[CheckScripted] }

// JudgedChecks are the unit's checks the office could open and judge (every result but
// CheckRefused and CheckScripted): the columns its 问题率 and the rankings count.
func (u UnitSummary) JudgedChecks() []Check {
	var out []Check
	for _, c := range u.Checks {
		if !c.Result.Unchecked() && !c.Result.Unjudged() {
			out = append(out, c)
		}
	}
	return out
}

// UncheckedChecks are the unit's columns the office could not open.
func (u UnitSummary) UncheckedChecks() []Check {
	var out []Check
	for _, c := range u.Checks {
		if c.Result.Unchecked() {
			out = append(out, c)
		}
	}
	return out
}

// CheckDays says when checks were made, for papers: "2020年9月28日", or
// "2020年9月20日至2020年9月28日" when the columns counted were checked on different days
// (a --unit re-check, or units that submitted later).
func CheckDays(first, last time.Time) string {
	f, l := first.In(ChinaTime), last.In(ChinaTime)
	if f.Year() == l.Year() && f.YearDay() == l.YearDay() {
		return ChineseDate(l)
	}
	return ChineseDate(f) + "至" + ChineseDate(l)
}

// CheckSpan is the earliest and latest check time of cs.
func CheckSpan(cs []Check) (first, last time.Time) {
	for _, c := range cs {
		if first.IsZero() || c.CheckedAt.Before(first) {
			first = c.CheckedAt
		}
		if c.CheckedAt.After(last) {
			last = c.CheckedAt
		}
	}
	return first, last
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
	var all []Check
	for _, u := range s.Units {
		for _, c := range u.Checks {
			t.Checked++
			t.ByResult[c.Result]++
			switch {
			case c.Result.Failed():
				t.Failed++
			case c.Result.Unchecked():
				t.Unchecked++
			}
		}
		all = append(all, u.Checks...)
	}
	t.First, t.Last = CheckSpan(all)
	return t
}
