package pdf

import (
	"strings"

	"xxgk/fonts"
)

// fit sizes columns to their content: every column but flex gets the width of its
// widest header line or cell line (headers and cells may carry explicit newlines),
// capped at its w; flex takes what is left of the text block. This keeps numbers and
// dates on one line whatever the font's digit widths.
func (d *doc) fit(cols []column, rows []row, flex int) []column {
	out := append([]column(nil), cols...)
	used := 0.0
	for i := range out {
		if i == flex {
			continue
		}
		w := d.natural(out[i], rows, i)
		if out[i].w > 0 {
			w = min(w, out[i].w)
		}
		out[i].w = w
		used += w
	}
	out[flex].w = textW - used
	if out[flex].w < minFlex {
		// Content too wide: narrow the widest columns (long names) to a common width, so
		// that numbers, dates and short words keep their single line.
		shrinkWidest(out, flex, minFlex-out[flex].w)
		out[flex].w = minFlex
	}
	return out
}

// minFlex is the least width the flexible column of fit gets, in mm.
const minFlex = 20.0

// shrinkWidest takes deficit millimetres from the widest columns other than skip,
// lowering them to one common width (water-filling): the narrow ones are untouched.
func shrinkWidest(cols []column, skip int, deficit float64) {
	for deficit > 0.01 {
		w1, w2, n := 0.0, 0.0, 0
		for i, c := range cols {
			switch {
			case i == skip:
			case c.w > w1+0.001:
				w2, w1, n = w1, c.w, 1
			case c.w > w1-0.001:
				n++
			case c.w > w2:
				w2 = c.w
			}
		}
		if n == 0 || w1 <= 5 {
			return
		}
		level := max(w2, w1-deficit/float64(n), 5)
		for i := range cols {
			if i != skip && cols[i].w > w1-0.001 {
				deficit -= cols[i].w - level
				cols[i].w = level
			}
		}
	}
}

// natural is the width column i needs to hold its header and every cell on one line.
func (d *doc) natural(c column, rows []row, i int) float64 {
	nat := 0.0
	for _, l := range strings.Split(c.head, "\n") {
		nat = max(nat, d.width(l, fonts.Heading, cellSize))
	}
	for _, r := range rows {
		if i >= len(r.cells) {
			continue
		}
		role := fonts.Body
		if r.strong {
			role = fonts.Heading
		}
		for _, l := range strings.Split(r.cells[i], "\n") {
			nat = max(nat, d.width(l, role, cellSize))
		}
	}
	return nat + 2*padX + 0.2
}

// spread sizes every column to its widest line and shares what is left of the text block
// out evenly, so that no cell wraps (unit names, dates and numbers stay on one line).
// Only when the content cannot fit at all are the widest columns narrowed to a common
// width, so that an unusually long name wraps rather than a number.
func (d *doc) spread(cols []column, rows []row) []column {
	out := append([]column(nil), cols...)
	used := 0.0
	for i := range out {
		out[i].w = d.natural(out[i], rows, i)
		used += out[i].w
	}
	if used > textW {
		shrinkWidest(out, -1, used-textW)
		return out
	}
	extra := (textW - used) / float64(len(out))
	for i := range out {
		out[i].w += extra
	}
	return out
}

// pack sets a list of names (units, indicator codes) into lines no wider than width,
// joined by 、 and broken only between names, never inside one; the lines are returned
// joined by newlines, ready for a table cell.
func (d *doc) pack(names []string, width float64) string {
	var lines []string
	cur := ""
	for i, n := range names {
		item := n
		if i < len(names)-1 {
			item += "、"
		}
		if cur != "" && d.width(cur+item, fonts.Body, cellSize) > width {
			lines = append(lines, cur)
			cur = ""
		}
		cur += item
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return strings.Join(lines, "\n")
}
