package catalog

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"xxgk"
)

func builtin(t testing.TB) *xxgk.Catalog {
	t.Helper()
	c, err := Load("", "")
	if err != nil {
		t.Fatalf("built-in seeds do not load: %v", err)
	}
	return c
}

// TestSeedAreaCounts pins the transcription of the 2020 table: content items per 一级指标,
// in table order.
func TestSeedAreaCounts(t *testing.T) {
	c := builtin(t)
	want := []struct {
		area string
		n    int
	}{
		{"财政信息", 10},
		{"重大建设项目批准实施领域信息", 9},
		{"公共资源配置领域信息", 7},
		{"社会公益事业建设领域信息", 7},
		{"决策公开", 3},
		{"执行公开", 2},
		{"行政审批制度改革", 1},
		{"减证便民行动信息", 1},
		{"专项行动信息", 1},
		{"公共卫生信息", 1},
		{"防范化解重大风险", 1},
		{"“六稳”“六保”信息", 1},
	}
	var order []string
	counts := map[string]int{}
	for _, ind := range c.Indicators {
		if counts[ind.Area] == 0 {
			order = append(order, ind.Area)
		}
		counts[ind.Area]++
	}
	if len(c.Indicators) != 44 {
		t.Errorf("%d content items, want 44", len(c.Indicators))
	}
	if len(order) != len(want) {
		t.Errorf("%d areas %v, want %d", len(order), order, len(want))
	}
	for i, w := range want {
		if counts[w.area] != w.n {
			t.Errorf("%s: %d items, want %d", w.area, counts[w.area], w.n)
		}
		if i < len(order) && order[i] != w.area {
			t.Errorf("area %d is %s, want %s", i+1, order[i], w.area)
		}
	}
}

func TestSeedSubAreaCounts(t *testing.T) {
	c := builtin(t)
	counts := map[string]int{}
	for _, ind := range c.Indicators {
		counts[ind.Area+"/"+ind.SubArea]++
	}
	for key, n := range map[string]int{
		"财政信息/预决算公开":            2,
		"财政信息/三公经费公开":           4,
		"财政信息/公开财政收支信息":         2,
		"财政信息/地方政府债务信息":         1,
		"重大建设项目批准实施领域信息/批准结果信息": 1,
		"社会公益事业建设领域信息/基本医疗卫生领域": 1,
		"公共卫生信息/":               1,
		"行政审批制度改革/":             1,
	} {
		if counts[key] != n {
			t.Errorf("%s: %d items, want %d", key, counts[key], n)
		}
	}
}

// TestSeedUnitIndicators pins the exact indicator set of several units.
func TestSeedUnitIndicators(t *testing.T) {
	c := builtin(t)
	c.Scope = xxgk.CountyMandatory // what the table's 建设单位 column names
	fiscalAll := []string{"CZ-01-1", "CZ-01-2", "CZ-02-1", "CZ-02-2", "CZ-02-3", "CZ-02-4"}
	decisions := []string{"JCGK-01-1", "JCGK-02-1", "JCGK-03-1"}
	join := func(parts ...[]string) []string { return slices.Concat(parts...) }
	tests := []struct {
		unit string
		want []string
	}{
		{"市财政局", join(fiscalAll, []string{"CZ-03-1", "CZ-03-2", "CZ-04-1", "CZ-05-1",
			"ZDXM-03-1", "ZDXM-08-1", "GGZY-04-1", "GGZY-05-1", "GGZY-06-1"}, decisions, []string{"LWLB-01-1"})},
		{"市审计局", join(fiscalAll, []string{"ZDXM-09-1"}, decisions, []string{"ZXGK-01-1"})},
		// the table writes "市自然资源" in 重大设计变更信息 (ZDXM-05-1)
		{"市自然资源局", join(fiscalAll, []string{"ZDXM-01-1", "ZDXM-02-1", "ZDXM-04-1", "ZDXM-05-1",
			"GGZY-02-1", "GGZY-03-1", "GGZY-05-1", "SHGY-05-1", "SHGY-06-1"}, decisions, []string{"ZXGK-02-1"})},
		{"汉滨区", []string{"CZ-01-1", "CZ-01-2", "CZ-02-1", "CZ-02-2", "CZ-02-3", "CZ-02-4", "CZ-03-1", "CZ-03-2", "CZ-04-1"}},
		{"白河县", []string{"CZ-01-1", "CZ-01-2", "CZ-02-1", "CZ-02-2", "CZ-02-3", "CZ-02-4", "CZ-03-1", "CZ-03-2", "CZ-04-1"}},
		{"市金融办", join(fiscalAll, decisions, []string{"FXFX-01-1"})},
		{"市行政审批服务局", join(fiscalAll, []string{"ZDXM-01-1", "ZDXM-02-1"}, decisions,
			[]string{"XZSP-01-1", "JZBM-01-1", "ZXXD-01-1"})},
		{"市农业局", join(fiscalAll, []string{"GGZY-06-1"}, decisions, []string{"ZXGK-02-1"})},
		{"市卫健委", join(fiscalAll, []string{"GGZY-04-1", "GGZY-07-1", "SHGY-02-1", "SHGY-04-1", "SHGY-05-1", "SHGY-06-1"},
			decisions, []string{"GGWS-01-1", "LWLB-01-1"})},
	}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			u, ok := c.Units.Lookup(tt.unit)
			if !ok {
				t.Fatalf("unit %s not found", tt.unit)
			}
			got := codes(c.For(u))
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("indicators of %s:\n got %v\nwant %v", tt.unit, got, want)
			}
		})
	}
}

func codes(inds []xxgk.Indicator) []string {
	out := make([]string, len(inds))
	for i, ind := range inds {
		out[i] = ind.Code
	}
	return out
}

func TestSeedEveryDepartmentGetsDecisions(t *testing.T) {
	c := builtin(t)
	depts, counties := 0, 0
	for _, u := range c.Units.All() {
		got := codes(c.For(u))
		has := slices.Contains(got, "JCGK-01-1") && slices.Contains(got, "JCGK-02-1") && slices.Contains(got, "JCGK-03-1")
		switch u.Kind {
		case xxgk.Department:
			depts++
			if !has {
				t.Errorf("%s lacks the 决策公开 items: %v", u.Short, got)
			}
		case xxgk.County:
			counties++
			if !has {
				t.Errorf("county %s lacks the 决策公开 items under the default (full) scope: %v", u.Short, got)
			}
			if n := len(c.For(u)); n != len(c.Indicators) {
				t.Errorf("county %s gets %d indicators by default, want the whole table (%d)", u.Short, n, len(c.Indicators))
			}
		}
	}
	if depts != 26 || counties != 10 {
		t.Errorf("%d departments and %d counties, want 26 and 10", depts, counties)
	}
}

func TestSeedCodes(t *testing.T) {
	c := builtin(t)
	pat := regexp.MustCompile(`^[A-Z]+-\d{2}-\d+$`)
	seen := map[string]bool{}
	for _, ind := range c.Indicators {
		if !pat.MatchString(ind.Code) {
			t.Errorf("code %q does not match %s", ind.Code, pat)
		}
		if seen[ind.Code] {
			t.Errorf("code %s twice", ind.Code)
		}
		seen[ind.Code] = true
	}
	useen := map[string]bool{}
	for _, u := range c.Units.All() {
		if useen[u.Code] {
			t.Errorf("unit code %s twice", u.Code)
		}
		useen[u.Code] = true
	}
}

// TestSeedFields checks the cells that are easy to get wrong in the Word dump.
func TestSeedFields(t *testing.T) {
	c := builtin(t)
	get := func(code string) xxgk.Indicator {
		t.Helper()
		ind, ok := c.Indicator(code)
		if !ok {
			t.Fatalf("no indicator %s", code)
		}
		return ind
	}
	if ind := get("CZ-03-2"); ind.Frequency != "每月" || ind.Content != "市政府、各县区政府预判财政收入走势" {
		t.Errorf("CZ-03-2 = %+v", ind)
	}
	if ind := get("CZ-04-1"); ind.UnitsRaw != "市财政局、各县区" || !ind.AllCounty || ind.AllDepts || ind.Report != "经济财政状况、债务发行、存续期管理等信息。" {
		t.Errorf("CZ-04-1 = %+v", ind)
	}
	if ind := get("ZDXM-02-1"); ind.UnitsRaw != get("ZDXM-01-1").UnitsRaw || !ind.OpenEnded {
		t.Errorf("ZDXM-02-1 does not inherit ZDXM-01-1's units: %+v", ind)
	}
	if ind := get("ZDXM-05-1"); ind.Report != xxgk.ReportSameAsContent || !strings.Contains(ind.UnitsRaw, "市自然资源、") {
		t.Errorf("ZDXM-05-1 = %+v", ind)
	}
	if ind := get("SHGY-04-1"); ind.Report != "" || ind.UnitsRaw != "市卫健委、市人社局、市医保局、市市场监管局等相关职能部门" || !ind.OpenEnded {
		t.Errorf("SHGY-04-1 = %+v", ind)
	}
	if ind := get("JCGK-01-1"); strings.Count(ind.Content, "\n") != 2 || !ind.AllDepts || len(ind.Units) != 0 {
		t.Errorf("JCGK-01-1 = %+v", ind)
	}
	for _, code := range []string{"GGWS-01-1", "FXFX-01-1", "LWLB-01-1"} {
		if ind := get(code); ind.SubArea != "" || ind.Display != "专题" {
			t.Errorf("%s: sub-area %q display %q, want empty and 专题", code, ind.SubArea, ind.Display)
		}
	}
	if ind := get("XZSP-01-1"); ind.SubArea != "" || ind.Display != "" {
		t.Errorf("XZSP-01-1 = %+v", ind)
	}
	if ind := get("GGWS-01-1"); ind.Report != "公开突发公共事件应急预案" || ind.Units[0] != "WJW" {
		t.Errorf("GGWS-01-1 = %+v", ind)
	}
	for _, ind := range c.Indicators {
		if strings.Contains(ind.Content, "每月公开一次") {
			t.Errorf("%s: the frequency row became content", ind.Code)
		}
	}
}

func TestSeedUnits(t *testing.T) {
	c := builtin(t)
	for name, want := range map[string]string{
		"市自然资源":      "ZRZYJ",
		"市农业局":       "NYNCJ",
		"市教育体育局":     "JYTYJ",
		"安康市卫生健康委员会": "WJW",
		"旬阳市":        "610928",
		"汉滨区":        "610902",
		"ＣＺＪ":        "CZJ",
	} {
		u, ok := c.Units.Lookup(name)
		if !ok || u.Code != want {
			t.Errorf("Lookup(%s) = %s %v, want %s", name, u.Code, ok, want)
		}
	}
	u, _ := c.Units.Lookup("市农业局")
	if u.Short != "市农业农村局" || u.Name != "安康市农业农村局" || u.Kind != xxgk.Department {
		t.Errorf("市农业局 = %+v", u)
	}
	u, _ = c.Units.Lookup("汉滨区")
	if u.Name != "汉滨区人民政府" || u.Kind != xxgk.County {
		t.Errorf("汉滨区 = %+v", u)
	}
	if c.Scope != xxgk.CountyFull {
		t.Errorf("scope %q", c.Scope)
	}
}
