package exporter

import (
	"fmt"
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/xlsxlayout"
)

// SheetDetails is the sheet holding the detail rows, in the export and in the report.
const SheetDetails = "明细"

// WriteDetailsXLSX writes the detail rows as a one-sheet workbook: the .xlsx form of
// `xxgk export`. Dates and counts are real date and number cells. WithRound, WithIssuer
// and WithDate fill in its document properties.
func WriteDetailsXLSX(w io.Writer, rows []Detail, opts ...ReportOption) error {
	cfg := newConfig(opts)
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetDetails); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	title := ""
	if cfg.round.ID != "" {
		title = cfg.round.TitleOrDefault() + "明细"
	}
	if err := writeDetailsSheet(f, st, rows, title); err != nil {
		return err
	}
	if err := xlsxlayout.Set(f, cfg.props("明细")); err != nil {
		return err
	}
	return writeFile(f, w)
}

// writeFile saves the workbook to w; excelize keeps streamed sheets in temp files until
// here, and Close removes them.
func writeFile(f *excelize.File, w io.Writer) error {
	_, err := f.WriteTo(w)
	return err
}

func detailColumns(st *styles) []column {
	// Printed landscape on A4 at one page wide: about 215 width units in all. Text
	// columns wrap (the URL too, so it prints whole); short codes, dates and numbers
	// keep one line.
	widths := []float64{12, 9, 10, 12, 8, 16, 26, 11, 6, 22, 18, 5, 7, 13, 16, 9, 16}
	styles := []int{st.wrap, st.text, st.wrap, st.wrap, st.center, st.wrap, st.wrap,
		st.date, st.number, st.wrap, st.wrap, st.center, st.wrap, st.text, st.dateTime, st.center, st.dateTime}
	cols := make([]column, len(DetailColumns))
	for i, t := range DetailColumns {
		cols[i] = st.column(t, widths[i], styles[i])
	}
	return cols
}

// writeDetailsSheet streams rows into the existing sheet SheetDetails.
func writeDetailsSheet(f *excelize.File, st *styles, rows []Detail, title string) error {
	cols := detailColumns(st)
	sw, err := newSheetWriter(f, sheetSpec{
		Name: SheetDetails, Cols: cols, HeaderRow: 1, LastRow: 1 + len(rows), Freeze: "C2", Title: title,
	})
	if err != nil {
		return err
	}
	if err := sw.header(st.header); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	cells := make([]excelize.Cell, len(cols))
	for _, d := range rows {
		detailCells(d, cells)
		for i := range cells {
			cells[i].StyleID = cols[i].Style
			vals[i] = cells[i]
		}
		if err := sw.next(vals); err != nil {
			return err
		}
	}
	var conds []condFormat
	if len(rows) > 0 {
		statusCol := colName(5)
		ref := fmt.Sprintf("%s2:%s%d", statusCol, statusCol, len(rows)+1)
		conds = []condFormat{{ref, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "==", Value: `"` + string(xxgk.NotOpened) + `"`, Format: &st.notOpened},
		}}}
	}
	return sw.finish(len(rows), conds)
}

// detailCells fills cells (len(DetailColumns)) with d's typed values: nil where empty,
// dates and times as wall-clock values so Excel shows what Record prints.
func detailCells(d Detail, cells []excelize.Cell) {
	set := func(i int, v any) { cells[i] = excelize.Cell{Value: v} }
	set(0, d.Unit)
	set(1, d.Code)
	set(2, d.Area)
	set(3, d.SubArea)
	set(4, string(d.Status))
	set(5, d.ColumnName)
	set(6, d.URL)
	set(7, dateValue(d.LastUpdate))
	if d.Count >= 0 {
		set(8, d.Count)
	} else {
		set(8, nil)
	}
	set(9, d.Reported)
	set(10, d.Remark)
	set(11, d.Version)
	set(12, d.Filler)
	set(13, d.Phone)
	set(14, timeValue(d.ImportedAt))
	set(15, str(d.Check))
	set(16, timeValue(d.CheckedAt))
}

// dateValue is a calendar date as excelize wants it (excelize converts the instant as UTC),
// or nil for no date.
func dateValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// timeValue is an instant as China wall-clock time to the minute, or nil.
func timeValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	c := t.In(xxgk.ChinaTime)
	return time.Date(c.Year(), c.Month(), c.Day(), c.Hour(), c.Minute(), 0, 0, time.UTC)
}
