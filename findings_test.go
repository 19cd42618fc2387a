package xxgk

import (
	"testing"
	"time"
)

func TestFindings(t *testing.T) {
	asOf := time.Date(2020, 9, 28, 0, 0, 0, 0, time.UTC)
	inds := []Indicator{
		{Code: "A-01-1"}, // not answered
		{Code: "A-01-2"}, // not opened
		{Code: "A-01-3", Report: "此类公开信息报送"}, // opened, nothing reported, nothing published
		{Code: "A-01-4", Frequency: "每月"},    // monthly, 50 days old
		{Code: "A-01-5"},                     // six-month rule, 50 days old: fine
		{Code: "A-01-6"},                     // not applicable: never a finding
	}
	old := asOf.AddDate(0, 0, -50)
	sub := &Submission{Items: []Item{
		{Code: "A-01-2", Status: NotOpened, Remark: "建设中"},
		{Code: "A-01-3", Status: Opened, LastUpdate: asOf, Count: 0},
		{Code: "A-01-4", Status: Opened, LastUpdate: old, Count: 3},
		{Code: "A-01-5", Status: Opened, LastUpdate: old, Count: 3},
		{Code: "A-01-6", Status: NotApplicable},
	}}
	var got []string
	for _, f := range Findings(inds, sub, asOf) {
		got = append(got, f.Indicator.Code+" "+f.Kind.Label())
	}
	want := []string{"A-01-1 未填报", "A-01-2 未开设", "A-01-3 空白栏目", "A-01-3 缺少报送内容", "A-01-4 长期未更新"}
	if !equalStrings(got, want) {
		t.Errorf("Findings = %q\nwant %q", got, want)
	}
	if fs := Findings(inds, nil, asOf); fs != nil {
		t.Errorf("a unit that never reported has findings: %v", fs)
	}
	// The staleness warning and the blank-column warning are findings already.
	for _, p := range []Problem{
		{Severity: Warning, Field: FormColumns[ColUpdated]},
		{Severity: Warning, Field: FormColumns[ColCount]},
	} {
		if !IsFindingWarning(p) {
			t.Errorf("%s warning not recognised as a finding", p.Field)
		}
	}
	if IsFindingWarning(Problem{Severity: Warning, Field: FormColumns[ColStatus]}) {
		t.Error("an auto-correction counted as a finding")
	}
}
