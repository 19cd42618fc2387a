package importer

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"xxgk"
)

// TestReaderQuirks reads workbooks written with the habits of real writers and hostile
// hands, and checks what is stored or exactly what is said.
func TestReaderQuirks(t *testing.T) {
	form := xxgk.SheetForm + "!"
	const corruptTail = "，无法读取。请在 Excel 或 WPS 中打开、另存为 .xlsx 后再报送；若无法打开，请使用下发的模板重新填写"
	utf16 := func(name string, data []byte) []byte {
		if !strings.HasSuffix(name, "s1.xml") {
			return data
		}
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(bytes.Replace(data, []byte(`encoding="UTF-8"`), []byte(`encoding="UTF-16"`), 1))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	onSheet := func(fn func(string) string) func(string, []byte) []byte {
		return func(name string, data []byte) []byte {
			if strings.HasSuffix(name, "s1.xml") {
				return []byte(fn(string(data)))
			}
			return data
		}
	}
	cases := []struct {
		name string
		q    quirks
		// Either the item fields that must read so (accepted, no problems) …
		remark5 string
		count5  int
		// … or the exact problems.
		problems []string
	}{
		{name: "plain inline strings", q: quirks{}, count5: 12},
		{name: "plain shared strings", q: quirks{sst: true}, count5: 12},
		{name: "workbook part found through _rels/.rels", q: quirks{dir: "book/", sst: true}, count5: 12},
		{name: "_x000D_ in a shared string", q: quirks{sst: true, text: map[string]string{form + "M5": "第一行_x000D_\n第二行"}}, remark5: "第一行\n第二行", count5: 12},
		{name: "_xHHHH_ in an inline string", q: quirks{text: map[string]string{form + "M5": "A_x000D__x000A_B_x4E00_"}}, remark5: "A\nB一", count5: 12},
		{name: "_x005F_ escapes an underscore", q: quirks{sst: true, text: map[string]string{form + "M5": "见_x005F_x000D_说明"}}, remark5: "见_x000D_说明", count5: 12},
		{name: "CR LF and lone CR folded", q: quirks{text: map[string]string{form + "M5": "一\r\n二&#13;三&#13;&#10;四"}}, remark5: "一\n二\n三\n四", count5: 12},
		{name: "empty shared-string cell <v/>", q: quirks{sst: true, cells: map[string]string{form + "M5": `<c r="M5" t="s"><v/></c>`}}, count5: 12},
		{name: "empty shared-string cell without v", q: quirks{sst: true, cells: map[string]string{form + "M5": `<c r="M5" t="s"></c>`}}, count5: 12},
		{name: "binary noise above", q: quirks{cells: map[string]string{form + "K5": `<c r="K5"><v>11.000000000000002</v></c>`}}, count5: 11},
		{name: "binary noise below", q: quirks{cells: map[string]string{form + "K5": `<c r="K5"><v>10.999999999999998</v></c>`}}, count5: 11},
		{name: "a fractional count stays an error", q: quirks{cells: map[string]string{form + "K5": `<c r="K5"><v>11.5</v></c>`}},
			problems: []string{"错误 填报表!K5 “11.5” 应为大于或等于 0 的整数"}},
		{name: "UTF-16 worksheet", q: quirks{sst: true, part: utf16}, count5: 12},
		{name: "formula error in an input column", q: quirks{cells: map[string]string{form + "I5": `<c r="I5" t="e"><f>VLOOKUP(1,A:A,2,0)</f><v>#N/A</v></c>`}},
			problems: []string{"错误 填报表!I5 “#N/A” 单元格是公式错误 #N/A，请改为实际内容"}},
		{name: "formula error in 发布信息条数", q: quirks{cells: map[string]string{form + "K6": `<c r="K6" t="e"><v>#DIV/0!</v></c>`}},
			problems: []string{"错误 填报表!K6 “#DIV/0!” 单元格是公式错误 #DIV/0!，请改为实际内容"}},
		{name: "formula error as 联系电话", q: quirks{cells: map[string]string{form + "K2": `<c r="K2" t="e"><f>A1</f><v>#REF!</v></c>`}},
			problems: []string{"错误 填报表!K2 “#REF!” 单元格是公式错误 #REF!，请改为实际内容"}},
		{name: "formula error as 填报单位", q: quirks{cells: map[string]string{form + "C2": `<c r="C2" t="e"><f>A1</f><v>#REF!</v></c>`}},
			problems: []string{"错误 填报表!C2 “#REF!” 单元格是公式错误 #REF!，请改为实际内容；“填报单位”应为“市财政局”"}},
		{name: "填报单位 formula without a cached value", q: quirks{cells: map[string]string{form + "C2": `<c r="C2" t="str"><f>"市财政局"</f></c>`}},
			problems: []string{"错误 填报表!C2 “” 公式没有计算结果，请在 Excel 或 WPS 中打开、保存后再报送；“填报单位”应为“市财政局”"}},
		{name: "formula errors as 填报人 and 联系电话", q: quirks{cells: map[string]string{
			form + "H2": `<c r="H2" t="e"><f>NA()</f><v>#N/A</v></c>`, form + "K2": `<c r="K2" t="e"><f>1/0</f><v>#DIV/0!</v></c>`}},
			problems: []string{"错误 填报表!H2 “#N/A” 单元格是公式错误 #N/A，请改为实际内容", "错误 填报表!K2 “#DIV/0!” 单元格是公式错误 #DIV/0!，请改为实际内容"}},
		{name: "escaped ESC in 填报人 is judged after decoding", q: quirks{sst: true, text: map[string]string{form + "H2": "张_x001B_[2J三"}},
			problems: []string{`错误 填报表!H2 “张\x1b[2J三” 含有不可见的控制字符（U+001B），请删除后重新输入；从其他软件复制的内容请以纯文本粘贴`}},
		{name: "escaped vertical tab in 备注 is a folded line break", q: quirks{sst: true, text: map[string]string{form + "M5": "见_x000B_附件"}},
			problems: []string{"警告 填报表!M5 “见 附件” 含有分页符、软回车等特殊换行符，已换成普通换行，请核对内容"}},
		{name: "escaped carriage returns fold before the length is counted", q: quirks{sst: true, text: map[string]string{form + "M5": strings.Repeat("备_x000D_\n", 1000)}},
			remark5: strings.TrimSpace(strings.Repeat("备\n", 1000)), count5: 12},
		{name: "formula without a cached value", q: quirks{cells: map[string]string{form + "K5": `<c r="K5"><f>10+2</f></c>`}},
			problems: []string{"错误 填报表!K5 “” 公式没有计算结果，请在 Excel 或 WPS 中打开、保存后再报送"}},
		{name: "formula with an empty cached value (openpyxl)", q: quirks{cells: map[string]string{form + "K5": `<c r="K5"><f>10+2</f><v></v></c>`}},
			problems: []string{"错误 填报表!K5 “” 公式没有计算结果，请在 Excel 或 WPS 中打开、保存后再报送"}},
		{name: "text formula whose result is empty text", q: quirks{cells: map[string]string{form + "M5": `<c r="M5" t="str"><f>""</f><v></v></c>`}}, count5: 12},
		{name: "DOCTYPE", q: quirks{part: onSheet(func(s string) string {
			return strings.Replace(s, "<worksheet", `<!DOCTYPE x [<!ENTITY a "b">]><worksheet`, 1)
		})}, problems: []string{"错误  “” 文件已损坏或不是由表格软件保存的（内部部件 xl/sheets/s1.xml 含有 DOCTYPE 声明）" + corruptTail}},
		{name: "bad cell reference", q: quirks{cells: map[string]string{form + "M5": `<c r="M0" t="inlineStr"><is><t>x</t></is></c>`}},
			problems: []string{"错误  “” 文件已损坏或不是由表格软件保存的（内部部件 xl/sheets/s1.xml 单元格引用或行号无效）" + corruptTail}},
		{name: "undefined entity", q: quirks{text: map[string]string{form + "M5": "a&foo;b"}},
			problems: []string{"错误  “” 文件已损坏或不是由表格软件保存的（内部部件 xl/sheets/s1.xml XML 格式错误）" + corruptTail}},
		{name: "reference to a forbidden character", q: quirks{text: map[string]string{form + "M5": "a&#1;b"}},
			problems: []string{"错误  “” 文件已损坏或不是由表格软件保存的（内部部件 xl/sheets/s1.xml XML 格式错误）" + corruptTail}},
		{name: "bad XML in shared strings", q: quirks{sst: true, text: map[string]string{form + "M5": "a&b"}},
			problems: []string{"错误  “” 文件已损坏或不是由表格软件保存的（内部部件 xl/sharedStrings.xml XML 格式错误）" + corruptTail}},
		{name: "bad XML in the meta sheet", q: quirks{part: func(name string, data []byte) []byte {
			if strings.HasSuffix(name, "s2.xml") {
				return bytes.Replace(data, []byte(`<t xml:space="preserve">`), []byte(`<t xml:space="preserve">&x;`), 1)
			}
			return data
		}}, problems: []string{"错误  “” 文件已损坏或不是由表格软件保存的（内部部件 xl/sheets/s2.xml XML 格式错误）" + corruptTail}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := readBook(t, "2020_市财政局.xlsx", quirkBook(t, c.q))
			if c.problems != nil {
				if lines := problemLines(got.Problems); !slices.Equal(lines, c.problems) {
					t.Fatalf("problems:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(c.problems, "\n"))
				}
				return
			}
			if !got.Accepted() || len(got.Problems) != 0 {
				t.Fatalf("not accepted: %q", problemLines(got.Problems))
			}
			it := got.Submission.Items[0]
			if it.Code != "CZ-01-1" || it.Remark != c.remark5 || it.Count != c.count5 || it.URL != "http://www.ankang.gov.cn/Node-15.html" {
				t.Fatalf("row 5 read as %+v", it)
			}
		})
	}
}

// TestPartSizeMismatch: a part whose real size differs from what the zip directory says
// was damaged or forged; the message names it.
func TestPartSizeMismatch(t *testing.T) {
	for _, delta := range []int{+10, -10} {
		good := quirkBook(t, quirks{})
		zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, f := range zr.File {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			h := &zip.FileHeader{Name: f.Name, Method: zip.Store, CRC32: crc32.ChecksumIEEE(data),
				CompressedSize64: uint64(len(data)), UncompressedSize64: uint64(len(data))}
			if strings.HasSuffix(f.Name, "s1.xml") {
				h.UncompressedSize64 = uint64(len(data) + delta)
			}
			w, err := zw.CreateRaw(h)
			if err != nil {
				t.Fatal(err)
			}
			w.Write(data)
		}
		zw.Close()
		got := readBook(t, "2020_市财政局.xlsx", buf.Bytes())
		want := []string{"错误  “” 文件已损坏或不是由表格软件保存的（内部部件 xl/sheets/s1.xml 实际大小与压缩包目录记载的不符），无法读取。请在 Excel 或 WPS 中打开、另存为 .xlsx 后再报送；若无法打开，请使用下发的模板重新填写"}
		if lines := problemLines(got.Problems); !slices.Equal(lines, want) {
			t.Errorf("size %+d: %q", delta, lines)
		}
	}
}
