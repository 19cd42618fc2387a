package verify

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Many 信息公开 platforms send a shell: the page's frame with an empty list, and a script
// that fetches the entries (XHR, fetch, $.ajax, a JSON or JSONP endpoint) or writes them
// with document.write. Read without a browser such a page has no dated entries, and
// calling it 空白栏目 would accuse a unit falsely. shellReason tells such a page by what
// it carries, so that the check says it could not see the list (or renders it, with
// --browser).

// xhrScript matches script text that fetches data (as opposed to writing markup).
var xhrScript = regexp.MustCompile(`(?i)XMLHttpRequest|ActiveXObject\(|\bfetch\s*\(|\$\.(?:ajax|get|getJSON|post)\s*\(|jQuery\.(?:ajax|get|getJSON|post)\s*\(|\baxios\b|\.load\s*\(\s*["']|\bjsonp\b|\.json["'?]`)

// moveScript matches script text that sends the reader to another address.
var moveScript = regexp.MustCompile(`(?:^|[^\w.])(?:window\.|top\.|self\.|document\.)?location(?:\.href)?\s*=[^=]|location\.(?:replace|assign)\s*\(`)

// writeScript matches script text that writes the page itself, the older way.
var writeScript = regexp.MustCompile(`document\.write(?:ln)?\s*\(`)

// dataScriptSrc matches an external script that is data, not a library: a server page
// (.jsp, .do, .aspx, .php, .ashx) or a JSON(P) endpoint whose response writes the list.
var dataScriptSrc = regexp.MustCompile(`(?i)\.(?:jsp|do|action|aspx?|ashx|php|json)(?:[?#]|$)|[?&](?:callback|jsonp)=|/(?:api|ajax|dataproxy|interface)/`)

// noscriptWords are what a <noscript> says when the page needs JavaScript.
var noscriptWords = []string{"javascript", "脚本", "js"}
var noscriptAsks = []string{"启用", "开启", "打开", "允许", "支持", "enable", "turn on", "需要"}

// listKeys mark an element meant to hold a list, by its class or id.
var listKeys = []string{"list", "news", "data", "content", "info", "article", "item", "result", "xxgk", "lb", "wz", "table", "main", "column", "lanmu", "app"}

// pagerKeys mark a pagination bar, which list pages fill by script even when they show
// their entries themselves (TRS's createPageHTML): an empty one says nothing.
var pagerKeys = []string{"pag", "fenye", "fy"}

// loadingWords are what an unfilled list says in place of its entries.
var loadingWords = []string{"加载中", "正在加载", "数据加载", "loading"}

// shellReason says why a page with no dated entries looks like a script-drawn shell, or
// returns "" when it does not: a page with entries shows its content itself.
func shellReason(doc *html.Node, entries int) string {
	if entries > 0 {
		return ""
	}
	var s shellSigns
	s.walk(doc)
	switch {
	case s.moves && s.text < 200:
		return "页面由脚本跳转到其他网址"
	case s.refresh && s.text < 200:
		return "页面自动跳转（meta refresh）到其他网址"
	case s.datastore:
		return "列表数据内嵌在页面脚本中，由脚本写出"
	case s.writesList:
		return "列表由脚本 document.write 写出"
	case s.empty && s.fetch:
		return "列表为空，由脚本请求数据后填充"
	case s.noscript && (s.empty || s.text < 40):
		return "页面提示需启用 JavaScript 才能显示内容"
	}
	return ""
}

// shellSigns collects the traits of a shell in one walk over the page.
type shellSigns struct {
	fetch      bool // a script fetches data
	datastore  bool // entries held as XML in a script, written out by a script (大汉 JCMS)
	empty      bool // a list container with no entries, or one saying it is loading
	writesList bool // such a container holds a script that writes the page
	noscript   bool // <noscript> asks for JavaScript
	moves      bool // a script sends the reader elsewhere
	refresh    bool // <meta http-equiv="refresh"> does
	text       int  // characters of text outside scripts, styles and <noscript>
}

func (s *shellSigns) walk(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Script:
			s.script(n)
			return
		case atom.Noscript:
			if asksForScript(textOf(n, true) + rawText(n)) {
				s.noscript = true
			}
			return
		case atom.Style, atom.Template:
			return
		case atom.Meta:
			if strings.EqualFold(attr(n, "http-equiv"), "refresh") && strings.Contains(strings.ToLower(attr(n, "content")), "url") {
				s.refresh = true
			}
		case atom.Ul, atom.Ol, atom.Tbody, atom.Table, atom.Div, atom.Section, atom.Dl:
			if listLike(n) && unfilled(n) {
				s.empty = true
				if writesPage(n) {
					s.writesList = true
				}
			}
		}
	}
	if n.Type == html.TextNode {
		s.text += len([]rune(strings.TrimSpace(n.Data)))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s.walk(c)
	}
}

func (s *shellSigns) script(n *html.Node) {
	src, typ := attr(n, "src"), strings.ToLower(attr(n, "type"))
	text := rawText(n)
	if strings.Contains(typ, "xml") && strings.Contains(strings.ToLower(text), "<datastore") {
		s.datastore = true
		return
	}
	if src != "" {
		if dataScriptSrc.MatchString(src) {
			s.fetch = true
		}
		return
	}
	if moveScript.MatchString(text) {
		s.moves = true
	}
	if xhrScript.MatchString(text) {
		s.fetch = true
	}
}

// writesPage tells an element holding a script that writes the page.
func writesPage(n *html.Node) bool {
	if n.Type == html.ElementNode && n.DataAtom == atom.Script {
		return writeScript.MatchString(rawText(n)) || attr(n, "src") != "" && dataScriptSrc.MatchString(attr(n, "src"))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if writesPage(c) {
			return true
		}
	}
	return false
}

// listLike tells a container whose class or id names a list (a pagination bar does not).
func listLike(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, k := range pagerKeys {
			if strings.Contains(v, k) {
				return false
			}
		}
	}
	if n.DataAtom == atom.Ul || n.DataAtom == atom.Ol || n.DataAtom == atom.Tbody {
		return true
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, k := range listKeys {
			if strings.Contains(v, k) {
				return true
			}
		}
	}
	return false
}

// unfilled tells a container with no text of its own (scripts aside) and no links, or
// one that only says it is loading.
func unfilled(n *html.Node) bool {
	t := strings.ToLower(strings.Join(strings.Fields(textOf(n, false)), ""))
	if t == "" {
		return !hasLink(n)
	}
	for _, w := range loadingWords {
		if strings.Contains(t, w) && len([]rune(t)) <= 20 {
			return true
		}
	}
	return false
}

func hasLink(n *html.Node) bool {
	if n.Type == html.ElementNode && n.DataAtom == atom.A && attr(n, "href") != "" {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasLink(c) {
			return true
		}
	}
	return false
}

// asksForScript tells a <noscript> text asking the reader to turn JavaScript on.
func asksForScript(t string) bool {
	t = strings.ToLower(t)
	named := false
	for _, w := range noscriptWords {
		if strings.Contains(t, w) {
			named = true
			break
		}
	}
	if !named {
		return false
	}
	for _, w := range noscriptAsks {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// rawText is the text of an element the parser keeps raw (script, and noscript, which
// is raw text when scripting is on).
func rawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
