package samples

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// SiteColumn is a column a unit reported, for the sample site to serve.
type SiteColumn struct {
	URL        string
	Name       string    // the reported 栏目名称
	LastUpdate time.Time // the reported 最近更新日期; the page's newest entry, zero for ~10 days ago
}

// Site is a small stand-in for the units' websites, for the demo's check step: it serves
// a column page for every reported address, in UTF-8 and in GBK (by header and by
// <meta>), and, spread over the columns, the failures inspections count — a dead link,
// a blank column, a stale one and a page that is not the column reported.
type Site struct {
	pages map[string]page // by host and path
	hosts []string
}

type page struct {
	status int
	body   []byte
	ctype  string
}

// Sample site behaviours, by column number modulo 20.
const (
	siteBehind   = 1 // the page's newest entry is three weeks older than the unit claims
	siteScripted = 3 // an empty shell whose list a script fetches as JSON (scripted.go)
	siteDead     = 5
	siteArticle  = 7 // the address is one article's, not the column's (scripted.go)
	siteEmpty    = 9
	siteRushed   = 11 // three entries in the last week after a year of silence (突击更新)
	siteStale    = 13
	siteMismatch = 17 // the page of another column (工作动态)
)

// NewSite builds the pages for cols as of day today.
func NewSite(cols []SiteColumn, today time.Time) *Site {
	s := &Site{pages: map[string]page{}}
	seen := map[string]bool{}
	enc := simplifiedchinese.GBK.NewEncoder()
	for i, c := range cols {
		u, err := url.Parse(c.URL)
		if err != nil || u.Host == "" {
			continue
		}
		host := strings.ToLower(u.Hostname())
		if !seen[host] {
			seen[host] = true
			s.hosts = append(s.hosts, host)
		}
		newest := c.LastUpdate
		if newest.IsZero() {
			newest = today.AddDate(0, 0, -10)
		}
		title, dates := c.Name, entryDates(newest, 8)
		p := page{status: http.StatusOK}
		key := host + u.EscapedPath()
		if _, ok := s.pages[key]; ok {
			continue // several units reported the same address: the first decides
		}
		switch i % 20 {
		case siteBehind:
			dates = entryDates(newest.AddDate(0, 0, -21), 8)
		case siteDead:
			p.status = http.StatusNotFound
		case siteEmpty:
			dates = nil
		case siteStale:
			dates = entryDates(today.AddDate(-1, -1, 0), 5)
		case siteRushed:
			dates = append([]time.Time{today.AddDate(0, 0, -1), today.AddDate(0, 0, -3), today.AddDate(0, 0, -5)},
				entryDates(today.AddDate(-1, 0, 0), 4)...)
		case siteMismatch:
			// Another column of the same site, as when a unit copies the wrong link: the
			// page is a real column page, only not the one reported.
			title = "工作动态"
		}
		html := columnHTML(title, host, today, dates, i)
		switch i % 20 {
		case siteScripted:
			html = shellHTML(title, host, u.EscapedPath()+".json")
			s.pages[host+u.EscapedPath()+".json"] = page{status: http.StatusOK, body: listJSON(title, dates), ctype: "application/json; charset=utf-8"}
		case siteArticle:
			html = articleHTML(title, host, newest)
		}
		// A page whose reported name GBK cannot write (an emoji, a rare character) stays
		// UTF-8 rather than being served empty.
		p.body, p.ctype = []byte(html), "text/html; charset=utf-8"
		switch i % 3 {
		case 1: // GBK declared in the header
			if b, err := enc.String(strings.Replace(html, "utf-8", "gbk", 1)); err == nil {
				p.body, p.ctype = []byte(b), "text/html; charset=GBK"
			}
		case 2: // GB2312 declared only in <meta>
			if b, err := enc.String(strings.Replace(html, "utf-8", "gb2312", 1)); err == nil {
				p.body, p.ctype = []byte(b), "text/html"
			}
		}
		s.pages[key] = p
	}
	sort.Strings(s.hosts)
	return s
}

// Hosts lists the host names the site answers for.
func (s *Site) Hosts() []string { return s.hosts }

// ServeHTTP serves a column page by the request's Host and path; anything else is 404.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := strings.ToLower(r.Host)
	if h, _, ok := strings.Cut(host, ":"); ok {
		host = h
	}
	p, ok := s.pages[host+r.URL.EscapedPath()]
	if !ok || p.status != http.StatusOK {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", p.ctype)
	w.Write(p.body)
}

// entryDates are n entry dates, the newest first, about twelve days apart.
func entryDates(newest time.Time, n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = newest.AddDate(0, 0, -12*i)
	}
	return out
}

// columnHTML writes a column list page the way government CMSs do; k varies the date style.
func columnHTML(title, host string, today time.Time, dates []time.Time, k int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">`+
		`<title>%s - %s</title></head><body>`, title, host)
	fmt.Fprintf(&b, `<div class="top">今天是%s</div>`, today.Format("2006年1月2日"))
	fmt.Fprintf(&b, `<div class="position">当前位置：首页 &gt; 信息公开 &gt; %s</div>`, title)
	year := 0
	b.WriteString(`<ul class="list">`)
	for i, d := range dates {
		text := fmt.Sprintf("关于做好%s第%d期工作的通知", title, len(dates)-i)
		switch k % 4 {
		case 0:
			fmt.Fprintf(&b, `<li><a href="./%d.html">%s</a><span>%s</span></li>`, i, text, d.Format("2006-01-02"))
		case 1:
			if d.Year() != year {
				year = d.Year()
				fmt.Fprintf(&b, `</ul><h4>%d年</h4><ul class="list">`, year)
			}
			fmt.Fprintf(&b, `<li><a href="./%d.html">%s</a> [%s]</li>`, i, text, d.Format("01-02"))
		case 2:
			fmt.Fprintf(&b, `<li><a href="./%d.html">%s</a><span>%d年%d月%d日</span></li>`, i, text, d.Year(), int(d.Month()), d.Day())
		default:
			fmt.Fprintf(&b, `<li><a href="./%d.html">%s</a><span>%s</span></li>`, i, text, d.Format("2006/01/02"))
		}
	}
	b.WriteString(`</ul><div class="footer">主办：安康市人民政府办公室　电话：0915-3212345</div></body></html>`)
	return b.String()
}
