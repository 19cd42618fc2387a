package pdf

import (
	"fmt"
	"time"

	"xxgk"
	"xxgk/fonts"
)

// title sets the document title in 二号 小标宋 (黑体 where missing), centred in balanced
// lines, followed by one blank body line (the 主送 is set 标题下空一行).
func (d *doc) title(s string) {
	lineH := size2 * ptMM * 1.5
	for _, l := range d.balance(s, fonts.Title, size2, textW-2*size2*ptMM) {
		d.room(lineH)
		d.line(marginLeft, d.y, textW, lineH, l, fonts.Title, size2, 'C')
		d.y += lineH
	}
	d.y += bodyGap
}

// para sets body text in 三号 仿宋 with a two-character first-line indent.
func (d *doc) para(s string) { d.paraRole(s, fonts.Body, 2) }

// flush sets body text without indent (the addressee line).
func (d *doc) flush(s string) { d.paraRole(s, fonts.Body, 0) }

// heading sets a first-level heading (一、…) in 黑体, indented like a paragraph.
func (d *doc) heading(s string) {
	// keep the heading with at least two lines of what follows
	if d.y+3*bodyGap > bottomY {
		d.newPage()
	}
	d.paraRole(s, fonts.Heading, 2)
}

// paraRole sets a paragraph on the body grid: a first-line indent of indentChars
// characters, continuation lines at the left margin, every line but the last justified.
func (d *doc) paraRole(s string, role fonts.Role, indentChars float64) {
	d.paras++
	indent := indentChars * pitch
	lines := d.wrapBody(s, role, textW, indent)
	turn := d.turnAt(len(lines))
	for i, l := range lines {
		d.nextLine(role == fonts.Heading || role == fonts.Subheading, i == turn)
		x, avail := marginLeft, textW
		if i == 0 {
			x, avail = x+indent, avail-indent
		}
		d.drawBody(x, d.y, avail, l, role)
		d.y += bodyGap
	}
}

// turnAt is the line of an n-line paragraph starting at d.y that should start the next
// page, or -1: a paragraph never leaves its first line alone at the foot of a page
// (orphan) nor its last line alone at the top of the next (widow); a page then ends a
// line short, as Word's widow control does.
func (d *doc) turnAt(n int) int {
	fit := int((bottomY - d.y + 0.01) / bodyGap)
	turn := -1
	switch {
	case n < 2 || fit >= n || fit <= 0:
	case fit == 1:
		turn = 0
	case n-fit == 1 && fit >= 3:
		turn = fit - 1
	case n-fit == 1:
		turn = 0
	}
	if k := len(d.flow) - 1; turn == 0 && k >= 0 && d.flow[k].keep && d.flow[k].page == d.pdf.PageNo() {
		return -1 // the heading above would be left alone instead
	}
	return turn
}

// gap adds vertical space, in body lines.
func (d *doc) gap(lines float64) { d.y += lines * bodyGap }

// sealLines is how many blank body lines stand between the last line of the text (or
// the 附件说明) and the 署名 of a sealed document. A 4 cm seal centred over the 署名 and
// the date, the two a little below its centre (GB/T 9704 7.3.5.1), reaches about one
// line above the 署名's line: with two blank lines it starts some 9 mm under the text,
// within a line of it as the standard asks, and touches none of it.
const sealLines = 2

// sealBelow is how far (mm) a 4 cm seal reaches below the middle of the 署名 and date:
// its radius less the 2 mm it sits above them, less what may overhang the text block's
// foot (up to 5 mm, with 1 mm to spare).
const sealBelow = 20 - 2 - 4

// signature sets the issuing office and the date at the end: the date right-aligned four
// characters in from the margin, the office centred above it, sealLines under the text.
// The 署名 never stands on a page alone (GB/T 9704 7.3.5): when the block does not fit
// under the text, the document is laid out again with the last lines of the text moved
// to the next page (see pushLines).
func (d *doc) signature(office string, date time.Time) {
	ds := xxgk.ChineseDate(date)
	dw := d.width(ds, fonts.Body, size3)
	right := marginLeft + textW - 4*pitch
	rows := 1.0
	if office != "" {
		rows = 2
	}
	// The seal (4 cm, centred a little above the 署名 and date) must also end on the
	// page: a signature on the last lines would send its lower half into the margin.
	top := d.y + sealLines*bodyGap
	if top+rows*bodyGap <= bottomY+0.01 && top+rows*bodyGap/2+sealBelow <= bottomY {
		d.gap(sealLines)
	} else {
		d.pushLines()
		d.newPage()
	}
	if office != "" {
		ow := d.width(office, fonts.Body, size3)
		x := right - dw/2 - ow/2
		if x+ow > marginLeft+textW {
			x = marginLeft + textW - ow
		}
		d.line(x, d.y, ow, bodyGap, office, fonts.Body, size3, 'L')
		d.y += bodyGap
	}
	d.line(right-dw, d.y, dw, bodyGap, ds, fonts.Body, size3, 'L')
	d.y += bodyGap
}

// numbered sets a numbered list (1．2．…) the 公文 way: each item a paragraph of its own
// with the number inside it, first line indented two characters, continuation lines at
// the left margin.
func (d *doc) numbered(items []string) {
	for i, it := range items {
		d.para(fmt.Sprintf("%d．", i+1) + it)
	}
}

// china renders a time in the office's zone.
func china(t time.Time) time.Time { return t.In(xxgk.ChinaTime) }
