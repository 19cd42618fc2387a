package pdf

import (
	"strings"

	"xxgk/fonts"
)

// Sizes of the 版头 (GB/T 9704 §7.2): the issuing office's mark in red 小标宋 (黑体 where
// missing), the document number in 三号 仿宋 centred under it, then a red rule across the
// text block.
const (
	markSize = 30.0 // the office's mark; GB/T 9704 leaves the size to the office
	ruleW    = 0.5  // the red rule under the 版头, mm
)

// officialRed is the red of the 版头 (GB/T 9704: 红色).
var officialRed = [3]int{220, 0, 0}

// redHead sets the 版头: the issuer's mark, the document number (when there is one) and
// the red rule. Body text stays black.
func (d *doc) redHead(issuer, docNumber string) {
	lineH := markSize * ptMM * 1.4
	d.y += bodyGap // the mark sits a little below the top margin
	d.pdf.SetTextColor(officialRed[0], officialRed[1], officialRed[2])
	size := markSize
	if w := d.width(issuer, fonts.Title, size); w > textW {
		size *= textW / w
	}
	d.line(marginLeft, d.y, textW, lineH, issuer, fonts.Title, size, 'C')
	d.pdf.SetTextColor(0, 0, 0)
	d.y += lineH + bodyGap
	if docNumber != "" {
		d.line(marginLeft, d.y, textW, bodyGap, docNumber, fonts.Body, size3, 'C')
		d.y += bodyGap
	}
	d.y += bodyGap / 3
	d.pdf.SetLineWidth(ruleW)
	d.pdf.SetDrawColor(officialRed[0], officialRed[1], officialRed[2])
	d.pdf.Line(marginLeft, d.y, marginLeft+textW, d.y)
	d.pdf.SetDrawColor(0, 0, 0)
	d.y += 2 * bodyGap
}

// subheading sets a second-level heading ((一)…) in 楷体, indented like a paragraph.
func (d *doc) subheading(s string) {
	if d.y+3*bodyGap > bottomY {
		d.newPage()
	}
	d.paraRole(s, fonts.Subheading, 2)
}

// natural is the width column i needs to hold its header and every cell on one line.
func (d *doc) natural(c column, rows []row, i int) float64 {
	nat := 0.0
	for _, l := range splitNL(c.head) {
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
		for _, l := range splitNL(r.cells[i]) {
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
