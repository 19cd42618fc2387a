package templates

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// zipPart returns one part of an .xlsx package, read with archive/zip rather than
// excelize, as a second reader of what was written.
func zipPart(tb testing.TB, data []byte, name string) string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatalf("open zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			tb.Fatal(err)
		}
		return string(b)
	}
	tb.Fatalf("part %s not in package", name)
	return ""
}

// sheetPart maps a sheet name to its worksheet part through workbook.xml and its rels.
func sheetPart(tb testing.TB, data []byte, sheet string) string {
	tb.Helper()
	wb := zipPart(tb, data, "xl/workbook.xml")
	m := regexp.MustCompile(`<sheet name="` + regexp.QuoteMeta(sheet) + `"[^>]*r:id="(rId\d+)"`).FindStringSubmatch(wb)
	if m == nil {
		tb.Fatalf("sheet %s not in workbook.xml", sheet)
	}
	rels := zipPart(tb, data, "xl/_rels/workbook.xml.rels")
	t := regexp.MustCompile(`Id="` + m[1] + `"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="` + m[1] + `"`).FindStringSubmatch(rels)
	if t == nil {
		tb.Fatalf("relationship %s not found", m[1])
	}
	target := t[1] + t[2]
	if target[0] == '/' {
		return zipPart(tb, data, target[1:])
	}
	return zipPart(tb, data, "xl/"+target)
}

// formGrid reads 填报表 as text, the way an importer would.
func formGrid(tb testing.TB, f *excelize.File) [][]string {
	tb.Helper()
	rows, err := f.GetRows(xxgk.SheetForm)
	if err != nil {
		tb.Fatal(err)
	}
	return rows
}

// findHeader returns the 1-based row whose cells equal FormColumns.
func findHeader(tb testing.TB, rows [][]string) int {
	tb.Helper()
	for i, r := range rows {
		if slices.Equal(r, xxgk.FormColumns[:]) {
			return i + 1
		}
	}
	tb.Fatalf("no header row equal to %v", xxgk.FormColumns)
	return 0
}

// labelValue finds a label cell above the header and returns the cell right of it.
func labelValue(tb testing.TB, f *excelize.File, rows [][]string, header int, label string) string {
	tb.Helper()
	for i := range header - 1 {
		for j, v := range rows[i] {
			if v == label {
				return cell(j+2, i+1)
			}
		}
	}
	tb.Fatalf("label %s not found above the header", label)
	return ""
}

// styleOf returns the resolved style of a cell.
func styleOf(tb testing.TB, f *excelize.File, sheet, ref string) *excelize.Style {
	tb.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		tb.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		tb.Fatal(err)
	}
	return st
}

// locked tells whether a cell is locked under sheet protection; a style without a
// protection element is locked, as in Excel.
func locked(st *excelize.Style) bool {
	return st.Protection == nil || st.Protection.Locked
}

// fillColor is a style's pattern fill colour, "" when none.
func fillColor(st *excelize.Style) string {
	if st.Fill.Type != "pattern" || len(st.Fill.Color) == 0 {
		return ""
	}
	return st.Fill.Color[0]
}

// cellValue reads one cell of 填报表.
func cellValue(tb testing.TB, f *excelize.File, ref string) string {
	tb.Helper()
	v, err := f.GetCellValue(xxgk.SheetForm, ref)
	if err != nil {
		tb.Fatal(err)
	}
	return v
}
