package catalog

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"xxgk/seeds"
)

// seedRows returns the built-in tables as rows, header first.
func seedRows(t testing.TB) (indicators, units [][]string) {
	t.Helper()
	ir, err := parseCSV(seeds.Indicators())
	if err != nil {
		t.Fatal(err)
	}
	ur, err := parseCSV(seeds.Units())
	if err != nil {
		t.Fatal(err)
	}
	return ir, ur
}

// writeCSV writes rows to dir/name, in GB18030 when gbk is set, else UTF-8 with a BOM
// (what Excel writes for "CSV UTF-8").
func writeCSV(t testing.TB, dir, name string, rows [][]string, gbk bool) string {
	t.Helper()
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if gbk {
		enc, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
		if err != nil {
			t.Fatal(err)
		}
		data = enc
	} else {
		data = append([]byte("\xef\xbb\xbf"), data...)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeXLSX writes rows to the first sheet of a new workbook; merge lists ranges such as
// "B2:B11" to merge vertically, as a table pasted from Word is.
func writeXLSX(t testing.TB, dir, name string, rows [][]string, merge ...string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := f.GetSheetName(0)
	for i, row := range rows {
		cells := make([]any, len(row))
		for j, c := range row {
			cells[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &cells); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range merge {
		from, to, _ := bytes.Cut([]byte(m), []byte(":"))
		if err := f.MergeCell(sheet, string(from), string(to)); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// chineseHeaders replaces the English header row with the office's Chinese names.
func chineseHeaders(rows [][]string, names map[string]string) [][]string {
	out := make([][]string, len(rows))
	copy(out, rows)
	h := make([]string, len(rows[0]))
	for i, c := range rows[0] {
		h[i] = names[c]
	}
	out[0] = h
	return out
}

var (
	zhIndicatorHeaders = map[string]string{"code": "指标编码", "area": "一级指标", "sub_area": "二级\n指标",
		"content": "信息公开内容", "report": "需报送信息", "units": "建设单位", "frequency": "公开频次", "display": "展现形式"}
	zhUnitHeaders = map[string]string{"code": "单位编码", "name": "单位全称", "short": "单位名称", "kind": "类型", "aliases": "别名"}
)
