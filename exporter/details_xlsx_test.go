package exporter

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteDetailsXLSX(t *testing.T) {
	s, cat := fixtureSummary(t)
	want := Details(s, cat)
	var buf bytes.Buffer
	if err := WriteDetailsXLSX(&buf, want); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "export.xlsx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, path)
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetDetails}) {
		t.Fatalf("sheets %v", got)
	}
	got := rows(t, f, SheetDetails)
	if len(got) != 1+len(want) || !slices.Equal(got[0], DetailColumns) {
		t.Fatalf("%d rows, header %q", len(got), got[0])
	}
	for i, d := range want {
		r := append(got[i+1], make([]string, len(DetailColumns)-len(got[i+1]))...)
		if !slices.Equal(r, d.Record()) {
			t.Errorf("row %d: %q, want %q", i+2, r, d.Record())
		}
	}
	// Cell text starting with = stays text in .xlsx: no formula is written.
	if fm, _ := f.GetCellFormula(SheetDetails, "F20"); fm != "" {
		t.Errorf("F20 became a formula: %q", fm)
	}
	if v, _ := f.GetCellValue(SheetDetails, "F20"); v != "=cmd|' /C calc'!A0" {
		t.Errorf("F20 = %q", v)
	}
	if nf := numFmt(t, f, SheetDetails, "H2"); nf != fmtDate {
		t.Errorf("H2 number format %q", nf)
	}
	if raw, _ := f.GetCellValue(SheetDetails, "I2", excelize.Options{RawCellValue: true}); raw != "10" {
		t.Errorf("I2 raw %q, want a number", raw)
	}
	if p, _ := f.GetPanes(SheetDetails); !p.Freeze || p.TopLeftCell != "C2" {
		t.Errorf("panes %+v", p)
	}
	if w, _ := f.GetColWidth(SheetDetails, "G"); w < 24 {
		t.Errorf("URL column width %v", w)
	}
	if got, want := strings.ReplaceAll(sheetXMLAttr(t, path, SheetDetails, "autoFilter", "ref"), "$", ""), "A1:Q45"; got != want {
		t.Errorf("autofilter %q", got)
	}
}
