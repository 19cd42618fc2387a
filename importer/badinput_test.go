package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

func zipOf(tb testing.TB, parts map[string][]byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for name, data := range parts {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestBadInputs: each kind of file that is not a usable workbook is rejected with its own
// message and nothing else.
func TestBadInputs(t *testing.T) {
	valid := validBook(t)
	ole := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)
	encrypted := func() []byte {
		f, err := excelize.OpenReader(bytes.NewReader(valid))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf, excelize.Options{Password: "123456"}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}()
	bomb := zipOf(t, map[string][]byte{"xl/workbook.xml": []byte("<workbook/>"), "xl/worksheets/sheet1.xml": make([]byte, 101<<20)})
	bombParts := zipOf(t, map[string][]byte{"xl/workbook.xml": []byte("<workbook/>"), "xl/worksheets/sheet1.xml": make([]byte, 40<<20),
		"xl/worksheets/sheet2.xml": make([]byte, 40<<20), "xl/worksheets/sheet3.xml": make([]byte, 40<<20)})
	huge := editBook(t, valid, func(f *excelize.File) { f.SetCellStr(xxgk.SheetForm, "H6000", "x") })
	wide := editBook(t, valid, func(f *excelize.File) { f.SetCellStr(xxgk.SheetForm, "FA10", "x") })
	cases := []struct {
		name string
		file string
		data []byte
		want string
	}{
		{"empty", "a.xlsx", nil, "文件为空（0 字节），请重新保存后再报送"},
		{"text", "a.xlsx", []byte("填报人,联系电话\n张三,0915-3201058\n"), "这是文本文件，不是 Excel 工作簿（.xlsx）。请使用下发的模板填报，不要另存为 CSV 或文本"},
		{"binary junk", "a.xlsx", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, "不是 Excel 工作簿（.xlsx），无法读取。请使用下发的模板填报并以 .xlsx 格式保存"},
		{"xls", "a.xls", ole, "这是旧版 Excel 97-2003 工作簿（.xls）或其他旧格式，无法读取。请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再报送"},
		{"xls named xlsx", "a.xlsx", ole, "这是旧版 Excel 97-2003 工作簿（.xls）或其他旧格式，无法读取。请在 Excel 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再报送"},
		{"wps et", "a.et", ole, "这是 WPS 表格专用格式（.et），无法读取。请在 WPS 中“另存为”Excel 工作簿（*.xlsx）后再报送"},
		{"encrypted", "a.xlsx", encrypted, "文件设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再报送"},
		{"truncated", "a.xlsx", valid[:len(valid)/2], "文件不完整或已损坏（可能下载、拷贝或压缩时中断），无法打开。请在 Excel 或 WPS 中重新保存后再报送"},
		{"zip bomb", "a.xlsx", bomb, "文件中的一个部件解压后超过 50 MB（可能是异常或恶意构造的文件，或表格中有大量多余的行），已拒绝读取。请检查是否报送错了文件"},
		{"zip bomb in parts", "a.xlsx", bombParts, "文件解压后超过 100 MB（可能是异常或恶意构造的文件），已拒绝读取"},
		{"word", "a.xlsx", zipOf(t, map[string][]byte{"word/document.xml": []byte("<w/>")}), "这是 Word 文档，不是 Excel 工作簿。请报送填写好的 .xlsx 模板"},
		{"ods", "a.ods", zipOf(t, map[string][]byte{"content.xml": []byte("<x/>")}), "这是 OpenDocument 文件（如 .ods），请在 LibreOffice 或 WPS 中“另存为”Excel 工作簿（*.xlsx）后再报送"},
		{"pdf", "a.pdf", []byte("%PDF-1.4\n..."), "这是 PDF 文件，不是 Excel 工作簿。请报送填写好的 .xlsx 模板"},
		{"broken workbook xml", "a.xlsx", zipOf(t, map[string][]byte{"xl/workbook.xml": []byte("<workbook><sheets><sheet name=")}), "文件已损坏或不是由表格软件保存的（内部部件 xl/workbook.xml XML 格式错误），无法读取。请在 Excel 或 WPS 中打开、另存为 .xlsx 后再报送；若无法打开，请使用下发的模板重新填写"},
		{"huge sheet", "a.xlsx", huge, "工作表超过 5000 行，第 6000 行仍有内容。模板只有 4 行指标，请删除多余内容后再报送"},
		{"wide sheet", "a.xlsx", wide, "工作表“填报表”超过 100 列有内容，不是本系统的模板格式，请使用下发的模板填报"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := readBook(t, c.file, c.data)
			if len(got.Problems) != 1 || got.Problems[0].Message != c.want || got.Problems[0].File != c.file || got.Accepted() {
				t.Errorf("got %q\nwant %q", problemLines(got.Problems), c.want)
			}
		})
	}
}

// TestReadNeverPanics: Read turns a panic into a problem for the one file.
func TestReadNeverPanics(t *testing.T) {
	r := &Reader{Rounds: panicRounds{}}
	c, err := r.Read(t.Context(), "x.xlsx", validBook(t))
	if err != nil || len(c.Problems) != 1 || !strings.HasPrefix(c.Problems[0].Message, "读取文件时发生内部错误（boom）") {
		t.Errorf("%v %q", err, problemLines(c.Problems))
	}
}

type panicRounds struct{}

func (panicRounds) Round(context.Context, string) (xxgk.Round, *xxgk.Catalog, error) {
	panic("boom")
}
