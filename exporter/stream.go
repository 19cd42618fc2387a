package exporter

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"xxgk/xlsxlayout"
)

// column is one column of a streamed table: its header, width and body style. Wrap
// marks a column whose style wraps text: each row's height is computed from its wrapped
// cells, because LibreOffice prints a wrapped cell over the next row when the row has
// no height, and Excel does not fit heights when it opens a file.
type column struct {
	Title string
	Width float64
	Style int
	Wrap  bool
}

// column is a table column whose body has the given style; it wraps when the style does.
func (st *styles) column(title string, width float64, style int) column {
	return column{Title: title, Width: width, Style: style, Wrap: style == st.wrap}
}

// bodyFontPt is the size of the tables' text (styles.go).
const bodyFontPt = 10

// sheetSpec describes a streamed sheet before its first row is written. The stream writer
// emits <sheetPr> and <dimension> when it is created, so everything that lands there
// (fit-to-page, the used range) must be known up front; LastRow is that promise, and
// sheetWriter.finish refuses to close a sheet that broke it.
type sheetSpec struct {
	Name      string
	Cols      []column
	HeaderRow int    // 1-based row of the column headers
	LastRow   int    // last row that will be written (≥ HeaderRow)
	Freeze    string // top-left cell of the scrolling pane, e.g. "B2"; empty for none
	Landscape bool
	Title     string // printed in the page header
	// OnePage prints the sheet on one page, scaled down: a table of a city's 40 units
	// read on one sheet rather than 28 rows and a stub of 8.
	OnePage bool
}

// sheetWriter streams one sheet and applies the sheet-level settings before Flush, which
// is the last moment the stream writer will serialise them.
type sheetWriter struct {
	f    *excelize.File
	sw   *excelize.StreamWriter
	spec sheetSpec
	row  int
}

func newSheetWriter(f *excelize.File, spec sheetSpec) (*sheetWriter, error) {
	if spec.LastRow < spec.HeaderRow {
		spec.LastRow = spec.HeaderRow
	}
	fit := true
	if err := f.SetSheetProps(spec.Name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	dim, err := rangeRef(1, 1, len(spec.Cols), spec.LastRow)
	if err != nil {
		return nil, err
	}
	if err := f.SetSheetDimension(spec.Name, dim); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(spec.Name)
	if err != nil {
		return nil, err
	}
	for i, c := range spec.Cols {
		if c.Width > 0 {
			if err := sw.SetColWidth(i+1, i+1, c.Width); err != nil {
				return nil, err
			}
		}
	}
	if spec.Freeze != "" {
		col, row, err := excelize.CellNameToCoordinates(spec.Freeze)
		if err != nil {
			return nil, err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: col - 1, YSplit: row - 1,
			TopLeftCell: spec.Freeze, ActivePane: activePane(col, row)}); err != nil {
			return nil, err
		}
	}
	return &sheetWriter{f: f, sw: sw, spec: spec}, nil
}

func activePane(col, row int) string {
	switch {
	case col > 1 && row > 1:
		return "bottomRight"
	case col > 1:
		return "topRight"
	}
	return "bottomLeft"
}

// next writes values as the next row (rows are consecutive from 1). Without options, a
// row with text in a wrapped column gets the height that shows all of it.
func (w *sheetWriter) next(values []any, opts ...excelize.RowOpts) error {
	w.row++
	if w.row > w.spec.LastRow {
		return fmt.Errorf("exporter: sheet %s: row %d beyond declared last row %d", w.spec.Name, w.row, w.spec.LastRow)
	}
	if len(opts) == 0 {
		if h, ok := w.fitHeight(values); ok {
			opts = []excelize.RowOpts{{Height: h}}
		}
	}
	return w.sw.SetRow(cellName(1, w.row), values, opts...)
}

// fitHeight is the height showing every wrapped cell of values whole; false when no
// wrapped column holds text (the default height fits).
func (w *sheetWriter) fitHeight(values []any) (float64, bool) {
	var cells []xlsxlayout.Cell
	for i, v := range values {
		if i >= len(w.spec.Cols) || !w.spec.Cols[i].Wrap {
			continue
		}
		if c, ok := v.(excelize.Cell); ok {
			v = c.Value
		}
		if s, ok := v.(string); ok && s != "" {
			cells = append(cells, xlsxlayout.Cell{Text: s, Width: w.spec.Cols[i].Width})
		}
	}
	if len(cells) == 0 {
		return 0, false
	}
	return xlsxlayout.RowHeight(bodyFontPt, 1, cells...), true
}

// header writes the column titles as the next row.
func (w *sheetWriter) header(style int) error {
	vals := make([]any, len(w.spec.Cols))
	for i, c := range w.spec.Cols {
		vals[i] = excelize.Cell{Value: c.Title, StyleID: style}
	}
	cells := make([]xlsxlayout.Cell, len(w.spec.Cols))
	for i, c := range w.spec.Cols {
		cells[i] = xlsxlayout.Cell{Text: c.Title, Width: c.Width}
	}
	return w.next(vals, excelize.RowOpts{Height: max(30, xlsxlayout.RowHeight(bodyFontPt, 1, cells...))})
}

// merge merges the current row across all columns (title lines).
func (w *sheetWriter) mergeRow() error {
	return w.sw.MergeCell(cellName(1, w.row), cellName(len(w.spec.Cols), w.row))
}

// finish adds the autofilter over the header and data rows (dataRows of them), print
// settings and any conditional formats, then flushes.
func (w *sheetWriter) finish(dataRows int, conds []condFormat) error {
	if w.row != w.spec.LastRow {
		return fmt.Errorf("exporter: sheet %s: wrote %d rows, declared %d", w.spec.Name, w.row, w.spec.LastRow)
	}
	if dataRows > 0 {
		ref, err := rangeRef(1, w.spec.HeaderRow, len(w.spec.Cols), w.spec.HeaderRow+dataRows)
		if err != nil {
			return err
		}
		if err := w.f.AutoFilter(w.spec.Name, ref, nil); err != nil {
			return err
		}
	}
	for _, c := range conds {
		if err := w.f.SetConditionalFormat(w.spec.Name, c.ref, c.rules); err != nil {
			return err
		}
	}
	if err := printSetup(w.f, w.spec.Name, w.spec.Title, w.spec.HeaderRow); err != nil {
		return err
	}
	if w.spec.OnePage {
		one := 1
		if err := w.f.SetPageLayout(w.spec.Name, &excelize.PageLayoutOptions{FitToHeight: &one}); err != nil {
			return err
		}
	}
	return w.sw.Flush()
}

// condFormat is a conditional format over one range; a slice keeps the output stable.
type condFormat struct {
	ref   string
	rules []excelize.ConditionalFormatOptions
}

func rangeRef(c1, r1, c2, r2 int) (string, error) {
	a, err := excelize.CoordinatesToCellName(c1, r1)
	if err != nil {
		return "", err
	}
	b, err := excelize.CoordinatesToCellName(c2, r2)
	if err != nil {
		return "", err
	}
	return a + ":" + b, nil
}

// colName is the column letter of 1-based col.
func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}
