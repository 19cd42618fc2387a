package xxgk

import "sort"

// RankedUnit is a unit with its place in the ranking by completion; Rank 0 means not
// ranked (the unit has not reported).
type RankedUnit struct {
	UnitSummary
	Rank int
}

// Ranked orders units by completion rate, highest first, as the 通报 prints them: two
// units whose rates print the same share a rank and the next rank is skipped (1, 2, 2, 4).
// Units that have not reported come last, unranked. Ties keep catalog order. The 通报's
// table and chart and the Excel report's chart all take this order.
func Ranked(units []UnitSummary) []RankedUnit {
	out := make([]RankedUnit, 0, len(units))
	for _, u := range units {
		out = append(out, RankedUnit{UnitSummary: u})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if (a.State == Missing) != (b.State == Missing) {
			return b.State == Missing
		}
		if a.State == Missing {
			return false
		}
		return a.Rate() != b.Rate() && a.Completion() > b.Completion()
	})
	for i := range out {
		if out[i].State == Missing {
			break
		}
		out[i].Rank = i + 1
		if i > 0 && out[i].Rate() == out[i-1].Rate() {
			out[i].Rank = out[i-1].Rank
		}
	}
	return out
}
