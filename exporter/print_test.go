package exporter

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/internal/openpyxl"
	"xxgk/xlsxlayout"
)

// TestReportOpensInOpenpyxl: the report and the export load in a strict second reader
// and name the office, the round and the time they were written.
func TestReportOpensInOpenpyxl(t *testing.T) {
	s, cat := fixtureSummary(t)
	report := writeReport(t, s, cat)
	var buf bytes.Buffer
	if err := WriteDetailsXLSX(&buf, Details(s, cat), WithRound(fixtureRound), WithDate(reportDate), WithIssuer("安康市人民政府办公室")); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(t.TempDir(), "export.xlsx")
	if err := os.WriteFile(export, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	books := openpyxl.Load(t, report, export)
	want := []openpyxl.Props{
		{Creator: xxgk.DefaultContact.Office, Title: xxgk.DefaultRoundTitle + "汇总", Subject: "2020年度"},
		{Creator: "安康市人民政府办公室", Title: xxgk.DefaultRoundTitle + "明细", Subject: "2020年度"},
	}
	for i, b := range books {
		p := b.Props
		if p.Creator != want[i].Creator || p.Title != want[i].Title || p.Subject != want[i].Subject {
			t.Errorf("%s: properties %+v, want %+v", filepath.Base(b.Path), p, want[i])
		}
		// reportDate is 2020-09-25 10:00 China time.
		if !strings.HasPrefix(p.Created, "2020-09-25T02:00") || !strings.HasPrefix(p.Modified, "2020-09-25T02:00") {
			t.Errorf("%s: created %q, modified %q; want the time it was written", filepath.Base(b.Path), p.Created, p.Modified)
		}
	}
	found := false
	for _, sh := range books[0].Sheets {
		if sh.Name != SheetDetails {
			continue
		}
		found = true
		if sh.Orientation != "landscape" || sh.PrintTitles != "$1:$1" {
			t.Errorf("明细 prints %s with titles %q; want landscape with its header on every page", sh.Orientation, sh.PrintTitles)
		}
	}
	if !found {
		t.Errorf("openpyxl found no sheet %s in the report", SheetDetails)
	}
}

// TestReportRowsFitWrappedText: every row holding wrapped text has a height showing it
// whole, so LibreOffice does not print it over the next row.
func TestReportRowsFitWrappedText(t *testing.T) {
	s, cat := fixtureSummary(t)
	s.AddRejections([]xxgk.Rejection{{Round: s.Round.ID, Unit: unitCode(t, cat, "汉阴县"), FileName: "汉阴县_2020_信息公开栏目建设情况填报表（修改稿）.xlsx",
		Errors: 5, At: time.Date(2020, 9, 18, 2, 0, 0, 0, time.UTC)}})
	f := openXLSX(t, writeReport(t, s, cat))
	multi := 0
	for _, sheet := range []string{SheetSummary, SheetCoverage, SheetMissing, SheetProblems, SheetDetails} {
		rs := rows(t, f, sheet)
		for r, row := range rs {
			need := 0.0
			for c, text := range row {
				cell := cellName(c+1, r+1)
				if text == "" || !wraps(t, f, sheet, cell) {
					continue
				}
				w := columnWidth(t, f, sheet, c+1)
				if mc := mergedWidth(t, f, sheet, cell); mc > 0 {
					w = mc
				}
				need = max(need, xlsxlayout.RowHeight(bodyFontPt, 1, xlsxlayout.Cell{Text: text, Width: w}))
			}
			if need == 0 {
				continue
			}
			h, err := f.GetRowHeight(sheet, r+1)
			if err != nil {
				t.Fatal(err)
			}
			if h < need {
				t.Errorf("%s row %d is %.1f pt high, its wrapped text needs %.1f", sheet, r+1, h, need)
			}
			if need > xlsxlayout.Height(1, bodyFontPt) {
				multi++
			}
		}
	}
	if multi == 0 {
		t.Error("no row wraps to several lines: the test proves nothing")
	}
}

func wraps(t *testing.T, f *excelize.File, sheet, cell string) bool {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.Alignment != nil && st.Alignment.WrapText
}

func columnWidth(t *testing.T, f *excelize.File, sheet string, col int) float64 {
	t.Helper()
	w, err := f.GetColWidth(sheet, colName(col))
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// mergedWidth is the width of the merged range starting at cell, or 0.
func mergedWidth(t *testing.T, f *excelize.File, sheet, cell string) float64 {
	t.Helper()
	mcs, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, mc := range mcs {
		if mc.GetStartAxis() != cell {
			continue
		}
		c1, _, _ := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, _, _ := excelize.CellNameToCoordinates(mc.GetEndAxis())
		w := 0.0
		for c := c1; c <= c2; c++ {
			w += columnWidth(t, f, sheet, c)
		}
		return w
	}
	return 0
}

// TestChartNamesEveryUnit: the chart's labels name every unit in the ranking's order (as
// the 通报), missing ones last and marked as such, and the note above says that order.
func TestChartNamesEveryUnit(t *testing.T) {
	s, cat := fixtureSummary(t)
	f := openXLSX(t, writeReport(t, s, cat))
	rs := rows(t, f, SheetChart)
	if !strings.Contains(rs[0][0], "按通报排名顺序") {
		t.Errorf("chart note %q does not say its order", rs[0][0])
	}
	for i, r := range xxgk.Ranked(s.Units) {
		u := r.UnitSummary
		row := rs[1+i]
		want := u.Unit.Label()
		if u.State == xxgk.Missing {
			want += MissingSuffix
		}
		if len(row) < chartDataCol || row[chartDataCol-1] != want {
			t.Errorf("chart label %d: %q, want %q", i+1, row, want)
		}
		if u.State == xxgk.Missing && len(row) > chartDataCol && row[chartDataCol] != "" {
			t.Errorf("missing unit %s has a bar: %q", want, row[chartDataCol])
		}
	}
}
