package importer

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// The 市财政局 template of the test catalog has its labels in row 2 (填报人 value H2,
// 联系电话 value K2), the header in row 4 and four indicator rows:
//
//	5 CZ-01-1   6 CZ-01-2   7 CZ-03-1 (monthly)   8 ZDXM-01 (needs a report)
//
// with G 是否开设栏目, H 栏目名称, I 栏目网址, J 最近更新日期, K 发布信息条数, L 报送内容, M 备注.

// validBook is the 市财政局 template with every row filled correctly.
func validBook(tb testing.TB) []byte {
	tb.Helper()
	return editBook(tb, template(tb, testCatalog(tb), "市财政局"), func(f *excelize.File) {
		set := map[string]any{"H2": "王芳", "K2": "0915-3201058"}
		for r := 5; r <= 8; r++ {
			row := itoa(r)
			set["G"+row] = "已开设"
			set["H"+row] = "预决算公开"
			set["I"+row] = "http://www.ankang.gov.cn/Node-1" + row + ".html"
			set["J"+row] = 44089.0 // 2020-09-15
			set["K"+row] = 12
		}
		set["L8"] = "已报送项目批准文件"
		setCells(tb, f, xxgk.SheetForm, set)
	})
}

func itoa(n int) string { return strconv.Itoa(n) }

func setCells(tb testing.TB, f *excelize.File, sheet string, cells map[string]any) {
	tb.Helper()
	for c, v := range cells {
		var err error
		switch v := v.(type) {
		case nil:
			err = f.SetCellValue(sheet, c, nil)
		case string:
			err = f.SetCellStr(sheet, c, v)
		case float64:
			err = f.SetCellFloat(sheet, c, v, -1, 64)
		default:
			err = f.SetCellValue(sheet, c, v)
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// editBook opens a workbook, applies fn and saves it again.
func editBook(tb testing.TB, data []byte, fn func(f *excelize.File)) []byte {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	fn(f)
	buf, err := f.WriteToBuffer()
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// problemLines renders problems as "严重程度 位置 值 → 消息" for exact comparison.
func problemLines(ps xxgk.Problems) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Severity.Label()+" "+p.Where()+" “"+p.Value+"” "+p.Message)
	}
	return out
}

func TestValidBook(t *testing.T) {
	c := readBook(t, "2020_市财政局.xlsx", validBook(t))
	if !c.Accepted() || len(c.Problems) != 0 {
		t.Fatalf("problems: %v", problemLines(c.Problems))
	}
	sub := c.Submission
	if sub.Filler != "王芳" || sub.Phone != "0915-3201058" || len(sub.Items) != 4 || sub.Unit != "CZJ" || sub.Round != "2020" || sub.ImportedBy != "tester" || !sub.ImportedAt.Equal(testNow) {
		t.Fatalf("submission %+v", sub)
	}
	it := sub.Items[0]
	if it.Code != "CZ-01-1" || it.Status != xxgk.Opened || it.URL != "http://www.ankang.gov.cn/Node-15.html" || xxgk.FormatDate(it.LastUpdate) != "2020-09-15" || it.Count != 12 {
		t.Errorf("item %+v", it)
	}
	if c.Counts != (xxgk.Counts{Assigned: 4, Opened: 4}) {
		t.Errorf("counts %+v", c.Counts)
	}
}

// TestCellChecks changes cells of a valid workbook and expects exactly these problems.
func TestCellChecks(t *testing.T) {
	cases := []struct {
		name  string
		cells map[string]any
		want  []string
	}{
		{"status empty", map[string]any{"G5": nil}, []string{"错误 填报表!G5 “” 未填写，请从下拉列表选择“已开设”“未开设”或“不适用”"}},
		{"status invalid", map[string]any{"G5": "开了"}, []string{"错误 填报表!G5 “开了” 不是有效选项，请从下拉列表选择“已开设”“未开设”或“不适用”"}},
		{"status synonym", map[string]any{"G5": "是"}, []string{"警告 填报表!G5 “是” 已按“已开设”处理，请今后从下拉列表选择"}},
		{"status full-width spaces", map[string]any{"G5": "　已开设 "}, nil},
		{"name missing", map[string]any{"H5": nil}, []string{"错误 填报表!H5 “” 栏目已开设，请填写栏目名称"}},
		{"url missing", map[string]any{"I5": nil}, []string{"错误 填报表!I5 “” 栏目已开设，请填写栏目网址（以 http:// 或 https:// 开头）"}},
		{"url without scheme", map[string]any{"I5": "www.ankang.gov.cn/xxgk"}, []string{"错误 填报表!I5 “www.ankang.gov.cn/xxgk” 不是有效网址，应以 http:// 或 https:// 开头，例如 http://www.ankang.gov.cn/xxgk/"}},
		{"url not gov.cn", map[string]any{"I5": "https://mp.weixin.qq.com/s/abc"}, []string{"警告 填报表!I5 “https://mp.weixin.qq.com/s/abc” 网址不在 gov.cn 域名下，请确认是否为本单位政府网站栏目"}},
		{"date missing", map[string]any{"J5": nil}, []string{"错误 填报表!J5 “” 栏目已开设，请填写最近更新日期"}},
		{"date without day", map[string]any{"J5": "2020.9"}, []string{"错误 填报表!J5 “2020.9” 不是有效日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		{"date nonsense", map[string]any{"J5": "九月中旬"}, []string{"错误 填报表!J5 “九月中旬” 不是有效日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		// Text is never an Excel serial: "9.15" is not 1900-01-08, "2020" not 1905-07-12.
		{"date text month.day", map[string]any{"J5": "9.15"}, []string{"错误 填报表!J5 “9.15” 不是有效日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		{"date text year", map[string]any{"J5": "2020"}, []string{"错误 填报表!J5 “2020” 不是有效日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		{"date text serial", map[string]any{"J5": "44089"}, []string{"错误 填报表!J5 “44089” 不是有效日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		{"date text yyyymmdd", map[string]any{"J5": "20200915"}, nil},
		{"date number yyyymmdd", map[string]any{"J5": 20200915.0}, nil},
		{"date before 2000", map[string]any{"J5": "1999-12-31"}, []string{"错误 填报表!J5 “1999-12-31” 读作 1999-12-31，早于 2000-01-01，不是有效的最近更新日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		{"date small serial", map[string]any{"J5": 9.15}, []string{"错误 填报表!J5 “9.15” 读作 1900-01-08，早于 2000-01-01，不是有效的最近更新日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		{"date in the future", map[string]any{"J5": "2020-09-19"}, []string{"错误 填报表!J5 “2020-09-19” 晚于今天（2020-09-18），请填写栏目实际最近更新的日期"}},
		{"date stale", map[string]any{"J5": "2020/3/1"}, []string{"警告 填报表!J5 “2020-03-01” 栏目已超过 6个月未更新（以截止日期 2020-09-20 计），存在“不更新”风险"}},
		{"count missing", map[string]any{"K5": nil}, []string{"错误 填报表!K5 “” 栏目已开设，请填写发布信息条数"}},
		{"count negative", map[string]any{"K5": -1}, []string{"错误 填报表!K5 “-1” 应为大于或等于 0 的整数"}},
		{"count fraction", map[string]any{"K5": "3.5"}, []string{"错误 填报表!K5 “3.5” 应为大于或等于 0 的整数"}},
		{"count as text", map[string]any{"K5": "１２"}, nil},
		{"count with a unit", map[string]any{"K5": "１２条"}, []string{"警告 填报表!K5 “１２条” 已按 12 处理，请今后只填写数字，不要带“条”“约”等文字"}},
		{"count zero", map[string]any{"K5": 0}, []string{"警告 填报表!K5 “0” 栏目已开设但发布信息为 0 条，属于“空白栏目”风险"}},
		{"report missing", map[string]any{"L8": nil}, []string{"错误 填报表!L8 “” 本指标需报送信息（此类公开信息报送），请填写报送内容"}},
		{"not opened without reason", map[string]any{"G6": "未开设", "H6": nil, "I6": nil, "J6": nil, "K6": nil}, []string{"错误 填报表!M6 “” 选择“未开设”时请在备注中说明原因"}},
		{"not applicable with reason", map[string]any{"G6": "不适用", "H6": nil, "I6": nil, "J6": nil, "K6": nil, "M6": "本单位无此职能"}, nil},
		{"filler missing", map[string]any{"H2": nil}, []string{"错误 填报表!H2 “” 未填写填报人"}},
		{"phone missing", map[string]any{"K2": nil}, []string{"错误 填报表!K2 “” 未填写联系电话"}},
		{"phone invalid", map[string]any{"K2": "找王科长"}, []string{"错误 填报表!K2 “找王科长” 不像电话号码，请填写如 0915-3201058 或 13800000000"}},
		{"locked area edited", map[string]any{"C5": "财政"}, []string{"错误 填报表!C5 “财政” 锁定的“一级指标”内容被修改，应为“财政信息”。请勿修改灰色的指标内容列"}},
		{"locked content edited", map[string]any{"E7": "财政收支"}, []string{"错误 填报表!E7 “财政收支” 锁定的“信息公开内容”内容被修改，应为“财政收支情况”。请勿修改灰色的指标内容列"}},
		{"locked cell respaced", map[string]any{"C5": " 财政 信息 "}, nil},
		{"unknown code", map[string]any{"B5": "XX-99"}, []string{
			"错误 填报表!B5 “XX-99” 不是本轮指标表中的指标编码，请勿修改“指标编码”列",
			"错误 填报表 “” 缺少指标“CZ-01-1 预决算公开：市政府、市政府各部门、各县区政府预算信息”的行，请勿删除模板中的行或修改指标编码",
		}},
		{"code of another unit", map[string]any{"B5": "WS-01-1"}, []string{
			"错误 填报表!B5 “WS-01-1” 该指标不属于本单位本轮需要填报的指标，请勿从其他单位的模板复制行",
			"错误 填报表 “” 缺少指标“CZ-01-1 预决算公开：市政府、市政府各部门、各县区政府预算信息”的行，请勿删除模板中的行或修改指标编码",
		}},
		{"duplicate code", map[string]any{"B6": "CZ-01-1", "D6": "预决算公开", "E6": "市政府、市政府各部门、各县区政府预算信息"}, []string{
			"错误 填报表!B6 “CZ-01-1” 指标编码重复出现（第 5 行已有同一编码），每个指标只能有一行，请删除多余的行",
			"错误 填报表 “” 缺少指标“CZ-01-2 预决算公开：市政府、市政府各部门、各县区政府决算信息”的行，请勿删除模板中的行或修改指标编码",
		}},
		{"extra row without code", map[string]any{"H12": "另加的栏目"}, []string{"错误 填报表!H12 “另加的栏目” 第 12 行没有指标编码却填写了内容。请勿在表格中插入行，每个指标只填写模板中对应的那一行"}},
		{"code in lower case with spaces", map[string]any{"B5": " cz-01-1 "}, nil},
	}
	base := validBook(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := editBook(t, base, func(f *excelize.File) { setCells(t, f, xxgk.SheetForm, c.cells) })
			got := problemLines(readBook(t, "2020_市财政局.xlsx", data).Problems)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestRowDeleted(t *testing.T) {
	data := editBook(t, validBook(t), func(f *excelize.File) {
		f.UnprotectSheet(xxgk.SheetForm)
		if err := f.RemoveRow(xxgk.SheetForm, 6); err != nil {
			t.Fatal(err)
		}
	})
	got := problemLines(readBook(t, "x.xlsx", data).Problems)
	want := []string{"错误 填报表 “” 缺少指标“CZ-01-2 预决算公开：市政府、市政府各部门、各县区政府决算信息”的行，请勿删除模板中的行或修改指标编码"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q", got)
	}
}

// TestLayoutChanges: rows inserted above, a column inserted in the middle, the sheet
// renamed: the file is still read, by labels and codes, and problems point at the cells
// where they now are.
func TestLayoutChanges(t *testing.T) {
	data := editBook(t, validBook(t), func(f *excelize.File) {
		f.UnprotectSheet(xxgk.SheetForm)
		if err := f.InsertRows(xxgk.SheetForm, 1, 2); err != nil {
			t.Fatal(err)
		}
		if err := f.InsertCols(xxgk.SheetForm, "H", 1); err != nil {
			t.Fatal(err)
		}
		setCells(t, f, xxgk.SheetForm, map[string]any{"H6": "我加的列", "H7": "x", "J7": "ftp://x"})
		if err := f.SetSheetName(xxgk.SheetForm, "Sheet1"); err != nil {
			t.Fatal(err)
		}
	})
	c := readBook(t, "x.xlsx", data)
	got := problemLines(c.Problems)
	want := []string{
		"警告 Sheet1 “Sheet1” 工作表“填报表”已被改名，已按表头在此工作表中找到填报内容；请勿修改工作表名称",
		"错误 Sheet1!J7 “ftp://x” 不是有效网址，应以 http:// 或 https:// 开头，例如 http://www.ankang.gov.cn/xxgk/",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
}

func TestDateForms(t *testing.T) {
	want := time.Date(2020, 9, 15, 0, 0, 0, 0, time.UTC)
	forms := map[string]any{"J5": 44089.0, "J6": "2020-09-15", "J7": "２０２０年９月１５日", "J8": "2020.9.15"}
	data := editBook(t, validBook(t), func(f *excelize.File) { setCells(t, f, xxgk.SheetForm, forms) })
	c := readBook(t, "x.xlsx", data)
	if !c.Accepted() {
		t.Fatal(problemLines(c.Problems))
	}
	for _, it := range c.Submission.Items {
		if !it.LastUpdate.Equal(want) {
			t.Errorf("%s: %v", it.Code, it.LastUpdate)
		}
	}

	// A date cell with a format that hides the day still gives the serial.
	data = editBook(t, validBook(t), func(f *excelize.File) {
		st, _ := f.NewStyle(&excelize.Style{CustomNumFmt: strPtr("yyyy年m月")})
		f.SetCellStyle(xxgk.SheetForm, "J5", "J5", st)
	})
	if c := readBook(t, "x.xlsx", data); !c.Submission.Items[0].LastUpdate.Equal(want) {
		t.Errorf("formatted date cell: %v", c.Submission.Items[0].LastUpdate)
	}

	// The 1904 date system: the same serial is four years and a day later.
	data = editBook(t, validBook(t), func(f *excelize.File) {
		yes := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
		setCells(t, f, xxgk.SheetForm, map[string]any{"J5": 44089.0 - 1462, "J6": 44089.0 - 1462, "J7": 44089.0 - 1462, "J8": 44089.0 - 1462})
	})
	if c := readBook(t, "x.xlsx", data); !c.Accepted() || !c.Submission.Items[0].LastUpdate.Equal(want) {
		t.Errorf("1904 workbook: %v %v", c.Submission.Items[0].LastUpdate, problemLines(c.Problems))
	}
	// A 1900-system serial left in a 1904 workbook is read as 1904: four years late.
	data = editBook(t, data, func(f *excelize.File) { setCells(t, f, xxgk.SheetForm, map[string]any{"J5": 44089.0}) })
	if got := problemLines(readBook(t, "x.xlsx", data).Problems); len(got) != 1 || got[0] != "错误 填报表!J5 “44089” 晚于今天（2020-09-18），请填写栏目实际最近更新的日期" {
		t.Errorf("1900 serial in a 1904 workbook: %q", got)
	}
}

func strPtr(s string) *string { return &s }

func TestFileNameOfAnotherUnit(t *testing.T) {
	c := readBook(t, "报送/2020_汉滨区_填报表.xlsx", validBook(t))
	got := problemLines(c.Problems)
	want := "警告  “2020_汉滨区_填报表.xlsx” 文件名指向“汉滨区”，但模板属于“市财政局”（以模板隐藏信息为准，已按“市财政局”处理），请核对是否报送错了文件"
	if len(got) != 1 || got[0] != want || !c.Accepted() {
		t.Errorf("got %q", got)
	}
	for _, name := range []string{"2020_市财政局.xlsx", "安康市财政局-信息公开.xlsx", "填报表(1).xlsx"} {
		if c := readBook(t, name, validBook(t)); len(c.Problems) != 0 {
			t.Errorf("%s: %q", name, problemLines(c.Problems))
		}
	}
}

func TestIdentification(t *testing.T) {
	cases := []struct {
		name string
		edit func(f *excelize.File)
		want string
	}{
		{"meta sheet deleted", func(f *excelize.File) { f.DeleteSheet(xxgk.SheetMeta) },
			"错误  “” 找不到模板的隐藏信息（工作表 xxgk_meta），无法确定轮次和单位。请使用本轮下发的模板填报，不要把内容复制到新建的工作簿中"},
		{"unknown unit", func(f *excelize.File) { f.SetCellStr(xxgk.SheetMeta, "B3", "NOPE") },
			"错误 xxgk_meta “NOPE” 模板中的单位编码不在轮次“2020”的单位名单中，无法确定填报单位，请使用下发给本单位的模板"},
		{"unknown round", func(f *excelize.File) { f.SetCellStr(xxgk.SheetMeta, "B2", "2019") },
			"错误 xxgk_meta “2019” 数据库中没有轮次“2019”，无法导入。请确认该轮模板是由本系统生成的，或先创建该轮次"},
		{"future format", func(f *excelize.File) { f.SetCellStr(xxgk.SheetMeta, "B1", "9") },
			"错误 xxgk_meta “” 模板格式版本为 9，本程序只能读取版本 1，请使用本轮下发的模板重新填报"},
		{"header destroyed", func(f *excelize.File) {
			f.SetCellStr(xxgk.SheetForm, "B4", "编码")
			f.SetCellStr(xxgk.SheetForm, "G4", "状态")
		},
			"错误 填报表 “” 找不到填报表：没有哪个工作表含有“指标编码”“是否开设栏目”等列名的表头行。请使用下发的模板填报，不要删除或修改表头"},
		{"column deleted", func(f *excelize.File) { f.UnprotectSheet(xxgk.SheetForm); f.RemoveCol(xxgk.SheetForm, "J") },
			"错误 填报表!4:4 “” 表头（第 4 行）缺少“最近更新日期”列，请勿删除或修改模板中的列名"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := problemLines(readBook(t, "x.xlsx", editBook(t, validBook(t), c.edit)).Problems)
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("got %q\nwant %q", got, c.want)
			}
		})
	}
}
