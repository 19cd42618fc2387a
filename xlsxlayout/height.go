package xlsxlayout

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"xxgk"
)

// Excel measures a column width in widths of the default font's widest digit; for the
// default fonts used here (宋体/Calibri 11 pt) that is 7–8 px at 96 dpi. Taking the
// narrower one (7 px) errs towards more lines, so a row is never too short.
const (
	digitPx   = 7.0
	paddingPx = 5.0 // Excel adds 5 px of padding to every column
	cellInset = 4.0 // text does not touch the cell's borders
	maxHeight = 409 // Excel's largest row height, in points
	lineGap   = 1.3 // line height as a multiple of the font size (CJK faces run tall)
	rowMargin = 2.0 // points above and below the text
)

// Lines estimates how many lines text wraps to in a column widthChars wide (Excel's
// column width units) at fontPt points: the lines of Wrap. Every explicit line break
// starts a new line.
func Lines(text string, widthChars, fontPt float64) int {
	n := 0
	for _, para := range paragraphs(text) {
		n += len(wrapPara(para, avail(widthChars, fontPt), em(fontPt)))
	}
	return max(n, 1)
}

// Wrap breaks text into the lines it takes in a column widthChars wide at fontPt, joined
// by explicit line breaks. Written into a cell with wrapping on, the text then breaks at
// the same places in Excel, WPS and LibreOffice: the estimate errs towards narrow lines,
// so no program needs to break a line again, and no line starts with closing
// punctuation (xxgk.NoLineStart) or ends with opening punctuation, which LibreOffice's
// own wrapping of a cell does not keep to.
func Wrap(text string, widthChars, fontPt float64) string {
	var out []string
	for _, para := range paragraphs(text) {
		out = append(out, wrapPara(para, avail(widthChars, fontPt), em(fontPt))...)
	}
	return strings.Join(out, "\n")
}

func paragraphs(text string) []string {
	return strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
}

// avail is a column's width for text in pixels, at least one em.
func avail(widthChars, fontPt float64) float64 {
	return max(widthChars*digitPx+paddingPx-cellInset, em(fontPt))
}

func em(fontPt float64) float64 { return fontPt * 96 / 72 }

// token is what a line breaks around: a run of Latin letters, digits and ASCII
// punctuation (a word, a URL), a space, or one other character.
type token struct {
	s string
	w float64
}

func tokens(para string, em float64) []token {
	var out []token
	word, ww := []rune(nil), 0.0
	flush := func() {
		if len(word) > 0 {
			out = append(out, token{string(word), ww})
			word, ww = word[:0], 0
		}
	}
	for _, r := range para {
		w := charWidth(r, em)
		if r < utf8.RuneSelf && !unicode.IsSpace(r) {
			word = append(word, r)
			ww += w
			continue
		}
		flush()
		out = append(out, token{string(r), w})
	}
	flush()
	return out
}

// wrapPara lays one paragraph out greedily: a CJK character may end a line anywhere but
// before closing or after opening punctuation, a Latin word (a URL) moves whole to the
// next line when it does not fit and is cut only when it is longer than a line. Spaces
// stay at the end of the line they follow, so the lines joined again are the paragraph.
func wrapPara(para string, avail, em float64) []string {
	var lines []string
	var line []token
	x := 0.0
	emit := func(ts []token) {
		var b strings.Builder
		for _, t := range ts {
			b.WriteString(t.s)
		}
		lines = append(lines, b.String())
	}
	for _, t := range tokens(para, em) {
		switch {
		case x+t.w <= avail+0.01 || isSpace(t):
			line = append(line, t)
			x += t.w
		case t.w > avail: // a word longer than a line: cut it
			for _, r := range t.s {
				w := charWidth(r, em)
				if x+w > avail+0.01 && len(line) > 0 {
					emit(line)
					line, x = nil, 0
				}
				line = append(line, token{string(r), w})
				x += w
			}
		default:
			k := keepOff(line, t)
			for k < len(line) && isSpace(line[k]) {
				k++
			}
			emit(line[:k])
			line = append(append([]token(nil), line[k:]...), t)
			x = 0
			for _, c := range line {
				x += c.w
			}
		}
	}
	if len(line) > 0 || len(lines) == 0 {
		emit(line)
	}
	return noWidow(lines)
}

func isSpace(t token) bool { return t.s == " " || t.s == "\t" || t.s == "\u3000" }

// noWidow keeps a paragraph from ending in one lone character (孤字, “报送” parted as
// 报 / 送): the line above gives it its last character when the lines may part there.
func noWidow(lines []string) []string {
	k := len(lines) - 1
	if k < 1 {
		return lines
	}
	last, prev := []rune(lines[k]), []rune(lines[k-1])
	if len(last) != 1 || len(prev) < 4 || last[0] < 0x2E80 || strings.ContainsRune(xxgk.NoLineStart, last[0]) {
		return lines
	}
	c, before := prev[len(prev)-1], prev[len(prev)-2]
	if c < 0x2E80 || !xxgk.BreakBefore(before, c) || !xxgk.BreakBefore(c, last[0]) {
		return lines
	}
	lines[k-1] = string(prev[:len(prev)-1])
	lines[k] = string(c) + string(last)
	return lines
}

// keepOff is where a full line ends when next does not fit on it: before next, or
// earlier so that next does not start a line with closing punctuation, the line does
// not end with opening punctuation, and a date or count (2020年9月20日, 44 项) stays whole.
// Spaces at a break stay on the line they end; a Latin word may start a line even with
// a dot (.xls). Characters move down with next, at most half the line; a longer run of
// punctuation breaks where it must.
func keepOff(line []token, next token) int {
	k := len(line)
	for ; k > 0; k-- {
		j := k
		for j < len(line) && isSpace(line[j]) {
			j++
		}
		after := next
		if j < len(line) {
			after = line[j]
		}
		b, n := utf8.DecodeRuneInString(after.s)
		if strings.ContainsRune(xxgk.NoLineStart, b) && !(b < utf8.RuneSelf && n < len(after.s)) {
			continue // closing punctuation would start the next line
		}
		if j > k || isSpace(line[k-1]) {
			break // a break at a space
		}
		a, _ := utf8.DecodeLastRuneInString(line[k-1].s)
		if !strings.ContainsRune(xxgk.NoLineEnd, a) && !xxgk.Joined(a, b) {
			break
		}
	}
	if k == 0 || k < len(line)/2 {
		return len(line)
	}
	return k
}

// charWidth is how wide r prints: every character beyond ASCII (CJK, full-width forms,
// and the general punctuation — “ ” … that CJK faces print wide) one em, an ASCII one
// half an em, capitals and wide letters a little more.
func charWidth(r rune, em float64) float64 {
	switch {
	case r >= utf8.RuneSelf:
		return em
	case r >= 'A' && r <= 'Z' || r == 'm' || r == 'w':
		return em * 0.62
	}
	return em / 2
}

// Height is the row height in points for text wrapping to lines lines at fontPt.
func Height(lines int, fontPt float64) float64 {
	h := float64(max(lines, 1))*fontPt*lineGap + 2*rowMargin
	return math.Min(math.Ceil(h*4)/4, maxHeight)
}

// Span is the width of a cell merged across columns of the given widths.
func Span(widths ...float64) float64 {
	t := 0.0
	for _, w := range widths {
		t += w
	}
	return t
}

// Cell is one wrapped cell of a row: its text and the width of its column (or of its
// merged range) in Excel's column width units.
type Cell struct {
	Text  string
	Width float64
}

// RowHeight is the height in points that shows every cell of a row whole at fontPt,
// and never less than minLines lines (room for what a unit will type).
func RowHeight(fontPt float64, minLines int, cells ...Cell) float64 {
	n := max(minLines, 1)
	for _, c := range cells {
		if c.Text == "" {
			continue
		}
		n = max(n, Lines(c.Text, c.Width, fontPt))
	}
	return Height(n, fontPt)
}
