// Package samples fills generated templates the way units do, for tests, benchmarks and
// the demo: realistic column names and gov.cn addresses, real date cells, some columns
// not opened with a reason, and, by profile, the mistakes the importer must catch.
package samples

// Profile chooses how carefully the imaginary unit filled its workbook.
type Profile int

const (
	// Good: everything valid, no warnings; dates are real date cells.
	Good Profile = iota
	// WithWarnings: accepted but listed — a stale date, a non-gov.cn address, 0 items,
	// 是/否 typed instead of the dropdown values.
	WithWarnings
	// WithErrors: rejected — a malformed address, a missing reason, a nonsense date, a
	// negative count and no phone number.
	WithErrors
	// TextDates: valid, with every date typed as text in the many ways people type them,
	// full-width digits included.
	TextDates
)

// Profiles lists every profile, for tests that go through all of them.
var Profiles = []Profile{Good, WithWarnings, WithErrors, TextDates}

func (p Profile) String() string {
	switch p {
	case Good:
		return "good"
	case WithWarnings:
		return "warnings"
	case WithErrors:
		return "errors"
	case TextDates:
		return "textdates"
	}
	return "unknown"
}

// ParseProfile reads a profile name as String writes it.
func ParseProfile(s string) (Profile, bool) {
	for _, p := range Profiles {
		if p.String() == s {
			return p, true
		}
	}
	return 0, false
}
