package templates

import (
	"math"
	"strings"
	"unicode/utf8"

	"xxgk"
)

// Rows of 填报表 (1-based, as Excel counts). The importer finds the labels and the header
// by their text, so these may move; keep them here in one place.
const (
	rowTitle  = 1
	rowLabels = 2
	rowLegend = 3
	rowHeader = 4
	rowFirst  = 5 // first indicator row
)

// Columns of the label cells in rowLabels (1-based); each value or input cell sits right
// of its label and is merged with the next cells up to the following label.
const (
	colUnitLabel   = 2  // B: 填报单位, C:F the unit
	colFillerLabel = 7  // G: 填报人, H:I input
	colPhoneLabel  = 10 // J: 联系电话, K:L input
	colLabelsEnd   = 13 // M
)

// Body text size in points. Printed at the fit-to-width scale (about 75%) it stays legible.
const (
	bodyFont  = 10.0
	guideFont = 11.0
)

// formWidths are the widths of 填报表's columns in Excel character units, chosen so that
// the long content columns get the room and the whole table (about 165 units, 1,300 px)
// fits A4 landscape at about 80%, so 10 pt text prints at 8 pt.
func formWidths() [xxgk.NumCols]float64 {
	var w [xxgk.NumCols]float64
	w[xxgk.ColSeq] = 4.5
	w[xxgk.ColCode] = 10.5
	w[xxgk.ColArea] = 9
	w[xxgk.ColSubArea] = 11
	w[xxgk.ColContent] = 29
	w[xxgk.ColReport] = 20
	w[xxgk.ColStatus] = 10.5
	w[xxgk.ColName] = 11
	w[xxgk.ColURL] = 14
	w[xxgk.ColUpdated] = 11
	w[xxgk.ColCount] = 7.5
	w[xxgk.ColReported] = 18
	w[xxgk.ColRemark] = 11
	return w
}

// lines estimates how many lines text wraps to in a column of the given width at the
// given font size. Excel does not fit row heights when it opens a file, so the writer
// must. A column width unit is the widest digit of the default font (宋体 11 pt: 8 px);
// a CJK character is one em, an ASCII one half an em.
func lines(text string, width, fontPt float64) int {
	const mdw = 8              // px
	avail := width*mdw + 5 - 6 // px, less the cell's padding
	em := fontPt * 96 / 72     // px
	n := 0
	for _, para := range strings.Split(text, "\n") {
		px := 0.0
		for _, r := range para {
			if r < utf8.RuneSelf {
				px += em / 2
			} else {
				px += em
			}
		}
		n += max(1, int(math.Ceil(px/avail)))
	}
	return n
}

// rowHeight is the height in points for a row whose tallest cell wraps to n lines.
func rowHeight(n int, fontPt float64) float64 {
	h := float64(n)*fontPt*1.4 + 6
	return min(h, 409) // Excel's maximum row height
}
