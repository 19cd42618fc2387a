package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"xxgk/fonts"
)

// TestConcurrentFreshFonts writes reports and feedback at the same time from a font set
// no document has used yet, so the faces' outlines are parsed (once) while documents
// race for them. Run with -race. Every PDF must read back as the one written alone, and
// the shared font bytes must come out untouched: gofpdf pads tables in place, and only
// the per-document cuts may take that.
func TestConcurrentFreshFonts(t *testing.T) {
	testFonts(t) // skips (or fails in CI) without the Chinese font
	face, err := fonts.ReadFace(wqyPath)
	if err != nil {
		t.Fatal(err)
	}
	before := bytes.Clone(face.Data)
	set, err := fonts.Single(face)
	if err != nil {
		t.Fatal(err)
	}
	s, cat := fixture(t, 12, 0)
	opt := Options{Fonts: set, Date: testDate}
	dir := t.TempDir()
	write := func(i int, suffix string) (string, error) {
		path := filepath.Join(dir, fmt.Sprintf("%d%s.pdf", i, suffix))
		f, err := os.Create(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		if i == len(s.Units) {
			return path, Report(f, s, cat, opt)
		}
		return path, Feedback(f, s, s.Units[i], cat, opt)
	}
	n := len(s.Units) + 1 // every unit's feedback and the report
	paths := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			paths[i], errs[i] = write(i, "a")
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		alone, err := write(i, "b")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := poppler(t, "pdftotext", "-raw", paths[i], "-"), poppler(t, "pdftotext", "-raw", alone, "-"); got != want {
			t.Errorf("document %d: text differs when written concurrently", i)
		}
		a, _ := os.ReadFile(paths[i])
		b, _ := os.ReadFile(alone)
		if !bytes.Equal(a, b) {
			t.Errorf("document %d: bytes differ when written concurrently", i)
		}
	}
	if !bytes.Equal(before, face.Data) {
		t.Error("writing PDFs changed the shared font bytes")
	}
}
