package importer

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"xxgk"
	"xxgk/samples"
)

// TestLibreOfficeRoundTrip fills templates, has LibreOffice open and save them as .xlsx
// (it rewrites every part: styles, shared strings, sheet XML, the hidden sheet), and
// expects the import to read exactly the same submission from both files.
func TestLibreOfficeRoundTrip(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice not found; CI must install libreoffice-calc")
		}
		t.Skip("soffice not found: install libreoffice-calc to run the round trip")
	}
	cat := testCatalog(t)
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	os.MkdirAll(in, 0o755)
	books := map[string][]byte{
		"good.xlsx":      filled(t, cat, "市卫健委", samples.Good, 5),
		"textdates.xlsx": filled(t, cat, "市财政局", samples.TextDates, 6),
		"warnings.xlsx":  filled(t, cat, "汉滨区", samples.WithWarnings, 7),
		"errors.xlsx":    filled(t, cat, "汉阴县", samples.WithErrors, 8),
	}
	var args []string
	for name, data := range books {
		args = append(args, writeFile(t, filepath.Join(in, name), data))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	profile := "file://" + filepath.Join(dir, "lo-profile") // never share a profile with a running LibreOffice
	cmd := exec.CommandContext(ctx, soffice, append([]string{"-env:UserInstallation=" + profile, "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out}, args...)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	for name, orig := range books {
		saved, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatalf("%s: LibreOffice wrote nothing: %v", name, err)
		}
		if string(saved) == string(orig) {
			t.Fatalf("%s: not rewritten", name)
		}
		a, b := readBook(t, name, orig), readBook(t, name, saved)
		if a.Accepted() != b.Accepted() || len(a.Problems) != len(b.Problems) {
			t.Errorf("%s: before %q\nafter %q", name, problemLines(a.Problems), problemLines(b.Problems))
			continue
		}
		for i := range a.Problems {
			if a.Problems[i] != b.Problems[i] {
				t.Errorf("%s: problem %d\nbefore %+v\nafter  %+v", name, i, a.Problems[i], b.Problems[i])
			}
		}
		if a.Submission == nil || b.Submission == nil {
			t.Fatalf("%s: not identified after the round trip", name)
		}
		sa, sb := a.Submission, b.Submission
		if sa.Filler != sb.Filler || sa.Phone != sb.Phone || len(sa.Items) != len(sb.Items) {
			t.Fatalf("%s: header %+v vs %+v", name, sa, sb)
		}
		for i := range sa.Items {
			if !sameItem(sa.Items[i], sb.Items[i]) {
				t.Errorf("%s item %d\nbefore %+v\nafter  %+v", name, i, sa.Items[i], sb.Items[i])
			}
		}
	}
}

func sameItem(a, b xxgk.Item) bool {
	return a.Code == b.Code && a.Status == b.Status && a.ColumnName == b.ColumnName && a.URL == b.URL &&
		a.LastUpdate.Equal(b.LastUpdate) && a.Count == b.Count && a.Reported == b.Reported && a.Remark == b.Remark
}
