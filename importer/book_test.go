package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// scriptBook writes a workbook the way a script or the OpenXML SDK might: prefixed
// namespaces, inline strings, no r attributes on cells, no styles, no shared strings.
func scriptBook(tb testing.TB, sheets []string, hidden map[string]bool, cells map[string][][]string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write([]byte(body))
	}
	var wb, rels strings.Builder
	wb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets>`)
	rels.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, name := range sheets {
		state := ""
		if hidden[name] {
			state = ` state='veryHidden'`
		}
		fmt.Fprintf(&wb, `<x:sheet name="%s" sheetId="%d"%s r:id="R%d"/>`, html.EscapeString(name), i+1, state, i)
		fmt.Fprintf(&rels, `<Relationship Id="R%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s%d.xml"/>`, i, i)
		var sh strings.Builder
		sh.WriteString(`<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>`)
		for _, row := range cells[name] {
			sh.WriteString("<x:row>")
			for _, v := range row {
				if v == "" {
					sh.WriteString(`<x:c/>`)
					continue
				}
				if _, err := strconv.ParseFloat(v, 64); err == nil {
					fmt.Fprintf(&sh, `<x:c><x:v>%s</x:v></x:c>`, v) // a number, as the other program wrote it
					continue
				}
				fmt.Fprintf(&sh, `<x:c t="inlineStr"><x:is><x:t xml:space="preserve">%s</x:t></x:is></x:c>`, html.EscapeString(v))
			}
			sh.WriteString("</x:row>")
		}
		sh.WriteString(`</x:sheetData></x:worksheet>`)
		put(fmt.Sprintf("xl/worksheets/s%d.xml", i), sh.String())
	}
	wb.WriteString(`</x:sheets></x:workbook>`)
	rels.WriteString(`</Relationships>`)
	put("xl/workbook.xml", wb.String())
	put("xl/_rels/workbook.xml.rels", rels.String())
	put("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// TestScriptWrittenWorkbook: the same cells written by a different program read the same.
func TestScriptWrittenWorkbook(t *testing.T) {
	valid := validBook(t)
	f, err := excelize.OpenReader(bytes.NewReader(valid))
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string][][]string{}
	for _, s := range []string{xxgk.SheetForm, xxgk.SheetMeta} {
		cells[s], _ = f.GetRows(s, excelize.Options{RawCellValue: true})
	}
	f.Close()
	data := scriptBook(t, []string{xxgk.SheetForm, xxgk.SheetMeta}, map[string]bool{xxgk.SheetMeta: true}, cells)
	a, b := readBook(t, "a.xlsx", valid), readBook(t, "b.xlsx", data)
	if !b.Accepted() || len(b.Problems) != 0 {
		t.Fatalf("script workbook: %q", problemLines(b.Problems))
	}
	for i := range a.Submission.Items {
		if !sameItem(a.Submission.Items[i], b.Submission.Items[i]) {
			t.Errorf("item %d: %+v vs %+v", i, a.Submission.Items[i], b.Submission.Items[i])
		}
	}
}

func TestBookCells(t *testing.T) {
	sheet := `<?xml version="1.0"?><!-- written by hand --><worksheet><sheetData>
<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c t="b"><v>1</v></c><c r="F2"><f>1+1</f><v>2</v></c></row>
<row><c t="inlineStr"><is><r><t>A&amp;B</t></r><r><t xml:space="preserve"> &#x4E00;&#19968;</t></r></is></c><c t="str"><v><![CDATA[<x>]]></v></c><c t="e"><v>#N/A</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`
	sst := `<sst><si><t>填报人</t></si><si><r><t>张</t></r><r><t>三</t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh></si></sst>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range map[string]string{
		"xl/workbook.xml":            `<workbook><workbookPr date1904="true"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="x/worksheet"/><Relationship Id="rId2" Target="sharedStrings.xml" Type="x/sharedStrings"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   sheet,
		"xl/sharedStrings.xml":       sst,
	} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	b, err := openBook(zr, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if !b.date1904 {
		t.Error("date1904 not read")
	}
	ref, _ := b.sheet("S")
	g, err := b.grid(ref, 100, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"B2": "填报人", "C2": "张三", "D2": "TRUE", "F2": "2", "A3": "A&B 一一", "B3": "<x>", "C3": "#N/A", "A1": ""}
	for ref, v := range want {
		c, r, _ := splitRef(ref)
		if got := g.cell(r-1, c); got != v {
			t.Errorf("%s = %q, want %q", ref, got, v)
		}
	}
	if _, err := b.grid(ref, 100, 3); err != errTooWide {
		t.Errorf("narrow read: %v", err)
	}
	if g, _ := b.grid(ref, 2, 10); g.beyond != 3 {
		t.Errorf("beyond = %d", g.beyond)
	}
}
