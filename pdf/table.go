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
	keep   bool // keep with the row before (a totals row, a record's second line)
	// span says the row is one cell across the whole table (cells[0]): the second line
	// of a two-line record, under the row it is kept with.
	span bool
	// whole says the row never splits across pages: it moves on whole (a record's
	// lines are short, and its two lines stay together).
	whole bool
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
func (d *doc) table(cols []column, rows []row) { d.spanTable(cols, "", rows) }

// laidRow is a table row broken into its cells' lines.
type laidRow struct {
	lines [][]string
	h     float64
	role  fonts.Role
	cols  []column // the table's columns, or one across it (a span row)
}

// tableLayout is a table's header (one row of column heads, and the span head under it
// when sub is set) and its rows, broken into lines.
type tableLayout struct {
	head    [][]string
	headH   float64
	sub     []string
	subH    float64
	rows    []laidRow
	spanCol []column
}

func (d *doc) layTable(cols []column, sub string, rows []row) tableLayout {
	var t tableLayout
	t.head = make([][]string, len(cols))
	for i, c := range cols {
		t.head[i] = d.wrap(c.head, fonts.Heading, cellSize, c.w-2*padX, 0)
		t.headH = max(t.headH, float64(len(t.head[i]))*cellLineH()+2*padY)
	}
	width := 0.0
	for _, c := range cols {
		width += c.w
	}
	t.spanCol = []column{{w: width, align: 'L'}}
	if sub != "" {
		t.sub = d.wrap(sub, fonts.Heading, cellSize, width-2*padX, 0)
		t.subH = float64(len(t.sub))*cellLineH() + 2*padY
	}
	t.rows = make([]laidRow, len(rows))
	for k, r := range rows {
		role := fonts.Body
		if r.strong {
			role = fonts.Heading
		}
		rc := cols
		if r.span {
			rc = t.spanCol
		}
		lines := make([][]string, len(rc))
		n := 1
		for i, c := range rc {
			text := ""
			if i < len(r.cells) {
				text = r.cells[i]
			}
			lines[i] = d.wrap(text, role, cellSize, c.w-2*padX, 0)
			n = max(n, len(lines[i]))
		}
		t.rows[k] = laidRow{lines, float64(n)*cellLineH() + 2*padY, role, rc}
	}
	return t
}

// start is the height a table needs at the foot of a page to begin there: its header
// and its first row, with the rows kept with that one (a record's second line), or
// three lines of it when it is taller.
func (t tableLayout) start(rows []row) float64 {
	h := t.headH + t.subH
	if len(t.rows) == 0 {
		return h
	}
	first := t.rows[0].h
	for k := 1; k < len(rows) && rows[k].keep; k++ {
		first += t.rows[k].h
	}
	if !rows[0].whole {
		first = min(first, 3*cellLineH()+2*padY)
	}
	return h + first
}

// startOf is tableLayout.start for a table not yet laid out: only its first record is.
func (d *doc) startOf(cols []column, sub string, rows []row) float64 {
	n := min(len(rows), 1)
	for n < len(rows) && rows[n].keep {
		n++
	}
	return d.layTable(cols, sub, rows[:n]).start(rows[:n])
}

// spanTable is table with a second header row, sub, across the whole table: the head
// of the span rows (a two-line record's second line).
func (d *doc) spanTable(cols []column, sub string, rows []row) {
	t := d.layTable(cols, sub, rows)
	head, headH := t.head, t.headH
	drawHead := func() {
		d.cells(cols, head, t.headH, fonts.Heading, true, 'C')
		if len(t.sub) > 0 {
			d.cells(t.spanCol, [][]string{t.sub}, t.subH, fonts.Heading, true, 'C')
		}
	}
	headH += t.subH
	all := t.rows
	first := true
	for k, r := range rows {
		lines, h, role, rc := all[k].lines, all[k].h, all[k].role, all[k].cols
		if first {
			// the header never sits alone at the foot of a page
			if d.y+t.start(rows) > bottomY {
				d.newPage()
			}
			drawHead()
			first = false
		}
		kept := h
		for j := k + 1; j < len(rows) && rows[j].keep; j++ {
			kept += all[j].h
		}
		if kept > h && d.y+h <= bottomY && d.y+kept > bottomY && d.y > marginTop+headH+0.01 {
			d.newPage()
			drawHead()
		}
		for {
			if d.y+h <= bottomY+0.01 {
				d.cellsShaded(rc, lines, h, role, r.shaded)
				break
			}
			// How many lines fit on this page? A tall row is split between lines when
			// at least two of its lines fit here and two go on, rather than leave a
			// page's last third empty; a short one, or one that would leave a lone
			// line on either side, moves on whole when a fresh page holds it.
			fit := int((bottomY - d.y - 2*padY) / cellLineH())
			n := maxLen(lines)
			split := fit >= 2 && n-fit >= 2 && !r.whole
			if fit < 1 || (!split && h <= bottomY-marginTop-headH) {
				d.newPage()
				drawHead()
				continue
			}
			top, rest := splitLines(lines, fit)
			d.cellsShaded(rc, top, float64(fit)*cellLineH()+2*padY, role, r.shaded)
			if len(rest[0]) == 0 && !r.span {
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
