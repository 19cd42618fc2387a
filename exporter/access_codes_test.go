package exporter

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk/internal/openpyxl"
)

func TestAccessCodesFiles(t *testing.T) {
	rows := []AccessCodeRow{
		{Unit: "市财政局", Name: "安康市财政局", Code: "K7QX-M4PR-9T2W-HNB3", State: "新建", Link: "https://xxgk.ankang.gov.cn/"},
		{Unit: "=HYPERLINK(\"x\")", Name: "", Code: "ABCD-EFGH-JKMN-PQRS", State: "已重置（旧码失效）", Link: ""},
	}
	var x bytes.Buffer
	if err := WriteAccessCodesXLSX(&x, "网上报送访问码（轮次 2020）", rows); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&x)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := f.GetRows("访问码")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 || got[0][0] != "网上报送访问码（轮次 2020）" || strings.Join(got[1], ",") != strings.Join(AccessCodeColumns, ",") ||
		strings.Join(got[2], ",") != "市财政局,安康市财政局,K7QX-M4PR-9T2W-HNB3,新建,https://xxgk.ankang.gov.cn/" {
		t.Errorf("workbook rows = %q", got)
	}
	// A unit name that looks like a formula stays text in the workbook.
	if v, _ := f.GetCellFormula("访问码", "A4"); v != "" {
		t.Errorf("A4 holds a formula %q", v)
	}

	var c bytes.Buffer
	if err := WriteAccessCodesCSV(&c, rows); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(c.Bytes(), []byte(utf8BOM)) {
		t.Error("CSV without BOM")
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(c.String(), utf8BOM))).ReadAll()
	if err != nil || len(recs) != 3 || recs[1][2] != "K7QX-M4PR-9T2W-HNB3" || recs[2][0] != Neutralize(rows[1].Unit) || recs[2][0] == rows[1].Unit {
		t.Errorf("CSV = %q, %v", recs, err)
	}
}

// TestAccessCodesSecondReader opens the workbook with openpyxl, which refuses colours
// that are not exactly 8 hex digits (excelize adds the alpha itself).
func TestAccessCodesSecondReader(t *testing.T) {
	path := filepath.Join(t.TempDir(), "访问码.xlsx")
	var x bytes.Buffer
	if err := WriteAccessCodesXLSX(&x, "访问码", []AccessCodeRow{{Unit: "市财政局", Code: "K7QX-M4PR-9T2W-HNB3", State: "新建"}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, x.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	books := openpyxl.Load(t, path)
	if len(books) != 1 || len(books[0].Sheets) != 1 || books[0].Sheets[0].Name != "访问码" || books[0].Sheets[0].MaxRow != 3 {
		t.Errorf("openpyxl read %+v", books)
	}
}
