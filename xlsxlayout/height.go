package xlsxlayout

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
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
// column width units) at fontPt points. A character beyond ASCII is one em wide, an
// ASCII one about half an em. Latin words are kept whole where they fit on a line, as
// Excel and LibreOffice break them, so a URL or a long number counts the lines it
// really takes.
// Every explicit line break starts a new line.
func Lines(text string, widthChars, fontPt float64) int {
	avail := widthChars*digitPx + paddingPx - cellInset
	em := fontPt * 96 / 72
	if avail < em {
		avail = em
	}
	n := 0
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		n += paraLines(para, avail, em)
	}
	return max(n, 1)
}

// paraLines lays one paragraph out greedily: a CJK character may end a line anywhere,
// a run of Latin letters and digits (a word, a URL) moves whole to the next line when it
// does not fit, and is cut only when it is longer than a line.
func paraLines(para string, avail, em float64) int {
	lines, x := 1, 0.0
	word := 0.0 // width of the Latin word being read
	flush := func() {
		if word == 0 {
			return
		}
		switch {
		case x+word <= avail:
			x += word
		case word <= avail:
			lines++
			x = word
		default: // longer than a line: cut it
			if x > 0 {
				lines++
			}
			parts := math.Ceil(word / avail)
			lines += int(parts) - 1
			x = word - (parts-1)*avail
		}
		word = 0
	}
	for _, r := range para {
		w := charWidth(r, em)
		if r < utf8.RuneSelf && !unicode.IsSpace(r) {
			word += w
			continue
		}
		flush()
		if x+w > avail {
			lines++
			x = 0
			if unicode.IsSpace(r) {
				continue
			}
		}
		x += w
	}
	flush()
	return lines
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
