package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"xxgk"
	"xxgk/samples"
)

// The corpus and the fuzz target of the differential test (differential_test.go).

// differentialCorpus is every workbook variant the tests' writers produce that a unit
// could send: templates, each filling profile, hand-written packages with quirks.
func differentialCorpus(tb testing.TB) map[string][]byte {
	tb.Helper()
	cat := testCatalog(tb)
	out := map[string][]byte{
		"template":   template(tb, cat, "市财政局"),
		"valid":      validBook(tb),
		"stored zip": stored(tb, validBook(tb)),
	}
	for i, p := range samples.Profiles {
		out[fmt.Sprintf("profile %d", p)] = filled(tb, cat, "市卫健委", p, uint64(i))
		out[fmt.Sprintf("county profile %d", p)] = filled(tb, cat, "汉阴县", p, uint64(i+10))
	}
	form := xxgk.SheetForm + "!"
	for name, q := range map[string]quirks{
		"inline":           {},
		"shared":           {sst: true},
		"rels":             {dir: "book/"}, // excelize looks for shared strings only at xl/sharedStrings.xml
		"xstring sst":      {sst: true, text: map[string]string{form + "M5": "第一行_x000D_\n第二行_x005F_x0001_", form + "M6": "_xD800_孤"}},
		"xstring inline":   {text: map[string]string{form + "M5": "A_x000D__x000A_B_x4E00_\r\nC"}},
		"str formula":      {cells: map[string]string{form + "M5": `<c r="M5" t="str"><f>"a"&amp;"b"</f><v>a_x000D_b</v></c>`}},
		"empty s":          {sst: true, cells: map[string]string{form + "M5": `<c r="M5" t="s"><v/></c>`, form + "M6": `<c r="M6" t="s"></c>`}},
		"noise":            {cells: map[string]string{form + "K5": `<c r="K5"><v>11.000000000000002</v></c>`, form + "K6": `<c r="K6"><v>10.999999999999998</v></c>`}},
		"errors":           {cells: map[string]string{form + "I5": `<c r="I5" t="e"><f>X</f><v>#N/A</v></c>`, form + "K5": `<c r="K5"><f>1+1</f></c>`}},
		"booleans":         {cells: map[string]string{form + "M5": `<c r="M5" t="b"><v>1</v></c>`, form + "M6": `<c r="M6" t="b"><v>0</v></c>`}},
		"whitespace":       {text: map[string]string{form + "M5": "  ", form + "M6": " 两边 "}},
		"no r attributes":  {cells: map[string]string{form + "M5": `<c t="inlineStr"><is><t>无r</t></is></c>`}},
		"phonetic":         {sst: true, text: map[string]string{form + "M5": `张</t></si><si><r><t>张</t></r><r><t>三</t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh><phoneticPr fontId="1"/></si><si><t>`}},
		"entities":         {text: map[string]string{form + "M5": "a&amp;b&lt;c&gt;&quot;&apos;&#x4E00;&#19968;"}},
		"CDATA":            {cells: map[string]string{form + "M5": `<c r="M5" t="str"><v><![CDATA[<x>&]]></v></c>`}},
		"1904 and dates":   {cells: map[string]string{form + "J5": `<c r="J5" t="n"><v>42627</v></c>`}},
		"exponent numbers": {cells: map[string]string{form + "K5": `<c r="K5"><v>1.2E1</v></c>`}},
	} {
		out["quirk "+name] = quirkBook(tb, q)
	}
	// A sheet far larger than the reader's window (streamChunk), so that tokens of every
	// kind fall across refills, and one text longer than the window.
	big := map[string]string{form + "M6": `<c r="M6" t="inlineStr"><is><t>` + strings.Repeat("长文本&amp;", streamChunk/5) + `</t></is></c>`}
	for r := 10; r < 6000; r++ {
		big[fmt.Sprintf("%sA%d", form, r)] = fmt.Sprintf(`<c r="A%d" t="inlineStr"><is><t xml:space="preserve"> 第%d行 &lt;_x000D_&gt;</t></is></c>`, r, r)
		big[fmt.Sprintf("%sB%d", form, r)] = fmt.Sprintf(`<c r="B%d"><v>%d.000000000000002</v></c><!-- %d -->`, r, r, r)
	}
	out["big sheet"] = quirkBook(tb, quirks{cells: big})
	return out
}

// FuzzDifferential mutates the form sheet and the shared strings of corpus workbooks:
// wherever excelize still reads the result, the reader must read the same cells.
//
//	go test -run '^$' -fuzz FuzzDifferential -fuzztime 30s ./importer
func FuzzDifferential(f *testing.F) {
	const sheetPart, sstPart = "xl/sheets/s1.xml", "xl/sharedStrings.xml"
	parts := unzipParts(f, quirkBook(f, quirks{sst: true}))
	// The meta sheet keeps inline strings, so that any shared string table fits it.
	parts["xl/sheets/s2.xml"] = unzipParts(f, quirkBook(f, quirks{}))["xl/sheets/s2.xml"]
	for _, data := range differentialCorpus(f) {
		p := unzipParts(f, data)
		if p[sheetPart] != nil {
			f.Add(p[sheetPart], p[sstPart])
		}
	}
	f.Fuzz(func(t *testing.T, sheet, sst []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, data := range parts {
			switch name {
			case sheetPart:
				data = sheet
			case sstPart:
				data = sst
			}
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			w.Write(data)
		}
		zw.Close()
		compareWithExcelize(t, buf.Bytes())
	})
}

// unzipParts is every part of a workbook by its zip entry name; zipOf puts them back.
func unzipParts(tb testing.TB, data []byte) map[string][]byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		out[zf.Name] = b
	}
	return out
}
