package xxgk

// AddReviews attaches each unit's review state (store.Reviews) to the summary, so that
// status, the reports and the letters count a version returned for changes (退回修改) as a
// problem, with the office's comment. A review about another version than the summary's
// current one is ignored: the state is recomputed here with ReviewStateOf, the one rule.
func (s *Summary) AddReviews(rs []UnitReview) {
	idx := make(map[string]int, len(s.Units))
	for i, u := range s.Units {
		idx[u.Unit.Code] = i
		s.Units[i].Review = NewUnitReview(u.Unit.Code, u.Version, nil) // 待审核 until a review says otherwise
	}
	for _, r := range rs {
		if i, ok := idx[r.Unit]; ok {
			s.Units[i].Review = NewUnitReview(r.Unit, s.Units[i].Version, r.Latest)
		}
	}
	s.Returned, s.Approved, s.Reviewed = 0, 0, false
	for _, u := range s.Units {
		s.Reviewed = s.Reviewed || u.Review.Latest != nil
		switch u.Review.State {
		case ReviewReturned:
			s.Returned++
		case ReviewApproved:
			s.Approved++
		}
	}
}

// ReturnedReview is the review that returned the unit's current version for changes, or
// nil: what counts as a problem, with its comment.
func (u UnitSummary) ReturnedReview() *Review { return u.Review.Returned() }

// ReturnedUnits lists the units whose current version was returned, in catalog order.
func (s Summary) ReturnedUnits() []UnitSummary {
	var out []UnitSummary
	for _, u := range s.Units {
		if u.ReturnedReview() != nil {
			out = append(out, u)
		}
	}
	return out
}
