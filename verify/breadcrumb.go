package verify

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// breadcrumbKeys mark the element holding a page's breadcrumb (当前位置) by its class or
// id words.
var breadcrumbKeys = []string{"crumb", "breadcrumb", "position", "location", "weizhi", "dqwz", "curpos", "currentloc",
	"mnav", "pos", "path", "wz", "dangqian", "place"}

// crumbWord is a breadcrumb's label: 当前位置, 您现在的位置, 您所在的位置, 您当前所在位置, 位置：.
var crumbWord = regexp.MustCompile(`(当前|现在|所在|您的|你的)的?位置|当前页面|位置\s*[:：]`)

// crumbSeparators stand between a breadcrumb's elements.
var crumbSeparators = regexp.MustCompile(`\s*(?:>>|->|=>|[>»›→＞/\\|]|&gt;)\s*`)

// crumbTail are last elements that name no column: the article or list the page shows.
var crumbTail = map[string]bool{"正文": true, "详情": true, "内容": true, "列表": true, "信息列表": true, "文章": true,
	"浏览文章": true, "阅读全文": true, "查看详情": true, "详细内容": true, "信息浏览": true}

// isCrumbText tells a text that is (part of) a breadcrumb.
func isCrumbText(t string) bool {
	if crumbWord.MatchString(t) {
		return true
	}
	return crumbSeparators.MatchString(t) && strings.Contains(t, "首页")
}

// breadcrumb finds the page's 当前位置 trail and splits it into its elements, label left
// out. The label may sit in its own table cell ("您的当前位置：" in one <td>, the links in
// the next): the trail is then read from the nearest ancestor holding both. Without a
// label, an element whose class says breadcrumb is taken.
func (m *model) breadcrumb() []string {
	for _, t := range m.texts {
		s := strings.TrimSpace(t.Data)
		if !hasCrumbWord(s) || len([]rune(s)) > 200 {
			continue
		}
		x := t.Parent
		for level := 0; level < 4 && x != nil && x.DataAtom != atom.Body; level++ {
			if segs := crumbSegments(x); len(segs) >= 1 && m.agg[x] != nil && m.agg[x].text <= 300 {
				if len(segs) >= 2 || level > 0 {
					return segs
				}
			}
			x = x.Parent
		}
	}
	for _, e := range m.elements {
		if !hasCrumbKey(e) {
			continue
		}
		st := m.agg[e]
		if st == nil || st.text > 300 || st.links < 2 {
			continue
		}
		if segs := crumbSegments(e); len(segs) >= 2 {
			return segs
		}
	}
	// Without label or class: a short trail of links from the home page, 首页 -> 政府文件 -> 近期信息公开.
	for _, e := range m.elements {
		st := m.agg[e]
		if st == nil || st.text > 120 || st.links < 2 {
			continue
		}
		t := squash(textOf(e, false))
		if (strings.HasPrefix(t, "首页") || strings.HasPrefix(t, "网站首页")) && trailArrow.MatchString(t) {
			if segs := crumbSegments(e); len(segs) >= 2 {
				return segs
			}
		}
	}
	return nil
}

// trailArrow separates a trail's steps (not "|", which separates navigation links).
var trailArrow = regexp.MustCompile(`>|»|›|→|＞`)

func hasCrumbWord(s string) bool { return crumbWord.MatchString(s) }

func hasCrumbKey(n *html.Node) bool {
	for _, t := range classTokens(n) {
		for _, k := range breadcrumbKeys {
			if t == k || len(k) > 3 && strings.Contains(t, k) {
				return true
			}
		}
	}
	return false
}

// crumbSegments are a breadcrumb element's parts: each link's text is one part, other
// text is split at the separators; the label (当前位置：) is dropped.
func crumbSegments(n *html.Node) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && skipped(n) {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			if t := squash(textOf(n, false)); t != "" {
				out = append(out, t)
			}
			return
		}
		if n.Type == html.TextNode {
			for _, p := range crumbSeparators.Split(n.Data, -1) {
				p = strings.TrimSpace(p)
				if hasCrumbWord(p) {
					p = crumbLabel.ReplaceAllString(p, "")
				}
				if p = strings.Trim(p, "：: \u00a0"); p != "" {
					out = append(out, squash(p))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	for len(out) > 0 && crumbTail[out[len(out)-1]] {
		out = out[:len(out)-1]
	}
	return out
}

// crumbLabel is the breadcrumb's label and what goes with it: 您现在的位置是：.
var crumbLabel = regexp.MustCompile(`^.*?((当前|现在|所在|您的|你的)的?位置|当前页面|位置)(是)?\s*[:：]?`)
