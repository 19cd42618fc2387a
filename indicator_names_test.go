package xxgk_test

import (
	"testing"

	"xxgk"
	"xxgk/catalog"
)

// TestIndicatorNames: the 2020 table's siblings get the short forms the office uses;
// an indicator with a name of its own keeps it.
func TestIndicatorNames(t *testing.T) {
	cat, err := catalog.Load("", "")
	if err != nil {
		t.Fatal(err)
	}
	names := cat.Names()
	for code, want := range map[string]string{
		"CZ-01-1": "预决算公开（预算）", "CZ-01-2": "预决算公开（决算）",
		"CZ-02-1": "三公经费公开（出国（境））", "CZ-02-2": "三公经费公开（公务用车）",
		"CZ-02-3": "三公经费公开（公务接待）", "CZ-02-4": "三公经费公开（增减原因）",
		"CZ-03-1": "公开财政收支信息（增减变化）", "CZ-03-2": "公开财政收支信息（预判财政收入走势）",
		"JCGK-03-1": "部门文件",
	} {
		if names[code] != want {
			t.Errorf("%s named %q, want %q", code, names[code], want)
		}
	}
	seen := map[string]string{}
	for _, ind := range cat.Indicators {
		key := ind.Area + "／" + names[ind.Code]
		if other, ok := seen[key]; ok {
			t.Errorf("%s and %s both print as %q", other, ind.Code, key)
		}
		seen[key] = ind.Code
	}
}

func TestListNames(t *testing.T) {
	abc := []string{"甲", "乙", "丙"}
	for _, tc := range []struct {
		max  int
		want string
	}{{3, "甲、乙、丙"}, {20, "甲、乙、丙"}, {2, "甲、乙等3个单位"}} {
		if got := xxgk.ListNames(abc, tc.max); got != tc.want {
			t.Errorf("ListNames(%d) = %q, want %q", tc.max, got, tc.want)
		}
	}
}
