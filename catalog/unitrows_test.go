package catalog

import (
	"slices"
	"strings"
	"testing"

	"xxgk"
)

// TestUnitKindSpellings: the kinds offices write in their own lists are understood.
func TestUnitKindSpellings(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want xxgk.UnitKind
	}{
		{"区县", xxgk.County}, {"县", xxgk.County}, {"区", xxgk.County}, {"市区", xxgk.County}, {"县区", xxgk.County}, {"county", xxgk.County},
		{"部门", xxgk.Department}, {"市级部门", xxgk.Department}, {"单位", xxgk.Department}, {"department", xxgk.Department},
	} {
		_, units := seedRows(t)
		units = append(units, []string{"NEW", "安康市新设单位", "市新设单位", c.raw, ""})
		ir, _ := seedRows(t)
		cat, err := Parse(ir, units, "i.csv", "u.csv")
		if err != nil {
			t.Errorf("%s: %v", c.raw, err)
			continue
		}
		if u, ok := cat.Units.Lookup("市新设单位"); !ok || u.Kind != c.want {
			t.Errorf("%s: %+v", c.raw, u)
		}
	}
}

// TestRefusedUnitRowOneCause: a unit row refused (here a kind nobody can read) is the one
// problem reported; the built-in table's rows naming that unit are not listed again as
// unknown units.
func TestRefusedUnitRowOneCause(t *testing.T) {
	ir, units := seedRows(t)
	for i, r := range units {
		if r[2] == "市财政局" {
			units[i] = []string{r[0], r[1], r[2], "委员会", r[4]}
		}
	}
	_, err := Parse(ir, units, "indicators2020.csv", "u.csv")
	want := []string{"单位名单 u.csv 第 2 行：单位类型“委员会”无法识别，应为 department/部门 或 county/县区"}
	if got := problemLines(t, err); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestClosestOnlyWhenClose: a suggestion is made only for a name that is actually close.
func TestClosestOnlyWhenClose(t *testing.T) {
	_, ur := seedRows(t)
	us, ps, _ := parseUnits(ur, "u.csv")
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	for name, want := range map[string]string{
		"市财政厅":     "市财政局",
		"市 财政":     "市财政局",
		"市卫健局":     "市卫健委",
		"某某科技有限公司": "",
		"XYZ":      "",
		"教育":       "",
	} {
		if got := us.Closest(name); got != want {
			t.Errorf("Closest(%q) = %q, want %q", name, got, want)
		}
	}
}
