package xxgk

import (
	"testing"
	"time"
)

// testCatalog has two departments and a county; CZ items name 各县区, JC items 各部门.
// Counties are narrowed to the items naming 各县区 so that the three units' lists differ.
func testCatalog(t testing.TB) *Catalog {
	t.Helper()
	us, err := NewUnits([]Unit{
		{Code: "CZJ", Name: "安康市财政局", Short: "市财政局", Kind: Department},
		{Code: "SJJ", Name: "安康市审计局", Short: "市审计局", Kind: Department, Aliases: []string{"审计局"}},
		{Code: "610902", Name: "汉滨区人民政府", Short: "汉滨区", Kind: County},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &Catalog{Units: us, Scope: CountyMandatory, Indicators: []Indicator{
		{Code: "CZ-01-1", Area: "财政信息", SubArea: "预决算公开", Units: []string{"CZJ"}, AllCounty: true},
		{Code: "CZ-01-2", Area: "财政信息", SubArea: "预决算公开", Units: []string{"CZJ"}, AllCounty: true},
		{Code: "JC-01-1", Area: "决策公开", SubArea: "部门文件", AllDepts: true},
		{Code: "ZX-01-1", Area: "执行公开", SubArea: "督查审计", Units: []string{"SJJ"}},
	}}
}

func TestCatalogFor(t *testing.T) {
	cat := testCatalog(t)
	codes := func(u string, scope CountyScope) []string {
		cat.Scope = scope
		unit, ok := cat.Units.Lookup(u)
		if !ok {
			t.Fatalf("unit %s not found", u)
		}
		var out []string
		for _, ind := range cat.For(unit) {
			out = append(out, ind.Code)
		}
		return out
	}
	tests := []struct {
		unit  string
		scope CountyScope
		want  []string
	}{
		{"市财政局", "", []string{"CZ-01-1", "CZ-01-2", "JC-01-1"}},
		{"审计局", CountyMandatory, []string{"JC-01-1", "ZX-01-1"}},
		{"汉滨区", CountyMandatory, []string{"CZ-01-1", "CZ-01-2"}},
		{"汉滨区", CountyFull, []string{"CZ-01-1", "CZ-01-2", "JC-01-1", "ZX-01-1"}},
		// the notice: county portals follow the whole table unless the office narrows them
		{"汉滨区", "", []string{"CZ-01-1", "CZ-01-2", "JC-01-1", "ZX-01-1"}},
	}
	for _, tt := range tests {
		if got := codes(tt.unit, tt.scope); !equalStrings(got, tt.want) {
			t.Errorf("For(%s, %q) = %v, want %v", tt.unit, tt.scope, got, tt.want)
		}
	}
}

func TestUnitsLookupAndClosest(t *testing.T) {
	us := testCatalog(t).Units
	for _, n := range []string{"市审计局", "安康市审计局", "审计局", "SJJ", " 市审计局 "} {
		if u, ok := us.Lookup(n); !ok || u.Code != "SJJ" {
			t.Errorf("Lookup(%q) = %v, %v", n, u, ok)
		}
	}
	if got := us.Closest("市审计厅"); got != "市审计局" {
		t.Errorf("Closest = %q", got)
	}
	if _, err := NewUnits([]Unit{{Code: "A", Short: "甲"}, {Code: "B", Short: "乙", Aliases: []string{"甲"}}}); err == nil {
		t.Error("NewUnits accepted a name claimed by two units")
	}
}

func TestSummarize(t *testing.T) {
	cat := testCatalog(t)
	r := Round{ID: "2020", Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC)}
	onTime := time.Date(2020, 9, 20, 23, 59, 0, 0, ChinaTime)
	late := time.Date(2020, 9, 21, 0, 0, 1, 0, ChinaTime)
	current := []Submission{
		{Unit: "CZJ", Version: 2, FirstAt: onTime, ImportedAt: late, Items: []Item{
			{Code: "CZ-01-1", Status: Opened}, {Code: "CZ-01-2", Status: NotApplicable}, {Code: "JC-01-1", Status: NotOpened},
		}, Warnings: []Problem{{Severity: Warning}}},
		{Unit: "610902", Version: 1, FirstAt: late, ImportedAt: late, Items: []Item{
			{Code: "CZ-01-1", Status: Opened}, {Code: "CZ-01-2", Status: Opened},
		}},
	}
	s := Summarize(r, cat, current)
	if s.Submitted != 2 || s.Late != 1 || s.Missing != 1 || s.Warnings != 1 {
		t.Errorf("submitted %d late %d missing %d warnings %d", s.Submitted, s.Late, s.Missing, s.Warnings)
	}
	want := map[string]struct {
		state UnitState
		c     Counts
		comp  float64
	}{
		"CZJ":    {Submitted, Counts{3, 1, 1, 1, 0}, 0.5},
		"SJJ":    {Missing, Counts{Assigned: 2, NotReported: 2}, 0},
		"610902": {Late, Counts{2, 2, 0, 0, 0}, 1},
	}
	for _, u := range s.Units {
		w := want[u.Unit.Code]
		if u.State != w.state || u.Counts != w.c || u.Completion() != w.comp {
			t.Errorf("%s: state %s counts %+v completion %v; want %s %+v %v", u.Unit.Code, u.State, u.Counts, u.Completion(), w.state, w.c, w.comp)
		}
	}
	if s.Total != (Counts{7, 3, 1, 1, 2}) {
		t.Errorf("total %+v", s.Total)
	}
	cov := map[string]Counts{}
	for _, ic := range s.Indicators {
		cov[ic.Code] = ic.Counts
	}
	if cov["CZ-01-1"] != (Counts{Assigned: 2, Opened: 2}) || cov["JC-01-1"] != (Counts{Assigned: 2, NotOpened: 1, NotReported: 1}) {
		t.Errorf("coverage %+v", cov)
	}
	if err := s.CheckPartition(); err != nil {
		t.Error(err)
	}
	var order []string
	for _, u := range s.ProblemsFirst() {
		order = append(order, u.Unit.Code)
	}
	if !equalStrings(order, []string{"SJJ", "610902", "CZJ"}) {
		t.Errorf("ProblemsFirst = %v", order)
	}
}

func TestTemplateMetaRoundTrip(t *testing.T) {
	m := TemplateMeta{Format: TemplateFormat, Round: "2020", Unit: "CZJ", Codes: []string{"CZ-01-1", "CZ-01-2"}}
	rows := m.Rows()
	rows[0][1] = "1.0" // a spreadsheet program turned the text into a number
	got, err := ParseTemplateMeta(append(rows, []string{"", ""}))
	if err != nil || got.Round != "2020" || got.Unit != "CZJ" || !equalStrings(got.Codes, m.Codes) {
		t.Fatalf("ParseTemplateMeta = %+v, %v", got, err)
	}
	if _, err := ParseTemplateMeta(rows[:3]); err == nil {
		t.Error("meta without codes accepted")
	}
	bad := TemplateMeta{Format: 99, Round: "2020", Unit: "CZJ"}.Rows()
	if _, err := ParseTemplateMeta(bad); err == nil {
		t.Error("unknown format accepted")
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestAddRejections(t *testing.T) {
	cat := testCatalog(t)
	r := Round{ID: "2020", Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC)}
	at := time.Date(2020, 9, 18, 10, 0, 0, 0, ChinaTime)
	s := Summarize(r, cat, []Submission{{Unit: "CZJ", Version: 1, FirstAt: at, ImportedAt: at}})
	s.AddRejections([]Rejection{
		{Round: "2020", Unit: "SJJ", FileName: "a.xlsx", At: at, Errors: 3},
		{Round: "2020", Unit: "SJJ", FileName: "b.xlsx", At: at.Add(time.Hour), Errors: 1},
		{Round: "2020", Unit: "CZJ", FileName: "c.xlsx", At: at.Add(-time.Hour), Errors: 2},
		{Round: "2019", Unit: "610902", FileName: "old.xlsx", At: at, Errors: 2},
		{Round: "2020", Unit: "NOPE", FileName: "x.xlsx", At: at, Errors: 2},
	})
	byCode := map[string]UnitSummary{}
	for _, u := range s.Units {
		byCode[u.Unit.Code] = u
	}
	if u := byCode["SJJ"]; !u.WasRejected() || u.Rejected.Count != 2 || u.Rejected.Last.FileName != "b.xlsx" {
		t.Errorf("市审计局 rejected = %+v, WasRejected %v", u.Rejected, u.WasRejected())
	}
	if u := byCode["CZJ"]; u.WasRejected() || u.RefusedLatest() || u.Rejected.Count != 1 {
		t.Errorf("an accepted unit counts as rejected: %+v", u.Rejected)
	}
	if u := byCode["SJJ"]; !u.RefusedLatest() {
		t.Error("a missing unit's refusal is not its latest file")
	}
	// A file refused after the accepted version: the unit's latest file was sent back.
	s.AddRejections([]Rejection{{Round: "2020", Unit: "CZJ", FileName: "d.xlsx", At: at.Add(time.Hour), Errors: 1}})
	for _, u := range s.Units {
		if u.Unit.Code == "CZJ" && (!u.RefusedLatest() || u.WasRejected()) {
			t.Errorf("refusal after acceptance: RefusedLatest %v WasRejected %v", u.RefusedLatest(), u.WasRejected())
		}
	}
	if u := byCode["610902"]; u.WasRejected() || u.Rejected.Count != 0 {
		t.Errorf("another round's rejection was counted: %+v", u.Rejected)
	}
}

func TestUnitLabel(t *testing.T) {
	for _, tc := range []struct {
		u    Unit
		want string
	}{
		{Unit{Code: "CZJ", Name: "安康市财政局", Short: "市财政局"}, "市财政局"},
		{Unit{Code: "CZJ", Name: "安康市财政局", Short: " "}, "安康市财政局"},
		{Unit{Code: "CZJ"}, "CZJ"},
	} {
		if got := tc.u.Label(); got != tc.want {
			t.Errorf("%+v.Label() = %q, want %q", tc.u, got, tc.want)
		}
	}
}
