package templates

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"xxgk"
)

// needTool skips when an external program is missing, except on CI where the check
// must run.
func needTool(tb testing.TB, name string) string {
	tb.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s not found; it is required on CI", name)
		}
		tb.Skipf("%s not found; skipping the LibreOffice check", name)
	}
	return p
}

// soffice converts in to the given format in a fresh directory and returns the output
// path. A private profile keeps parallel runs from sharing LibreOffice's lock.
func soffice(tb testing.TB, in, format string) string {
	tb.Helper()
	bin := needTool(tb, "soffice")
	out := tb.TempDir()
	profile := "file://" + filepath.ToSlash(tb.TempDir())
	cmd := exec.Command(bin, "-env:UserInstallation="+profile, "--headless", "--convert-to", format, "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("soffice --convert-to %s: %v\n%s", format, err, b)
	}
	ext := format
	if i := strings.IndexByte(ext, ':'); i >= 0 {
		ext = ext[:i]
	}
	p := filepath.Join(out, strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))+"."+ext)
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("soffice wrote no %s: %v", p, err)
	}
	return p
}

// TestLibreOffice saves a generated workbook through LibreOffice, as a unit might, and
// checks what the importer relies on survives; then prints it to PDF and reads the
// text back.
func TestLibreOffice(t *testing.T) {
	cat := testCatalog(t)
	u := unit(t, cat, "市财政局")
	r := testRound()
	in := filepath.Join(t.TempDir(), FileName(r, u))
	if err := os.WriteFile(in, generate(t, r, cat, u), 0o644); err != nil {
		t.Fatal(err)
	}
	codes := []string{}
	for _, ind := range cat.For(u) {
		codes = append(codes, ind.Code)
	}

	t.Run("round trip", func(t *testing.T) {
		saved, err := os.ReadFile(soffice(t, in, "xlsx:Calc MS Excel 2007 XML"))
		if err != nil {
			t.Fatal(err)
		}
		f := open(t, saved)
		if got := f.GetSheetList(); !slices.Equal(got, []string{xxgk.SheetGuide, xxgk.SheetForm, xxgk.SheetMeta}) {
			t.Errorf("sheets after LibreOffice save = %v", got)
		}
		if visible, _ := f.GetSheetVisible(xxgk.SheetMeta); visible {
			t.Error("meta sheet became visible")
		}
		metaRows, err := f.GetRows(xxgk.SheetMeta)
		if err != nil {
			t.Fatal(err)
		}
		m, err := xxgk.ParseTemplateMeta(metaRows)
		if err != nil {
			t.Fatalf("meta after LibreOffice save: %v (rows %v)", err, metaRows)
		}
		if m.Round != r.ID || m.Unit != u.Code || !slices.Equal(m.Codes, codes) {
			t.Errorf("meta after LibreOffice save = %+v", m)
		}
		rows := formGrid(t, f)
		header := findHeader(t, rows)
		body := rows[header:]
		if len(body) != len(codes) {
			t.Fatalf("%d rows after LibreOffice save, want %d", len(body), len(codes))
		}
		for i, row := range body {
			if at(row, xxgk.ColCode) != codes[i] || at(row, xxgk.ColSeq) != itoa(i+1) {
				t.Errorf("row %d after LibreOffice save: %v", i+1, row)
			}
		}
		if got := cellValue(t, f, labelValue(t, f, rows, header, xxgk.LabelUnit)); got != u.Short {
			t.Errorf("填报单位 after LibreOffice save = %q", got)
		}
		dvs, err := f.GetDataValidations(xxgk.SheetForm)
		if err != nil || len(dvs) < 5 {
			t.Errorf("%d validations after LibreOffice save (%v)", len(dvs), err)
		}
	})

	t.Run("pdf", func(t *testing.T) {
		pdf := soffice(t, in, "pdf")
		bin := needTool(t, "pdftotext")
		out, err := exec.Command(bin, "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		text := strings.Join(strings.Fields(string(out)), "")
		want := []string{r.Title, xxgk.LabelUnit, u.Short, "2020年9月20日", "CZ-04-1", "财政信息", "第1页"}
		want = append(want, xxgk.FormColumns[:]...)
		for _, w := range want {
			if !strings.Contains(text, strings.ReplaceAll(w, " ", "")) {
				t.Errorf("PDF text lacks %q", w)
			}
		}
		if strings.Contains(text, xxgk.TemplateMeta{}.Rows()[0][0]+"1") {
			t.Error("the hidden meta sheet was printed")
		}
	})
}
