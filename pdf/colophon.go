package pdf

import (
	"strings"
	"time"

	"xxgk"
	"xxgk/fonts"
)

// Rules and rows of the 版记 (GB/T 9704 7.4): as wide as the text block, the first and the
// last rule thick, the one between 抄送 and 印发 thin; its text in 四号 仿宋.
const (
	thickRule = 0.35 // mm
	thinRule  = 0.25 // mm
	colRowH   = 8.0  // one row of the 版记, mm
)

// colophon sets the 版记 at the foot of the last page: the 抄送 line when cc is given,
// then the 印发机关 and 印发日期, between rules, the last rule on the bottom edge of the
// text block. The standard puts it on the last page, which in a document printed on
// both sides is an even one: it stays under the text when that page is even and has room,
// goes to the next page when the text ends on an odd page, and when an even last page is
// full, to the even page after a blank one (neither numbered, GB/T 9704 7.5).
func (d *doc) colophon(cc, issuer string, printed time.Time) {
	em := size4 * ptMM
	var ccLines []string
	lead := "抄送："
	if cc = strings.TrimSpace(cc); cc != "" {
		if !strings.HasSuffix(cc, "。") {
			cc += "。"
		}
		leadW := d.width(lead, fonts.Body, size4)
		ccLines = d.wrap(cc, fonts.Body, size4, textW-2*em-leadW, 0)
	}
	rows := 1 + len(ccLines)
	h := float64(rows) * colRowH
	page := d.pdf.PageNo()
	switch {
	case page%2 == 0 && d.y+h+bodyGap/2 <= bottomY+0.01:
	case page%2 == 1:
		d.newPage()
	default:
		if d.bare == nil {
			d.bare = map[int]bool{}
		}
		d.bare[page+1], d.bare[page+2] = true, true
		d.newPage()
		d.newPage()
	}
	top := bottomY - h
	d.pdf.SetDrawColor(0, 0, 0)
	d.pdf.SetLineWidth(thickRule)
	d.pdf.Line(marginLeft, top+thickRule/2, marginLeft+textW, top+thickRule/2)
	y := top
	for i, l := range ccLines {
		x := marginLeft + em
		if i == 0 {
			d.line(x, y, textW, colRowH, lead, fonts.Body, size4, 'L')
		}
		x += d.width(lead, fonts.Body, size4)
		d.line(x, y, textW, colRowH, l, fonts.Body, size4, 'L')
		y += colRowH
	}
	if len(ccLines) > 0 {
		d.pdf.SetLineWidth(thinRule)
		d.pdf.Line(marginLeft, y, marginLeft+textW, y)
	}
	d.line(marginLeft+em, y, textW, colRowH, issuer, fonts.Body, size4, 'L')
	date := xxgk.ChineseDate(printed) + "印发"
	d.line(marginLeft, y, textW-em, colRowH, date, fonts.Body, size4, 'R')
	d.pdf.SetLineWidth(thickRule)
	d.pdf.Line(marginLeft, bottomY-thickRule/2, marginLeft+textW, bottomY-thickRule/2)
	d.y = bottomY
}
