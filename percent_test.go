package xxgk

import (
	"math"
	"testing"
)

func TestPercent(t *testing.T) {
	for _, tc := range []struct {
		in   float64
		want string
	}{
		{0, "0.0%"},
		{1, "100.0%"},
		{0.875, "87.5%"},
		{7.0 / 8, "87.5%"},
		{2.0 / 3, "66.7%"},
		{1.0 / 3, "33.3%"},
		{0.0005, "0.1%"},
		{0.99949, "99.9%"},
		{0.9995, "100.0%"},
		{math.NaN(), "—"},
	} {
		if got := Percent(tc.in); got != tc.want {
			t.Errorf("Percent(%v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUnitRate(t *testing.T) {
	for _, tc := range []struct {
		u    UnitSummary
		want string
	}{
		{UnitSummary{State: Missing, Counts: Counts{Assigned: 8}}, "—"},
		{UnitSummary{State: Submitted, Counts: Counts{Assigned: 8, Opened: 7}}, "87.5%"},
		{UnitSummary{State: Late, Counts: Counts{Assigned: 8, Opened: 6, NotApplicable: 2}}, "100.0%"},
		{UnitSummary{State: Submitted, Counts: Counts{Assigned: 2, NotApplicable: 2}}, "0.0%"},
	} {
		if got := tc.u.Rate(); got != tc.want {
			t.Errorf("%+v.Rate() = %q, want %q", tc.u, got, tc.want)
		}
	}
}
