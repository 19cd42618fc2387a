package pdf

import "xxgk/fonts"

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
