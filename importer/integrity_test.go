package importer

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/templates"
)

// The meta sheet of a signed template of the test catalog: A1 format, A2 round, A3 unit,
// A4 mac (the code in B4), A5 codes, then one indicator code per row from A6.

var testKey = xxgk.TemplateKey{Secret: []byte("the integrity test's 32-byte key")}

// signedBook is validBook's content in a template signed with testKey.
func signedBook(tb testing.TB) []byte {
	tb.Helper()
	cat := testCatalog(tb)
	w := templates.NewWriter()
	w.Key = testKey.Secret
	var buf bytes.Buffer
	if err := w.Write(&buf, testRound(), cat, unit(tb, cat, "市财政局")); err != nil {
		tb.Fatal(err)
	}
	return refill(tb, buf.Bytes())
}

// refill fills the 市财政局 template as validBook does.
func refill(tb testing.TB, tpl []byte) []byte {
	tb.Helper()
	return editBook(tb, tpl, func(f *excelize.File) {
		set := map[string]any{"H2": "王芳", "K2": "0915-3201058", "L8": "已报送项目批准文件"}
		for r := 5; r <= 8; r++ {
			row := itoa(r)
			set["G"+row], set["H"+row], set["I"+row] = "已开设", "预决算公开", "http://www.ankang.gov.cn/Node-1"+row+".html"
			set["J"+row], set["K"+row] = 44089.0, 12
		}
		setCells(tb, f, xxgk.SheetForm, set)
	})
}

// keyedRead reads with testKey; older says round 2020 was recorded before the key.
func keyedRead(tb testing.TB, data []byte, older bool) Checked {
	tb.Helper()
	k := testKey
	if older {
		k.Older = []string{"2019", testRound().ID}
	}
	rd := &Reader{Rounds: &fakeRounds{round: testRound(), cat: testCatalog(tb)}, Now: func() time.Time { return testNow }, Key: k}
	c, err := rd.Read(context.Background(), "2020_市财政局.xlsx", data)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

const tampered = "错误  “” " + xxgk.MetaTampered

const unsignedWarning = "警告  “” 此模板由旧版本程序生成，没有防篡改校验码，无法确认隐藏信息未被改动；以后请使用新生成的模板"

func TestIntegrityCode(t *testing.T) {
	const before, after = true, false // round 2020 recorded before or after the key
	meta := func(cells map[string]any) func(f *excelize.File) {
		return func(f *excelize.File) { setCells(t, f, xxgk.SheetMeta, cells) }
	}
	cases := []struct {
		name  string
		data  func() []byte
		older bool
		want  []string
	}{
		{"signed", func() []byte { return signedBook(t) }, after, nil},
		{"another unit", func() []byte { return editBook(t, signedBook(t), meta(map[string]any{"B3": "WJW"})) }, after, []string{tampered}},
		{"another round", func() []byte { return editBook(t, signedBook(t), meta(map[string]any{"B2": "2019"})) }, after, []string{tampered}},
		{"an indicator swapped", func() []byte { return editBook(t, signedBook(t), meta(map[string]any{"A7": "JY-01-1"})) }, after, []string{tampered}},
		{"an indicator dropped", func() []byte {
			return editBook(t, signedBook(t), meta(map[string]any{"B6": "3", "A10": nil}))
		}, after, []string{tampered}},
		{"code removed from a new round's template", func() []byte {
			return editBook(t, signedBook(t), meta(map[string]any{"A4": nil, "B4": nil}))
		}, after, []string{tampered}},
		{"code removed from an old round's template", func() []byte {
			return editBook(t, signedBook(t), meta(map[string]any{"B4": nil}))
		}, before, []string{unsignedWarning}},
		{"template from before codes", func() []byte { return validBook(t) }, before, []string{unsignedWarning}},
		{"template from before codes, in a new round", func() []byte { return validBook(t) }, after, []string{tampered}},
		// Values only: a program that makes the sheet visible, retypes "2020" as a number
		// and writes every text inline changes nothing that counts.
		{"meta rewritten as values", func() []byte {
			return editBook(t, signedBook(t), func(f *excelize.File) {
				code, _ := f.GetCellValue(xxgk.SheetMeta, "B4")
				f.SetSheetVisible(xxgk.SheetMeta, true)
				f.SetCellInt(xxgk.SheetMeta, "B2", 2020)
				f.SetCellRichText(xxgk.SheetMeta, "B4", []excelize.RichTextRun{{Text: code[:10]}, {Text: code[10:]}})
				f.SetCellStyle(xxgk.SheetMeta, "A1", "B9", 0)
			})
		}, after, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := keyedRead(t, c.data(), c.older)
			if lines := problemLines(got.Problems); !slices.Equal(lines, c.want) {
				t.Errorf("got %q\nwant %q", lines, c.want)
			}
			if accepted := !slices.Contains(c.want, tampered); got.Accepted() != accepted {
				t.Errorf("accepted = %v, want %v", got.Accepted(), accepted)
			}
		})
	}
	// Another database's key: its templates are not this office's.
	other := testKey
	other.Secret = []byte("another database's 32-byte key!!")
	rd := &Reader{Rounds: &fakeRounds{round: testRound(), cat: testCatalog(t)}, Now: func() time.Time { return testNow }, Key: other}
	if c, err := rd.Read(context.Background(), "x.xlsx", signedBook(t)); err != nil || c.Accepted() || c.OtherDatabase != "2020" {
		t.Errorf("accepted under another key, or not told another database's: %q, %q, %v", problemLines(c.Problems), c.OtherDatabase, err)
	}
	// A key id edited by hand: turned away as another database's, never accepted.
	forged := editBook(t, signedBook(t), meta(map[string]any{"B5": "k1-0000000000000000"}))
	if c := keyedRead(t, forged, after); c.Accepted() || c.OtherDatabase != "2020" {
		t.Errorf("edited key id: %q", problemLines(c.Problems))
	}
}

// TestIntegrityCodeSurvivesSaves: the code is read back after LibreOffice and openpyxl
// (an Excel-like rewriter that drops everything it does not model) save the workbook, and
// an edit made in LibreOffice's saved copy is still caught.
func TestIntegrityCodeSurvivesSaves(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice not found; CI must install libreoffice-calc")
		}
		t.Skip("soffice not found: install libreoffice-calc to run the round trip")
	}
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "in", "signed.xlsx"), signedBook(t))
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "out")
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "lo-profile"), "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved, err := os.ReadFile(filepath.Join(out, "signed.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	const after = false
	if c := keyedRead(t, saved, after); !c.Accepted() || len(c.Problems) != 0 {
		t.Errorf("after LibreOffice: %q", problemLines(c.Problems))
	}
	forged := editBook(t, saved, func(f *excelize.File) { setCells(t, f, xxgk.SheetMeta, map[string]any{"B3": "WJW"}) })
	if got := problemLines(keyedRead(t, forged, after).Problems); !slices.Equal(got, []string{tampered}) {
		t.Errorf("forged after LibreOffice: %q", got)
	}

	py := `import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
wb.save(sys.argv[2])`
	viaPy := filepath.Join(dir, "openpyxl.xlsx")
	if b, err := exec.CommandContext(ctx, "/usr/bin/python3", "-c", py, in, viaPy).CombinedOutput(); err != nil {
		t.Skipf("openpyxl unavailable: %v\n%s", err, b)
	}
	data, err := os.ReadFile(viaPy)
	if err != nil {
		t.Fatal(err)
	}
	if c := keyedRead(t, data, after); !c.Accepted() || len(c.Problems) != 0 {
		t.Errorf("after openpyxl: %q", problemLines(c.Problems))
	}
}
