package pdf

import (
	"math"
	"strings"
	"unicode"

	"xxgk"
	"xxgk/fonts"
)

// noLineStart and noLineEnd are the 避头点 and 避尾点 every line breaker of the tool
// applies (the workbooks' explicit breaks too), kept once in the root package.
const (
	noLineStart = xxgk.NoLineStart
	noLineEnd   = xxgk.NoLineEnd
)

// wrap breaks s into lines no wider than width (mm); the first line may be narrower by
// indent (a paragraph's first-line indent). Chinese breaks between any two characters,
// Latin words and numbers stay whole unless longer than a line (URLs), closing
// punctuation never starts a line and opening punctuation never ends one. Explicit
// newlines are kept.
func (d *doc) wrap(s string, role fonts.Role, size, width, indent float64) []string {
	var out []string
	first := true
	for _, para := range strings.Split(s, "\n") {
		w := width
		if first {
			w -= indent
		}
		lines := d.wrapPara([]rune(para), role, size, w, width)
		out = append(out, lines...)
		first = false
	}
	return out
}

func (d *doc) wrapPara(rs []rune, role fonts.Role, size, firstW, width float64) []string {
	return d.wrapRunes(rs, role, size, firstW, width, 0, 0)
}

// wrapRunes is wrapPara for text drawn with extra millimetres after each character (the
// body grid's spacing). A line may take up to squeeze millimetres more for closing
// punctuation that would otherwise start the next line: punctuation drawn a little closer
// (标点挤压), rather than a whole word, date or number sent down with it and a short,
// widely spaced line left behind.
func (d *doc) wrapRunes(rs []rune, role fonts.Role, size, firstW, width, extra, squeeze float64) []string {
	var lines []string
	limit := firstW
	for len(rs) > 0 {
		n, w := 0, 0.0
		for n < len(rs) {
			cw := d.fs.RuneWidth(rs[n], role, size)*ptMM + extra // its cell on the grid
			if w+cw > limit+0.01 && n > 0 {
				break
			}
			w += cw
			n++
		}
		if n < len(rs) && squeeze > 0 {
			// closing punctuation right after a full line: squeeze it in
			m, mw := n, w
			for m < len(rs) && strings.ContainsRune(noLineStart, rs[m]) {
				mw += d.fs.RuneWidth(rs[m], role, size)*ptMM + extra
				m++
			}
			if m > n && mw <= limit+squeeze && (m == len(rs) || !strings.ContainsRune(noLineStart, rs[m])) {
				n = m
			}
		}
		if n < len(rs) {
			b := breakAt(rs, n)
			if squeeze > 0 && b < n {
				b = d.shortBreak(rs, b, n, role, size)
			}
			n = b
		}
		lines = append(lines, strings.TrimRightFunc(string(rs[:n]), unicode.IsSpace))
		rs = rs[n:]
		for len(rs) > 0 && rs[0] == ' ' {
			rs = rs[1:]
		}
		limit = width
	}
	if len(lines) == 0 {
		lines = append(lines, "")
	}
	return noWidow(lines)
}

// shortBreak is where a justified line ends when breakAt moved the break from n back to
// b to keep a date whole: if that sends more than three characters' width down, the date
// may part after its 年 or 月 (2020年 / 9月20日), the latest such place before n, so that
// the line is not left short and widely spaced. Numbers and their units stay together.
func (d *doc) shortBreak(rs []rune, b, n int, role fonts.Role, size float64) int {
	if d.fs.Width(string(rs[b:n]), role, size)*ptMM <= 3*size*ptMM {
		return b
	}
	for k := n; k > b; k-- {
		if k < len(rs) && strings.ContainsRune("年月", rs[k-1]) && isDigit(rs[k]) {
			return k
		}
	}
	return b
}

// noWidow keeps a paragraph from ending in a line of one lone character (孤字, "开" under
// "财政信息／三公经费公"): the line above gives it its last character, when that is a
// plain Chinese character the lines may part after.
func noWidow(lines []string) []string {
	k := len(lines) - 1
	if k < 1 {
		return lines
	}
	last, prev := []rune(lines[k]), []rune(lines[k-1])
	core := strings.TrimRightFunc(string(last), func(r rune) bool { return strings.ContainsRune(noLineStart, r) })
	if len([]rune(core)) != 1 || len(prev) < 4 {
		return lines
	}
	c, before := prev[len(prev)-1], prev[len(prev)-2]
	if c < 0x2E80 || strings.ContainsRune(noLineStart+noLineEnd, c) || strings.ContainsRune(noLineEnd, before) || joined(before, c) {
		return lines
	}
	out := append([]string(nil), lines...)
	out[k-1] = string(prev[:len(prev)-1])
	out[k] = string(c) + string(last)
	return out
}

// breakAt moves a break before rs[n] back to a place where a line may end: not inside a
// Latin word, not before closing punctuation, not after opening punctuation. It never
// returns less than 1, so a line always makes progress.
func breakAt(rs []rune, n int) int {
	if m, ok := urlBreak(rs, n); ok {
		return m
	}
	orig := n
	for n > 1 && (strings.ContainsRune(noLineStart, rs[n]) || strings.ContainsRune(noLineEnd, rs[n-1])) {
		n--
	}
	if n <= orig/2 {
		n = orig // a long run of punctuation: break anyway rather than leave a short line
	}
	if joined(rs[n-1], rs[n]) {
		m := n - 1 // back to the start of the run rs[n-1] belongs to
		for m > 0 && joined(rs[m-1], rs[m]) {
			m--
		}
		for m > 1 && strings.ContainsRune(noLineEnd, rs[m-1]) {
			m-- // "（9月25日" moves whole: the bracket never ends a line
		}
		if m > 0 {
			return m
		}
	}
	return n
}

// joined tells whether a line must not break between a and b (xxgk.Joined).
func joined(a, b rune) bool { return xxgk.Joined(a, b) }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// titleWords are words of report titles that a line break must not split; Chinese
// has no spaces, so without them a balanced title can end a line with half a word.
var titleWords = []string{"安康", "政府", "网站", "重点领域", "信息公开", "栏目", "建设", "情况", "反馈", "催报", "通知", "通报", "报送", "关于",
	"年度", "电子政务", "办公室", "未开设", "清单", "整改"}

// balance splits a title into the fewest lines that fit width, with lengths as even as
// possible (公文 titles are set as balanced lines, not a full line and a stub). Two-line
// titles break at the most even place that splits no word of titleWords.
func (d *doc) balance(s string, role fonts.Role, size, width float64) []string {
	total := d.width(s, role, size)
	if total <= width {
		return []string{s}
	}
	rs := []rune(s)
	if total <= 2*width {
		best, bestW := -1, 0.0
		for i := 1; i < len(rs); i++ {
			if splitsWord(rs, i) || strings.ContainsRune(noLineStart, rs[i]) || strings.ContainsRune(noLineEnd, rs[i-1]) {
				continue
			}
			w := max(d.width(string(rs[:i]), role, size), d.width(string(rs[i:]), role, size))
			if w <= width && (best < 0 || w < bestW) {
				best, bestW = i, w
			}
		}
		if best > 0 {
			return []string{string(rs[:best]), string(rs[best:])}
		}
	}
	n := int(math.Ceil(total / width))
	for ; n < 10; n++ {
		target := total/float64(n) + size*ptMM*0.5
		lines := d.wrap(s, role, size, math.Min(target, width), 0)
		if len(lines) <= n {
			return lines
		}
	}
	return d.wrap(s, role, size, width, 0)
}

// splitsWord tells whether a break before rs[i] cuts one of titleWords in two.
func splitsWord(rs []rune, i int) bool {
	for _, w := range titleWords {
		wr := []rune(w)
		for k := 1; k < len(wr); k++ {
			if i-k >= 0 && i-k+len(wr) <= len(rs) && string(rs[i-k:i-k+len(wr)]) == w {
				return true
			}
		}
	}
	return false
}
