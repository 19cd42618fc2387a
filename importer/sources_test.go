package importer

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"xxgk"
	"xxgk/samples"
)

// TestImportZipGBK reads an archive made on Chinese Windows: GBK names without the UTF-8
// flag, in nested folders, next to a UTF-8 flagged entry.
func TestImportZipGBK(t *testing.T) {
	cat := testCatalog(t)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	enc := simplifiedchinese.GBK.NewEncoder()
	add := func(name string, gbk bool, data []byte) {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate}
		if gbk {
			n, err := enc.String(name)
			if err != nil {
				t.Fatal(err)
			}
			h.Name, h.NonUTF8 = n, true
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	add("报送/汉滨区/2020_汉滨区_填报表.xlsx", true, filled(t, cat, "汉滨区", samples.Good, 1))
	add("报送/市财政局.xlsx", false, filled(t, cat, "市财政局", samples.Good, 2))
	add("报送/说明.docx", true, []byte("x"))
	add("__MACOSX/._市财政局.xlsx", false, []byte("x"))
	add("报送/汉阴县坏.xlsx", true, filled(t, cat, "汉阴县", samples.WithErrors, 3))
	zw.Close()
	dir := t.TempDir()
	zp := writeFile(t, filepath.Join(dir, "各单位报送.zip"), buf.Bytes())
	errs := filepath.Join(dir, "退回")
	opts := testOptions(t, &memSaver{})
	opts.ErrorsDir = errs
	res, tot, err := runImport(t, opts, zp)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range res {
		names = append(names, strings.TrimPrefix(r.Name, filepath.ToSlash(dir)+"/")+"="+r.Outcome.String())
	}
	want := "各单位报送.zip/报送/市财政局.xlsx=accepted 各单位报送.zip/报送/汉滨区/2020_汉滨区_填报表.xlsx=accepted 各单位报送.zip/报送/汉阴县坏.xlsx=rejected"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("zip entries\n got %s\nwant %s", got, want)
	}
	if len(tot.Skipped) != 1 {
		t.Errorf("skipped %v", tot.Skipped)
	}
	if got := filepath.Base(res[2].ErrorCopy); got != "各单位报送_报送_汉阴县坏.xlsx" {
		t.Errorf("copy name %q", got)
	}
}

func TestErrorsDir(t *testing.T) {
	cat := testCatalog(t)
	dir := t.TempDir()
	orig := filled(t, cat, "市财政局", samples.WithErrors, 1)
	p := writeFile(t, filepath.Join(dir, "in", "2020_市财政局.xlsx"), orig)
	writeFile(t, filepath.Join(dir, "in", "junk.xlsx"), []byte("hello, not a workbook"))
	before := sha256.Sum256(orig)
	opts := testOptions(t, &memSaver{})
	opts.ErrorsDir = filepath.Join(dir, "退回")
	res, _, err := runImport(t, opts, filepath.Join(dir, "in"))
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(p)
	if sha256.Sum256(after) != before {
		t.Fatal("the original file was modified")
	}
	if res[1].ErrorCopy != "" || res[1].NoCopy != "文件未能作为工作簿读取（原因见上），未生成批注副本" {
		t.Errorf("junk: %+v", res[1])
	}
	r := res[0]
	if r.ErrorCopy != filepath.Join(opts.ErrorsDir, "2020_市财政局.xlsx") {
		t.Fatalf("copy at %q (%s)", r.ErrorCopy, r.NoCopy)
	}
	f, err := excelize.OpenFile(r.ErrorCopy)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); sheets[0] != SheetProblems || f.GetActiveSheetIndex() != 0 {
		t.Errorf("sheets %v active %d", sheets, f.GetActiveSheetIndex())
	}
	rows, _ := f.GetRows(SheetProblems)
	if len(rows) != 3+len(r.Problems) || !strings.HasPrefix(rows[0][0], "本文件有 5 个错误、0 个警告") {
		t.Errorf("problem sheet rows %d: %v", len(rows), rows[0])
	}
	if got := strings.Join(rows[3], "|"); got != "1|错误|填报表!K2|||未填写联系电话" {
		t.Errorf("first listed problem %q", got)
	}
	comments, _ := f.GetComments(xxgk.SheetForm)
	byCell := map[string]string{}
	for _, c := range comments {
		byCell[c.Cell] = c.Text
		for _, p := range c.Paragraph {
			byCell[c.Cell] += p.Text
		}
	}
	for _, p := range r.Problems {
		if !strings.Contains(byCell[p.Cell], p.Message) {
			t.Errorf("no comment on %s for %q (have %q)", p.Cell, p.Message, byCell[p.Cell])
		}
		id, _ := f.GetCellStyle(xxgk.SheetForm, p.Cell)
		st, _ := f.GetStyle(id)
		if len(st.Fill.Color) == 0 || st.Fill.Color[0] != fillError {
			t.Errorf("%s not filled red: %+v", p.Cell, st.Fill)
		}
	}
	// The copy, imported, is rejected with the same problems: nothing was lost.
	again := readBook(t, "copy.xlsx", mustRead(t, r.ErrorCopy))
	if len(again.Problems) != len(r.Problems) {
		t.Errorf("copy re-read: %d problems, want %d", len(again.Problems), len(r.Problems))
	}
}

func mustRead(tb testing.TB, p string) []byte {
	tb.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestErrorsDirInsideInput: copies written into a folder under the input are not read
// back as inputs on the next run, and a rerun refreshes them under the same names.
func TestErrorsDirInsideInput(t *testing.T) {
	cat := testCatalog(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.xlsx"), filled(t, cat, "市财政局", samples.WithErrors, 1))
	writeFile(t, filepath.Join(dir, "b", "a.xlsx"), filled(t, cat, "市卫健委", samples.WithErrors, 2))
	opts := testOptions(t, &memSaver{})
	opts.ErrorsDir = filepath.Join(dir, "退回")
	for run := range 2 {
		res, tot, err := runImport(t, opts, dir)
		if err != nil || tot.Files != 2 {
			t.Fatalf("run %d: %v %+v", run, err, tot)
		}
		if a, b := filepath.Base(res[0].ErrorCopy), filepath.Base(res[1].ErrorCopy); a != "a.xlsx" || b != "a(2).xlsx" {
			t.Errorf("run %d: copies %s %s", run, a, b)
		}
	}
	es, _ := os.ReadDir(opts.ErrorsDir)
	if len(es) != 2 {
		t.Errorf("%d files in the errors dir", len(es))
	}
}
