package pdf

import (
	"fmt"

	"xxgk"
	"xxgk/fonts"
)

// Chart geometry in mm.
const (
	barRow   = 5.6 // one unit per row
	barH     = 3.4 // bar thickness
	axisH    = 7.0 // scale labels above the bars
	barGrey  = 110 // bar fill: prints clearly in black and white
	gridGrey = 190
)

// chart draws completion by unit as horizontal bars in the order of the ranking table
// above it (highest first, missing units last with "未报送" instead of a bar). Unit names
// sit left of the bars, rates right of them; the 0–100% scale is repeated at the top of
// every page the chart runs onto.
func (d *doc) chart(s xxgk.Summary) {
	units := make([]xxgk.UnitSummary, 0, len(s.Units)) // in the ranking table's order
	for _, ru := range ranked(s.Units) {
		units = append(units, ru.u)
	}
	labelW := 0.0
	for _, u := range units {
		labelW = max(labelW, d.width(u.Unit.Short, fonts.Body, cellSize))
	}
	labelW = min(labelW+2, 40)
	valueW := d.width("100.0%", fonts.Body, cellSize) + 2
	x0 := marginLeft + labelW
	barW := textW - labelW - valueW
	p := d.pdf
	// Each page of the chart: the scale, then the gridlines down to the last bar of the
	// page, then bars and labels on top; every label sits on a white box, so no
	// gridline runs through its text.
	next := 0
	for next < len(units) {
		if d.y+axisH+3*barRow > bottomY {
			d.newPage()
		}
		n := min(len(units)-next, int((bottomY-d.y-axisH)/barRow))
		for i := 0; i <= 5; i++ {
			x := x0 + barW*float64(i)/5
			lbl := fmt.Sprintf("%d%%", i*20)
			lw := d.width(lbl, fonts.Body, cellSize)
			d.text(x-lw/2, d.y+axisH-2, lbl, fonts.Body, cellSize)
		}
		d.y += axisH
		top, bottom := d.y, d.y+float64(n)*barRow
		p.SetLineWidth(0.15)
		p.SetDrawColor(gridGrey, gridGrey, gridGrey)
		for i := 1; i <= 5; i++ {
			x := x0 + barW*float64(i)/5
			p.Line(x, top, x, bottom)
		}
		p.SetDrawColor(0, 0, 0)
		p.SetLineWidth(0.25)
		p.Line(x0, top, x0, bottom)
		for _, u := range units[next : next+n] {
			short := u.Unit.Short
			if d.width(short, fonts.Body, cellSize) > labelW-2 {
				short = d.clip(short, fonts.Body, cellSize, labelW-2)
			}
			d.line(marginLeft, d.y, labelW-2, barRow, short, fonts.Body, cellSize, 'R')
			if u.State == xxgk.Missing {
				d.label(x0+1.5, d.y, "未报送", fonts.Heading)
			} else {
				w := barW * u.Completion()
				if w > 0 {
					p.SetFillColor(barGrey, barGrey, barGrey)
					p.Rect(x0, d.y+(barRow-barH)/2, w, barH, "F")
				}
				d.label(x0+w+1, d.y, u.Rate(), fonts.Body)
			}
			d.y += barRow
		}
		next += n
	}
}

// label draws a chart label on a white box a little larger than its text, so gridlines
// stop short of it.
func (d *doc) label(x, top float64, s string, role fonts.Role) {
	w := d.width(s, role, cellSize)
	h := cellSize * ptMM * 1.1
	d.pdf.SetFillColor(255, 255, 255)
	d.pdf.Rect(x-0.6, top+(barRow-h)/2, w+1.2, h, "F")
	d.line(x, top, w, barRow, s, role, cellSize, 'L')
}

// clip shortens s with an ellipsis to fit width.
func (d *doc) clip(s string, role fonts.Role, size, width float64) string {
	rs := []rune(s)
	for len(rs) > 1 && d.width(string(rs)+"…", role, size) > width {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}
