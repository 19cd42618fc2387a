package xxgk

import (
	"strings"
	"testing"
	"time"
)

func TestJudgeOrder(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	asOf := time.Date(2020, 9, 28, 9, 0, 0, 0, ChinaTime)
	ind := Indicator{Code: "CZ-01-1", Area: "财政信息", SubArea: "预决算公开"}
	monthly := Indicator{Code: "CZ-02-1", Area: "财政信息", SubArea: "财政收支", Frequency: "每月"}
	it := Item{Code: "CZ-01-1", Status: Opened, ColumnName: "财政预决算", LastUpdate: day(2020, 9, 1)}
	good := Page{Title: "财政预决算 - 安康市人民政府", Newest: day(2020, 9, 1), Entries: 12, HTTPStatus: 200}
	with := func(f func(p *Page)) Page { p := good; f(&p); return p }
	cases := []struct {
		name string
		p    Page
		it   Item
		ind  Indicator
		want CheckResult
		text string
	}{
		{"refused beats everything", with(func(p *Page) { p.Refused, p.Error, p.ErrorKind = true, "地址为内网地址", "dns" }), it, ind, CheckRefused, "地址为内网地址"},
		{"unreachable", with(func(p *Page) { p.ErrorKind, p.Error = "http_status", "HTTP 404" }), it, ind, CheckUnreachable, "HTTP 404"},
		{"not html", with(func(p *Page) { p.NotHTML = "application/pdf" }), it, ind, CheckNameMismatch, "application/pdf"},
		{"name mismatch", with(func(p *Page) { p.Title = "通知公告 - 安康市人民政府" }), it, ind, CheckNameMismatch, "页面标题“通知公告 - 安康市人民政府”、当前位置和列表标题中没有“财政预决算”或“预决算公开”，页面所示栏目为“通知公告”"},
		{"a page naming no column", with(func(p *Page) { p.Title = "首页" }), it, ind, CheckNameMismatch, "页面标题“首页”、当前位置和列表标题中没有“财政预决算”或“预决算公开”"},
		{"name in breadcrumb", with(func(p *Page) {
			p.Title = "安康市人民政府"
			p.Headings = []string{"预决算公开"}
		}), it, ind, CheckOK, ""},
		{"an ancestor in the title is not the column", with(func(p *Page) { p.Title = "统计公报_财政预决算_安康市人民政府" }), it, ind, CheckNameMismatch, "页面所示栏目为“统计公报”"},
		{"site name first in the title", with(func(p *Page) { p.Title = "安康市人民政府-财政预决算" }), it, ind, CheckOK, ""},
		{"not found beats the name", with(func(p *Page) { p.Kind = PageNotFound }), it, ind, CheckNotFound, "页面不存在"},
		{"home page", with(func(p *Page) { p.Kind = PageHome }), it, ind, CheckHomePage, "网址是网站首页，不是栏目页面，请填写栏目列表页面的网址"},
		{"search page", with(func(p *Page) { p.Kind = PageSearch }), it, ind, CheckSearchPage, "网址是站内搜索结果页面，不是栏目页面"},
		{"article", with(func(p *Page) { p.Kind, p.Entries = PageArticle, 0 }), it, ind, CheckArticle, "网址是一篇文章（发布于2020年9月1日），不是栏目页面"},
		{"content without dates", with(func(p *Page) { p.Kind, p.Entries, p.Newest = PageOther, 0, time.Time{} }), it, ind, CheckNoDates, "页面上没有发布日期，按检查规则视为未更新"},
		{"dates from outside the list are said so", with(func(p *Page) { p.Kind, p.DatesOutside = PageOther, true }), it, ind, CheckOK, "共12条带日期的信息，最新2020年9月1日（页面上没有找到信息列表，日期取自页面其他部分）"},
		{"name with full-width and spaces", with(func(p *Page) { p.Title = "财政　预决算" }), Item{Status: Opened, ColumnName: "财政预决算"}, Indicator{Area: "X", SubArea: "Y"}, CheckOK, ""},
		{"name with suffix dropped", with(func(p *Page) { p.Title = "财政预决算" }), Item{Status: Opened, ColumnName: "财政预决算公开"}, Indicator{Area: "X", SubArea: "Y"}, CheckOK, ""},
		{"scripted before the name", with(func(p *Page) {
			p.Title, p.Entries, p.Newest, p.Scripted = "首页", 0, time.Time{}, "列表由脚本请求数据后填充"
		}), it, ind, CheckScripted,
			"栏目内容由脚本加载（列表由脚本请求数据后填充），未用浏览器打开核查，无法判断是否空白、是否按时更新"},
		{"scripted after a render", with(func(p *Page) {
			p.Entries, p.Newest, p.Scripted, p.Rendered = 0, time.Time{}, "数据请求被拒绝", true
		}), it, ind, CheckScripted,
			"栏目内容由脚本加载（数据请求被拒绝），用浏览器打开后仍未能取得列表"},
		{"rendered page judged as any", with(func(p *Page) { p.Rendered = true }), it, ind, CheckOK, "共12条"},
		{"empty", with(func(p *Page) { p.Entries, p.Newest = 0, time.Time{} }), it, ind, CheckEmpty, "栏目列表中没有信息条目"},
		{"stale after six months", with(func(p *Page) { p.Newest = day(2020, 3, 27) }), Item{ColumnName: "财政预决算"}, ind, CheckStale, "6个月"},
		{"six months exactly is not stale", with(func(p *Page) { p.Newest = day(2020, 3, 28) }), Item{ColumnName: "财政预决算"}, ind, CheckOK, ""},
		{"monthly stale after 45 days", with(func(p *Page) { p.Title = "财政收支"; p.Newest = day(2020, 8, 13) }), Item{ColumnName: "财政收支"}, monthly, CheckStale, "45天"},
		{"date mismatch", with(func(p *Page) { p.Newest = day(2020, 8, 20) }), it, ind, CheckDateMismatch, "2020年9月1日"},
		{"ok", good, it, ind, CheckOK, "共12条"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, text := Judge(c.p, c.it, c.ind, asOf)
			if got != c.want || !strings.Contains(text, c.text) {
				t.Errorf("Judge = %s %q, want %s containing %q", got, text, c.want, c.text)
			}
		})
	}
}

func TestCheckLabels(t *testing.T) {
	want := []string{"未核查", "无法访问", "页面不存在", "网站首页", "搜索页面", "文章页面", "栏目内容由脚本加载", "栏目名称不符", "空白栏目", "无发布日期", "长期未更新", "更新日期不符", "正常"}
	if len(CheckResults) != len(want) {
		t.Fatalf("%d results, want %d", len(CheckResults), len(want))
	}
	for i, r := range CheckResults {
		if r.Label() != want[i] {
			t.Errorf("%s.Label() = %q, want %q", r, r.Label(), want[i])
		}
	}
	// A refused address is the office's own state, not the unit's problem.
	if CheckOK.Failed() || CheckRefused.Failed() || !CheckRefused.Unchecked() || !CheckUnreachable.Failed() {
		t.Error("ok and refused are not failures; every other result is")
	}
	// A list drawn by script was not seen: not judged, not a failure.
	if CheckScripted.Failed() || !CheckScripted.Unjudged() || CheckEmpty.Unjudged() {
		t.Error("scripted is unjudged and no failure; empty is judged")
	}
}

func TestNameMatches(t *testing.T) {
	for _, c := range []struct {
		name, own string
		want      bool
	}{
		{"财政预决算", "财政预决算", true},
		{"财政预决算公开", "财政预决算", true},
		{"预决算公开", "财政预决算公开", true},
		{"安康市财政局预决算公开", "预决算公开", true},
		{"XXGK年报", "xxgk年报", true},
		{"政务公开", "政务公开专栏", true},
		{"信息公开", "信息公开年报", false},       // the ancestor
		{"信息公开", "政府信息公开指南", false},     // contained, not the column
		{"政府信息公开年报", "政府信息公开指南", false}, // a sibling
		{"中标公告", "成交公告", false},
		{"动态", "工作动态", false}, // too short to stand for a column
	} {
		if got := NameMatches([]string{c.name}, []string{c.own}); got != c.want {
			t.Errorf("NameMatches(%q, %q) = %v, want %v", c.name, c.own, got, c.want)
		}
	}
}

func TestTitleColumn(t *testing.T) {
	for title, want := range map[string]string{
		"统计公报_法定主动公开内容_某县人民政府": "统计公报",
		"邯郸市人民政府-政府信息公开指南":     "政府信息公开指南",
		"财政预决算 - 安康市人民政府":      "财政预决算",
		"袁州区政府网":               "",
		"万载县人民政府 | 统计公报":       "统计公报",
		"":                     "",
	} {
		if got := TitleColumn(title); got != want {
			t.Errorf("TitleColumn(%q) = %q, want %q", title, got, want)
		}
	}
}

func TestGovDomain(t *testing.T) {
	for host, want := range map[string]bool{
		"www.ankang.gov.cn": true, "WWW.ANKANG.GOV.CN.": true, "gov.cn": true, "www.ankang.gov.cn:8080": true,
		"www.ankangnews.cn": false, "gov.cn.example.com": false, "mygov.cn": false, "127.0.0.1": false,
	} {
		if GovDomain(host) != want {
			t.Errorf("GovDomain(%q) = %v, want %v", host, !want, want)
		}
	}
}

func TestAddChecksKeepsOnlyCurrentColumns(t *testing.T) {
	sub := &Submission{Unit: "A", Items: []Item{
		{Code: "X-1", Status: Opened, URL: "http://a.gov.cn/1"},
		{Code: "X-2", Status: Opened, URL: "http://a.gov.cn/new"},
		{Code: "X-3", Status: NotOpened},
	}}
	s := Summary{Round: Round{ID: "2020"}, Units: []UnitSummary{{Unit: Unit{Code: "A"}, Submission: sub}, {Unit: Unit{Code: "B"}}}}
	s.AddChecks([]Check{
		{Round: "2020", Unit: "A", Code: "X-1", URL: "http://a.gov.cn/1", Result: CheckStale},
		{Round: "2020", Unit: "A", Code: "X-2", URL: "http://a.gov.cn/old", Result: CheckUnreachable},
		{Round: "2020", Unit: "A", Code: "X-3", URL: "http://a.gov.cn/3", Result: CheckEmpty},
		{Round: "2019", Unit: "A", Code: "X-1", URL: "http://a.gov.cn/1", Result: CheckOK},
		{Round: "2020", Unit: "B", Code: "X-1", URL: "http://b.gov.cn/1", Result: CheckOK},
	})
	if len(s.Units[0].Checks) != 1 || s.Units[0].Checks[0].Code != "X-1" || len(s.Units[1].Checks) != 0 {
		t.Fatalf("checks attached: %+v / %+v", s.Units[0].Checks, s.Units[1].Checks)
	}
	tally := s.CheckTally()
	if !s.Checked() || tally.Checked != 1 || tally.Failed != 1 || tally.ByResult[CheckStale] != 1 {
		t.Errorf("tally %+v", tally)
	}
}

// TestAddChecksInRowOrder: the store lists checks by code (GGZY before ZDXM); a unit's
// checks follow its rows, as the verify table and its letter list them.
func TestAddChecksInRowOrder(t *testing.T) {
	sub := &Submission{Unit: "A", Items: []Item{
		{Code: "CZ-01-2", Status: Opened, URL: "http://a.gov.cn/1"},
		{Code: "ZDXM-02-1", Status: Opened, URL: "http://a.gov.cn/2"},
		{Code: "GGZY-04-1", Status: Opened, URL: "http://a.gov.cn/3"},
		{Code: "JCGK-03-1", Status: Opened, URL: "http://a.gov.cn/4"},
	}}
	s := Summary{Round: Round{ID: "2020"}, Units: []UnitSummary{{Unit: Unit{Code: "A"}, Submission: sub}}}
	s.AddChecks([]Check{
		{Round: "2020", Unit: "A", Code: "CZ-01-2", URL: "http://a.gov.cn/1", Result: CheckStale},
		{Round: "2020", Unit: "A", Code: "GGZY-04-1", URL: "http://a.gov.cn/3", Result: CheckUnreachable},
		{Round: "2020", Unit: "A", Code: "JCGK-03-1", URL: "http://a.gov.cn/4", Result: CheckEmpty},
		{Round: "2020", Unit: "A", Code: "ZDXM-02-1", URL: "http://a.gov.cn/2", Result: CheckDateMismatch},
	})
	var got []string
	for _, c := range s.Units[0].FailedChecks() {
		got = append(got, c.Code)
	}
	if want := "CZ-01-2 ZDXM-02-1 GGZY-04-1 JCGK-03-1"; strings.Join(got, " ") != want {
		t.Errorf("checks in order %v, want %s", got, want)
	}
}

func TestCheckDays(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct{ first, last, want string }{
		// 01:00 and 17:00 in China on the 28th: one day, though two in UTC.
		{"2020-09-27T17:00:00Z", "2020-09-28T09:00:00Z", "2020年9月28日"},
		{"2020-09-20T09:00:00+08:00", "2020-09-28T09:00:00+08:00", "2020年9月20日至2020年9月28日"},
	} {
		if got := CheckDays(at(tc.first), at(tc.last)); got != tc.want {
			t.Errorf("CheckDays(%s, %s) = %s, want %s", tc.first, tc.last, got, tc.want)
		}
	}
	first, last := CheckSpan([]Check{{CheckedAt: at("2020-09-28T09:00:00Z")}, {CheckedAt: at("2020-09-20T09:00:00Z")}, {CheckedAt: at("2020-09-25T09:00:00Z")}})
	if !first.Equal(at("2020-09-20T09:00:00Z")) || !last.Equal(at("2020-09-28T09:00:00Z")) {
		t.Errorf("CheckSpan = %s, %s", first, last)
	}
}

// TestCheckTallySpan: the tally's span runs from the earliest to the latest check of any
// unit, and CheckDays names one day or the range.
func TestCheckTallySpan(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2020, 9, d, h, 0, 0, 0, ChinaTime) }
	sub := func(unit string) *Submission {
		return &Submission{Unit: unit, Items: []Item{{Code: "X-1", Status: Opened, URL: "http://a.gov.cn/1"}, {Code: "X-2", Status: Opened, URL: "http://a.gov.cn/2"}}}
	}
	s := Summary{Round: Round{ID: "2020"}, Units: []UnitSummary{{Unit: Unit{Code: "A"}, Submission: sub("A")}, {Unit: Unit{Code: "B"}, Submission: sub("B")}}}
	s.AddChecks([]Check{
		{Round: "2020", Unit: "A", Code: "X-1", URL: "http://a.gov.cn/1", Result: CheckOK, CheckedAt: at(21, 9)},
		{Round: "2020", Unit: "A", Code: "X-2", URL: "http://a.gov.cn/2", Result: CheckOK, CheckedAt: at(28, 9)},
		{Round: "2020", Unit: "B", Code: "X-1", URL: "http://a.gov.cn/1", Result: CheckOK, CheckedAt: at(20, 10)},
		{Round: "2020", Unit: "B", Code: "X-2", URL: "http://a.gov.cn/2", Result: CheckOK, CheckedAt: at(25, 10)},
	})
	tally := s.CheckTally()
	if !tally.First.Equal(at(20, 10)) || !tally.Last.Equal(at(28, 9)) || tally.Checked != 4 {
		t.Fatalf("tally %+v", tally)
	}
	if got := CheckDays(tally.First, tally.Last); got != "2020年9月20日至2020年9月28日" {
		t.Errorf("CheckDays = %q", got)
	}
	if got := CheckDays(at(28, 1), at(28, 23)); got != "2020年9月28日" {
		t.Errorf("CheckDays on one day = %q", got)
	}
}
