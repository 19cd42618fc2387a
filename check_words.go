package xxgk

import (
	"fmt"
	"net/url"
)

// PaperFinding is what the papers for units and leaders (letters, the 通报, the Excel
// report) say a check found: plain Chinese without the operator's advice the terminal
// gives (command-line flags, certificate options) and without English status lines
// ("HTTP 404 Not Found" reads 网页不存在（HTTP 404）). The wording is a table by result,
// so a new kind of finding is one more entry; a result without one says what Judge said.
func (c Check) PaperFinding() string {
	if f, ok := paperFindings[c.Result]; ok {
		return f(c)
	}
	return c.Finding
}

// paperFindings words the results whose stored Finding is for the operator.
var paperFindings = map[CheckResult]func(Check) string{
	CheckRefused: func(Check) string { return UncheckedText },
	CheckUnreachable: func(c Check) string {
		if f, ok := unreachableWords[c.ErrorKind]; ok {
			return f(c)
		}
		return "网页无法打开"
	},
}

// UncheckedText is how the papers name a column the office could not open.
const UncheckedText = "网址无法从互联网打开（主机为 IP 地址或内网地址），未能核查"

// unreachableWords word an unreachable page by why it could not be opened (the verify
// package's ErrorKind values).
var unreachableWords = map[string]func(Check) string{
	"http_status": httpStatusText,
	"dns": func(c Check) string {
		if h := hostOf(c.URL); h != "" {
			return "域名 " + h + " 无法解析（域名不存在或填写有误）"
		}
		return "域名无法解析（域名不存在或填写有误）"
	},
	"connect":   func(Check) string { return "无法连接网站" },
	"tls":       func(Check) string { return "网站的 HTTPS 证书或加密连接有误，浏览器会提示不安全" },
	"timeout":   func(Check) string { return "网站长时间没有响应" },
	"redirects": func(Check) string { return "网址反复跳转，无法打开（可能是循环跳转）" },
}

// httpStatusText words an HTTP error status: 网页不存在（HTTP 404）.
func httpStatusText(c Check) string {
	s := c.HTTPStatus
	switch {
	case s == 404 || s == 410:
		return fmt.Sprintf("网页不存在（HTTP %d）", s)
	case s == 401 || s == 403:
		return fmt.Sprintf("网站拒绝访问（HTTP %d）", s)
	case s >= 500:
		return fmt.Sprintf("网站服务器出错（HTTP %d）", s)
	case s > 0:
		return fmt.Sprintf("网页无法打开（HTTP %d）", s)
	}
	return "网页无法打开"
}

// hostOf is the host of a reported address, or "".
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// CheckHosts are the distinct hosts of cs, in order.
func CheckHosts(cs []Check) []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range cs {
		h := hostOf(c.URL)
		if h != "" && !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}

// Advice says what the unit should do about a check's finding, in the same papers.
func (r CheckResult) Advice() string {
	return checkAdvice[r]
}

var checkAdvice = map[CheckResult]string{
	CheckUnreachable:  "请核对网址，确保网页可以正常访问",
	CheckNameMismatch: "请核对所填网址是否为该栏目的页面",
	CheckEmpty:        "请及时发布信息",
	CheckStale:        "请及时更新",
	CheckDateMismatch: "请核对填报的最近更新日期",
}
