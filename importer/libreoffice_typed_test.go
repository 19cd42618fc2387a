package importer

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"xxgk"
)

// TestLibreOfficeTyped fills a template the way LibreOffice stores what a person types
// (dates in a date-formatted cell are date values, numbers are floats, the rest strings),
// lets LibreOffice write the .xlsx itself, and expects the import to read back exactly
// what was typed. The template goes through flat ODS (.fods), edited as XML, so no
// spreadsheet library other than LibreOffice touches the filled file.
func TestLibreOfficeTyped(t *testing.T) {
	soffice := lookSoffice(t)
	day := func(m, d int) time.Time { return time.Date(2020, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	const filler, phone = "王小明", "13909150000" // digits typed in a General cell: stored as a number
	none := odsValue{}
	rows := []struct {
		code, status, name, url string
		updated, count          odsValue // as LibreOffice stores the typed date and number
		reported, remark        string
		wantDate                time.Time
		wantCount               int
	}{
		{"CZ-01-1", "已开设", "预算公开", "http://wjw.ankang.gov.cn/Node-1234.html", odsDate("2020-09-15"), odsFloat("12"), "", "", day(9, 15), 12},
		{"CZ-01-2", "已开设", "决算公开", "https://wjw.ankang.gov.cn/jsgk/index.html", odsText("2020年9月1日"), odsFloat("3"), "", "2019年度决算", day(9, 1), 3},
		{"ZDXM-01", "已开设", "重大建设项目", "http://www.ankang.gov.cn/zdxm/", odsText("２０２０年８月３１日"), odsFloat("7"), "批准服务信息4条、批准结果信息3条", "", day(8, 31), 7},
		{"WS-01-1", "已开设", "医疗机构名录", "http://wjw.ankang.gov.cn/yljg/", odsDate("2020-06-30"), odsFloat("128"), "全市医疗机构356家", "每季度更新", day(6, 30), 128},
		{"JY-01-1", "未开设", "", "", none, none, "", "招生政策由市教育局统一发布，本单位未单独开设", time.Time{}, -1},
	}

	dir := t.TempDir()
	profile := "file://" + filepath.Join(dir, "lo-profile") // never share a profile with a running LibreOffice
	tpl := writeFile(t, filepath.Join(dir, "template.xlsx"), template(t, testCatalog(t), "市卫健委"))
	form := parseXML(t, convertWith(t, soffice, profile, tpl, "fods", filepath.Join(dir, "fods")))
	byCode, first := formRows(t, form, filler, phone)
	for _, r := range rows {
		row := byCode[r.code]
		if row == nil {
			t.Fatalf("no row for %s in the .fods", r.code)
		}
		typed := map[int]odsValue{xxgk.ColStatus: odsText(r.status), xxgk.ColName: odsText(r.name), xxgk.ColURL: odsText(r.url),
			xxgk.ColUpdated: r.updated, xxgk.ColCount: r.count, xxgk.ColReported: odsText(r.reported), xxgk.ColRemark: odsText(r.remark)}
		for col, v := range typed {
			if v.value != "" { // a cell left alone stays as the template has it
				v.set(row.cell(first + col))
			}
		}
	}
	filled := writeFile(t, filepath.Join(dir, "filled", "filled.fods"), form.bytes())
	xlsx := convertWith(t, soffice, profile, filled, "xlsx:Calc MS Excel 2007 XML", filepath.Join(dir, "xlsx"))

	c := readBook(t, "filled.xlsx", xlsx)
	if !c.Accepted() || len(c.Problems) > 0 {
		t.Fatalf("accepted %v, problems:\n%s", c.Accepted(), strings.Join(problemLines(c.Problems), "\n"))
	}
	s := c.Submission
	if s.Round != testRound().ID || s.Unit != "WJW" || c.Unit.Code != "WJW" {
		t.Errorf("identified round %q unit %q/%q, want 2020 WJW from the meta sheet", s.Round, s.Unit, c.Unit.Code)
	}
	if s.Filler != filler || s.Phone != phone {
		t.Errorf("填报人 %q 联系电话 %q, want %q %q", s.Filler, s.Phone, filler, phone)
	}
	if len(s.Items) != len(rows) {
		t.Fatalf("%d items, want %d", len(s.Items), len(rows))
	}
	got := map[string]xxgk.Item{}
	for _, it := range s.Items {
		got[it.Code] = it
	}
	for _, r := range rows {
		want := xxgk.Item{Code: r.code, Status: xxgk.OpenStatus(r.status), ColumnName: r.name, URL: r.url,
			LastUpdate: r.wantDate, Count: r.wantCount, Reported: r.reported, Remark: r.remark}
		if !sameItem(got[r.code], want) {
			t.Errorf("%s\n got %+v\nwant %+v", r.code, got[r.code], want)
		}
	}
}

// formRows types the filler and phone right of their labels in 填报表 of the parsed
// .fods, and returns the indicator rows by 指标编码 with the sheet column of 序号. Rows and
// columns are found by their text, as the importer does, not by position.
func formRows(tb testing.TB, doc *xnode, filler, phone string) (map[string]*xnode, int) {
	tb.Helper()
	form := doc.find(func(n *xnode) bool { return n.name == "table:table" && n.attr("table:name") == xxgk.SheetForm })
	if form == nil {
		tb.Fatal("no 填报表 table in the .fods")
	}
	var byCode map[string]*xnode
	codeCol := -1
	for _, row := range form.rows() {
		texts := row.texts()
		for col, s := range texts {
			switch {
			case s == xxgk.LabelFiller:
				odsText(filler).set(row.cell(col + 1))
			case s == xxgk.LabelPhone:
				odsFloat(phone).set(row.cell(col + 1))
			case s == xxgk.FormColumns[xxgk.ColCode] && texts[col-xxgk.ColCode+xxgk.ColStatus] == xxgk.FormColumns[xxgk.ColStatus]:
				byCode, codeCol = map[string]*xnode{}, col
			}
		}
		if byCode != nil && texts[codeCol] != "" {
			byCode[texts[codeCol]] = row
		}
	}
	if byCode == nil {
		tb.Fatal("no header row in 填报表 of the .fods")
	}
	return byCode, codeCol - xxgk.ColCode
}

// TestLibreOfficeTypedEditor checks the .fods editing itself on repeated rows and cells,
// which the template does not have today but LibreOffice writes for equal neighbours.
func TestLibreOfficeTypedEditor(t *testing.T) {
	doc := parseXML(t, []byte(`<?xml version="1.0"?>
<table:table><table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"><text:p>a</text:p></table:table-cell><table:covered-table-cell/><table:table-cell table:number-columns-repeated="4"/></table:table-row></table:table>`))
	rows := doc.find(func(n *xnode) bool { return n.name == "table:table" }).rows()
	odsFloat("7").set(rows[1].cell(1))
	odsText("b").set(rows[1].cell(5))
	if got, want := rows[1].texts(), map[int]string{0: "a", 1: "7", 2: "a", 5: "b"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("texts %v, want %v", got, want)
	}
	want := `<?xml version="1.0"?>
<table:table><table:table-row><table:table-cell table:number-columns-repeated="3"><text:p>a</text:p></table:table-cell><table:covered-table-cell/><table:table-cell table:number-columns-repeated="4"/></table:table-row>` +
		`<table:table-row><table:table-cell><text:p>a</text:p></table:table-cell><table:table-cell office:value-type="float" calcext:value-type="float" office:value="7"><text:p>7</text:p></table:table-cell><table:table-cell><text:p>a</text:p></table:table-cell>` +
		`<table:covered-table-cell/><table:table-cell/><table:table-cell office:value-type="string" calcext:value-type="string"><text:p>b</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/></table:table-row></table:table>`
	if got := string(doc.bytes()); got != want {
		t.Errorf("wrote\n%s\nwant\n%s", got, want)
	}
}

// lookSoffice finds LibreOffice: missing, the test skips, except on CI where it must run.
func lookSoffice(tb testing.TB) string {
	tb.Helper()
	p, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatal("soffice not found; CI must install libreoffice-calc")
		}
		tb.Skip("soffice not found: install libreoffice-calc to run the LibreOffice tests")
	}
	return p
}

// convertWith has LibreOffice convert src into outDir and returns what it wrote.
func convertWith(tb testing.TB, soffice, profile, src, to, outDir string) []byte {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", to, "--outdir", outDir, src)
	out, err := cmd.CombinedOutput()
	if err != nil {
		tb.Fatalf("soffice --convert-to %s: %v\n%s", to, err, out)
	}
	ext, _, _ := strings.Cut(to, ":")
	b, err := os.ReadFile(filepath.Join(outDir, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+"."+ext))
	if err != nil { // soffice exits 0 when it cannot load the source
		tb.Fatalf("soffice --convert-to %s wrote nothing: %v\n%s", to, err, out)
	}
	return b
}

// odsValue is a cell value as ODF stores it: kind is office:value-type.
type odsValue struct{ kind, value string }

func odsText(s string) odsValue  { return odsValue{"string", s} }
func odsFloat(s string) odsValue { return odsValue{"float", s} }
func odsDate(s string) odsValue  { return odsValue{"date", s} }

// set replaces the cell's value, keeping its style and validation as LibreOffice does on input.
func (v odsValue) set(c *xnode) {
	c.drop(func(a string) bool {
		return strings.HasPrefix(a, "office:") || strings.HasPrefix(a, "calcext:") || a == "table:formula"
	})
	c.attrs = append(c.attrs, xattr{"office:value-type", v.kind}, xattr{"calcext:value-type", v.kind})
	switch v.kind {
	case "float":
		c.attrs = append(c.attrs, xattr{"office:value", v.value})
	case "date":
		c.attrs = append(c.attrs, xattr{"office:date-value", v.value})
	}
	c.kids = []any{&xnode{name: "text:p", kids: []any{v.value}}}
}

// xnode is an XML element named with its prefix as written (RawToken), so that writing it
// back leaves the document as LibreOffice wrote it outside the edited cells.
type xnode struct {
	name  string // prefix:local
	attrs []xattr
	kids  []any // *xnode, string (character data) or rawXML
}

type xattr struct{ name, value string }

type rawXML string // the XML declaration, comments

func parseXML(tb testing.TB, data []byte) *xnode {
	tb.Helper()
	qname := func(n xml.Name) string { return strings.TrimPrefix(n.Space+":"+n.Local, ":") }
	root := &xnode{}
	stack := []*xnode{root}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return root
		}
		if err != nil {
			tb.Fatalf("parsing the .fods: %v", err)
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: qname(t.Name)}
			for _, a := range t.Attr {
				n.attrs = append(n.attrs, xattr{qname(a.Name), a.Value})
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.kids = append(top.kids, string(t))
		case xml.Comment:
			top.kids = append(top.kids, rawXML("<!--"+string(t)+"-->"))
		case xml.ProcInst:
			top.kids = append(top.kids, rawXML("<?"+t.Target+" "+string(t.Inst)+"?>"))
		default:
			tb.Fatalf("unexpected %T in the .fods", t)
		}
	}
}

// bytes writes the document back. Only what must be escaped is: xml.EscapeText would also
// turn the newlines between elements into character references, not allowed outside the root.
func (n *xnode) bytes() []byte {
	text := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attr := strings.NewReplacer("&", "&amp;", "<", "&lt;", `"`, "&quot;", "\n", "&#xA;", "\r", "&#xD;", "\t", "&#x9;")
	var b bytes.Buffer
	var write func(*xnode)
	write = func(n *xnode) {
		for _, k := range n.kids {
			switch k := k.(type) {
			case string:
				b.WriteString(text.Replace(k))
			case rawXML:
				b.WriteString(string(k))
			case *xnode:
				b.WriteString("<" + k.name)
				for _, a := range k.attrs {
					b.WriteString(" " + a.name + `="` + attr.Replace(a.value) + `"`)
				}
				if len(k.kids) == 0 {
					b.WriteString("/>")
					continue
				}
				b.WriteString(">")
				write(k)
				b.WriteString("</" + k.name + ">")
			}
		}
	}
	write(n)
	return b.Bytes()
}

func (n *xnode) attr(name string) string {
	for _, a := range n.attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}

// drop removes the attributes whose name matches.
func (n *xnode) drop(match func(string) bool) {
	kept := n.attrs[:0]
	for _, a := range n.attrs {
		if !match(a.name) {
			kept = append(kept, a)
		}
	}
	n.attrs = kept
}

func (n *xnode) clone() *xnode {
	c := &xnode{name: n.name, attrs: append([]xattr(nil), n.attrs...)}
	for _, k := range n.kids {
		if e, ok := k.(*xnode); ok {
			k = e.clone()
		}
		c.kids = append(c.kids, k)
	}
	return c
}

// find returns the first element, depth first, for which ok holds.
func (n *xnode) find(ok func(*xnode) bool) *xnode {
	for _, k := range n.kids {
		if k, isNode := k.(*xnode); isNode {
			if ok(k) {
				return k
			}
			if f := k.find(ok); f != nil {
				return f
			}
		}
	}
	return nil
}

// text is the paragraph text inside the element, without the pretty-printing between elements.
func (n *xnode) text() string {
	var b strings.Builder
	for _, k := range n.kids {
		if s, ok := k.(string); ok && n.name == "text:p" {
			b.WriteString(s)
		} else if k, ok := k.(*xnode); ok {
			b.WriteString(k.text())
		}
	}
	return b.String()
}

// repeat reads number-columns-repeated or number-rows-repeated (1 when absent).
func (n *xnode) repeat(attr string) int {
	if r, err := strconv.Atoi(n.attr(attr)); err == nil && r > 1 {
		return r
	}
	return 1
}

// splitRepeat replaces kids[i], an element repeated r times, by up to three copies
// repeated at, 1 and r-at-1 times, and returns the single one, ready to be edited.
func (n *xnode) splitRepeat(i, at int, attr string) *xnode {
	old := n.kids[i].(*xnode)
	part := func(count int) *xnode {
		c := old.clone()
		c.drop(func(a string) bool { return a == attr })
		if count > 1 {
			c.attrs = append(c.attrs, xattr{attr, strconv.Itoa(count)})
		}
		return c
	}
	one := part(1)
	parts := []any{one}
	if at > 0 {
		parts = append([]any{part(at)}, parts...)
	}
	if rest := old.repeat(attr) - at - 1; rest > 0 {
		parts = append(parts, part(rest))
	}
	n.kids = append(n.kids[:i], append(parts, n.kids[i+1:]...)...)
	return one
}

// rows lists the table's rows in order, also those inside header rows and row groups.
// A repeated row with text is expanded, so every listed row with text is one sheet row;
// blank repeated rows (the million at the bottom) stay as they are.
func (n *xnode) rows() []*xnode {
	var out []*xnode
	for i := 0; i < len(n.kids); i++ {
		k, ok := n.kids[i].(*xnode)
		switch {
		case !ok:
		case k.name == "table:table-row":
			if k.repeat("table:number-rows-repeated") > 1 && k.text() != "" {
				k = n.splitRepeat(i, 0, "table:number-rows-repeated")
			}
			out = append(out, k)
		case k.name == "table:table-header-rows", k.name == "table:table-row-group", k.name == "table:table-rows":
			out = append(out, k.rows()...)
		}
	}
	return out
}

func isCell(k any) bool {
	n, ok := k.(*xnode)
	return ok && (n.name == "table:table-cell" || n.name == "table:covered-table-cell")
}

// texts maps each sheet column (0-based) of the row to its cell's text, counting
// covered (merged) and repeated cells as LibreOffice lays them out.
func (n *xnode) texts() map[int]string {
	m := map[int]string{}
	col := 0
	for _, k := range n.kids {
		if isCell(k) {
			if s := k.(*xnode).text(); s != "" {
				m[col] = s
			}
			col += k.(*xnode).repeat("table:number-columns-repeated")
		}
	}
	return m
}

// cell returns the element for sheet column col (0-based), splitting a repeated run.
func (n *xnode) cell(col int) *xnode {
	at := 0
	for i, k := range n.kids {
		if !isCell(k) {
			continue
		}
		r := k.(*xnode).repeat("table:number-columns-repeated")
		if col < at+r {
			return n.splitRepeat(i, col-at, "table:number-columns-repeated")
		}
		at += r
	}
	panic("column " + strconv.Itoa(col) + " beyond the end of the row")
}
