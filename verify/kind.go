package verify

import (
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minBody is the running text (in characters, links left out) that makes a page's
// content more than a list's frame: an article's body, a guide's text.
const minBody = 150

// longBody is running text only an article has; a list after it is not the page's own.
const longBody = 300

// listTags hold lists: a <ul> of one dated link is a column with one entry, not an article.
var listTags = map[atom.Atom]bool{atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true, atom.Tbody: true}

// notFoundWords are what "page not found" pages say while answering HTTP 200.
var notFoundWords = []string{"页面不存在", "页面未找到", "找不到页面", "找不到该页面", "页面找不到", "页面已删除", "页面已被删除",
	"访问的页面不存在", "您访问的页面", "无法找到该页", "Not Found", "not found", "页面没有找到", "信息不存在", "文章不存在"}

// notFound tells a "page not found" page: its title or a short text says so and the page
// has little else (a column page may link to a 404 help).
func (m *model) notFound(body int) bool {
	say := func(s string) bool {
		for _, w := range notFoundWords {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	if say(m.title) || strings.HasPrefix(strings.TrimSpace(m.title), "404") {
		return true
	}
	if body > 400 || len(m.hits) > 5 {
		return false
	}
	for _, t := range m.texts {
		if s := strings.TrimSpace(t.Data); len([]rune(s)) <= 60 && say(s) {
			return true
		}
	}
	return false
}

// searchWords are what a site-search result page says of its results.
var searchWords = []string{"找到相关结果", "为您找到", "搜索结果", "检索结果", "共找到", "条结果", "相关结果", "搜索到"}

// searchPath marks a search address: /search, /sousuo, was5, jsearch, s.htm, ?q= …
var searchPath = regexp.MustCompile(`(?i)search|sousuo|was5|jsearch|/s\.(s?html?|jsp|aspx?|php)|[?&](q|query|keyword|keywords|searchword|kw|wd)=`)

// isSearch tells a site-search result page by what it says of its results ("为您找到相关
// 结果10条", "找到4165条结果") together with a search address or a search box holding the
// query. The words alone are not enough (a 信息公开 platform's column can say 检索结果),
// nor is the address (platforms serve columns from search.jsp).
func (m *model) isSearch(u *url.URL) bool {
	said := false
	for _, t := range m.texts {
		s := strings.TrimSpace(t.Data)
		if len([]rune(s)) > 40 {
			continue
		}
		for _, w := range searchWords {
			if strings.Contains(s, w) {
				said = true
			}
		}
	}
	if !said {
		return false
	}
	if u != nil && searchPath.MatchString(u.Path+"?"+u.RawQuery) {
		return true
	}
	for _, e := range m.inputs {
		if t := strings.ToLower(attr(e, "type")); (t == "" || t == "text" || t == "search") && strings.TrimSpace(attr(e, "value")) != "" {
			return true
		}
	}
	return false
}

// homePaths are the addresses of a site's home page.
var homePaths = map[string]bool{"": true, "/": true, "/index.html": true, "/index.htm": true, "/index.shtml": true,
	"/index.jsp": true, "/index.php": true, "/index.aspx": true, "/index.asp": true, "/default.htm": true,
	"/default.html": true, "/default.aspx": true, "/default.asp": true, "/portal/index.html": true}

// isHome tells a site's home page: no breadcrumb and several separate lists of dated
// links (news, notices, documents side by side), at the site's root address or — with
// four lists or more — anywhere.
func (m *model) isHome(u *url.URL, crumbs []string, regs []*region) bool {
	if len(crumbs) > 0 {
		return false
	}
	var lists []*region
	for _, r := range regs {
		if !r.widget && len(r.entries) >= 3 {
			lists = append(lists, r)
		}
	}
	// A list split in parts is one list; an element around lists is not another.
	var sep []*region
	for _, r := range lists {
		inner := false
		for _, o := range lists {
			if o != r && isAncestor(o.node, r.node) && o.merged || o != r && isAncestor(r.node, o.node) && !r.merged {
				inner = true
				break
			}
		}
		if !inner {
			sep = append(sep, r)
		}
	}
	root := u != nil && homePaths[strings.ToLower(u.Path)] && u.RawQuery == ""
	return root && len(sep) >= 2 || len(sep) >= 4
}

// bodyText is the page's running text: the text of blocks (paragraphs, cells, divisions)
// with 20 characters or more outside links, sidebars, widgets and footers. Word-made pages
// split a sentence over many <span>s, so text is summed per block, not per text node.
func (m *model) bodyText() int {
	blocks := map[*html.Node]int{}
	for _, t := range m.texts {
		s := strings.TrimSpace(t.Data)
		if inLink(t) || isCrumbText(s) {
			continue
		}
		b := t.Parent
		for b != nil && b.Type == html.ElementNode && !blockTags[b.DataAtom] {
			b = b.Parent
		}
		blocks[b] += len([]rune(s))
	}
	n := 0
	m.firstBody = -1
	for b, r := range blocks {
		if r >= 20 && b != nil && !m.inWidget(b) {
			n += r
			if o := m.order[b]; m.firstBody < 0 || o < m.firstBody {
				m.firstBody = o
			}
		}
	}
	return n
}

var blockTags = map[atom.Atom]bool{atom.P: true, atom.Div: true, atom.Td: true, atom.Li: true, atom.Dd: true,
	atom.Section: true, atom.Article: true, atom.Body: true, atom.Blockquote: true, atom.Pre: true, atom.Th: true}

// emptyListWords are what a column page with nothing in it says.
var emptyListWords = []string{"暂无", "没有记录", "无记录", "没有数据", "共0条", "共 0 条", "0条记录", "上一页", "下一页"}

// listFrame tells a page that shows a list frame — an empty <ul> or table, a pager, "暂无
// 信息" — so that with no entries it is an empty column rather than content without dates.
func (m *model) listFrame() bool {
	for _, t := range m.texts {
		s := strings.TrimSpace(t.Data)
		if len([]rune(s)) > 20 {
			continue
		}
		for _, w := range emptyListWords {
			if strings.Contains(s, w) {
				return true
			}
		}
	}
	for _, e := range m.elements {
		switch e.DataAtom {
		case atom.Ul, atom.Ol, atom.Tbody:
			if st := m.agg[e]; st != nil && st.text == 0 && !m.inWidget(e) {
				return true
			}
		}
	}
	return false
}

func inLink(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.A {
			return true
		}
	}
	return false
}

// inWidget tells an element inside a sidebar, widget, navigation or footer by tags and
// class words only.
func (m *model) inWidget(n *html.Node) bool { return m.isWidget(n, "", nil) }

// article tells an article (detail) page by its structure: running text, a publication
// line (发布时间：…, or a date standing alone), and no list of three dated links or more
// outside widgets (related-article lists are widgets). It returns the publication date:
// the first labelled one, else the first standing alone.
func (m *model) article(main *region, body int) (time.Time, bool) {
	if body < minBody {
		return time.Time{}, false
	}
	// A list of the page's own is not an article's — unless it comes after a long body, as
	// related-article lists without a heading saying so do.
	if main != nil && (len(main.entries) >= 3 || listTags[main.node.DataAtom]) &&
		!(body >= longBody && m.order[main.node] > m.firstBody) {
		return time.Time{}, false
	}
	var labelled, alone time.Time
	for _, h := range m.hits {
		if !h.usable() || !(h.pub || h.dominant) {
			continue
		}
		n := m.hitNode[h]
		if m.inWidget(n.Parent) {
			continue
		}
		if h.pub && labelled.IsZero() {
			labelled = h.day
		}
		if h.dominant && alone.IsZero() {
			alone = h.day
		}
	}
	if !labelled.IsZero() {
		return labelled, true
	}
	if !alone.IsZero() {
		return alone, true
	}
	// An article page of a 政府网站发展指引 site says so in its <meta> tags, even when the
	// publication line is drawn by a script.
	if m.meta["articletitle"] != "" {
		f := newDateFinder(m.asOf)
		for _, h := range f.add(m.meta["pubdate"]) {
			if h.usable() {
				return h.day, true
			}
		}
	}
	return time.Time{}, false
}
