package importer

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/samples"
)

func firstMessage(r Result) string {
	if len(r.Problems) == 0 {
		return ""
	}
	return r.Problems[0].Message
}

// A unit that saved the template in another spreadsheet format is told to save as .xlsx,
// not quietly missed; files that are no spreadsheet at all are skipped and named.
func TestOtherSpreadsheetFormats(t *testing.T) {
	cat := testCatalog(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.xlsx"), filled(t, cat, "市财政局", samples.Good, 1))
	writeFile(t, filepath.Join(dir, "b.ods"), []byte("not really ods"))
	writeFile(t, filepath.Join(dir, "c.csv"), []byte("指标编码,是否开设栏目\nCZ-01-1,已开设\n"))
	writeFile(t, filepath.Join(dir, "d.numbers"), []byte("PK\x03\x04 numbers"))
	writeFile(t, filepath.Join(dir, "e.numbers", "Index.zip"), []byte("x")) // a Numbers package folder
	writeFile(t, filepath.Join(dir, "f.et"), []byte("wps"))
	writeFile(t, filepath.Join(dir, "g.xlsb"), zipOf(t, map[string][]byte{"xl/workbook.bin": []byte("x"), "[Content_Types].xml": []byte("<Types/>")}))
	writeFile(t, filepath.Join(dir, "说明.pdf"), []byte("%PDF-1.4"))
	writeFile(t, filepath.Join(dir, "通知.docx"), []byte("PK"))
	writeFile(t, filepath.Join(dir, "readme.txt"), []byte("hi"))
	res, tot, err := runImport(t, testOptions(t, &memSaver{}), dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"a.xlsx":    "",
		"b.ods":     "这是 OpenDocument 文件（如 .ods），请在 LibreOffice 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再报送",
		"c.csv":     "这是文本文件，不是 Excel 工作簿（.xlsx）。请使用下发的模板填报，不要另存为 CSV 或文本",
		"d.numbers": msgNumbers,
		"e.numbers": msgNumbers,
		"f.et":      "这是 WPS 表格专用格式（.et），无法读取。请在 WPS 中“另存为”Excel 工作簿（*.xlsx）后再报送",
		"g.xlsb":    "这是 Excel 二进制工作簿（.xlsb），无法读取。请在 Excel 中“另存为”Excel 工作簿（*.xlsx）后再报送",
	}
	if len(res) != len(want) {
		t.Fatalf("inputs %s, want %d", outcomes(res), len(want))
	}
	for _, r := range res {
		w, ok := want[filepath.Base(r.Name)]
		if !ok {
			t.Errorf("unexpected input %s", r.Name)
			continue
		}
		if w == "" {
			if r.Outcome != Accepted {
				t.Errorf("%s: %s %q", r.Name, r.Outcome, firstMessage(r))
			}
			continue
		}
		if r.Outcome != Rejected || firstMessage(r) != w {
			t.Errorf("%s: %s %q\nwant rejected %q", r.Name, r.Outcome, firstMessage(r), w)
		}
	}
	var skipped []string
	for _, p := range tot.Skipped {
		skipped = append(skipped, filepath.Base(p))
	}
	if got := strings.Join(skipped, " "); got != "readme.txt 说明.pdf 通知.docx" {
		t.Errorf("skipped %q", got)
	}
}

// The same file named twice, or named and inside a folder also named, is read once.
func TestSamePathTwice(t *testing.T) {
	cat := testCatalog(t)
	dir := t.TempDir()
	a := writeFile(t, filepath.Join(dir, "a.xlsx"), filled(t, cat, "市财政局", samples.Good, 1))
	writeFile(t, filepath.Join(dir, "b.xlsx"), filled(t, cat, "市卫健委", samples.Good, 2))
	m := &memSaver{}
	res, tot, err := runImport(t, testOptions(t, m), a, dir, filepath.Join(dir, ".", "a.xlsx"), dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := outcomes(res); got != "a.xlsx=accepted b.xlsx=accepted" || tot.Files != 2 {
		t.Errorf("got %s, %d files", got, tot.Files)
	}
}

// An Excel lock file named on the command line is explained, not called a broken file.
func TestExplicitLockFile(t *testing.T) {
	p := writeFile(t, filepath.Join(t.TempDir(), "~$a_市财政局.xlsx"), []byte("\x0c张三"))
	res, _, err := runImport(t, testOptions(t, &memSaver{}), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Outcome != Rejected || firstMessage(res[0]) != msgLockFile {
		t.Errorf("%+v", res)
	}
}

// The errors folder cannot be the folder imported: its copies would be read back.
func TestErrorsDirSameAsInput(t *testing.T) {
	cat := testCatalog(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.xlsx"), filled(t, cat, "市财政局", samples.Good, 1))
	opts := testOptions(t, &memSaver{})
	opts.ErrorsDir = dir
	_, _, err := runImport(t, opts, dir)
	if err == nil || !strings.Contains(err.Error(), "退回文件夹不能与导入文件夹相同") {
		t.Errorf("err %v", err)
	}
}

// Nothing found: the message names the folders as typed (no Go slice) and says the
// errors folder inside was left out and which files were skipped.
func TestNothingFoundMessage(t *testing.T) {
	cat := testCatalog(t)
	root := t.TempDir()
	e1, e2 := filepath.Join(root, "e1"), filepath.Join(root, "e2")
	writeFile(t, filepath.Join(e1, "退回", "a.xlsx"), filled(t, cat, "市财政局", samples.WithErrors, 1))
	writeFile(t, filepath.Join(e2, "说明.pdf"), []byte("%PDF"))
	opts := testOptions(t, &memSaver{})
	opts.ErrorsDir = filepath.Join(e1, "退回")
	_, _, err := runImport(t, opts, e1, e2)
	want := "在 " + e1 + "、" + e2 + " 中没有找到 Excel 工作簿（.xlsx）。其中的 " + opts.ErrorsDir +
		" 是退回文件夹（--errors-dir），里面的退回副本不会被导入。跳过了 1 个不是工作簿的文件：" + filepath.Join(e2, "说明.pdf")
	if err == nil || err.Error() != want {
		t.Errorf("err\n got %v\nwant %s", err, want)
	}
}

// A template sent back without anything filled in is neither accepted nor refused: it
// is Blank, with no problems. With only the contact filled in, the unit tried: one
// problem, not one per row.
func TestBlankTemplate(t *testing.T) {
	cat := testCatalog(t)
	c := readBook(t, "2020_市财政局.xlsx", template(t, cat, "市财政局"))
	if !c.Blank || c.Accepted() || len(c.Problems) != 0 {
		t.Errorf("blank template: blank %v, accepted %v, problems %q", c.Blank, c.Accepted(), problemLines(c.Problems))
	}
	data := editBook(t, template(t, cat, "市财政局"), func(f *excelize.File) {
		setCells(t, f, xxgk.SheetForm, map[string]any{"H2": "张三"})
	})
	c = readBook(t, "x.xlsx", data)
	got := problemLines(c.Problems)
	if c.Blank || len(got) != 1 || !strings.Contains(got[0], "这是未填写的空白模板：4 项指标都没有填写") || c.Accepted() {
		t.Errorf("only the filler filled in: blank %v, %q", c.Blank, got)
	}
	// One row filled: the ordinary per-row checks apply.
	data = editBook(t, template(t, cat, "市财政局"), func(f *excelize.File) {
		setCells(t, f, xxgk.SheetForm, map[string]any{"G5": "已开设"})
	})
	if got := problemLines(readBook(t, "x.xlsx", data).Problems); len(got) < 4 {
		t.Errorf("one row filled: %q", got)
	}
	// Filled by a script with formulas nobody calculated (openpyxl writes <f>…</f><v></v>):
	// not blank, and each formula says what to do.
	data = formulaCells(t, editBook(t, template(t, cat, "市财政局"), func(f *excelize.File) {
		setCells(t, f, xxgk.SheetForm, map[string]any{"G5": "x", "H2": "x"})
	}), "G5", "H2")
	c = readBook(t, "x.xlsx", data)
	got = problemLines(c.Problems)
	want := []string{"错误 填报表!H2 “” 公式没有计算结果，请在 Excel 或 WPS 中打开、保存后再报送", "错误 填报表!G5 “” 公式没有计算结果，请在 Excel 或 WPS 中打开、保存后再报送"}
	if c.Blank || c.Accepted() || len(got) < 2 || got[0] != want[0] || !slices.Contains(got, want[1]) {
		t.Errorf("formulas without results: blank %v, %q", c.Blank, got)
	}
}

// formulaCells rewrites the given cells of the form sheet as openpyxl writes a formula:
// <f> and an empty <v>, no cached result.
func formulaCells(tb testing.TB, data []byte, cells ...string) []byte {
	tb.Helper()
	part := formSheetPart(tb, data)
	parts := unzipParts(tb, data)
	b := parts[part]
	for _, ref := range cells {
		re := regexp.MustCompile(`<c r="` + ref + `"[^>]*?(/>|>.*?</c>)`)
		if !re.Match(b) {
			tb.Fatalf("no cell %s in %s", ref, part)
		}
		b = re.ReplaceAll(b, []byte(`<c r="`+ref+`"><f>1+1</f><v></v></c>`))
	}
	parts[part] = b
	return zipOf(tb, parts)
}

// TestImportBlankKeepsNoFile: an import skips a blank template without holding its bytes
// for a refusal it is not, while a refused file keeps them.
func TestImportBlankKeepsNoFile(t *testing.T) {
	cat := testCatalog(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a_blank.xlsx"), template(t, cat, "市财政局"))
	writeFile(t, filepath.Join(dir, "b_refused.xlsx"), filled(t, cat, "汉阴县", samples.WithErrors, 3))
	res, _, err := runImport(t, testOptions(t, &memSaver{}), dir)
	if err != nil || outcomes(res) != "a_blank.xlsx=blank b_refused.xlsx=rejected" {
		t.Fatalf("%s, %v", outcomes(res), err)
	}
	if res[0].File != nil || res[1].File == nil {
		t.Errorf("file kept: blank %d bytes, refused %d bytes", len(res[0].File), len(res[1].File))
	}
}
