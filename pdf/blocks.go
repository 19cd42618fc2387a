package pdf

import (
	"fmt"
	"time"

	"xxgk"
	"xxgk/fonts"
)

// title sets the document title in 二号 小标宋 (黑体 where missing), centred in balanced
// lines, followed by one blank body line.
func (d *doc) title(s string) {
	lineH := size2 * ptMM * 1.5
	for _, l := range d.balance(s, fonts.Title, size2, textW-2*size2*ptMM) {
		d.room(lineH)
		d.line(marginLeft, d.y, textW, lineH, l, fonts.Title, size2, 'C')
		d.y += lineH
	}
	d.y += bodyGap / 2
}

// centred sets a short line in the body face, 三号, centred (the unit and year under a
// letter's title). It was 楷体, the only use of that face in a letter: each face a PDF
// embeds costs gofpdf several milliseconds, a third of a letter's time, and `feedback`
// writes a thousand letters at once.
func (d *doc) centred(s string) {
	for _, l := range d.wrap(s, fonts.Body, size3, textW, 0) {
		d.room(bodyGap)
		d.line(marginLeft, d.y, textW, bodyGap, l, fonts.Body, size3, 'C')
		d.y += bodyGap
	}
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

func (d *doc) paraRole(s string, role fonts.Role, indentChars float64) {
	em := size3 * ptMM
	for i, l := range d.wrap(s, role, size3, textW, indentChars*em) {
		d.room(bodyGap)
		x := marginLeft
		if i == 0 {
			x += indentChars * em
		}
		d.line(x, d.y, textW, bodyGap, l, role, size3, 'L')
		d.y += bodyGap
	}
}

// gap adds vertical space, in body lines.
func (d *doc) gap(lines float64) { d.y += lines * bodyGap }

// signature sets the issuing office and the date at the end: the date right-aligned four
// characters in from the margin, the office centred above it.
func (d *doc) signature(office string, date time.Time) {
	em := size3 * ptMM
	ds := xxgk.ChineseDate(date)
	dw := d.width(ds, fonts.Body, size3)
	right := marginLeft + textW - 4*em
	// One blank line before, if the page has room for it; never the signature alone
	// on a page when it can still fit under the text.
	switch {
	case d.y+3*bodyGap <= bottomY:
		d.gap(1)
	case d.y+2*bodyGap <= bottomY:
	default:
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

// numbered sets a numbered list (1．2．…) in body text, each item with a hanging
// indent so that wrapped lines align under the text, not the number.
func (d *doc) numbered(items []string) {
	em := size3 * ptMM
	for i, it := range items {
		num := fmt.Sprintf("%d．", i+1)
		nw := d.width(num, fonts.Body, size3)
		lines := d.wrap(it, fonts.Body, size3, textW-2*em-nw, 0)
		for j, l := range lines {
			d.room(bodyGap)
			if j == 0 {
				d.line(marginLeft+2*em, d.y, nw, bodyGap, num, fonts.Body, size3, 'L')
			}
			d.line(marginLeft+2*em+nw, d.y, textW, bodyGap, l, fonts.Body, size3, 'L')
			d.y += bodyGap
		}
	}
}

// china renders a time in the office's zone.
func china(t time.Time) time.Time { return t.In(xxgk.ChinaTime) }
