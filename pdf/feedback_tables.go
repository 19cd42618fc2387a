package pdf

import (
	"strconv"
	"strings"

	"xxgk"
	"xxgk/fonts"
)

// indName is 一级指标／二级指标, the 二级指标 as xxgk.IndicatorNames prints it.
func (d *doc) indName(ind xxgk.Indicator) string {
	if ind.SubArea != "" {
		return ind.Area + "／" + d.indTitle(ind)
	}
	return d.indTitle(ind)
}

// indTitle is the indicator's printed short name: 预决算公开（预算）.
func (d *doc) indTitle(ind xxgk.Indicator) string {
	if n := d.names[ind.Code]; n != "" {
		return n
	}
	return ind.Title()
}

// itemTable lists every row the unit reported, two lines a row on A4 portrait: the
// code, the indicator, 是否开设, 最近更新 and 条数 on the first, the address, 报送内容 and
// 备注 across the table's width on the second (six columns side by side left the address
// and 报送内容 a third of the width each, and long ones ran far past four lines). No cell
// runs past four lines: longer text is cut, and says where the whole of it is. The
// heading is set by head, given the height the table needs under it.
func (d *doc) itemTable(u xxgk.UnitSummary, inds []xxgk.Indicator, head func(start float64)) {
	cols, rows := d.itemLayout(u, inds)
	head(d.startOf(cols, itemSpanHead, rows))
	d.spanTable(cols, itemSpanHead, rows)
}

// itemSpanHead heads the records' second lines.
const itemSpanHead = "栏目网址／报送内容／备注"

// maxCellLines is the most lines a cell of a letter's 填报明细 takes.
const maxCellLines = 4

// clipped is how a cut cell ends: the unit wrote more, which its workbook holds.
const clipped = "…（全文见填报表）"

// urlLabel starts the address on a record's second line.
const urlLabel = "网址："

// itemLayout is itemTable's columns, sized, and rows: each reported indicator a record
// of a row and a span row kept with it (the span row only when there is something to say).
func (d *doc) itemLayout(u xxgk.UnitSummary, inds []xxgk.Indicator) ([]column, []row) {
	items := map[string]xxgk.Item{}
	for _, it := range u.Submission.Items {
		items[it.Code] = it
	}
	type record struct {
		cells []string
		span  []string // labelled parts of the second line: 网址, 报送, 备注
		shade bool
	}
	var recs []record
	for _, ind := range inds {
		it, ok := items[ind.Code]
		if !ok {
			recs = append(recs, record{cells: []string{ind.Code, d.indTitle(ind), "未填报"}, shade: true})
			continue
		}
		count := ""
		if it.Count >= 0 {
			count = strconv.Itoa(it.Count)
		}
		name := d.indTitle(ind)
		// The column's own name only where it says more than the indicator's: most
		// columns are named after it, and the cell stays short.
		if c := strings.TrimSpace(it.ColumnName); c != "" && xxgk.FoldName(c) != xxgk.FoldName(ind.Title()) && xxgk.FoldName(c) != xxgk.FoldName(d.indTitle(ind)) {
			name += "\n栏目：" + c
		}
		var span []string
		if it.URL != "" {
			span = append(span, urlLabel+it.URL)
		}
		if it.Reported != "" {
			span = append(span, "报送："+oneLine(it.Reported))
		}
		if it.Remark != "" {
			span = append(span, "备注："+oneLine(it.Remark))
		}
		recs = append(recs, record{cells: []string{ind.Code, name, string(it.Status), xxgk.FormatDate(it.LastUpdate), count},
			span: span, shade: it.Status == xxgk.NotOpened})
	}
	cols := []column{{head: "编码", align: 'L'}, {head: "指标及栏目名称", align: 'L'}, {head: "是否开设", align: 'C'},
		{head: "最近更新", align: 'C'}, {head: "条数", align: 'C'}}
	var first []row
	for _, r := range recs {
		first = append(first, row{cells: r.cells})
	}
	cols = d.fit(cols, first, 1)
	var rows []row
	spanW := textW - 2*padX
	for _, r := range recs {
		cells := append([]string(nil), r.cells...)
		for i := range cells {
			cells[i] = d.clipCell(cells[i], cols[i].w-2*padX, maxCellLines, "…")
		}
		rows = append(rows, row{cells: cells, shaded: r.shade, whole: true})
		if len(r.span) > 0 {
			rows = append(rows, row{cells: []string{d.clipSpan(r.span, spanW)}, span: true, keep: true, whole: true, shaded: r.shade})
		}
	}
	return cols, rows
}

// oneLine joins a cell's lines with spaces: the second line of a record is read as one
// sentence, and a unit's line breaks would waste its four lines.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clipSpan sets a record's second line within maxCellLines: the address takes at most
// two lines (one when 报送内容 and 备注 are both there: a cut address is read in the
// workbook anyway), every part keeps at least one, and 报送内容 has what the others leave.
func (d *doc) clipSpan(parts []string, width float64) string {
	left := maxCellLines
	lines := make([]string, len(parts))
	for i, p := range parts {
		budget := left - (len(parts) - 1 - i) // one line for each part still to come
		if strings.HasPrefix(p, urlLabel) {
			budget = min(budget, 2, maxCellLines-len(parts)) // 报送内容 keeps two lines beside 备注
		}
		suffix := clipped
		if strings.HasPrefix(p, urlLabel) {
			suffix = "…"
		}
		lines[i] = d.clipCell(p, width, max(budget, 1), suffix)
		left -= strings.Count(lines[i], "\n") + 1
	}
	return strings.Join(lines, "\n")
}

// clipCell wraps s to width and keeps at most n lines; when it had more, the last kept line
// is shortened to end in suffix. The lines are returned joined by newlines, so that the
// table wraps them as they are.
func (d *doc) clipCell(s string, width float64, n int, suffix string) string {
	lines := d.wrap(s, fonts.Body, cellSize, width, 0)
	if len(lines) <= n {
		return strings.Join(lines, "\n")
	}
	lines = lines[:n]
	last := []rune(lines[n-1])
	for len(last) > 0 && d.width(string(last)+suffix, fonts.Body, cellSize) > width {
		last = last[:len(last)-1]
	}
	lines[n-1] = strings.TrimRight(string(last), " 　，、；：。/?&.") + suffix
	return strings.Join(lines, "\n")
}

func (d *doc) todoTable(inds []xxgk.Indicator) {
	var rows []row
	for _, ind := range inds {
		rows = append(rows, row{cells: []string{ind.Code, d.indName(ind), ind.Content}})
	}
	cols := []column{{head: "编码", align: 'L'}, {head: "指标", align: 'L', w: 40}, {head: "信息公开内容", align: 'L'}}
	d.table(d.fit(cols, rows, 2), rows)
}

// tableStart is what a table needs below its heading when its own height is not known:
// a two-line header and a few rows, in mm.
const tableStart = 30.0

// tableHeading sets a heading that a table follows directly, on a new page when the
// table's header and first rows would not fit under it: a heading is never the last
// line of a page (the table moves its header on by itself).
func (d *doc) tableHeading(s string, tableStart float64) {
	if d.y+bodyGap+tableStart > bottomY+0.01 {
		d.newPage()
	}
	d.heading(s)
}
