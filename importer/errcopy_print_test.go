package importer

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/internal/openpyxl"
	"xxgk/samples"
)

// resaved returns data as LibreOffice and as openpyxl save it (each rewrites styles,
// print set-up and properties in its own way), by name; a program that is missing is
// left out with a log line, except in CI.
func resaved(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{"excelize": data}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if soffice, err := exec.LookPath("soffice"); err == nil {
		lo := filepath.Join(dir, "lo")
		cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
			"--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", lo, in)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, b)
		}
		b, err := os.ReadFile(filepath.Join(lo, "in.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		out["LibreOffice"] = b
	} else if os.Getenv("CI") == "true" {
		t.Fatal("soffice not found; CI must install libreoffice-calc")
	} else {
		t.Log("soffice not found: the LibreOffice-saved case is skipped")
	}
	if exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run() == nil {
		saved := filepath.Join(dir, "openpyxl.xlsx")
		script := "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[2])"
		if b, err := exec.CommandContext(ctx, "/usr/bin/python3", "-c", script, in, saved).CombinedOutput(); err != nil {
			t.Fatalf("openpyxl save: %v\n%s", err, b)
		}
		b, err := os.ReadFile(saved)
		if err != nil {
			t.Fatal(err)
		}
		out["openpyxl"] = b
	} else if os.Getenv("CI") == "true" {
		t.Fatal("python3-openpyxl not found; CI must install it")
	} else {
		t.Log("openpyxl not found: the openpyxl-saved case is skipped")
	}
	return out
}

// TestAnnotatedCopyPrintsAndOpens: whatever program saved the unit's file, its annotated
// copy loads in openpyxl, 填报表 keeps its print titles and print area, and 问题清单 is
// an A4 page with a header and page numbers; the copy names the office as its maker.
func TestAnnotatedCopyPrintsAndOpens(t *testing.T) {
	cat := testCatalog(t)
	data := filled(t, cat, "汉阴县", samples.WithErrors, 8)
	ps := readBook(t, "汉阴县.xlsx", data).Problems
	if !ps.HasErrors() {
		t.Fatal("the sample has no errors")
	}
	dir := t.TempDir()
	var paths []string
	for name, b := range resaved(t, data) {
		out, err := Annotate(b, ps)
		if err != nil {
			t.Fatalf("%s-saved file: %v", name, err)
		}
		p := filepath.Join(dir, name+".xlsx")
		if d := os.Getenv("XXGK_KEEP_COPIES"); d != "" { // to look at the copies by hand
			writeFile(t, filepath.Join(d, name+"-in.xlsx"), b)
			writeFile(t, filepath.Join(d, name+"-out.xlsx"), out)
		}
		if err := os.WriteFile(p, out, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	for _, b := range openpyxl.Load(t, paths...) {
		name := strings.TrimSuffix(filepath.Base(b.Path), ".xlsx")
		if b.Error != "" {
			continue
		}
		sheets := map[string]openpyxl.Sheet{}
		var order []string
		for _, s := range b.Sheets {
			sheets[s.Name] = s
			order = append(order, s.Name)
		}
		if order[0] != SheetProblems {
			t.Errorf("%s: sheets %q, want %s first", name, order, SheetProblems)
		}
		form := sheets[xxgk.SheetForm]
		if form.PrintTitles != "$4:$4" || !strings.Contains(form.PrintArea, "$A$1:$M$") {
			t.Errorf("%s: 填报表 print titles %q, area %q; want $4:$4 and 填报表's table", name, form.PrintTitles, form.PrintArea)
		}
		for _, s := range b.Sheets {
			if s.Name != xxgk.SheetForm && s.Name != SheetProblems && (s.PrintTitles != "" || s.PrintArea != "") {
				t.Errorf("%s: %s has print titles %q, area %q that belong to 填报表", name, s.Name, s.PrintTitles, s.PrintArea)
			}
		}
		pl := sheets[SheetProblems]
		if pl.PaperSize != "9" || pl.PrintTitles != "$3:$3" || !strings.Contains(pl.Header, "退回") || !strings.Contains(pl.Footer, "&P") {
			t.Errorf("%s: 问题清单 paper %q, titles %q, header %q, footer %q; want A4, titles, a header and page numbers",
				name, pl.PaperSize, pl.PrintTitles, pl.Header, pl.Footer)
		}
		if b.Props.Creator != xxgk.DefaultContact.Office || b.Props.LastModifiedBy != xxgk.DefaultContact.Office {
			t.Errorf("%s: creator %q, last modified by %q; want the office", name, b.Props.Creator, b.Props.LastModifiedBy)
		}
	}
}
