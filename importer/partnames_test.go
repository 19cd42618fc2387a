package importer

import (
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// TestPartNamesDifferingInCase: two zip entries naming one part (OPC names compare
// case-insensitively) make the file say two things at once; which one a program reads
// is up to the program, so the file is refused as damaged, naming both entries.
func TestPartNamesDifferingInCase(t *testing.T) {
	parts := unzipParts(t, validBook(t))
	sheet, ok := parts["xl/worksheets/sheet1.xml"]
	if !ok {
		t.Fatal("test template has no xl/worksheets/sheet1.xml")
	}
	parts["xl/worksheets/Sheet1.xml"] = sheet
	got := readBook(t, "a.xlsx", zipOf(t, parts))
	if len(got.Problems) != 1 || got.Accepted() {
		t.Fatalf("got %q, want one refusal", problemLines(got.Problems))
	}
	msg := got.Problems[0].Message
	for _, want := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/Sheet1.xml", "重名", "文件已损坏"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}

// TestSheetWithoutRelationship: a sheet whose r:id is empty or names no relationship has
// no part. It is never read from the part at its position (that may be another sheet's):
// 填报表 or the meta sheet so listed refuse the file; another sheet is simply missing.
func TestSheetWithoutRelationship(t *testing.T) {
	valid := validBook(t)
	unlink := func(sheet, id string) []byte {
		t.Helper()
		parts := unzipParts(t, valid)
		re := regexp.MustCompile(`(<sheet [^>]*name="` + regexp.QuoteMeta(sheet) + `"[^>]*r:id=")[^"]*(")`)
		wb := string(parts["xl/workbook.xml"])
		if !re.MatchString(wb) {
			t.Fatalf("sheet %s not found in xl/workbook.xml: %s", sheet, wb)
		}
		parts["xl/workbook.xml"] = []byte(re.ReplaceAllString(wb, "${1}"+id+"${2}"))
		return zipOf(t, parts)
	}
	refusal := func(name string) string {
		return "文件已损坏：工作簿中列有工作表“" + name + "”，但找不到它的内容（xl/workbook.xml 中该表的关系编号为空或无效），无法读取。请在 Excel 或 WPS 中打开、另存为 .xlsx 后再报送；若无法打开，请使用下发的模板重新填写"
	}
	for _, c := range []struct {
		name, sheet, id, want string
	}{
		{"form, empty id", xxgk.SheetForm, "", refusal(xxgk.SheetForm)},
		{"form, unknown id", xxgk.SheetForm, "rId99", refusal(xxgk.SheetForm)},
		{"meta, empty id", xxgk.SheetMeta, "", refusal(xxgk.SheetMeta)},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := readBook(t, "a.xlsx", unlink(c.sheet, c.id))
			if len(got.Problems) != 1 || got.Problems[0].Message != c.want || got.Accepted() {
				t.Errorf("got %q\nwant %q", problemLines(got.Problems), c.want)
			}
		})
	}
	t.Run("guide, empty id", func(t *testing.T) {
		got := readBook(t, "a.xlsx", unlink(xxgk.SheetGuide, ""))
		if !got.Accepted() {
			t.Errorf("a workbook missing only its 填报说明 sheet is refused: %q", problemLines(got.Problems))
		}
	})
}

// TestTinyCountIsNotZero: a typed 1E-10 in 发布信息条数 is a fraction, refused, not read
// as 0 by the whole-number rule (which forgives binary noise around non-zero integers).
func TestTinyCountIsNotZero(t *testing.T) {
	for _, v := range []any{1e-10, "1E-10"} {
		data := editBook(t, validBook(t), func(f *excelize.File) {
			setCells(t, f, xxgk.SheetForm, map[string]any{"K5": v})
		})
		got := readBook(t, "a.xlsx", data)
		if got.Accepted() || !strings.Contains(strings.Join(problemLines(got.Problems), "\n"), "K5") {
			t.Errorf("count %v: got %q, want a refusal at K5", v, problemLines(got.Problems))
		}
	}
	data := editBook(t, validBook(t), func(f *excelize.File) {
		setCells(t, f, xxgk.SheetForm, map[string]any{"K5": 12.000000000000002})
	})
	if got := readBook(t, "a.xlsx", data); !got.Accepted() {
		t.Errorf("binary noise around 12 refused: %q", problemLines(got.Problems))
	}
}
