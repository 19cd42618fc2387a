package catalog

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"xxgk"
)

func sameCatalog(t testing.TB, got, want *xxgk.Catalog) {
	t.Helper()
	if len(got.Indicators) != len(want.Indicators) {
		t.Fatalf("%d indicators, want %d", len(got.Indicators), len(want.Indicators))
	}
	for i := range want.Indicators {
		if !reflect.DeepEqual(got.Indicators[i], want.Indicators[i]) {
			t.Errorf("row %d:\n got %+v\nwant %+v", i+2, got.Indicators[i], want.Indicators[i])
		}
	}
	if !reflect.DeepEqual(got.Units.All(), want.Units.All()) {
		t.Errorf("units differ:\n got %+v\nwant %+v", got.Units.All(), want.Units.All())
	}
}

// wordLike turns the seed rows into what an office clerk gets by pasting the Word table
// into Excel: repeated 一级指标/二级指标/建设单位 cells left blank (merged), and
// 以专题形式展现 in the 二级指标 column instead of a display column.
func wordLike(rows [][]string) (out [][]string, areaMerges []string) {
	const area, sub, units, display = 1, 2, 5, 7
	out = [][]string{slices.Delete(slices.Clone(rows[0]), display, display+1)}
	start := 2
	for i := 1; i < len(rows); i++ {
		r := slices.Clone(rows[i])
		prev := rows[i-1]
		if r[display] == "专题" {
			r[sub] = "以专题形式展现"
		}
		r = slices.Delete(r, display, display+1)
		if i > 1 && r[area] == prev[area] {
			if r[sub] == prev[sub] {
				r[sub] = ""
			}
			if r[units] == prev[units] {
				r[units] = ""
			}
			r[area] = ""
		} else if i > 1 {
			if i-start > 0 {
				areaMerges = append(areaMerges, fmt.Sprintf("B%d:B%d", start, i))
			}
			start = i + 1
		}
		out = append(out, r)
	}
	return out, areaMerges
}

func TestRoundTripXLSX(t *testing.T) {
	want := builtin(t)
	ir, ur := seedRows(t)
	dir := t.TempDir()
	t.Run("plain", func(t *testing.T) {
		ip := writeXLSX(t, dir, "指标2021.xlsx", chineseHeaders(ir, zhIndicatorHeaders))
		up := writeXLSX(t, dir, "单位.xlsx", chineseHeaders(ur, zhUnitHeaders))
		got, err := Load(ip, up)
		if err != nil {
			t.Fatal(err)
		}
		sameCatalog(t, got, want)
	})
	t.Run("merged cells as pasted from Word", func(t *testing.T) {
		rows, merges := wordLike(ir)
		if len(merges) < 4 {
			t.Fatalf("merges %v", merges)
		}
		ip := writeXLSX(t, dir, "merged.xlsx", chineseHeaders(rows, zhIndicatorHeaders), merges...)
		got, err := Load(ip, "")
		if err != nil {
			t.Fatal(err)
		}
		sameCatalog(t, got, want)
	})
}

func TestRoundTripCSV(t *testing.T) {
	want := builtin(t)
	ir, ur := seedRows(t)
	for _, gbk := range []bool{false, true} {
		t.Run(fmt.Sprintf("gb18030=%v", gbk), func(t *testing.T) {
			dir := t.TempDir()
			ip := writeCSV(t, dir, "indicators.csv", chineseHeaders(ir, zhIndicatorHeaders), gbk)
			up := writeCSV(t, dir, "units.csv", ur, gbk)
			if data, _ := os.ReadFile(ip); gbk == strings.Contains(string(data), "财政信息") {
				t.Fatalf("file not in the intended encoding")
			}
			got, err := Load(ip, up)
			if err != nil {
				t.Fatal(err)
			}
			sameCatalog(t, got, want)
		})
	}
}

func TestTabSeparated(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "units.txt")
	data := "单位编码\t单位名称\t类型\nX1\t市新区管委会\t部门\n"
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	rows, err := ReadRows(p, unitTable)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows, [][]string{{"单位编码", "单位名称", "类型"}, {"X1", "市新区管委会", "部门"}}) {
		t.Errorf("rows %q", rows)
	}
}

// problemLines returns the problems of a *LoadError, failing when err is anything else.
func problemLines(t testing.TB, err error) []string {
	t.Helper()
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("error %v (%T), want *LoadError", err, err)
	}
	lines := strings.Split(le.Error(), "\n")
	if lines[0] != fmt.Sprintf("指标表或单位名单有 %d 处问题，整表未载入：", len(le.Problems)) {
		t.Errorf("first line %q", lines[0])
	}
	if !slices.Equal(lines[1:], le.Lines()) {
		t.Errorf("Error() and Lines() differ")
	}
	return le.Lines()
}

func TestBadIndicators(t *testing.T) {
	rows := [][]string{
		{"指标编码", "一级指标", "二级指标", "信息公开内容", "需报送信息", "建设单位"},
		{"A-01-1", "财政信息", "预算", "内容一", "", "市财政局、各县区"},
		{"A-01-2", "", "", "内容二", "", ""},
		{"A-01-1", "财政信息", "决算", "内容三", "", "市财政局"},
		{},
		{"", "决策公开", "部门文件", "内容四", "", "各部门"},
		{"B-01-1", "其他", "", "内容五", "", ""},
		{"B-01-2", "其他", "", "内容六", "", "市自然资源厅、市发改委"},
		{"B-01-3", "其他", "", "", "", "市金融办等相关职能部门"},
		{"B-01-4", "其他", "", "内容七", "", "市新区管委会等"},
		{"B-01-5", "其他", "", "内容八", "", "等相关职能部门"},
	}
	for _, format := range []string{"xlsx", "csv"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			var p string
			if format == "xlsx" {
				p = writeXLSX(t, dir, "2021.xlsx", rows)
			} else {
				p = writeCSV(t, dir, "2021.csv", rows, false)
			}
			_, err := Load(p, "")
			f := "指标表 2021." + format
			want := []string{
				f + " 第 4 行：指标编码“A-01-1”与第 2 行重复",
				f + " 第 6 行：缺少指标编码",
				f + " 第 7 行：缺少建设单位（空白单元格只沿用同一一级指标内上一行的建设单位）",
				f + " 第 8 行：建设单位“市自然资源厅”不在单位名单中，最接近的是“市自然资源局”",
				f + " 第 9 行：缺少信息公开内容",
				f + " 第 10 行：建设单位“市新区管委会”不在单位名单中",
				f + " 第 11 行：建设单位“等相关职能部门”没有列出任何单位",
			}
			if got := problemLines(t, err); !slices.Equal(got, want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestBadHeader(t *testing.T) {
	_, err := Parse([][]string{{"一级指标", "信息公开内容", "备注"}, {"财政信息", "x", ""}}, nil, "t.csv", "u.csv")
	want := []string{
		"单位名单 u.csv：文件是空的，没有表头和数据",
		"指标表 t.csv 第 1 行：缺少“指标编码”列（表头可写 code、编码、指标编码、代码、指标代码）",
		"指标表 t.csv 第 1 行：缺少“建设单位”列（表头可写 units、建设单位、责任单位）",
	}
	if got := problemLines(t, err); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestBadUnits(t *testing.T) {
	ir, _ := seedRows(t)
	units := [][]string{
		{"code", "name", "short", "kind", "aliases"},
		{"CZJ", "安康市财政局", "市财政局", "department", ""},
		{"FGW", "安康市发展和改革委员会", "市发改委", "委员会", ""},
		{"", "安康市审计局", "市审计局", "部门", ""},
		{"CZJ2", "", "市财政局", "部门", ""},
		{"X", "", "", "county", ""},
		{"Y", "各县区人民政府", "各县区", "county", ""},
		{"ZRZYJ", "安康市自然资源局", "市自然资源局", "", "市自然资源"},
	}
	_, err := Parse(ir[:3], units, "i.csv", "units.csv")
	want := []string{
		"单位名单 units.csv 第 3 行：单位类型“委员会”无法识别，应为 department/部门 或 county/县区",
		"单位名单 units.csv 第 4 行：缺少单位编码",
		"单位名单 units.csv 第 5 行：名称“市财政局”与第 2 行的“市财政局”重复",
		"单位名单 units.csv 第 6 行：缺少单位简称和全称",
		"单位名单 units.csv 第 7 行：名称“各县区”是建设单位中的统称（各部门、各县区），不能用作单位名称",
		"单位名单 units.csv 第 8 行：缺少单位类型（应为 department/部门 或 county/县区）",
	}
	if got := problemLines(t, err); !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCSVRowNumbers: blank lines and multi-line cells must not shift the row numbers that
// Excel shows.
func TestCSVRowNumbers(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "t.csv")
	data := "code,area,content,units\n" +
		"A-1,财政信息,\"两段\n内容\",市财政局\n" +
		"\n" +
		"A-2,财政信息,x,市财政厅\n"
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p, "")
	want := []string{"指标表 t.csv 第 4 行：建设单位“市财政厅”不在单位名单中，最接近的是“市财政局”"}
	if got := problemLines(t, err); !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}

func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken.xlsx")
	if err := os.WriteFile(broken, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "missing.csv")
	tests := []struct {
		ind, units string
		prefix     string
	}{
		{missing, "", "无法读取指标表文件 " + missing + "：文件不存在"},
		{broken, "", "无法读取指标表文件 " + broken + "：不是有效的 .xlsx 文件（可能已损坏，或是改了扩展名的 .xls/.et 文件）"},
		{dir, "", "无法读取指标表文件 " + dir + "：只支持 .xlsx 和 .csv 文件"},
		{"", filepath.Join(dir, "missing.xlsx"), "无法读取单位名单文件 " + filepath.Join(dir, "missing.xlsx") + "：文件不存在"},
		{"", filepath.Join(dir, "units.xls"), "无法读取单位名单文件 units.xls：不支持 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 或 .csv"},
		{filepath.Join(dir, "t.docx"), "", "无法读取指标表文件 " + filepath.Join(dir, "t.docx") + "：只支持 .xlsx 和 .csv 文件"},
	}
	for _, tt := range tests {
		_, err := Load(tt.ind, tt.units)
		if err == nil || !strings.HasPrefix(err.Error(), tt.prefix) {
			t.Errorf("Load(%q, %q) = %v, want prefix %q", tt.ind, tt.units, err, tt.prefix)
		}
		var le *LoadError
		if errors.As(err, &le) {
			t.Errorf("unreadable file reported as a LoadError")
		}
	}
}

// TestUserUnitsExtend: the office adds a unit and an alias without a rebuild.
func TestUserUnitsExtend(t *testing.T) {
	ir, ur := seedRows(t)
	ur = append(slices.Clone(ur), []string{"GXQ", "安康高新技术产业开发区管理委员会", "安康高新区", "部门", "高新区|高新区管委会"})
	ir = append(slices.Clone(ir), []string{"ZX-01-1", "开发区专项", "", "园区信息", "", "高新区管委会、各县区", "", ""})
	c, err := Parse(ir, ur, "i.csv", "u.csv")
	if err != nil {
		t.Fatal(err)
	}
	u, _ := c.Units.Lookup("高新区")
	got := codes(c.For(u))
	if len(got) != 10 || got[len(got)-1] != "ZX-01-1" {
		t.Errorf("高新区 gets %v", got)
	}
	hb, _ := c.Units.Lookup("汉滨区")
	c.Scope = xxgk.CountyMandatory
	if n := len(c.For(hb)); n != 10 {
		t.Errorf("汉滨区 gets %d", n)
	}
}

// TestTitleAboveHeader: a sheet pasted from the notice starts with 附件： and a title.
func TestTitleAboveHeader(t *testing.T) {
	ir, _ := seedRows(t)
	rows := append([][]string{{"附件："}, {"安康市政府网站重点领域信息公开栏目建设指标"}, {}}, chineseHeaders(ir, zhIndicatorHeaders)...)
	p := writeXLSX(t, t.TempDir(), "title.xlsx", rows)
	got, err := Load(p, "")
	if err != nil {
		t.Fatal(err)
	}
	sameCatalog(t, got, builtin(t))

	rows[len(rows)-1][0] = "CZ-01-1" // a duplicate code on the last row: row numbers count the title
	p = writeXLSX(t, t.TempDir(), "title.xlsx", rows)
	_, err = Load(p, "")
	want := []string{fmt.Sprintf("指标表 title.xlsx 第 %d 行：指标编码“CZ-01-1”与第 5 行重复", len(rows))}
	if got := problemLines(t, err); !slices.Equal(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}
