package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// quirks says how quirkBook departs from a plain package: the writer habits of Excel,
// WPS, .NET libraries and hand-made files that the reader must take in its stride.
type quirks struct {
	dir   string            // folder of the workbook part, found through _rels/.rels; "" is xl/
	sst   bool              // text in a shared string table rather than inline
	cells map[string]string // "sheet!A1" → the raw <c> element written in its place
	text  map[string]string // "sheet!A1" → raw XML text (escapes as given) of a string cell
	part  func(name string, data []byte) []byte
}

// quirkBook writes the cells of the valid 市财政局 workbook (see validBook) again with
// its own writer, applying q. Every cell carries its r attribute so overrides can replace it.
func quirkBook(tb testing.TB, q quirks) []byte {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(validBook(tb)))
	if err != nil {
		tb.Fatal(err)
	}
	sheets := []string{xxgk.SheetForm, xxgk.SheetMeta}
	cells := map[string][][]string{}
	for _, s := range sheets {
		if cells[s], err = f.GetRows(s, excelize.Options{RawCellValue: true}); err != nil {
			tb.Fatal(err)
		}
	}
	f.Close()
	dir := q.dir
	if dir == "" {
		dir = "xl/"
	}
	parts := map[string]string{}
	var sst []string
	var wb, rels strings.Builder
	wb.WriteString(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`)
	rels.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, name := range sheets {
		state := ""
		if name == xxgk.SheetMeta {
			state = ` state="veryHidden"`
		}
		fmt.Fprintf(&wb, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, html.EscapeString(name), i+1, state, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/s%d.xml"/>`, i+1, i+1)
		var sh strings.Builder
		sh.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		rows := cells[name]
		nrows := len(rows)
		for key := range q.cells {
			if s, ref, _ := strings.Cut(key, "!"); s == name {
				_, r, _ := splitRef(ref)
				nrows = max(nrows, r)
			}
		}
		for r := 0; r < nrows; r++ {
			fmt.Fprintf(&sh, `<row r="%d">`, r+1)
			width := 0
			if r < len(rows) {
				width = len(rows[r])
			}
			for c := 0; c < max(width, 20); c++ {
				ref := addr(r, c)
				v := ""
				if r < len(rows) && c < len(rows[r]) {
					v = rows[r][c]
				}
				if x, ok := q.cells[name+"!"+ref]; ok {
					sh.WriteString(x)
					continue
				}
				raw, isText := q.text[name+"!"+ref]
				if !isText {
					if v == "" {
						continue
					}
					if _, err := strconv.ParseFloat(v, 64); err == nil {
						fmt.Fprintf(&sh, `<c r="%s"><v>%s</v></c>`, ref, v)
						continue
					}
					raw = html.EscapeString(v)
				}
				if q.sst {
					sst = append(sst, raw)
					fmt.Fprintf(&sh, `<c r="%s" t="s"><v>%d</v></c>`, ref, len(sst)-1)
				} else {
					fmt.Fprintf(&sh, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, raw)
				}
			}
			sh.WriteString(`</row>`)
		}
		sh.WriteString(`</sheetData></worksheet>`)
		parts[fmt.Sprintf("%ssheets/s%d.xml", dir, i+1)] = sh.String()
	}
	wb.WriteString(`</sheets></workbook>`)
	if q.sst {
		rels.WriteString(`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
		var ss strings.Builder
		fmt.Fprintf(&ss, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d">`, len(sst))
		for _, s := range sst {
			fmt.Fprintf(&ss, `<si><t xml:space="preserve">%s</t></si>`, s)
		}
		ss.WriteString(`</sst>`)
		parts[dir+"sharedStrings.xml"] = ss.String()
	}
	rels.WriteString(`</Relationships>`)
	parts[dir+"main.xml"] = wb.String()
	parts[dir+"_rels/main.xml.rels"] = rels.String()
	wbPart := dir + "main.xml"
	if q.dir == "" { // the usual names
		wbPart = "xl/workbook.xml"
		parts[wbPart] = parts["xl/main.xml"]
		parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/main.xml.rels"]
		delete(parts, "xl/main.xml")
		delete(parts, "xl/_rels/main.xml.rels")
	}
	parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + wbPart + `"/></Relationships>`
	parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/` + wbPart + `" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(maps.Keys(parts)) {
		data := []byte(parts[name])
		if q.part != nil {
			data = q.part(name, data)
		}
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
