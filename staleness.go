package xxgk

import (
	"strings"
	"time"
)

// The staleness rule, shared by the import check, the reports and website verification:
// inspections fail a column that should be updated and is not. An item the table says is
// published every month (每月) is stale 45 days after its newest entry; any other item after
// six months (notices and policy documents, DESIGN.md §3).
const (
	StaleMonthlyDays = 45
	StaleAfter       = 6 // months, for items with no monthly frequency
)

// Monthly tells whether the table asks for this item every month.
func (ind Indicator) Monthly() bool { return strings.Contains(ind.Frequency, "每月") }

// StaleBefore is the cut-off on day asOf: a column whose newest entry is dated before it
// is stale.
func (ind Indicator) StaleBefore(asOf time.Time) time.Time {
	if ind.Monthly() {
		return asOf.AddDate(0, 0, -StaleMonthlyDays)
	}
	return asOf.AddDate(0, -StaleAfter, 0)
}

// IsStale tells whether a column last updated on last is stale on day asOf. Both count
// as calendar days (asOf in China time), so the import, the letters and website
// verification agree on the boundary day whatever the hour they run. A zero last (no
// date known) is not stale: that is a different finding (an empty column).
func (ind Indicator) IsStale(last, asOf time.Time) bool {
	return !last.IsZero() && dayOf(last).Before(ind.StaleBefore(dayOf(asOf.In(ChinaTime))))
}

// StaleRule says the rule in words for messages: "45天" or "6个月".
func (ind Indicator) StaleRule() string {
	if ind.Monthly() {
		return StaleMonthlyText
	}
	return StaleAfterText
}

// The rule in words, for legends that do not name one indicator.
const (
	StaleAfterText   = "6个月"
	StaleMonthlyText = "45天"
)
