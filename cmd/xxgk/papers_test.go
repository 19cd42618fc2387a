package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestPapersNoFlags: no paper for units or leaders (the 通报, every letter, the Excel
// report) shows command-line text; the demo's 紫阳县, whose addresses resolve to an
// intranet, is told once in plain words, is not blamed for them in its letter, and is
// not in the 通报's list of units with problems.
func TestPapersNoFlags(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	dir := t.TempDir()
	if code, _, errOut := runCmd(t, "demo", "--dir", dir, "--font", feedbackFont); code != exitOK {
		t.Fatalf("demo: exit %d\n%s", code, errOut)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "*", "*.pdf"))
	if len(pdfs) < 30 {
		t.Fatalf("only %d PDFs", len(pdfs))
	}
	for _, p := range pdfs {
		out, err := exec.Command("pdftotext", "-raw", p, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		txt := string(out)
		for _, bad := range []string{"--", "allow-host", "insecure", "Not Found", "xxgk "} {
			if strings.Contains(txt, bad) {
				t.Errorf("%s says %q", filepath.Base(p), bad)
			}
		}
		flat := strings.Join(strings.Fields(txt), "")
		switch filepath.Base(p) {
		case "2020_紫阳县_反馈.pdf":
			if n := strings.Count(flat, "从互联网无法打开"); n != 1 {
				t.Errorf("紫阳县's letter says 从互联网无法打开 %d times, want once:\n%s", n, txt)
			}
			if strings.Contains(flat, "未核查") || strings.Contains(flat, "经网站核查") {
				t.Errorf("紫阳县's letter lists its unchecked columns as problems:\n%s", txt)
			}
		case "通报.pdf":
			if !strings.Contains(flat, "其中36个栏目未能核查") {
				t.Errorf("通报 does not count the unchecked columns apart:\n%s", txt)
			}
			if i := strings.Index(flat, "问题最多的10个单位如下"); i < 0 || strings.Contains(flat[i:min(len(flat), i+2000)], "紫阳县") {
				t.Errorf("紫阳县 is among the units with most check problems")
			}
		}
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "4-报告", "汇总报告.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for _, v := range r {
				if strings.Contains(v, "--") || strings.Contains(v, "allow-host") {
					t.Errorf("汇总报告 %s row %d says %q", sh, i+1, v)
				}
			}
		}
	}
}
