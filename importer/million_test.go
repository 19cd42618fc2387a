package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// millionRows writes the valid 市财政局 workbook with n more rows appended to its form
// sheet, one number each, as a runaway fill-down or a pasted export makes: a few MB
// zipped, tens of MB unzipped. seed varies the content so that files differ.
func millionRows(tb testing.TB, w io.Writer, n, seed int) {
	tb.Helper()
	valid := validBook(tb)
	zr, err := zip.NewReader(bytes.NewReader(valid), int64(len(valid)))
	if err != nil {
		tb.Fatal(err)
	}
	formPart := formSheetPart(tb, valid)
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		out, err := zw.Create(f.Name)
		if err != nil {
			tb.Fatal(err)
		}
		if f.Name != formPart {
			out.Write(data)
			continue
		}
		end := bytes.Index(data, []byte("</sheetData>"))
		if end < 0 {
			tb.Fatal("no </sheetData> in the form sheet")
		}
		out.Write(data[:end])
		var row strings.Builder
		for r := 10; r < 10+n; r++ {
			row.Reset()
			fmt.Fprintf(&row, `<row r="%d"><c><v>%d</v></c></row>`, r, r*7+seed)
			io.WriteString(out, row.String())
		}
		out.Write(data[end:])
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
}

// formSheetPart is the zip entry of 填报表.
func formSheetPart(tb testing.TB, data []byte) string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	b, err := openBook(zr, DefaultLimits())
	if err != nil {
		tb.Fatal(err)
	}
	ref, ok := b.sheet(xxgk.SheetForm)
	if !ok {
		tb.Fatalf("no sheet %s", xxgk.SheetForm)
	}
	return b.files[ref.path].Name
}

// millionFiles writes k files of a million rows into a cached folder.
func millionFiles(tb testing.TB, k int) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("xxgk-million-%d", k))
	if es, err := os.ReadDir(dir); err == nil && len(es) == k {
		return dir
	}
	os.RemoveAll(dir)
	os.MkdirAll(dir, 0o755)
	for i := range k {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("2020_市财政局_%d.xlsx", i)))
		if err != nil {
			tb.Fatal(err)
		}
		millionRows(tb, f, 1_000_000, i)
		if err := f.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// TestOversizeCopy: a file far past the reader's limits gets a short annotated copy, the
// problem list alone with the reason, decided before any copy is built.
func TestOversizeCopy(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a million-row workbook")
	}
	dir := millionFiles(t, 1)
	opts := testOptions(t, &memSaver{})
	opts.ErrorsDir = filepath.Join(t.TempDir(), "退回")
	res, _, err := runImport(t, opts, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Outcome != Rejected || res[0].ErrorCopy == "" {
		t.Fatalf("results %+v", res)
	}
	if fi, _ := os.Stat(filepath.Join(dir, "2020_市财政局_0.xlsx")); fi.Size() < 2<<20 {
		t.Errorf("the test file is only %d bytes", fi.Size())
	}
	f, err := excelize.OpenFile(res[0].ErrorCopy)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != SheetProblems {
		t.Fatalf("short copy sheets %v", got)
	}
	rows, err := f.GetRows(SheetProblems)
	if err != nil {
		t.Fatal(err)
	}
	text := fmt.Sprint(rows)
	for _, want := range []string{"本副本只列出问题，未附原表格：原文件解压后", "超过可批注的 4 MB。请在原文件中删除多余内容后重新报送", "工作表超过 5000 行，第 5001 行仍有内容"} {
		if !strings.Contains(text, want) {
			t.Errorf("problem list lacks %q:\n%s", want, text)
		}
	}
}
