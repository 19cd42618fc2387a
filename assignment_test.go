package xxgk_test

import (
	"testing"

	"xxgk"
	"xxgk/catalog"
)

// TestAssignedMatchesFor: the positions Assigned gives are exactly the list For copies,
// for every unit of the 2020 table, in both county scopes.
func TestAssignedMatchesFor(t *testing.T) {
	cat, err := catalog.Load("", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, scope := range []xxgk.CountyScope{xxgk.CountyMandatory, xxgk.CountyFull} {
		cat.Scope = scope
		for _, u := range cat.Units.All() {
			idx, want := cat.Assigned(u), cat.For(u)
			if len(idx) != len(want) || len(want) == 0 {
				t.Fatalf("%s %s: %d positions, %d indicators", scope, u.Short, len(idx), len(want))
			}
			for j, i := range idx {
				if cat.Indicators[i].Code != want[j].Code {
					t.Errorf("%s %s: position %d is %s, want %s", scope, u.Short, j, cat.Indicators[i].Code, want[j].Code)
				}
			}
		}
	}
}

func TestWholeNumber(t *testing.T) {
	for in, want := range map[string]string{
		"11.000000000000002": "11",
		"10.999999999999998": "11",
		"11.5":               "11.5",
		"11.000001":          "11.000001",
		"12":                 "12",
		"1.2E1":              "12",
		"-0.0000000000001":   "-0.0000000000001",
		"1E-10":              "1E-10",
		"1e-10":              "1e-10",
		"0.0":                "0",
		"-0.0":               "0",
		"1.0000000001":       "1",
		"2.0000000011":       "2.0000000011",
		"1E10":               "10000000000",
		"44089.99999999999":  "44090",
		"44089.5":            "44089.5",
		"abc.d":              "abc.d",
		"1e400":              "1e400",
		"":                   "",
	} {
		if got := xxgk.WholeNumber(in); got != want {
			t.Errorf("WholeNumber(%q) = %q, want %q", in, got, want)
		}
	}
}
