package xxgk

import (
	"fmt"
	"sort"
	"time"
)

// UnitState is where a unit stands in a round.
type UnitState string

const (
	Missing   UnitState = "missing"
	Submitted UnitState = "submitted"
	Late      UnitState = "late"
)

// Label is the Chinese word for reports.
func (s UnitState) Label() string {
	switch s {
	case Missing:
		return "未报送"
	case Late:
		return "逾期报送"
	}
	return "已报送"
}

// UnitSummary is one unit's line in status, the 汇总 sheet and the PDF table.
type UnitSummary struct {
	Unit  Unit
	State UnitState
	Counts
	Version     int       // 0 when missing
	SubmittedAt time.Time // import time of the current version
	FirstAt     time.Time // import time of the first version; decides lateness
	Submission  *Submission
	Rejected    Rejected   // files refused at import; see AddRejections
	Checks      []Check    // latest website check of each opened column; see AddChecks
	Review      UnitReview // the office's review (审核) of the current version; see AddReviews
}

// IndicatorCoverage is one indicator's line in 指标覆盖.
type IndicatorCoverage struct {
	Indicator
	Counts // Assigned counts every unit that must build it, submitted or not
}

// CheckPartition checks that every unit row, every indicator row and the total add up
// (应建 = 已开设 + 未开设 + 不适用 + 未报送), and that the units and the indicators
// give the same total.
func (s Summary) CheckPartition() error {
	var byUnit, byIndicator Counts
	for _, u := range s.Units {
		if err := u.CheckPartition(); err != nil {
			return fmt.Errorf("%s: %w", u.Unit.Short, err)
		}
		byUnit = byUnit.Plus(u.Counts)
	}
	for _, c := range s.Indicators {
		if err := c.CheckPartition(); err != nil {
			return fmt.Errorf("%s: %w", c.Code, err)
		}
		byIndicator = byIndicator.Plus(c.Counts)
	}
	if err := s.Total.CheckPartition(); err != nil {
		return fmt.Errorf("合计: %w", err)
	}
	if byUnit != s.Total || byIndicator != s.Total {
		return fmt.Errorf("totals differ: units %+v, indicators %+v, total %+v", byUnit, byIndicator, s.Total)
	}
	return nil
}

// Summary is a round's state, computed once for every output.
type Summary struct {
	Round      Round
	Units      []UnitSummary // catalog order
	Indicators []IndicatorCoverage
	Total      Counts // over all units; a missing unit's columns count as NotReported
	Submitted  int    // units with a current submission, late ones included
	Late       int
	Missing    int
	Warnings   int
	Returned   int  // units whose current version was returned for changes (退回修改); see AddReviews
	Approved   int  // units whose current version was approved (已通过)
	Reviewed   bool // some unit was ever reviewed: status shows the 审核 column
}

// Summarize computes the summary from the round's catalog and each unit's current submission.
func Summarize(r Round, cat *Catalog, current []Submission) Summary {
	byUnit := make(map[string]*Submission, len(current))
	for i := range current {
		byUnit[current[i].Unit] = &current[i]
	}
	s := Summary{Round: r}
	cov := make(map[string]*IndicatorCoverage, len(cat.Indicators))
	s.Indicators = make([]IndicatorCoverage, len(cat.Indicators))
	for i, ind := range cat.Indicators {
		s.Indicators[i] = IndicatorCoverage{Indicator: ind}
		cov[ind.Code] = &s.Indicators[i]
	}
	for _, u := range cat.Units.All() {
		inds := cat.For(u)
		for _, ind := range inds {
			cov[ind.Code].Assigned++
		}
		us := UnitSummary{Unit: u, State: Missing, Counts: Counts{Assigned: len(inds), NotReported: len(inds)}}
		if sub := byUnit[u.Code]; sub != nil {
			us.Submission = sub
			us.Version = sub.Version
			us.SubmittedAt = sub.ImportedAt
			us.FirstAt = sub.FirstAt
			if us.FirstAt.IsZero() {
				us.FirstAt = sub.ImportedAt
			}
			us.State = Submitted
			if r.IsLate(us.FirstAt) {
				us.State = Late
			}
			answers := answersTo(inds, sub.Items)
			for _, it := range answers {
				cov[it.Code].Add(it.Status)
			}
			us.Counts = CountItems(len(inds), answers)
			s.Warnings += len(sub.Warnings)
		}
		switch us.State {
		case Missing:
			s.Missing++
		case Late:
			s.Late++
			s.Submitted++
		default:
			s.Submitted++
		}
		s.Total = s.Total.Plus(us.Counts)
		s.Units = append(s.Units, us)
	}
	for i := range s.Indicators {
		c := &s.Indicators[i].Counts
		c.NotReported = c.Assigned - c.Answered()
	}
	return s
}

// ProblemsFirst returns the units ordered for a reader chasing problems: missing, then
// late, then (within each) those returned for changes, then by completion from lowest,
// then in catalog order.
func (s Summary) ProblemsFirst() []UnitSummary {
	out := append([]UnitSummary(nil), s.Units...)
	rank := map[UnitState]int{Missing: 0, Late: 1, Submitted: 2}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if rank[a.State] != rank[b.State] {
			return rank[a.State] < rank[b.State]
		}
		if ra, rb := a.ReturnedReview() != nil, b.ReturnedReview() != nil; ra != rb {
			return ra
		}
		return a.Completion() < b.Completion()
	})
	return out
}

// MissingUnits lists the units that have not submitted, in catalog order.
func (s Summary) MissingUnits() []Unit {
	var out []Unit
	for _, u := range s.Units {
		if u.State == Missing {
			out = append(out, u.Unit)
		}
	}
	return out
}
