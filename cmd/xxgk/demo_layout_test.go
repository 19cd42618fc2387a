package main

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/fonts"
	"xxgk/internal/pdfcheck"
)

// TestDemoPapersLayout reads back every PDF the demo writes, the 通报 and the 36 letters,
// as GB/T 9704 has them: the page of the 署名 carries text and leaves a 4 cm seal clear of
// it, every line that is not the last of its paragraph ends at the right edge of the text
// block (within 0.5 mm), none runs past it, a letter's pages but the last are 60% full
// or more, and the 通报 ends with its 版记 (抄送 from
// --cc, 印发机关 and 印发日期) on an even page.
func TestDemoPapersLayout(t *testing.T) {
	if _, _, err := fonts.Load(""); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI has no Chinese font: %v", err)
		}
		t.Skip("no Chinese font")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is required in CI (apt-get install poppler-utils)")
		}
		t.Skip("no pdftotext")
	}
	dir := t.TempDir()
	if code, out, errOut := runCmd(t, "demo", "--dir", dir); code != exitOK {
		t.Fatalf("demo exit %d\n%s\n%s", code, out, errOut)
	}
	report := filepath.Join(dir, "4-报告", "通报.pdf")
	letters, _ := filepath.Glob(filepath.Join(dir, "5-反馈", "*.pdf"))
	if len(letters) != 36 {
		t.Fatalf("%d letters", len(letters))
	}
	b := pdfcheck.GBT9704
	full, pages := 0, 0
	for _, p := range append([]string{report}, letters...) {
		doc, err := pdfcheck.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		pages += len(doc)
		name := filepath.Base(p)
		for _, prob := range pdfcheck.SignatureProblems(doc, b, 40) {
			t.Errorf("%s: %s", name, prob)
		}
		lines, over := pdfcheck.FullLines(doc, b, 0.5)
		for _, o := range over {
			t.Errorf("%s: %s", name, o)
		}
		for _, l := range lines {
			if d := math.Abs(l.Line.XMax - b.Right); d > 0.5 {
				t.Errorf("%s page %d: %q ends %.2f mm from the right edge", name, l.Page, l.Line.Text(), d)
			}
		}
		full += len(lines)
		if p != report {
			for i, pg := range doc[:len(doc)-1] {
				if f := pdfcheck.Filled(pg, b); f < 0.6 {
					t.Errorf("%s page %d is only %.0f%% full", name, i+1, 100*f)
				}
			}
		}
		if p == report {
			last := doc[len(doc)-1]
			if len(doc)%2 != 0 {
				t.Errorf("通报: the 版记 is on page %d, an odd page", len(doc))
			}
			text := last.Text()
			for _, w := range []string{"抄送：市政府办公室，各县区人民政府办公室。", "安康市电子政务办公室2020年9月28日印发"} {
				if !strings.Contains(text, w) {
					t.Errorf("通报's last page lacks %q:\n%s", w, text)
				}
			}
		}
	}
	t.Logf("%d papers, %d pages, %d full lines", 1+len(letters), pages, full)
}
