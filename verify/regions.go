package verify

import (
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// region is a repeated block of dated links: a column's list, a search's results, or a
// sidebar's.
type region struct {
	node    *html.Node
	entries [][]*dateHit // each entry's dates
	merged  bool         // made of sibling lists (a list split over several <ul> or tables)
	widget  bool         // a sidebar, widget, footer or navigation block
	heading string       // the short text heading the block, when there is one
}

// newest is the newest usable date of the region's entries.
func (r *region) newest() time.Time {
	var t time.Time
	for _, e := range r.entries {
		if d := entryDate(e); d.After(t) {
			t = d
		}
	}
	return t
}

// entryDate is an entry's date: the newest of the dates that stand alone (a list cell, a
// 时间：line), else the newest mentioned anywhere in it (a title with its date). A
// search result's snippet mentions dates that are not the result's.
func entryDate(hits []*dateHit) time.Time {
	var alone, any time.Time
	for _, h := range hits {
		if !h.usable() {
			continue
		}
		if h.dominant && h.day.After(alone) {
			alone = h.day
		}
		if h.day.After(any) {
			any = h.day
		}
	}
	if !alone.IsZero() {
		return alone
	}
	return any
}

func hasUsable(hits []*dateHit) bool {
	for _, h := range hits {
		if h.usable() {
			return true
		}
	}
	return false
}

// regions finds every block of dated entries on the page: an element whose children are
// entries (each holding a link and a date: <li>, <tr>, <div>), whose children alternate
// links and dates (a flat list), or whose children are lists of one kind (a list split
// in parts). Regions nest; the caller picks.
func (m *model) regions() []*region {
	byNode := map[*html.Node]*region{}
	listInside := map[*html.Node]bool{} // the element holds a list of two entries or more
	var out []*region
	// Post-order: a child's region is known before its parent's.
	for i := len(m.elements) - 1; i >= 0; i-- {
		p := m.elements[i]
		var rows, flat [][]*dateHit
		linked := 0
		sigs := map[string][]*region{}
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				hs := m.textHits(c)
				if hasUsable(hs) {
					flat = append(flat, hs)
				}
			case html.ElementNode:
				st := m.agg[c]
				if st == nil {
					continue
				}
				if st.links > 0 {
					linked++
				}
				if !hasUsable(st.hits) || st.text > maxEntryText || st.links > maxEntryLinks || m.headedAsWidget(c) {
					continue
				}
				// A child that is itself a list is not one entry: lists side by side
				// (a home page's boxes) are separate regions, parts of one list merge.
				if r := byNode[c]; r != nil && len(r.entries) >= 2 {
					sig := c.Data + "." + attr(c, "class")
					sigs[sig] = append(sigs[sig], r)
				}
				if listInside[c] {
					continue
				}
				if st.links > 0 {
					rows = append(rows, st.hits)
				} else {
					flat = append(flat, st.hits)
				}
			}
		}
		r := &region{node: p, entries: rows}
		if len(flat) >= 2 && linked >= len(flat) && len(flat) > len(rows) {
			r.entries = flat
		}
		for _, parts := range sigs {
			if len(parts) < 2 {
				continue
			}
			var all [][]*dateHit
			for _, part := range parts {
				all = append(all, part.entries...)
			}
			if len(all) > len(r.entries) {
				r.entries, r.merged = all, true
			}
		}
		if len(r.entries) >= 2 {
			listInside[p] = true
		}
		if listInside[p] && p.Parent != nil {
			listInside[p.Parent] = true
		}
		if len(r.entries) == 0 {
			continue
		}
		byNode[p] = r
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b *region) int { return m.order[a.node] - m.order[b.node] })
	return out
}

// An entry is small: a title, a date, a snippet, a few links (attachments, a column tag).
// A block with more is a part of the page, not one entry of a list.
const (
	maxEntryText  = 600
	maxEntryLinks = 8
)

// headedAsWidget tells a block among a list's entries that heads itself as something
// else: 相关公文, 相关图片 among search results, 热点 among news.
func (m *model) headedAsWidget(n *html.Node) bool {
	i := sort.Search(len(m.texts), func(i int) bool { return m.order[m.texts[i]] > m.order[n] })
	if i == len(m.texts) || !isAncestor(n, m.texts[i]) {
		return false
	}
	s := strings.TrimSpace(m.texts[i].Data)
	if len([]rune(s)) > 8 {
		return false
	}
	for _, w := range widgetWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// textHits are the dates read from one text node.
func (m *model) textHits(n *html.Node) []*dateHit { return m.nodeHits[n] }

// widgetKeys start the class or id words of blocks that are not the page's own content:
// sidebars, hot and ranking lists, related articles, consultation and message boxes,
// navigation, headers and footers.
var widgetKeys = []string{"side", "aside", "hot", "rank", "relat", "xgwz", "xgxx", "xglj", "xgwd", "xgxw", "tuijian",
	"recommend", "footer", "foot", "bottom", "copyright", "banquan", "zwzx", "zxly", "liuyan", "hdjl", "hudong", "nav",
	"menu", "friend", "yqlj", "zxzx"}

// widgetWords head such blocks: 政务咨询, 热点信息, 点击排行, 相关文章, 关联稿件 ...
var widgetWords = []string{"咨询", "留言", "热点", "热门", "排行", "相关", "关联", "推荐", "友情链接", "信箱", "投诉", "互动", "点击", "阅读排行"}

// widgetTags are elements that hold no column content.
var widgetTags = map[atom.Atom]bool{atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Header: true}

// isWidget tells whether n sits in a sidebar, widget, navigation or footer, by its and
// its ancestors' tags and class words, or by the heading over it (unless the page is
// that column itself: a 政务咨询 column's list is headed 政务咨询).
func (m *model) isWidget(n *html.Node, heading string, own []string) bool {
	for x := n; x != nil && x.Type == html.ElementNode && x.DataAtom != atom.Body; x = x.Parent {
		if widgetTags[x.DataAtom] {
			return true
		}
		for _, t := range classTokens(x) {
			for _, k := range widgetKeys {
				if strings.HasPrefix(t, k) {
					return true
				}
			}
		}
	}
	for _, w := range widgetWords {
		if strings.Contains(heading, w) && !mentions(own, w) {
			return true
		}
	}
	return false
}

func mentions(texts []string, w string) bool {
	for _, t := range texts {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// headingOf is the short text heading a block: text before its first entry inside it
// (a table's title row), else the text of a short element just before it or before one
// of its nearest ancestors (<h3>热点信息</h3><ul>…). Breadcrumbs, navigation (several
// links) and longer texts are not headings.
func (m *model) headingOf(r *region) string {
	first := r.node.FirstChild
	for c := first; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if st := m.agg[c]; st != nil && hasUsable(st.hits) {
			break
		}
		if hasTag(c, atom.Th) {
			continue // a table's column heads: 名称 索引号 发布日期
		}
		if h := headingText(c, m.agg[c]); h != "" {
			return h
		}
	}
	x := r.node
	for level := 0; level < 4 && x != nil && x.DataAtom != atom.Body; level++ {
		seen := 0
		for s := x.PrevSibling; s != nil && seen < 3; s = s.PrevSibling {
			if s.Type != html.ElementNode || skipped(s) {
				continue
			}
			seen++
			st := m.agg[s]
			if st == nil || st.text == 0 {
				continue
			}
			if h := headingText(s, st); h != "" {
				return h
			}
			if h := m.headingInside(s); h != "" {
				return h
			}
			return "" // a longer block stands before: no heading
		}
		x = x.Parent
	}
	return ""
}

// headingInside is the text of a heading element (<h1>–<h4>) in a block before a list: a
// title bar holding the list's name beside a breadcrumb or a "more" link.
func (m *model) headingInside(n *html.Node) string {
	var found string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != "" || n.Type == html.ElementNode && skipped(n) {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4:
				found = headingText(n, m.agg[n])
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return found
}

func hasTag(n *html.Node, a atom.Atom) bool {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasTag(c, a) {
			return true
		}
	}
	return false
}

// moreWords are a heading's trailing "more" links.
var moreWords = []string{"更多>>", "更多>", "更多", "more>>", "more", "MORE", ">>", "+"}

func headingText(n *html.Node, st *subtree) string {
	if st == nil || st.links > 1 || st.text > 30 {
		return ""
	}
	t := squash(textOf(n, false))
	for _, w := range moreWords {
		t = strings.TrimSpace(strings.TrimSuffix(t, w))
	}
	if t == "" || len([]rune(t)) > 20 || isCrumbText(t) {
		return ""
	}
	return t
}
