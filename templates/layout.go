package templates

import (
	"xxgk"
	"xxgk/xlsxlayout"
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

// formWidths are the widths of 填报表's columns in Excel character units. The input
// columns get room for what units typically write (a 40-character URL in two lines, a
// sentence of 报送内容 in three), the descriptions the rest; the whole table (about 175
// units, 1,350 px) fits A4 landscape at about 75%, so 10 pt text prints at 7.5 pt.
func formWidths() [xxgk.NumCols]float64 {
	var w [xxgk.NumCols]float64
	w[xxgk.ColSeq] = 4.5
	w[xxgk.ColCode] = 10
	w[xxgk.ColArea] = 8
	w[xxgk.ColSubArea] = 10
	w[xxgk.ColContent] = 22
	w[xxgk.ColReport] = 15
	// The three headers of six characters get the width they need: on one line
	// (是否开设栏目, 最近更新日期), or broken between words (发布信息/条数), never 是否开设栏/目.
	w[xxgk.ColStatus] = 13
	w[xxgk.ColName] = 14
	w[xxgk.ColURL] = 22
	w[xxgk.ColUpdated] = 13
	w[xxgk.ColCount] = 9
	w[xxgk.ColReported] = 20
	w[xxgk.ColRemark] = 15
	return w
}

// typicalEntries are answers of the length units typically give (from the 2020 returns'
// shape); each row is made high enough to show them whole once typed, so a filled
// template prints without text running over the next row.
var typicalEntries = map[int]string{
	xxgk.ColName:     "财政预决算信息公开专栏",
	xxgk.ColURL:      "http://www.ankang.gov.cn/xxgk/czxx/index.html",
	xxgk.ColReported: "已于9月15日通过电子邮件报送本年度预算公开情况",
	xxgk.ColRemark:   "网站改版中，栏目已规划，待上线后补报",
}

// typicalLines is the number of lines the typical entries take in their columns.
func typicalLines(widths [xxgk.NumCols]float64) int {
	n := 1
	for col, text := range typicalEntries {
		n = max(n, xlsxlayout.Lines(text, widths[col], bodyFont))
	}
	return n
}
