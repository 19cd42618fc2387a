package pdf

import "xxgk/fonts"

// column is one table column: its header, width in mm and alignment (L, C or R).
type column struct {
	head  string
	w     float64
	align byte
}

// row is one table row; shaded rows get a light grey fill (missing units, totals),
// strong rows are set in the heading face (totals).
type row struct {
	cells  []string
	shaded bool
	strong bool
	keep   bool // keep with the row before (a totals row)
}

// Table text sizes: 五号 body, 五号 黑体 header; padding in mm.
const (
	cellSize = size5
	padX     = 1.2
	padY     = 1.0
)

func cellLineH() float64 { return cellSize * ptMM * 1.35 }

// table draws rows under a header that is repeated at the top of every page the table
// runs onto. A row that does not fit moves to the next page whole, unless it is tall
// enough to split between lines of text (never through a line) with two lines or more
// on either side.
func (d *doc) table(cols []column, rows []row) {
	head := make([][]string, len(cols))
	headH := 0.0
	for i, c := range cols {
		head[i] = d.wrap(c.head, fonts.Heading, cellSize, c.w-2*padX, 0)
		headH = max(headH, float64(len(head[i]))*cellLineH()+2*padY)
	}
	drawHead := func() {
		d.cells(cols, head, headH, fonts.Heading, true, 'C')
	}
	// Lay out every row first, so that a row marked keep (the totals) can pull the row
	// before it onto the next page instead of standing alone under a repeated header.
	type laid struct {
		lines [][]string
		h     float64
		role  fonts.Role
	}
	all := make([]laid, len(rows))
	for k, r := range rows {
		role := fonts.Body
		if r.strong {
			role = fonts.Heading
		}
		lines := make([][]string, len(cols))
		n := 1
		for i, c := range cols {
			text := ""
			if i < len(r.cells) {
				text = r.cells[i]
			}
			lines[i] = d.wrap(text, role, cellSize, c.w-2*padX, 0)
			n = max(n, len(lines[i]))
		}
		all[k] = laid{lines, float64(n)*cellLineH() + 2*padY, role}
	}
	first := true
	for k, r := range rows {
		lines, h, role := all[k].lines, all[k].h, all[k].role
		if first {
			// the header never sits alone at the foot of a page
			if d.y+headH+min(h, 3*cellLineH()+2*padY) > bottomY {
				d.newPage()
			}
			drawHead()
			first = false
		}
		if k+1 < len(rows) && rows[k+1].keep && d.y+h <= bottomY && d.y+h+all[k+1].h > bottomY && d.y > marginTop+headH+0.01 {
			d.newPage()
			drawHead()
		}
		for {
			if d.y+h <= bottomY+0.01 {
				d.cellsShaded(cols, lines, h, role, r.shaded)
				break
			}
			// How many lines fit on this page? A tall row is split between lines when
			// at least two of its lines fit here and two go on, rather than leave a
			// page's last third empty; a short one, or one that would leave a lone
			// line on either side, moves on whole when a fresh page holds it.
			fit := int((bottomY - d.y - 2*padY) / cellLineH())
			n := maxLen(lines)
			split := fit >= 2 && n-fit >= 2
			if fit < 1 || (!split && h <= bottomY-marginTop-headH) {
				d.newPage()
				drawHead()
				continue
			}
			top, rest := splitLines(lines, fit)
			d.cellsShaded(cols, top, float64(fit)*cellLineH()+2*padY, role, r.shaded)
			if len(rest[0]) == 0 {
				rest[0] = top[0] // the continuation names its row (the code) again
			}
			lines = rest
			h = float64(maxLen(lines))*cellLineH() + 2*padY
			d.newPage()
			drawHead()
		}
	}
	if first {
		d.room(headH)
		drawHead()
	}
}

func (d *doc) cellsShaded(cols []column, lines [][]string, h float64, role fonts.Role, shaded bool) {
	d.cells(cols, lines, h, role, shaded, 0)
}

// cells draws one row of boxes at d.y and moves d.y below it. Text is centred
// vertically; align overrides the columns' alignment when non-zero.
func (d *doc) cells(cols []column, lines [][]string, h float64, role fonts.Role, shaded bool, align byte) {
	p := d.pdf
	p.SetLineWidth(0.2)
	p.SetDrawColor(0, 0, 0)
	x := marginLeft
	for i, c := range cols {
		style := "D"
		if shaded {
			p.SetFillColor(235, 235, 235)
			style = "FD"
		}
		p.Rect(x, d.y, c.w, h, style)
		a := c.align
		if align != 0 {
			a = align
		}
		ls := lines[i]
		top := d.y + (h-float64(len(ls))*cellLineH())/2
		for j, l := range ls {
			d.line(x+padX, top+float64(j)*cellLineH(), c.w-2*padX, cellLineH(), l, role, cellSize, a)
		}
		x += c.w
	}
	d.y += h
}

func splitLines(lines [][]string, n int) (top, rest [][]string) {
	top = make([][]string, len(lines))
	rest = make([][]string, len(lines))
	for i, l := range lines {
		k := min(n, len(l))
		top[i], rest[i] = l[:k], l[k:]
	}
	return top, rest
}

func maxLen(lines [][]string) int {
	n := 1
	for _, l := range lines {
		n = max(n, len(l))
	}
	return n
}
