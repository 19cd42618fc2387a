package xxgk

import "strings"

// PageKind is what a fetched page is, told by its structure. A unit's 栏目网址 must open
// the column's own list page; the other kinds are findings of their own.
type PageKind string

const (
	PageList     PageKind = "list"      // a column: a list of dated entries (possibly empty)
	PageOther    PageKind = "other"     // content without a list (a guide, an introduction)
	PageArticle  PageKind = "article"   // one title, one body, a publication line
	PageSearch   PageKind = "search"    // site-search results
	PageHome     PageKind = "home"      // the site's home page
	PageNotFound PageKind = "not_found" // "页面不存在" answered with HTTP 200
)

// titleSeparators split a page title into its parts: "统计公报_法定主动公开内容_某县人民政府".
var titleSeparators = []string{" - ", "－", "—", "–", "_", "|", "｜", "-", "::", "»", ">"}

// siteWords end the part of a title that names the site rather than the column.
var siteWords = []string{"人民政府", "政府", "政府网", "门户网", "门户网站", "网站", "官网", "官方网站", "信息网", "政务网", "网"}

// TitleColumn is the column part of a page title: the first part that does not name the
// site ("统计公报_法定主动公开内容_某县人民政府" → 统计公报; "邯郸市人民政府-政府信息公开指南"
// → 政府信息公开指南). A title that only names the site has none. The parts after the first
// are the column's ancestors, which do not make the page that column.
func TitleColumn(title string) string {
	parts := []string{strings.TrimSpace(title)}
	for _, sep := range titleSeparators {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" || namesSite(p) || p == "首页" || p == "网站首页" || p == "主页" {
			continue
		}
		return p
	}
	return ""
}

func namesSite(part string) bool {
	for _, w := range siteWords {
		if strings.HasSuffix(part, w) {
			return true
		}
	}
	return false
}
