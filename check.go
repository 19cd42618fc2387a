package xxgk

import (
	"strings"
	"time"
)

// CheckResult is the finding of a website check (核查) of one reported column. A column
// gets exactly one: the first that applies in CheckResults order, so that the most basic
// failure is the one reported (a dead link is not also called stale).
type CheckResult string

const (
	CheckRefused      CheckResult = "refused"       // not fetched: the address is not allowed
	CheckUnreachable  CheckResult = "unreachable"   // DNS, connection, TLS, timeout or HTTP ≥ 400
	CheckNotFound     CheckResult = "not_found"     // a "page not found" page answering HTTP 200
	CheckHomePage     CheckResult = "home_page"     // the address is the site's home page
	CheckSearchPage   CheckResult = "search_page"   // the address is a site-search result page
	CheckArticle      CheckResult = "article"       // the address is one article, not its column
	CheckNameMismatch CheckResult = "name_mismatch" // the page is not the column reported
	CheckScripted     CheckResult = "scripted"      // the list is drawn by script: not judged without a browser
	CheckEmpty        CheckResult = "empty"         // a list with no entries: a blank column
	CheckNoDates      CheckResult = "no_dates"      // content without publication dates: counts as not updated
	CheckStale        CheckResult = "stale"         // newest entry older than the staleness rule
	CheckDateMismatch CheckResult = "date_mismatch" // the unit claims a later update than the page shows
	CheckOK           CheckResult = "ok"
)

// checkResultTexts holds each result's words, in the order the rules apply them: one row
// per result, so that adding a result is adding a row (tables, reports and letters read
// Label and Criterion from here).
var checkResultTexts = []struct {
	r                CheckResult
	label, criterion string
}{
	{CheckRefused, "未核查", "网址不是 http/https，或主机为 IP 地址、本机或内网地址，未能从互联网访问，不计入问题率"},
	{CheckUnreachable, "无法访问", "域名无法解析、无法连接、证书错误、超时，或网站返回 HTTP 400 以上的错误"},
	{CheckNotFound, "页面不存在", "网站正常应答，但页面显示“页面不存在”“您访问的页面不存在”等"},
	{CheckHomePage, "网站首页", "网址打开的是网站首页，不是栏目页面"},
	{CheckSearchPage, "搜索页面", "网址打开的是站内搜索结果页面，不是栏目页面"},
	{CheckArticle, "文章页面", "网址打开的是一篇文章（一个标题、一段正文和发布信息，没有信息列表），不是栏目页面"},
	{CheckScripted, "栏目内容由脚本加载", "页面的信息列表由网页脚本加载，未用浏览器打开，无法判断是否空白、是否按时更新（不计为问题）"},
	{CheckNameMismatch, "栏目名称不符", "页面的当前位置、列表标题和网页标题所示栏目不是所填栏目名称或指标名称，或网址打开的不是网页"},
	{CheckEmpty, "空白栏目", "栏目列表中没有信息条目"},
	{CheckNoDates, "无发布日期", "页面有内容但没有发布日期，按检查规则视为未更新"},
	{CheckStale, "长期未更新", "网页上的最新信息已超过" + StaleAfterText + "（每月公开的栏目超过" + StaleMonthlyText + "）未更新"},
	{CheckDateMismatch, "更新日期不符", "填报的最近更新日期晚于页面上的最新信息日期"},
	{CheckOK, "正常", "可以访问，栏目名称相符，有按时更新的信息"},
}

// CheckResults lists every result in the order the rules apply them.
var CheckResults = func() []CheckResult {
	out := make([]CheckResult, len(checkResultTexts))
	for i, t := range checkResultTexts {
		out[i] = t.r
	}
	return out
}()

// Label is the Chinese word used in tables, reports and letters.
func (r CheckResult) Label() string {
	for _, t := range checkResultTexts {
		if t.r == r {
			return t.label
		}
	}
	return string(r)
}

// Failed tells a finding the unit must act on. A refused address is not one: the office
// did not open it (the address is an IP or resolves to an intranet), so nothing is known
// of the column. It is counted apart (Unchecked), outside every 问题率 and ranking. Nor
// is a page whose list is drawn by script: the check could not see it (Unjudged).
func (r CheckResult) Failed() bool { return r != CheckOK && r != CheckRefused && r != CheckScripted }

// Unchecked tells the office's own state: the address guard refused to open the column.
func (r CheckResult) Unchecked() bool { return r == CheckRefused }

// Unjudged tells a column the check could not judge: its list is drawn by script and no
// browser rendered it. It is neither a problem nor 正常, and papers say so.
func (r CheckResult) Unjudged() bool { return r == CheckScripted }

// Page is what fetching a column's address found: the facts the judging rules look at.
// The verify package fills it; Judge turns it into a result.
type Page struct {
	Refused    bool   // the address guard would not fetch it
	ErrorKind  string // dns, connect, tls, timeout, http_status, redirects, ... ; empty when fetched
	Error      string // what went wrong, in Chinese, for people
	HTTPStatus int    // 0 when no response
	FinalURL   string // after redirects
	NotHTML    string // the content type, when the address is not a web page
	Title      string
	// Headings are the names the page gives itself: the breadcrumb's last element and the
	// main list's heading (not breadcrumb ancestors, navigation or tiles of other columns).
	Headings []string
	Kind     PageKind  // what the page is, by its structure
	Newest   time.Time // newest publication date of the page's own content; zero when none
	Entries  int       // dated entries of the main list (0 for an article)
	// DatesOutside says no main list or article was found, so Newest and Entries come
	// from dates elsewhere on the page (sidebars, footers): the finding says so.
	DatesOutside bool
	Truncated    bool // the body was longer than the cap and only its start was read
	// Scripted says why the page looks like a shell whose list a script fills in (an empty
	// list and a script that fetches data, or a <noscript> asking for JavaScript), in
	// Chinese; empty when the page shows its content itself, or once a browser rendered it.
	Scripted string
	Rendered bool        // judged on the page as a browser drew it (verify --browser)
	Dates    []time.Time // the main list's entry dates, for the rushed-update rule; not stored
}

// Check is one column's website check, as stored and reported.
type Check struct {
	Round, Unit, Code string // unit code; indicator code
	URL               string // the 栏目网址 the unit reported
	Page
	Result    CheckResult
	Finding   string // one Chinese sentence saying what was found
	GovDomain bool   // the final host is under .gov.cn (a warning when false, not a result)
	Rushed    string // a rushed update (突击更新) seen on the page, in a sentence; a warning, not a result
	CheckedAt time.Time
}

// GovDomain tells whether host is under .gov.cn, as government portals must be.
func GovDomain(host string) bool {
	h := strings.ToLower(strings.TrimSuffix(host, "."))
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h[i:], "]") {
		h = h[:i]
	}
	return h == "gov.cn" || strings.HasSuffix(h, ".gov.cn")
}

// Criterion says in a sentence what the result means, for the reports' legends.
func (r CheckResult) Criterion() string {
	for _, t := range checkResultTexts {
		if t.r == r {
			return t.criterion
		}
	}
	return ""
}
