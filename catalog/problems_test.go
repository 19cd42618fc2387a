package catalog

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestRowRanges(t *testing.T) {
	tests := []struct {
		rows []int
		want string
	}{
		{[]int{7}, "7"},
		{[]int{2, 3}, "2–3"},
		{[]int{2, 4}, "2、4"},
		{[]int{2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15}, "2–10、12、15"},
		{[]int{2, 5, 6, 7, 9, 10}, "2、5–7、9–10"},
	}
	for _, tt := range tests {
		if got := rowRanges(tt.rows); got != tt.want {
			t.Errorf("rowRanges(%v) = %q, want %q", tt.rows, got, tt.want)
		}
	}
}

// wantLines checks the problems of err line by line, and the count on the first line.
func wantLines(t testing.TB, err error, want ...string) {
	t.Helper()
	if got := problemLines(t, err); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if first, _, _ := strings.Cut(err.Error(), "\n"); first != fmt.Sprintf("指标表或单位名单有 %d 处问题，整表未载入：", len(want)) {
		t.Errorf("first line %q", first)
	}
}

// TestUnitCodesAndShortNames: the unit list as the office edits it in Excel, with Chinese
// headers (单位名称 is the short name).
func TestUnitCodesAndShortNames(t *testing.T) {
	ir, _ := seedRows(t)
	head := []string{"单位编码", "单位全称", "单位名称", "类型"}
	tests := []struct {
		name string
		head []string
		rows [][]string
		want []string // nil: loads
	}{
		{"code typed twice", head, [][]string{
			{"CZJ", "安康市财政局", "市财政局", "部门"},
			{"FGW", "安康市发展和改革委员会", "市发改委", "部门"},
			{"SJJ", "安康市审计局", "市审计局", "部门"},
			{"CZJ", "安康市市场监督管理局", "市市场监管局", "部门"},
		}, []string{"单位名单 u.csv 第 5 行：单位编码“CZJ”与第 2 行重复"}},
		{"code differs only in spaces", head, [][]string{
			{"CZJ", "安康市财政局", "市财政局", "部门"},
			{" CZJ ", "安康市审计局", "市审计局", "部门"},
		}, []string{"单位名单 u.csv 第 3 行：单位编码“CZJ”与第 2 行重复"}},
		{"row pasted twice: one line", head, [][]string{
			{"CZJ", "安康市财政局", "市财政局", "部门"},
			{"FGW", "安康市发展和改革委员会", "市发改委", "部门"},
			{"CZJ", "安康市财政局", "市财政局", "部门"},
		}, []string{"单位名单 u.csv 第 4 行：单位编码“CZJ”与第 2 行重复"}},
		{"code and a name clashing with different rows", head, [][]string{
			{"CZJ", "安康市财政局", "市财政局", "部门"},
			{"FGW", "安康市发展和改革委员会", "市发改委", "部门"},
			{"CZJ", "安康市发改委", "市发改委", "部门"},
		}, []string{
			"单位名单 u.csv 第 4 行：单位编码“CZJ”与第 2 行重复",
			"单位名单 u.csv 第 4 行：名称“市发改委”与第 3 行的“市发改委”重复",
		}},
		{"name clash keeps the name message", head, [][]string{
			{"CZJ", "安康市财政局", "市财政局", "部门"},
			{"CZJ2", "", "市财政局", "部门"},
		}, []string{"单位名单 u.csv 第 3 行：名称“市财政局”与第 2 行的“市财政局”重复"}},
		{"blank short name with a full name", head, [][]string{
			{"CZJ", "安康市财政局", "市财政局", "部门"},
			{"GXQ", "安康高新技术产业开发区管理委员会", "", "部门"},
		}, []string{"单位名单 u.csv 第 3 行：缺少单位简称（“单位名称”列为空；全称为“安康高新技术产业开发区管理委员会”）"}},
		{"blank short and full name", head, [][]string{
			{"CZJ", "安康市财政局", "市财政局", "部门"},
			{"GXQ", "", "", "部门"},
		}, []string{"单位名单 u.csv 第 3 行：缺少单位简称和全称"}},
		{"short-name column only, wrapped header", []string{"单位编码", "单位\n名称", "类型"}, [][]string{
			{"CZJ", "市财政局", "部门"},
			{"GXQ", "", "部门"},
		}, []string{"单位名单 u.csv 第 3 行：缺少单位简称（“单位名称”列为空）"}},
		{"full-name column only", []string{"单位编码", "单位全称", "类型"}, [][]string{
			{"CZJ", "市财政局", "部门"},
			{"GXQ", "", "部门"},
		}, []string{"单位名单 u.csv 第 3 行：缺少单位全称（“单位全称”列为空）"}},
		{"blank full name takes the short name", head, [][]string{
			{"CZJ", "", "市财政局", "部门"},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			up := writeCSV(t, t.TempDir(), "u.csv", append([][]string{tt.head}, tt.rows...), false)
			ip := writeCSV(t, t.TempDir(), "i.csv", ir[:2], false) // CZ-01-1: 市财政局、各县区、各部门
			c, err := Load(ip, up)
			if tt.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				if u, _ := c.Units.Lookup("CZJ"); u.Name != "市财政局" || u.Short != "市财政局" {
					t.Errorf("unit %+v", u)
				}
				return
			}
			wantLines(t, err, tt.want...)
		})
	}
}

// TestFullNameColumnOnly: a list without a short-name column uses full names as short names.
func TestFullNameColumnOnly(t *testing.T) {
	ir, _ := seedRows(t)
	units := [][]string{{"单位编码", "单位全称", "类型"}, {"CZJ", "市财政局", "部门"}}
	c, err := Parse(ir[:2], units, "i.csv", "u.csv")
	if err != nil {
		t.Fatal(err)
	}
	if u, ok := c.Units.Lookup("CZJ"); !ok || u.Short != "市财政局" || u.Name != "市财政局" {
		t.Errorf("unit %+v", u)
	}
}

// TestUnknownUnitGrouped: one unit left out of the unit list is one line listing its rows,
// placed by its first row among the other problems, which stay one per line.
func TestUnknownUnitGrouped(t *testing.T) {
	_, ur := seedRows(t)
	var units [][]string
	for _, r := range ur {
		if r[0] != "CZJ" { // 市财政局 forgotten in next year's list
			units = append(units, r)
		}
	}
	rows := [][]string{{"指标编码", "一级指标", "二级指标", "信息公开内容", "建设单位"}}
	add := func(code, area, content, units string) {
		rows = append(rows, []string{code, area, "", content, units})
	}
	for i := 2; i <= 10; i++ { // rows 2–10
		add(fmt.Sprintf("A-%d", i), "财政信息", "内容", "市财政局、各县区")
	}
	add("A-11", "财政信息", "", "各部门")                // 11: missing content
	add("A-12", "财政信息", "内容", "市审计局、市财政局")        // 12
	add("A-13", "决策公开", "内容", "市新区管委会")           // 13: another unknown name
	add("A-14", "决策公开", "内容", "市财政局")             // 14
	add("A-15", "决策公开", "内容", "")                 // 15: inherits 市财政局 from 14, not listed
	add("A-12", "其他", "内容", " 市财政局 、市财政局、市新区管委会") // 16: duplicate code, both names again
	rows = append(rows, []string{}, []string{"A-18", "其他", "", "内容", "市财政局"})

	_, err := Load(writeXLSX(t, t.TempDir(), "2021.xlsx", rows), writeCSV(t, t.TempDir(), "u.csv", units, false))
	f := "指标表 2021.xlsx "
	wantLines(t, err,
		f+"第 2–10、12、14、16、18 行：建设单位“市财政局”不在单位名单中，最接近的是“市民政局”",
		f+"第 11 行：缺少信息公开内容",
		f+"第 13、16 行：建设单位“市新区管委会”不在单位名单中",
		f+"第 16 行：指标编码“A-12”与第 12 行重复",
	)
}
