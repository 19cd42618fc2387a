package xxgk

import (
	"fmt"
	"math"
)

// NoRate is printed instead of a completion rate for a unit that has not submitted:
// "0.0%" would read as "submitted and opened nothing", which is a different finding.
const NoRate = "—"

// Percent formats a ratio in 0..1 as a percentage with one decimal, e.g. 0.875 → 87.5%.
// Every report (Excel 汇总, PDF 通报, feedback) prints rates through it, so the same
// unit never shows two different figures. Halves round away from zero.
func Percent(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return NoRate
	}
	return fmt.Sprintf("%.1f%%", math.Round(f*1000)/10)
}

// Rate is the unit's completion rate as printed in reports: Percent of Completion, or
// NoRate when the unit has not submitted.
func (u UnitSummary) Rate() string {
	if u.State == Missing {
		return NoRate
	}
	return Percent(u.Completion())
}

// Rate is the indicator's coverage as printed in reports: Percent of Completion, or
// NoRate when no unit must build it.
func (c IndicatorCoverage) Rate() string {
	if c.Assigned == 0 {
		return NoRate
	}
	return Percent(c.Completion())
}
