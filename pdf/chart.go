package pdf

import (
	"fmt"
	"sort"

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

// chart draws completion by unit as horizontal bars, highest first, missing units last
// with "未报送" instead of a bar. Unit names sit left of the bars, rates right of them;
// the 0–100% scale is repeated at the top of every page the chart runs onto.
func (d *doc) chart(s xxgk.Summary) {
	units := append([]xxgk.UnitSummary(nil), s.Units...)
	sort.SliceStable(units, func(i, j int) bool {
		a, b := units[i], units[j]
		if (a.State == xxgk.Missing) != (b.State == xxgk.Missing) {
			return b.State == xxgk.Missing
		}
		return a.Completion() > b.Completion()
	})
	labelW := 0.0
	for _, u := range units {
		labelW = max(labelW, d.width(u.Unit.Short, fonts.Body, cellSize))
	}
	labelW = min(labelW+2, 40)
	valueW := d.width("100.0%", fonts.Body, cellSize) + 2
	x0 := marginLeft + labelW
	barW := textW - labelW - valueW
	p := d.pdf
	var top float64
	axis := func() {
		top = d.y + axisH
		for i := 0; i <= 5; i++ {
			x := x0 + barW*float64(i)/5
			lbl := fmt.Sprintf("%d%%", i*20)
			lw := d.width(lbl, fonts.Body, cellSize)
			d.text(x-lw/2, d.y+axisH-2, lbl, fonts.Body, cellSize)
		}
		d.y = top
	}
	grid := func(bottom float64) {
		p.SetLineWidth(0.15)
		p.SetDrawColor(gridGrey, gridGrey, gridGrey)
		for i := 0; i <= 5; i++ {
			x := x0 + barW*float64(i)/5
			p.Line(x, top, x, bottom)
		}
		p.SetDrawColor(0, 0, 0)
		p.SetLineWidth(0.25)
		p.Line(x0, top, x0, bottom)
	}
	if d.y+axisH+3*barRow > bottomY {
		d.newPage()
	}
	axis()
	for _, u := range units {
		if d.y+barRow > bottomY {
			grid(d.y)
			d.newPage()
			axis()
		}
		short := u.Unit.Short
		if d.width(short, fonts.Body, cellSize) > labelW-2 {
			short = d.clip(short, fonts.Body, cellSize, labelW-2)
		}
		d.line(marginLeft, d.y, labelW-2, barRow, short, fonts.Body, cellSize, 'R')
		if u.State == xxgk.Missing {
			d.line(x0+1.5, d.y, barW, barRow, "未报送", fonts.Heading, cellSize, 'L')
		} else {
			w := barW * u.Completion()
			if w > 0 {
				p.SetFillColor(barGrey, barGrey, barGrey)
				p.Rect(x0, d.y+(barRow-barH)/2, w, barH, "F")
			}
			d.line(x0+w+1, d.y, valueW, barRow, u.Rate(), fonts.Body, cellSize, 'L')
		}
		d.y += barRow
	}
	grid(d.y)
}

// clip shortens s with an ellipsis to fit width.
func (d *doc) clip(s string, role fonts.Role, size, width float64) string {
	rs := []rune(s)
	for len(rs) > 1 && d.width(string(rs)+"…", role, size) > width {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}
