package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"xxgk/samples"
)

func TestCopyFileName(t *testing.T) {
	long := strings.Repeat("安康市各县区政府网站重点领域信息公开栏目建设情况", 10)
	for in, want := range map[string]string{
		"报送_汉阴县.xlsx":            "报送_汉阴县.xlsx",
		"a/b\\c.xlsx":            "a_b_c.xlsx",
		"x\x1b[2J\u202Eslx.xlsx": "x_[2J_slx.xlsx",
		"CON.xlsx":               "_CON.xlsx",
		long + ".xlsx":           "",
		long + "甲.xlsx":          "",
		"包_" + long + "/" + long: "",
	} {
		got := copyFileName(in)
		if want != "" && got != want {
			t.Errorf("copyFileName(%q) = %q, want %q", in, got, want)
		}
		if utf8.RuneCountInString(got) > copyNameMaxRunes || len(got) > copyNameMaxBytes || strings.ContainsAny(got, "/\\\x1b") {
			t.Errorf("copyFileName(%q) = %q: too long or unsafe", in, got)
		}
	}
	a, b := copyFileName(long+".xlsx"), copyFileName(long+"甲.xlsx")
	if a == b || !strings.HasSuffix(a, ".xlsx") || !strings.HasPrefix(a, "安康市") {
		t.Errorf("long names: %q and %q", a, b)
	}
}

// TestLongZipEntryCopy: an archive whose entries have very long and odd names still gets
// one annotated copy per rejected entry, with a short, safe name.
func TestLongZipEntryCopy(t *testing.T) {
	cat := testCatalog(t)
	long := strings.Repeat("各县区政府网站重点领域信息公开栏目", 12)
	book := filled(t, cat, "汉阴县", samples.WithErrors, 3)
	archive := zipOf(t, map[string][]byte{
		long + "/" + long + "/汉阴县.xlsx":    book,
		long + "/" + long + "/汉阴县(2).xlsx": book,
		"odd/\x1b[2J\u202E汉阴县.xlsx":        book,
	})
	dir := t.TempDir()
	opts := testOptions(t, &memSaver{})
	opts.ErrorsDir = filepath.Join(dir, "退回")
	res, _, err := runImport(t, opts, writeFile(t, filepath.Join(dir, long[:60]+".zip"), archive))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range res {
		if r.ErrorCopy == "" {
			t.Fatalf("%s: no copy: %s", r.Name, r.NoCopy)
		}
		base := filepath.Base(r.ErrorCopy)
		if seen[base] || strings.ContainsAny(base, "\x1b\u202E") || len(base) > copyNameMaxBytes {
			t.Errorf("copy name %q", base)
		}
		seen[base] = true
		if _, err := os.Stat(r.ErrorCopy); err != nil {
			t.Error(err)
		}
	}
	if len(seen) != 3 {
		t.Errorf("%d copies", len(seen))
	}
}
