package xxgk

import (
	"strings"
	"testing"
	"time"
)

func testChecker() Checker {
	return Checker{
		Round: Round{ID: "2020", Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC)},
		Today: time.Date(2020, 9, 18, 10, 0, 0, 0, ChinaTime),
	}
}

func TestCheckRow(t *testing.T) {
	withReport := Indicator{Code: "CZ-03-1", Area: "财政信息", SubArea: "地方政府债务信息", Report: "经济财政状况"}
	plain := Indicator{Code: "CZ-01-1", Area: "财政信息", SubArea: "预决算公开"}
	good := RowInput{Status: "已开设", ColumnName: "预算公开", URL: "http://www.ankang.gov.cn/czxx/", LastUpdate: "44089", LastUpdateNumeric: true, Count: "12", Reported: "已报送"}
	tests := []struct {
		name string
		ind  Indicator
		in   RowInput
		want []string // "severity field value message"
	}{
		{name: "good", ind: withReport, in: good},
		{name: "empty status", ind: plain, in: RowInput{},
			want: []string{"error 是否开设栏目  未填写，请从下拉列表选择“已开设”“未开设”或“不适用”"}},
		{name: "unknown status", ind: plain, in: RowInput{Status: "开了"},
			want: []string{"error 是否开设栏目 开了 不是有效选项，请从下拉列表选择“已开设”“未开设”或“不适用”"}},
		{name: "synonym", ind: plain, in: RowInput{Status: "否", Remark: "本单位不涉及"},
			want: []string{"warning 是否开设栏目 否 已按“未开设”处理，请今后从下拉列表选择"}},
		{name: "opened needs everything", ind: withReport, in: RowInput{Status: "已开设"},
			want: []string{
				"error 栏目名称  栏目已开设，请填写栏目名称",
				"error 栏目网址  栏目已开设，请填写栏目网址（以 http:// 或 https:// 开头）",
				"error 最近更新日期  栏目已开设，请填写最近更新日期",
				"error 发布信息条数  栏目已开设，请填写发布信息条数",
				"error 报送内容  本指标需报送信息（经济财政状况），请填写报送内容",
			}},
		{name: "not opened needs reason", ind: plain, in: RowInput{Status: "未开设"},
			want: []string{"error 备注  选择“未开设”时请在备注中说明原因"}},
		{name: "bad values", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "www.ankang.gov.cn", LastUpdate: "九月", Count: "-3"},
			want: []string{
				"error 最近更新日期 九月 不是有效日期，请填写如 2020-09-15 的完整日期（年-月-日）",
				"error 发布信息条数 -3 应为大于或等于 0 的整数",
				"error 栏目网址 www.ankang.gov.cn 不是有效网址，应以 http:// 或 https:// 开头，例如 http://www.ankang.gov.cn/xxgk/",
			}},
		{name: "text is not a serial", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "9.15", Count: "1"},
			want: []string{"error 最近更新日期 9.15 不是有效日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		{name: "year alone", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "2020", Count: "1"},
			want: []string{"error 最近更新日期 2020 不是有效日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		{name: "text serial", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "44089", Count: "1"},
			want: []string{"error 最近更新日期 44089 不是有效日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		{name: "small serial", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "2020", LastUpdateNumeric: true, Count: "1"},
			want: []string{"error 最近更新日期 2020 读作 1905-07-12，早于 2000-01-01，不是有效的最近更新日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		{name: "before 2000", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "1999/12/31", Count: "1"},
			want: []string{"error 最近更新日期 1999/12/31 读作 1999-12-31，早于 2000-01-01，不是有效的最近更新日期，请填写如 2020-09-15 的完整日期（年-月-日）"}},
		{name: "2000 is fine", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "2000-01-01", Count: "1"},
			want: []string{"warning 最近更新日期 2000-01-01 栏目已超过 6个月未更新（以截止日期 2020-09-20 计），存在“不更新”风险"}},
		{name: "scheme alone", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://", LastUpdate: "2020-09-15", Count: "1"},
			want: []string{"error 栏目网址 https:// 网址不完整，缺少完整的域名，请从浏览器地址栏复制完整网址，例如 http://www.ankang.gov.cn/xxgk/"}},
		{name: "host without dot", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "http://ankang/", LastUpdate: "2020-09-15", Count: "1"},
			want: []string{"error 栏目网址 http://ankang/ 网址不完整，缺少完整的域名，请从浏览器地址栏复制完整网址，例如 http://www.ankang.gov.cn/xxgk/"}},
		{name: "two urls", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "http://a.gov.cn/x http://b.gov.cn", LastUpdate: "2020-09-15", Count: "1"},
			want: []string{"error 栏目网址 http://a.gov.cn/x http://b.gov.cn 一个单元格只填写一个网址（网址中不能有空格或换行），请只保留本栏目的网址"}},
		{name: "two urls on two lines", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "http://a.gov.cn/x\nhttp://b.gov.cn", LastUpdate: "2020-09-15", Count: "1"},
			want: []string{"error 栏目网址 http://a.gov.cn/x http://b.gov.cn 一个单元格只填写一个网址（网址中不能有空格或换行），请只保留本栏目的网址"}},
		{name: "two urls glued", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "http://a.gov.cn/x、https://b.gov.cn", LastUpdate: "2020-09-15", Count: "1"},
			want: []string{"error 栏目网址 http://a.gov.cn/x、https://b.gov.cn 一个单元格只填写一个网址（网址中不能有空格或换行），请只保留本栏目的网址"}},
		{name: "space inside", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "http://a.gov.cn/x y", LastUpdate: "2020-09-15", Count: "1"},
			want: []string{"error 栏目网址 http://a.gov.cn/x y 一个单元格只填写一个网址（网址中不能有空格或换行），请只保留本栏目的网址"}},
		{name: "no scheme and words", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "www.a.gov.cn 栏目", LastUpdate: "2020-09-15", Count: "1"},
			want: []string{"error 栏目网址 www.a.gov.cn 栏目 不是有效网址，应以 http:// 或 https:// 开头，例如 http://www.ankang.gov.cn/xxgk/"}},
		{name: "upper-case scheme", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "HTTP://www.ankang.gov.cn/", LastUpdate: "2020-09-15", Count: "1"}},
		{name: "count with a unit", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "2020-09-15", Count: "105条"},
			want: []string{"warning 发布信息条数 105条 已按 105 处理，请今后只填写数字，不要带“条”“约”等文字"}},
		{name: "count as an estimate", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "2020-09-15", Count: "约100"},
			want: []string{"warning 发布信息条数 约100 已按 100 处理，请今后只填写数字，不要带“条”“约”等文字"}},
		{name: "count without a number", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "2020-09-15", Count: "若干"},
			want: []string{"error 发布信息条数 若干 应为大于或等于 0 的整数"}},
		{name: "a day November does not have", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "2019-11-31", Count: "1"},
			want: []string{"error 最近更新日期 2019-11-31 日期不存在：2019年11月只有30天，没有31日，请填写栏目实际最近更新的日期"}},
		{name: "29 February of a common year", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "2019年2月29日", Count: "1"},
			want: []string{"error 最近更新日期 2019年2月29日 日期不存在：2019年2月只有28天，没有29日，请填写栏目实际最近更新的日期"}},
		{name: "a day that does not exist typed as digits", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "20190931", LastUpdateNumeric: true, Count: "1"},
			want: []string{"error 最近更新日期 20190931 日期不存在：2019年9月只有30天，没有31日，请填写栏目实际最近更新的日期"}},
		{name: "future date", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://a.gov.cn/", LastUpdate: "2020-09-19", Count: "1"},
			want: []string{"error 最近更新日期 2020-09-19 晚于今天（2020-09-18），请填写栏目实际最近更新的日期"}},
		{name: "warnings", ind: plain, in: RowInput{Status: "已开设", ColumnName: "x", URL: "https://example.com/a", LastUpdate: "2020/3/1", Count: "0"},
			want: []string{
				"warning 栏目网址 https://example.com/a 网址不在 gov.cn 域名下，请确认是否为本单位政府网站栏目",
				"warning 最近更新日期 2020-03-01 栏目已超过 6个月未更新（以截止日期 2020-09-20 计），存在“不更新”风险",
				"warning 发布信息条数 0 栏目已开设但发布信息为 0 条，属于“空白栏目”风险",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps := testChecker().CheckRow(tt.ind, tt.in)
			var got []string
			for _, p := range ps {
				if p.Code != tt.ind.Code {
					t.Errorf("problem code %q, want %q", p.Code, tt.ind.Code)
				}
				got = append(got, strings.Join([]string{string(p.Severity), p.Field, p.Value, p.Message}, " "))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestCheckRowNormalises(t *testing.T) {
	it, ps := testChecker().CheckRow(Indicator{Code: "A-01-1"}, RowInput{
		Status: " 已开设 ", ColumnName: "　预算公开　", URL: "ｈｔｔｐ://www.ankang.gov.cn/", LastUpdate: "２０２０年９月１日", Count: "１２",
	})
	if ps.HasErrors() {
		t.Fatalf("unexpected errors: %v", ps)
	}
	want := Item{Code: "A-01-1", Status: Opened, ColumnName: "预算公开", URL: "http://www.ankang.gov.cn/", LastUpdate: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC), Count: 12}
	if it != want {
		t.Errorf("item = %+v\nwant %+v", it, want)
	}
}

func TestCheckContact(t *testing.T) {
	c := testChecker()
	if _, _, ps := c.CheckContact("张三", "0915-3201058"); len(ps) != 0 {
		t.Errorf("good contact: %v", ps)
	}
	_, _, ps := c.CheckContact("", "abc")
	if len(ps) != 2 || ps[0].Field != LabelFiller || ps[1].Field != LabelPhone || ps[1].Value != "abc" {
		t.Errorf("bad contact: %+v", ps)
	}
}

func TestProblemString(t *testing.T) {
	p := Problem{Severity: Error, File: "a.xlsx", Sheet: SheetForm, Cell: "I7", Value: "www", Message: "不是有效网址"}
	if got, want := p.String(), "错误：a.xlsx 填报表!I7 值“www”：不是有效网址"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
