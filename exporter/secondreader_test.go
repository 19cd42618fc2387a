package exporter

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// The tests here read our workbooks without excelize: the raw XML (as streaming readers do,
// trusting <dimension>) and LibreOffice. DESIGN §4: excelize can write a dimension of A1,
// and streaming readers then see one cell.

// sheetPath maps a sheet name to its part in the package, via workbook.xml and its rels.
func sheetPath(t testing.TB, file, sheet string) string {
	t.Helper()
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal([]byte(zipEntry(t, file, "xl/workbook.xml")), &wb); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal([]byte(zipEntry(t, file, "xl/_rels/workbook.xml.rels")), &rels); err != nil {
		t.Fatal(err)
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.RID {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/")
				}
				return path.Join("xl", r.Target)
			}
		}
	}
	t.Fatalf("%s: no sheet %s", file, sheet)
	return ""
}

// sheetXMLAttr returns attribute attr of the first element named elem in the sheet's XML.
func sheetXMLAttr(t testing.TB, file, sheet, elem, attr string) string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(zipEntry(t, file, sheetPath(t, file, sheet))))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return ""
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == elem {
			for _, a := range se.Attr {
				if a.Name.Local == attr {
					return a.Value
				}
			}
			return ""
		}
	}
}

// usedRange scans a sheet's cells and returns the range they span and the number of rows.
func usedRange(t testing.TB, file, sheet string) (ref string, nrows int) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(zipEntry(t, file, sheetPath(t, file, sheet))))
	maxCol, maxRow := 1, 1
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "row":
			nrows++
		case "c":
			for _, a := range se.Attr {
				if a.Name.Local == "r" {
					c, r, err := excelize.CellNameToCoordinates(a.Value)
					if err != nil {
						t.Fatal(err)
					}
					maxCol, maxRow = max(maxCol, c), max(maxRow, r)
				}
			}
		}
	}
	if maxCol == 1 && maxRow == 1 {
		return "A1", nrows
	}
	r, err := rangeRef(1, 1, maxCol, maxRow)
	if err != nil {
		t.Fatal(err)
	}
	return r, nrows
}

func TestDimensionsMatchData(t *testing.T) {
	s, cat := fixtureSummary(t)
	report := writeReport(t, s, cat)
	var buf bytes.Buffer
	if err := WriteDetailsXLSX(&buf, Details(s, cat)); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(t.TempDir(), "export.xlsx")
	if err := os.WriteFile(export, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file, sheet, dim string
		rows             int
	}{
		{report, SheetSummary, "A1:K9", 9},
		{report, SheetChart, "A1:U6", 6},
		{report, SheetCoverage, "A1:J22", 22},
		{report, SheetMissing, "A1:F3", 3},
		{report, SheetProblems, "A1:E3", 3},
		{report, SheetDetails, "A1:Q45", 45},
		{export, SheetDetails, "A1:Q45", 45},
	}
	for _, tt := range tests {
		dim := sheetXMLAttr(t, tt.file, tt.sheet, "dimension", "ref")
		used, n := usedRange(t, tt.file, tt.sheet)
		if dim != tt.dim || used != tt.dim || n != tt.rows {
			t.Errorf("%s %s: <dimension ref=%q>, cells span %s in %d rows; want %s in %d rows",
				filepath.Base(tt.file), tt.sheet, dim, used, n, tt.dim, tt.rows)
		}
	}
}

// libreOfficeCSV converts every sheet of file to CSV with LibreOffice and returns the
// records by sheet name, as LibreOffice displays the cells.
func libreOfficeCSV(t testing.TB, file string, sheets []string) map[string][][]string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice (LibreOffice) is required in CI to check the workbook with a second reader")
		}
		t.Skip("soffice not found: install libreoffice-calc to check the workbook with a second reader")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A private profile: concurrent soffice runs sharing one profile fail or wait.
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to",
		"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
		"--outdir", dir, file)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	base := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	res := map[string][][]string{}
	for _, sheet := range sheets {
		b, err := os.ReadFile(filepath.Join(dir, base+"-"+sheet+".csv"))
		if err != nil {
			t.Fatalf("soffice wrote no CSV for %s: %v\n%s", sheet, err, out)
		}
		r := csv.NewReader(bytes.NewReader(b))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		res[sheet] = recs
	}
	return res
}

func TestLibreOfficeSeesEveryRow(t *testing.T) {
	s, cat := fixtureSummary(t)
	report := writeReport(t, s, cat)
	lo := libreOfficeCSV(t, report, ReportSheets)
	f := openXLSX(t, report)
	for _, sheet := range ReportSheets {
		if sheet == SheetChart {
			continue
		}
		want := rows(t, f, sheet)
		got := lo[sheet]
		if len(got) != len(want) {
			t.Errorf("%s: LibreOffice sees %d rows, excelize %d", sheet, len(got), len(want))
			continue
		}
		for i := range want {
			if strings.Join(trimEmpty(got[i]), "|") != strings.Join(trimEmpty(want[i]), "|") {
				t.Errorf("%s row %d:\nLibreOffice %q\n   excelize %q", sheet, i+1, got[i], want[i])
			}
		}
	}
	// LibreOffice renders the 0.0% format itself: its text must be what the PDF and status
	// print (UnitSummary.Rate, via xxgk.Percent), even on a rounding tie (市财政局: 1/16).
	for i, u := range s.ProblemsFirst() {
		if got, want := lo[SheetSummary][3+i][9], u.Rate(); got != want {
			t.Errorf("%s completion shown as %q by LibreOffice, xxgk.Percent says %q", u.Unit.Short, got, want)
		}
	}
	if got, want := lo[SheetSummary][3+3][9], xxgk.Percent(1.0/16); got != "6.3%" || want != "6.3%" {
		t.Errorf("市财政局 (1/16): LibreOffice %q, xxgk.Percent %q; want 6.3%%", got, want)
	}
}

func trimEmpty(r []string) []string {
	for len(r) > 0 && r[len(r)-1] == "" {
		r = r[:len(r)-1]
	}
	return r
}
