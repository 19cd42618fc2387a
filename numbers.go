package xxgk

import (
	"math"
	"strconv"
	"strings"
)

// WholeNumber returns the whole number a spreadsheet shows for a numeric cell written
// with binary noise ("11.000000000000002", "10.999999999999998" → "11"): a value within
// 1e-9 of a non-zero integer is that integer. Near zero nothing is rounded: 1E-10 typed
// into a count is a (wrong) fraction for the rules to refuse, not 0, and noise from
// arithmetic only arises around the integers a formula aims at. Anything else, a count
// that is really fractional included, is returned unchanged for the rules to judge.
func WholeNumber(raw string) string {
	s := strings.TrimSpace(raw)
	if !strings.ContainsAny(s, ".eE") {
		return raw
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || math.Abs(f) >= 1e15 {
		return raw
	}
	n := math.Round(f)
	if f != n && (n == 0 || math.Abs(f-n) > 1e-9) {
		return raw
	}
	if n == 0 {
		return "0" // not -0
	}
	return strconv.FormatFloat(n, 'f', -1, 64)
}
