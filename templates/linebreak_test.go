package templates

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"xxgk"
)

// TestLibreOfficeLineBreaks prints real templates (a county with all 44 indicators, two
// departments) through LibreOffice, whose cell wrapping ignores 避头点, and reads the
// pages back: no line of the guide, the legend or a description starts with closing
// punctuation or ends with opening punctuation, and every header is printed whole
// (是否开设栏目, never 是否开设栏 / 目).
func TestLibreOfficeLineBreaks(t *testing.T) {
	needTool(t, "soffice")
	pdftotext := needTool(t, "pdftotext")
	cat := realCatalog(t)
	r := testRound()
	for _, name := range []string{"汉滨区", "市财政局", "市卫健委"} {
		t.Run(name, func(t *testing.T) {
			u := unit(t, cat, name)
			in := filepath.Join(t.TempDir(), FileName(r, u))
			if err := os.WriteFile(in, generate(t, r, cat, u), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdftotext, "-layout", soffice(t, in, "pdf"), "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			lines := strings.Split(string(out), "\n")
			bad := badBreaks(lines)
			for _, b := range bad {
				t.Errorf("%s: %s", name, b)
			}
			fields := map[string]bool{}
			for _, l := range lines {
				for _, f := range strings.Fields(l) {
					fields[f] = true
				}
			}
			for _, h := range xxgk.FormColumns {
				if !fields[h] {
					t.Errorf("%s: header %q is not printed whole on one line", name, h)
				}
			}
			if !fields[xxgk.FormColumns[xxgk.ColReported]] || len(lines) < 100 {
				t.Fatalf("%s: %d lines of text; the PDF looks empty", name, len(lines))
			}
		})
	}
}

// badBreaks lists the printed lines where a cell's line starts with closing or ends
// with opening punctuation. pdftotext -layout sets the table's cells side by side, so
// each run of text between spaces is checked.
func badBreaks(lines []string) []string {
	var bad []string
	for i, l := range lines {
		for _, f := range strings.Fields(l) {
			first, n := utf8.DecodeRuneInString(f)
			last, _ := utf8.DecodeLastRuneInString(f)
			next, _ := utf8.DecodeRuneInString(f[n:])
			// a Latin word after a space may start with a dot: “.xls”
			word := first < utf8.RuneSelf && next < utf8.RuneSelf && (unicode.IsLetter(next) || unicode.IsDigit(next))
			switch {
			case strings.ContainsRune(xxgk.NoLineStart, first) && !word:
				bad = append(bad, "line "+itoa(i+1)+" starts with "+string(first)+": "+strings.TrimSpace(l))
			case strings.ContainsRune(xxgk.NoLineEnd, last):
				bad = append(bad, "line "+itoa(i+1)+" ends with "+string(last)+": "+strings.TrimSpace(l))
			}
		}
	}
	return bad
}

// TestBadBreaks: the check finds a stray 、 or （ at either side of a cell's line.
func TestBadBreaks(t *testing.T) {
	got := badBreaks([]string{
		"  12  ZDXM-02-1  项目建议书审批结果  初步设计",
		"                 、项目概况与招标范围",
		"  审批结果（  方案、洪水 、洪水影响",
		"  .et 格式；  “六稳”“六保”  4.",
	})
	if len(got) != 3 {
		t.Errorf("badBreaks found %d, want 3: %q", len(got), got)
	}
}
