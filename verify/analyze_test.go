package verify

import (
	"strings"
	"testing"
	"time"

	"xxgk"
)

// TestDecodeMetaAfterFirstKilobyte: a <meta charset> behind kilobytes of blank lines and
// an injected script is found in the <head>, header or no header.
func TestDecodeMetaAfterFirstKilobyte(t *testing.T) {
	page := strings.Repeat("\r\n", 1500) + `<script>var a = "x";</script><html><head>` +
		`<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>财政预决算</title></head><body></body></html>`
	for _, ct := range []string{"", "text/html"} {
		a, err := Analyze(gbk(t, page), ct, "http://www.ankang.gov.cn/czyjs/", asOf)
		if err != nil || a.Title != "财政预决算" {
			t.Errorf("Content-Type %q: title %q, %v", ct, a.Title, err)
		}
	}
	// A declaration in the body is not the page's: these UTF-8 bytes stay UTF-8.
	late := `<html><head><title>财政</title></head><body><meta charset="gbk">财政</body></html>`
	if a, _ := Analyze([]byte(late), "", "", asOf); a.Title != "财政" {
		t.Errorf("a <meta> in the body decided the charset: title %q", a.Title)
	}
	// Undeclared GBK bytes are not read as windows-1252.
	a, _ := Analyze(gbk(t, `<html><head><title>通知公告</title></head><body></body></html>`), "", "", asOf)
	if a.Title != "通知公告" {
		t.Errorf("undeclared GBK title %q", a.Title)
	}
}

// TestSniffHTML: a body without Content-Type that reads as HTML is a page, whatever it
// begins with; text, PDFs and images are not.
func TestSniffHTML(t *testing.T) {
	for body, want := range map[string]bool{
		"<!--http://www.cmse.gov.cn/ztbd/xwfbh/201206/t20120624_43188.html-->\n<html><head><title>x</title>": true,
		"<!-- saved -->\n\n<HEAD><TITLE>x</TITLE>":                                                           true,
		"<!DOCTYPE html><html>":             true,
		"2020-09-15 安康市财政局 通知公告 plain text": false,
		"%PDF-1.4 <html>":                   false,
		"\x89PNG\r\n\x1a\n<title>":          false,
	} {
		if got := isHTML("", []byte(body)); got != want {
			t.Errorf("isHTML(%q) = %v, want %v", body[:min(len(body), 30)], got, want)
		}
	}
}

// TestDatesOutsideTheList: with no list of its own, a page's dates come from elsewhere
// and the finding says so; with a list, a sidebar's newer dates do not count.
func TestDatesOutsideTheList(t *testing.T) {
	side := `<div class="sidebar"><h3>热点信息</h3><ul><li><a href="/1">一</a><span>2020-09-20</span></li><li><a href="/2">二</a><span>2020-09-10</span></li></ul></div>`
	crumb := `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/x/">财政预决算</a></div>`
	list := `<ul><li><a href="/a">甲</a><span>2020-03-02</span></li><li><a href="/b">乙</a><span>2020-02-01</span></li></ul>`
	page := func(body string) []byte {
		return []byte(`<html><head><meta charset="utf-8"><title>财政预决算 - 安康市人民政府</title></head><body>` + crumb + body + `</body></html>`)
	}
	a, err := Analyze(page(list+side), "text/html", "http://www.ankang.gov.cn/x/", asOf)
	if err != nil || a.Newest.Format("2006-01-02") != "2020-03-02" || a.Entries != 2 || a.DatesOutside || a.Kind != xxgk.PageList {
		t.Errorf("with a list: %+v %v", a, err)
	}
	a, _ = Analyze(page(`<ul></ul>`+side), "text/html", "http://www.ankang.gov.cn/x/", asOf)
	if !a.DatesOutside || a.Newest.Format("2006-01-02") != "2020-09-20" {
		t.Errorf("without a list: %+v", a)
	}
	var p xxgk.Page
	a.fill(&p)
	ind := xxgk.Indicator{Code: "CZ-01-1", Area: "财政信息", SubArea: "预决算公开"}
	_, finding := xxgk.Judge(p, xxgk.Item{ColumnName: "财政预决算"}, ind, asOf)
	if !strings.HasSuffix(finding, "（页面上没有找到信息列表，日期取自页面其他部分）") {
		t.Errorf("finding %q", finding)
	}
}

// TestAnalyzeIsStable pins the entry point the browser rendering feeds: (body, content
// type, URL, as-of) in, Analysis out.
func TestAnalyzeIsStable(t *testing.T) {
	var f func([]byte, string, string, time.Time) (Analysis, error) = Analyze
	a, err := f([]byte(columnPage("财政预决算", "", "2020-09-15")), "text/html; charset=utf-8", "http://www.ankang.gov.cn/czyjs/", asOf)
	if err != nil || a.Kind != xxgk.PageList || a.Entries != 1 || len(a.Headings) == 0 || a.Headings[0] != "财政预决算" ||
		strings.Join(a.Breadcrumb, ">") != "首页>信息公开>财政预决算" {
		t.Errorf("%+v %v", a, err)
	}
}

// TestSearchNeedsAQuery: "检索结果" on a page is a search only with a search address or a
// search box holding the query — 信息公开 platforms label their column lists so.
func TestSearchNeedsAQuery(t *testing.T) {
	list := `<ul><li><a href="/a">甲</a><span>2020-09-02</span></li><li><a href="/b">乙</a><span>2020-08-01</span></li></ul>`
	page := func(box string) []byte {
		return []byte(`<html><head><meta charset="utf-8"><title>政策文件</title></head><body>` + box + `<div>检索结果</div>` + list + `</body></html>`)
	}
	for _, c := range []struct {
		url, box string
		want     xxgk.PageKind
	}{
		{"http://www.ankang.gov.cn/zcwj/", `<input name="q" value="">`, xxgk.PageList},
		{"http://www.ankang.gov.cn/zcwj/", `<input name="q" value="财政">`, xxgk.PageSearch},
		{"http://www.ankang.gov.cn/search.jsp?q=%E8%B4%A2", ``, xxgk.PageSearch},
	} {
		a, _ := Analyze(page(c.box), "text/html", c.url, asOf)
		if a.Kind != c.want {
			t.Errorf("%s %s: %s, want %s", c.url, c.box, a.Kind, c.want)
		}
	}
}
