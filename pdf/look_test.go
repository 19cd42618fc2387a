package pdf

import (
	"os"
	"testing"
)

// TestWriteSamples writes sample PDFs to $XXGK_PDF_SAMPLES for a person to look at.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("XXGK_PDF_SAMPLES")
	if dir == "" {
		t.Skip("set XXGK_PDF_SAMPLES=DIR to write sample PDFs")
	}
	s, cat := fixture(t, 40, 0)
	opt := Options{Fonts: testFonts(t), Date: testDate}
	write := func(name string, fn func(f *os.File) error) {
		f, err := os.Create(dir + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := fn(f); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	write("report.pdf", func(f *os.File) error { return Report(f, s, cat, opt) })
	for _, i := range []int{0, 1, 4} {
		u := s.Units[i]
		write(FeedbackFileName(s.Round, u.Unit), func(f *os.File) error { return Feedback(f, s, u, cat, opt) })
	}
}
