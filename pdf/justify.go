package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"xxgk/fonts"
)

// Body text sits on the standard's grid: 28 characters of 三号 to a 156 mm line (GB/T
// 9704 5.2.3). 28 ems of 16 pt are 158 mm, so, as Word's document grid does, every
// character advances by textW/28 (a hair less than its em), and a line that is not the
// last of its paragraph is justified: what is left of the line is shared out between
// its characters, so that it ends exactly at the right edge of the text block.
const (
	perLine = 28
	pitch   = textW / perLine     // advance of one full-width body character, mm
	gridTc  = pitch - size3*ptMM  // spacing added after each body character (negative)
	squeeze = size3 * ptMM * 1.01 // closing punctuation a full line may still take (标点挤压)
)

// bodyLine is one line of a paragraph: last says it ends its paragraph (or the stretch
// before an explicit newline) and is set flush left rather than justified.
type bodyLine struct {
	text string
	last bool
}

// wrapBody breaks body text in 三号 for lines of the grid: width is the line, indent the
// first line's indent (mm). Explicit newlines end a line that is then not justified.
func (d *doc) wrapBody(s string, role fonts.Role, width, indent float64) []bodyLine {
	var out []bodyLine
	for i, para := range strings.Split(s, "\n") {
		first := width
		if i == 0 {
			first -= indent
		}
		lines := d.wrapRunes([]rune(para), role, size3, first, width, gridTc, squeeze)
		for j, l := range lines {
			out = append(out, bodyLine{text: l, last: j == len(lines)-1})
		}
	}
	return out
}

// drawBody draws one body line with its left end at x on the line box whose top is top,
// in a line avail millimetres wide: justified to avail unless it is the last line of its
// paragraph, which keeps the grid's spacing (closer only if it would overrun).
func (d *doc) drawBody(x, top, avail float64, l bodyLine, role fonts.Role) {
	s := strings.TrimRightFunc(l.text, unicode.IsSpace)
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return
	}
	w := d.width(s, role, size3)
	y := baseline(top, bodyGap, size3)
	tc := gridTc
	if n > 1 && (!l.last || w+float64(n-1)*tc > avail) {
		tc = (avail - w) / float64(n-1)
	}
	if l.last || n == 1 {
		d.spaced(x, y, s, role, size3, tc)
		return
	}
	// The last glyph goes on its own, without spacing after it: PDF tools count a
	// glyph's Tc in its width, and the line's right end would read as past the edge.
	_, size := utf8.DecodeLastRuneInString(s)
	head, tail := s[:len(s)-size], s[len(s)-size:]
	d.spaced(x, y, head, role, size3, tc)
	d.spaced(x+avail-d.width(tail, role, size3), y, tail, role, size3, 0)
}

// spaced draws s run by run, as text does, with tc millimetres after every character.
func (d *doc) spaced(x, y float64, s string, role fonts.Role, size, tc float64) {
	for _, r := range d.fs.Runs(s, role) {
		if d.trace != nil {
			d.trace(r)
		}
		d.pdf.SpacedText(r.Face, size, x, y, r.Text, tc)
		x += d.width(r.Text, role, size) + tc*float64(utf8.RuneCountInString(r.Text))
	}
}
