package verify

import (
	"bytes"
	"net/http"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"xxgk"
)

// pageText is what the judging rules need from a page's HTML.
type pageText struct {
	title    string
	headings []string // h1–h3 and breadcrumbs
	newest   time.Time
	entries  int
	dates    []time.Time // every entry's date, in page order
	scripted string      // why the page looks like a script-drawn shell (shell.go); "" when not
}

// breadcrumbKeys mark the element holding a page's breadcrumb (当前位置) by its class or id.
var breadcrumbKeys = []string{"crumb", "position", "location", "weizhi", "dqwz", "curpos", "path"}

// breadcrumbWords start a breadcrumb's text.
var breadcrumbWords = []string{"当前位置", "您的位置", "你的位置", "您现在的位置", "所在位置"}

// readPage decodes body by its declared charset (the Content-Type header, else a <meta> in
// the first kilobyte, else a guess; GBK, GB2312 and GB18030 are common on government sites)
// and reads its title, headings, breadcrumb and dates.
func readPage(body []byte, contentType string, asOf time.Time) (pageText, error) {
	enc, _, _ := charset.DetermineEncoding(body, contentType)
	doc, err := html.Parse(enc.NewDecoder().Reader(bytes.NewReader(body)))
	if err != nil {
		return pageText{}, err
	}
	var p pageText
	dates := newDateFinder(asOf)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Title:
				if p.title == "" {
					p.title = squash(textOf(n))
				}
				return
			case atom.H1, atom.H2, atom.H3:
				p.headings = append(p.headings, squash(textOf(n)))
			default:
				if isBreadcrumb(n) {
					p.headings = append(p.headings, squash(textOf(n)))
				}
			}
		}
		if n.Type == html.TextNode {
			t := strings.TrimSpace(n.Data)
			for _, w := range breadcrumbWords {
				if strings.Contains(t, w) && n.Parent != nil {
					p.headings = append(p.headings, squash(textOf(n.Parent)))
					break
				}
			}
			dates.add(t)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	p.newest, p.entries, p.dates = dates.newest, dates.entries, dates.dates
	p.scripted = shellReason(doc, p.entries)
	return p, nil
}

func isBreadcrumb(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, k := range breadcrumbKeys {
			if strings.Contains(v, k) {
				return true
			}
		}
	}
	return false
}

// textOf is the text under n, scripts and styles left out.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
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

// squash collapses runs of white space and clips very long texts (xxgk.Visible, which
// also escapes control characters a hostile page could put in its title).
func squash(s string) string { return xxgk.Visible(strings.Join(strings.Fields(s), " "), 300) }

// isHTML tells a web page from a document, image or download by its Content-Type; a
// missing type is sniffed from the first bytes.
func isHTML(contentType string, body []byte) bool {
	if contentType == "" {
		contentType = http.DetectContentType(body)
	}
	ct := strings.ToLower(contentType)
	return strings.Contains(ct, "text/html") || strings.Contains(ct, "application/xhtml")
}
