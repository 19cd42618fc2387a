package verify

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// model is a parsed page with what the analysis asks of every element: its text, its
// links and its dates, summed over its subtree.
type model struct {
	doc       *html.Node
	title     string
	meta      map[string]string // <meta name=… content=…>, names folded to lower case
	asOf      time.Time
	inputs    []*html.Node              // <input> elements: a search box holds the query
	firstBody int                       // document position of the first block of running text (bodyText sets it)
	elements  []*html.Node              // in document order
	order     map[*html.Node]int        // document position of elements and text nodes
	agg       map[*html.Node]*subtree   // per element
	hits      []*dateHit                // every date, in document order
	hitNode   map[*dateHit]*html.Node   // the text node a date was read from
	nodeHits  map[*html.Node][]*dateHit // the dates of a text node
	texts     []*html.Node              // text nodes, in document order
}

// subtree sums an element's content.
type subtree struct {
	links    int // <a> elements with text
	text     int // runes of text
	linkText int // runes of text inside links
	hits     []*dateHit
}

// scriptTarget finds the elements a script writes into (document.getElementById("date"),
// $("#time")): a date shown there is the script's clock, not an entry.
var scriptTarget = regexp.MustCompile(`getElementById\(\s*["']([\w-]+)["']\s*\)|\$\(\s*["']#([\w-]+)["']\s*\)`)

// skipped are elements whose text is not the page's content.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Select, atom.Head:
		return true
	}
	return false
}

func newModel(doc *html.Node, asOf time.Time) *model {
	m := &model{meta: map[string]string{}, asOf: asOf, doc: doc, order: map[*html.Node]int{}, agg: map[*html.Node]*subtree{}, hitNode: map[*dateHit]*html.Node{}, nodeHits: map[*html.Node][]*dateHit{}}
	targets := map[string]bool{}
	var scripts func(n *html.Node)
	scripts = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			for _, g := range scriptTarget.FindAllStringSubmatch(textOf(n, true), -1) {
				targets[g[1]+g[2]] = true
			}
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Input {
			m.inputs = append(m.inputs, n)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta {
			if k := strings.ToLower(attr(n, "name")); k != "" && m.meta[k] == "" {
				m.meta[k] = squash(attr(n, "content"))
			}
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Title && m.title == "" {
			m.title = squash(textOf(n, false))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			scripts(c)
		}
	}
	scripts(doc)
	dates := newDateFinder(asOf)
	var walk func(n *html.Node, inLink, scripted bool) *subtree
	walk = func(n *html.Node, inLink, scripted bool) *subtree {
		m.order[n] = len(m.order)
		st := &subtree{}
		switch n.Type {
		case html.TextNode:
			t := strings.TrimSpace(n.Data)
			if t == "" {
				return st
			}
			m.texts = append(m.texts, n)
			st.text = len([]rune(t))
			if inLink {
				st.linkText = st.text
			}
			for _, h := range dates.add(t) {
				h.clock = h.clock || scripted && !inLink
				m.hits = append(m.hits, h)
				m.hitNode[h] = n
				m.nodeHits[n] = append(m.nodeHits[n], h)
				st.hits = append(st.hits, h)
			}
			return st
		case html.ElementNode:
			if skipped(n) {
				return st
			}
			m.elements = append(m.elements, n)
			m.agg[n] = st
			if n.DataAtom == atom.A {
				inLink = true
			}
			if id := attr(n, "id"); id != "" && targets[id] {
				scripted = true
			}
		case html.DocumentNode:
		default:
			return st
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			cs := walk(c, inLink, scripted)
			st.links += cs.links
			st.text += cs.text
			st.linkText += cs.linkText
			st.hits = append(st.hits, cs.hits...)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A && st.text > 0 {
			st.links++
		}
		// A script's clock is a date in a written-into element without links; a list a
		// script pages through keeps its dates.
		if scripted && st.links > 0 {
			for _, h := range st.hits {
				if h.clock && !hasClockWords(m.hitNode[h]) && !weekdayAfter(m.hitNode[h]) {
					h.clock = false
				}
			}
		}
		return st
	}
	walk(doc, false, false)
	dates.finish()
	return m
}

func hasClockWords(n *html.Node) bool {
	for _, w := range clockWords {
		if strings.Contains(n.Data, w) {
			return true
		}
	}
	return false
}

func weekdayAfter(n *html.Node) bool {
	return strings.Contains(n.Data, "星期")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// classTokens are the words of an element's class and id, lower case, split at
// punctuation and at camelCase humps ("rightSide" → right, side).
func classTokens(n *html.Node) []string {
	var out []string
	for _, key := range []string{"class", "id"} {
		v := attr(n, key)
		var cur []rune
		flush := func() {
			if len(cur) > 0 {
				out = append(out, strings.ToLower(string(cur)))
				cur = cur[:0]
			}
		}
		prevLower := false
		for _, r := range v {
			switch {
			case unicode.IsUpper(r) && prevLower:
				flush()
				cur = append(cur, r)
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				cur = append(cur, r)
			default:
				flush()
			}
			prevLower = unicode.IsLower(r)
		}
		flush()
	}
	return out
}

// textOf is the text under n; scripts and styles are left out unless raw.
func textOf(n *html.Node, raw bool) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if !raw && n.Type == html.ElementNode && skipped(n) && n.DataAtom != atom.Head {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// isAncestor tells whether a contains n.
func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}
