package pdf

import (
	"strconv"
	"strings"

	"xxgk"
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

// itemTable lists every row the unit reported. A4 portrait holds six columns, so the
// code, the indicator and the column name share one cell (the name only where it
// differs), and so
// do 报送内容 and 备注; long text wraps inside its cell and URLs break after / ? & or ..
// The widths keep the usual cell within four lines.
func (d *doc) itemTable(u xxgk.UnitSummary, inds []xxgk.Indicator) {
	d.table(d.itemLayout(u, inds))
}

// itemLayout is itemTable's columns, sized, and rows.
func (d *doc) itemLayout(u xxgk.UnitSummary, inds []xxgk.Indicator) ([]column, []row) {
	items := map[string]xxgk.Item{}
	for _, it := range u.Submission.Items {
		items[it.Code] = it
	}
	var rows []row
	for _, ind := range inds {
		it, ok := items[ind.Code]
		if !ok {
			rows = append(rows, row{cells: []string{ind.Code + "\n" + d.indTitle(ind), "未填报"}, shaded: true})
			continue
		}
		count := ""
		if it.Count >= 0 {
			count = strconv.Itoa(it.Count)
		}
		name := ind.Code + "\n" + d.indTitle(ind)
		// The column's own name only where it says more than the indicator's: most
		// columns are named after it, and the cell stays short.
		if c := strings.TrimSpace(it.ColumnName); c != "" && xxgk.FoldName(c) != xxgk.FoldName(ind.Title()) && xxgk.FoldName(c) != xxgk.FoldName(d.indTitle(ind)) {
			name += "\n栏目：" + c
		}
		var notes []string
		if it.Reported != "" {
			notes = append(notes, "报送："+it.Reported)
		}
		if it.Remark != "" {
			notes = append(notes, "备注："+it.Remark)
		}
		rows = append(rows, row{cells: []string{name, string(it.Status), it.URL, xxgk.FormatDate(it.LastUpdate), count, strings.Join(notes, "\n")},
			shaded: it.Status == xxgk.NotOpened})
	}
	// The code heads the indicator's cell: a column of its own cost the name the width
	// that kept it within four lines.
	cols := []column{{head: "指标及栏目名称", align: 'L'}, {head: "是否\n开设", align: 'C'},
		{head: "栏目网址", align: 'L', w: 38}, {head: "最近\n更新", align: 'C'}, {head: "条数", align: 'C'},
		{head: "报送内容及备注", align: 'L', w: 36}}
	return d.fit(cols, rows, 0), rows
}

func (d *doc) todoTable(inds []xxgk.Indicator) {
	var rows []row
	for _, ind := range inds {
		rows = append(rows, row{cells: []string{ind.Code, d.indName(ind), ind.Content}})
	}
	cols := []column{{head: "编码", align: 'L'}, {head: "指标", align: 'L', w: 40}, {head: "信息公开内容", align: 'L'}}
	d.table(d.fit(cols, rows, 2), rows)
}

// tableHeading sets a heading that a table follows directly, on a new page when the
// table's header and first rows would not fit under it: a heading is never the last
// line of a page (the table moves its header on by itself).
func (d *doc) tableHeading(s string) {
	const tableStart = 30.0 // mm: a two-line header and a few rows
	if d.y+bodyGap+tableStart > bottomY {
		d.newPage()
	}
	d.heading(s)
}
