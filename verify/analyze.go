package verify

import (
	"net/url"
	"time"

	"golang.org/x/net/html"

	"xxgk"
)

// Analysis is what the judging rules need from a page: its title, the names it gives
// itself, what kind of page it is, and the dates of its own content.
type Analysis struct {
	Title string
	// Breadcrumb is the 当前位置 trail, its label left out ("首页", "信息公开", "年报").
	Breadcrumb []string
	// Headings are the page's own names, most specific first: the breadcrumb's last
	// element and the main list's heading.
	Headings []string
	Kind     xxgk.PageKind
	Newest   time.Time // newest date of the page's own content (an article: its publication)
	Entries  int       // dated entries of the main list; 0 for an article
	// DatesOutside says no main list or article was found and Newest and Entries come
	// from dates elsewhere on the page (sidebars, widgets, footers).
	DatesOutside bool
	// Dates are the main list's entry dates, in page order (for the rushed-update rule).
	Dates []time.Time
	// Scripted says why the page looks like a shell whose list a script fills in
	// (shell.go), in Chinese; empty when it shows its entries itself.
	Scripted string
}

// Analyze reads one page: body as served (any charset; the body cap already applied),
// its Content-Type header (may be empty), the address it was fetched from (after
// redirects) and the check day, after which no date counts. It is the one entry point of
// the page analysis, used for fetched pages and for pages rendered in a browser alike;
// its signature and the meaning of Analysis's fields are kept stable.
func Analyze(body []byte, contentType, pageURL string, asOf time.Time) (Analysis, error) {
	doc, err := html.Parse(decode(body, contentType))
	if err != nil {
		return Analysis{}, err
	}
	u, _ := url.Parse(pageURL) // a nil URL only loses the address hints
	a := analyzeDoc(doc, u, asOf)
	if a.Kind == xxgk.PageList || a.Kind == xxgk.PageOther {
		a.Scripted = shellReason(doc, a.Entries)
	}
	return a, nil
}

// fill copies the analysis into the facts Judge reads.
func (a Analysis) fill(p *xxgk.Page) {
	p.Title, p.Headings, p.Kind = a.Title, a.Headings, a.Kind
	p.Newest, p.Entries, p.DatesOutside = a.Newest, a.Entries, a.DatesOutside
	p.Dates, p.Scripted = a.Dates, a.Scripted
}
