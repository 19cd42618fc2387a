package verify

import (
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html"

	"xxgk"
)

// analyzeDoc tells what the page is and reads its own names and dates: the main list
// (the largest block of dated links outside sidebars, widgets and footers) or, for an
// article, its publication line. Dates elsewhere count only when neither is found, and
// the analysis says so.
func analyzeDoc(doc *html.Node, u *url.URL, asOf time.Time) Analysis {
	m := newModel(doc, asOf)
	a := Analysis{Title: m.title, Breadcrumb: m.breadcrumb()}
	own := []string{xxgk.TitleColumn(a.Title)}
	if n := len(a.Breadcrumb); n > 0 {
		own = append(own, a.Breadcrumb[n-1])
	}
	regs := m.regions()
	var main, side *region
	for _, r := range regs {
		r.heading = m.headingOf(r)
		r.widget = m.isWidget(r.node, r.heading, own)
		best := &main
		if r.widget {
			best = &side
		}
		// The largest block wins; of equal ones, the innermost (a list, not the page around it).
		if *best == nil || len(r.entries) > len((*best).entries) ||
			len(r.entries) == len((*best).entries) && isAncestor((*best).node, r.node) {
			*best = r
		}
	}
	// A block headed with the page's own name is its list, larger blocks beside it
	// (最新信息, a site-wide list in a side column) notwithstanding.
	var named *region
	for _, r := range regs {
		if !r.widget && r.heading != "" && xxgk.NameMatches([]string{r.heading}, own) &&
			(named == nil || len(r.entries) > len(named.entries)) {
			named = r
		}
	}
	if named != nil {
		main = named
	}
	body := m.bodyText()
	if n := len(a.Breadcrumb); n > 0 {
		a.Headings = append(a.Headings, a.Breadcrumb[n-1])
	}
	if main != nil && main.heading != "" && !containsFold(a.Headings, main.heading) {
		a.Headings = append(a.Headings, main.heading)
	}
	// Sites built to the 2017 政府网站发展指引 name the column in <meta name="ColumnName">.
	if c := m.meta["columnname"]; c != "" && len([]rune(c)) <= 30 && !containsFold(a.Headings, c) {
		a.Headings = append(a.Headings, c)
	}
	switch {
	case m.notFound(body):
		a.Kind = xxgk.PageNotFound
		return a
	case m.isSearch(u):
		a.Kind = xxgk.PageSearch
	case m.isHome(u, a.Breadcrumb, regs):
		a.Kind = xxgk.PageHome
	}
	if a.Kind == "" {
		if pub, ok := m.article(main, body); ok {
			a.Kind, a.Newest = xxgk.PageArticle, pub
			return a
		}
	}
	if a.Kind == "" {
		a.Kind = xxgk.PageList
		if main == nil && (body >= minBody || !m.listFrame()) {
			a.Kind = xxgk.PageOther
		}
	}
	switch {
	case main != nil:
		a.Newest, a.Entries = main.newest(), len(main.entries)
		for _, e := range main.entries {
			if d := entryDate(e); !d.IsZero() {
				a.Dates = append(a.Dates, d)
			}
		}
	case side != nil:
		a.Newest, a.Entries, a.DatesOutside = side.newest(), len(side.entries), true
	default:
		for _, h := range m.hits {
			if h.usable() && (h.dominant || h.pub) {
				a.Entries++
				if h.day.After(a.Newest) {
					a.Newest = h.day
				}
			}
		}
		a.DatesOutside = a.Entries > 0
	}
	return a
}

func containsFold(list []string, s string) bool {
	for _, l := range list {
		if xxgk.FoldName(l) == xxgk.FoldName(s) {
			return true
		}
	}
	return false
}

// squash collapses runs of white space and clips very long texts (xxgk.Visible, which
// also escapes control characters a hostile page could put in its title).
func squash(s string) string { return xxgk.Visible(strings.Join(strings.Fields(s), " "), 300) }
