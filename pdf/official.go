package pdf

import "xxgk/fonts"

// Sizes of the 版头 (GB/T 9704 §7.2): the issuing office's mark in red 小标宋 (黑体 where
// missing), the document number in 三号 仿宋 centred under it, then a red rule across the
// text block.
const (
	markSize = 30.0 // the office's mark; GB/T 9704 leaves the size to the office
	ruleW    = 0.5  // the red rule under the 版头, mm
	// markTop is where the mark's em box starts: 35 mm below the top of the text block
	// (GB/T 9704 7.2.4), whatever the font's own ascent.
	markTop = marginTop + 35
	// ruleGap is the space between the 发文字号 and the red rule (GB/T 9704 7.2.7).
	ruleGap = 4.0
)

// officialRed is the red of the 版头 (GB/T 9704: 红色).
var officialRed = [3]int{220, 0, 0}

// Em box of a CJK glyph around its baseline, in ems: it fills from 0.88 em above to
// 0.12 em below (see baseline).
const (
	emAbove = 0.88
	emBelow = 0.12
)

// redHead sets the 版头: the issuer's mark with its top 35 mm below the text block's,
// the document number (when there is one) two blank lines under it, and the red rule
// 4 mm under the number (under the mark when there is none). The title follows two
// blank lines under the rule (GB/T 9704 7.3.1). Body text stays black.
func (d *doc) redHead(issuer, docNumber string) {
	size := markSize
	if w := d.width(issuer, fonts.Title, size); w > textW {
		size *= textW / w
	}
	em := size * ptMM
	d.pdf.SetTextColor(officialRed[0], officialRed[1], officialRed[2])
	w := d.width(issuer, fonts.Title, size)
	d.text(marginLeft+(textW-w)/2, markTop+emAbove*em, issuer, fonts.Title, size)
	d.pdf.SetTextColor(0, 0, 0)
	bottom := markTop + em
	if docNumber != "" {
		top := bottom + 2*bodyGap
		d.line(marginLeft, top, textW, bodyGap, docNumber, fonts.Body, size3, 'C')
		bottom = baseline(top, bodyGap, size3) + emBelow*size3*ptMM
	}
	rule := bottom + ruleGap + ruleW/2 // the rule's top edge 4 mm under
	d.pdf.SetLineWidth(ruleW)
	d.pdf.SetDrawColor(officialRed[0], officialRed[1], officialRed[2])
	d.pdf.Line(marginLeft, rule, marginLeft+textW, rule)
	d.pdf.SetDrawColor(0, 0, 0)
	d.y = rule + 2*bodyGap
}

// subheading sets a second-level heading ((一)…) in 楷体, indented like a paragraph.
func (d *doc) subheading(s string) {
	if d.y+3*bodyGap > bottomY {
		d.newPage()
	}
	d.paraRole(s, fonts.Subheading, 2)
}
