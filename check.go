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
	CheckNameMismatch CheckResult = "name_mismatch" // the page is not the column reported
	CheckScripted     CheckResult = "scripted"      // the list is drawn by script: not judged without a browser
	CheckEmpty        CheckResult = "empty"         // no dated entries: a blank column
	CheckStale        CheckResult = "stale"         // newest entry older than the staleness rule
	CheckDateMismatch CheckResult = "date_mismatch" // the unit claims a later update than the page shows
	CheckOK           CheckResult = "ok"
)

// CheckResults lists every result in the order the rules apply them.
var CheckResults = []CheckResult{
	CheckRefused, CheckUnreachable, CheckScripted, CheckNameMismatch, CheckEmpty, CheckStale, CheckDateMismatch, CheckOK,
}

// Label is the Chinese word used in tables, reports and letters.
func (r CheckResult) Label() string {
	switch r {
	case CheckRefused:
		return "未核查"
	case CheckUnreachable:
		return "无法访问"
	case CheckNameMismatch:
		return "栏目名称不符"
	case CheckScripted:
		return "栏目内容由脚本加载"
	case CheckEmpty:
		return "空白栏目"
	case CheckStale:
		return "长期未更新"
	case CheckDateMismatch:
		return "更新日期不符"
	case CheckOK:
		return "正常"
	}
	return string(r)
}

// Failed tells a finding the unit must act on. A refused address is a failure too: the
// unit reported an address the office will not open. A page whose list is drawn by
// script is not: the check could not see it, which is no fault of the unit's
// (see Unjudged).
func (r CheckResult) Failed() bool { return r != CheckOK && r != CheckScripted }

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
	// Scripted says why the page looks like a shell whose list a script fills in (an empty
	// list and a script that fetches data, or a <noscript> asking for JavaScript), in
	// Chinese; empty when the page shows its content itself, or once a browser rendered it.
	Scripted  string
	Rendered  bool // judged on the page as a browser drew it (verify --browser)
	Title     string
	Headings  []string    // h1–h3 and breadcrumb texts, where a column names itself
	Newest    time.Time   // newest date found on the page; zero when none
	Entries   int         // dated entries on the page
	Dates     []time.Time // the entries' dates, for the rushed-update rule; not stored
	Truncated bool        // the body was longer than the cap and only its start was read
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
	switch r {
	case CheckRefused:
		return "网址不是 http/https，或主机为 IP 地址、本机或内网地址，未予访问"
	case CheckUnreachable:
		return "域名无法解析、无法连接、证书错误、超时，或网站返回 HTTP 400 以上的错误"
	case CheckNameMismatch:
		return "页面标题、标题栏和导航中没有所填栏目名称或指标名称，或网址打开的不是网页"
	case CheckScripted:
		return "页面的信息列表由网页脚本加载，未用浏览器打开，无法判断是否空白、是否按时更新（不计为问题）"
	case CheckEmpty:
		return "页面上没有带日期的信息条目"
	case CheckStale:
		return "最新信息早于 " + StaleAfterText + "（每月公开的栏目 " + StaleMonthlyText + "）"
	case CheckDateMismatch:
		return "填报的最近更新日期晚于页面上的最新信息日期"
	case CheckOK:
		return "可以访问，栏目名称相符，有按时更新的信息"
	}
	return ""
}
