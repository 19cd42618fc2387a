package templates

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/internal/openpyxl"
	"xxgk/xlsxlayout"
)

// TestTemplatesOpenInOpenpyxl: every template of the 2020 table loads in a strict second
// reader, names the office, the unit and the round, and prints 填报表 on A4 landscape
// with its header repeated.
func TestTemplatesOpenInOpenpyxl(t *testing.T) {
	cat := realCatalog(t)
	r := testRound()
	written := time.Date(2020, 9, 8, 9, 0, 0, 0, xxgk.ChinaTime)
	w := NewWriter()
	w.Now = func() time.Time { return written }
	dir := t.TempDir()
	var paths []string
	for _, u := range cat.Units.All() {
		var buf bytes.Buffer
		if err := w.Write(&buf, r, cat, u); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, FileName(r, u))
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	for i, b := range openpyxl.Load(t, paths...) {
		if b.Error != "" {
			continue
		}
		u := cat.Units.All()[i]
		p := b.Props
		if p.Creator != xxgk.DefaultContact.Office || p.Subject != "2020年度" || p.Title != u.Short+" "+r.Title+"填报表" ||
			!strings.HasPrefix(p.Created, "2020-09-08T01:00") {
			t.Errorf("%s: properties %+v", u.Short, p)
		}
		found := false
		for _, s := range b.Sheets {
			if s.Name != xxgk.SheetForm {
				continue
			}
			found = true
			if s.PaperSize != "9" || s.Orientation != "landscape" || s.PrintTitles != "$4:$4" || !strings.Contains(s.PrintArea, "$A$1:$M$") {
				t.Errorf("%s 填报表: paper %s %s, titles %q, area %q", u.Short, s.PaperSize, s.Orientation, s.PrintTitles, s.PrintArea)
			}
			if !strings.Contains(s.Footer, "&P") {
				t.Errorf("%s 填报表 footer %q lacks page numbers", u.Short, s.Footer)
			}
		}
		if !found {
			t.Errorf("%s: openpyxl found no sheet %s", u.Short, xxgk.SheetForm)
		}
	}
}

// TestFormFitsTypicalEntries: input columns are wide and wrapped, and every indicator row
// is high enough for what units typically type, so a filled template prints whole; the
// deadline shows at the top of 填报表.
func TestFormFitsTypicalEntries(t *testing.T) {
	cat := realCatalog(t)
	f := open(t, generate(t, testRound(), cat, unit(t, cat, "市财政局")))
	const sh = xxgk.SheetForm
	legend, err := f.GetCellValue(sh, cell(1, rowLegend))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(legend, "请于2020年9月20日前填好报送。") {
		t.Errorf("legend %q does not open with the deadline", legend)
	}
	widths := formWidths()
	for col, text := range typicalEntries {
		name := colName(col + 1)
		w, err := f.GetColWidth(sh, name)
		if err != nil {
			t.Fatal(err)
		}
		if w < 14 {
			t.Errorf("input column %s is %v wide, want at least 14", name, w)
		}
		st, err := f.GetCellStyle(sh, cell(col+1, rowFirst))
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(st)
		if err != nil || s.Alignment == nil || !s.Alignment.WrapText {
			t.Errorf("input column %s does not wrap", name)
		}
		need := xlsxlayout.Height(xlsxlayout.Lines(text, widths[col], bodyFont), bodyFont)
		for i := range cat.For(unit(t, cat, "市财政局")) {
			h, err := f.GetRowHeight(sh, rowFirst+i)
			if err != nil {
				t.Fatal(err)
			}
			if h < need {
				t.Errorf("row %d is %.1f pt high; %q in %s needs %.1f", rowFirst+i, h, text, name, need)
			}
		}
	}
	if w := widths[xxgk.ColURL]; xlsxlayout.Lines(typicalEntries[xxgk.ColURL], w, bodyFont) > 2 {
		t.Errorf("a typical URL takes more than two lines in a %v-wide 栏目网址", w)
	}
}
