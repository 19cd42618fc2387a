package exporter

import (
	"github.com/xuri/excelize/v2"

	"xxgk"
)

// SheetChecks lists the latest website check (xxgk verify) of every checked column. The
// report has it only once a check exists; it comes after the other sheets, so their
// positions (which defined names refer to) do not move.
const SheetChecks = "核查结果"

// CheckColumns are the headers of 核查结果; 提示 holds warnings that are not results (a
// rushed update, 突击更新).
var CheckColumns = []string{"单位", "指标编码", "栏目网址", "核查结果", "说明", "最新信息日期", "带日期条目", "HTTP 状态", "网页标题", "政府域名", "核查时间", "提示"}

// writeChecksSheet adds 核查结果: findings first (in result order, then units in catalog
// order), the columns found in order after them.
func writeChecksSheet(f *excelize.File, st *styles, s xxgk.Summary, title string) error {
	if !s.Checked() {
		return nil
	}
	if _, err := f.NewSheet(SheetChecks); err != nil {
		return err
	}
	cols := []column{
		st.column(CheckColumns[0], 16, st.text), st.column(CheckColumns[1], 11, st.text), st.column(CheckColumns[2], 36, st.wrap),
		st.column(CheckColumns[3], 13, st.center), st.column(CheckColumns[4], 48, st.wrap), st.column(CheckColumns[5], 12, st.date),
		st.column(CheckColumns[6], 8, st.number), st.column(CheckColumns[7], 8, st.number), st.column(CheckColumns[8], 30, st.wrap),
		st.column(CheckColumns[9], 8, st.center), st.column(CheckColumns[10], 17, st.dateTime), st.column(CheckColumns[11], 40, st.wrap),
	}
	type entry struct {
		unit xxgk.Unit
		c    xxgk.Check
	}
	var list []entry
	for _, r := range xxgk.CheckResults {
		for _, u := range s.Units {
			for _, c := range u.Checks {
				if c.Result == r {
					list = append(list, entry{u.Unit, c})
				}
			}
		}
	}
	sw, err := newSheetWriter(f, sheetSpec{Name: SheetChecks, Cols: cols, HeaderRow: 1, LastRow: 1 + len(list),
		Freeze: "C2", Landscape: true, Title: title})
	if err != nil {
		return err
	}
	if err := sw.header(st.header); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	for _, e := range list {
		c := e.c
		var status, entries any
		if c.HTTPStatus > 0 {
			status = c.HTTPStatus
		}
		if c.Result != xxgk.CheckRefused && c.Result != xxgk.CheckUnreachable {
			entries = c.Entries
		}
		gov := "否"
		if c.GovDomain {
			gov = "是"
		}
		row := []any{e.unit.Label(), c.Code, c.URL, c.Result.Label(), str(c.PaperFinding()), dateValue(c.Newest),
			entries, status, str(c.Title), gov, timeValue(c.CheckedAt), str(c.Rushed)}
		for j, v := range row {
			vals[j] = excelize.Cell{Value: v, StyleID: cols[j].Style}
		}
		// Wrapped columns get their row height from the shared layout helper (stream.go).
		if err := sw.next(vals); err != nil {
			return err
		}
	}
	var conds []condFormat
	if len(list) > 0 {
		ref, err := rangeRef(4, 2, 4, len(list)+1)
		if err != nil {
			return err
		}
		conds = []condFormat{{ref, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "!=", Value: `"` + xxgk.CheckOK.Label() + `"`, Format: &st.notOpened},
		}}}
	}
	return sw.finish(len(list), conds)
}
