package templates

import (
	"regexp"
	"strings"
	"testing"

	"xxgk"
)

func TestPrintSettings(t *testing.T) {
	cat := testCatalog(t)
	u := unit(t, cat, "市财政局")
	data := generate(t, testRound(), cat, u)
	f := open(t, data)
	tests := []struct {
		sheet       string
		orientation string
	}{
		{xxgk.SheetForm, "landscape"},
		{xxgk.SheetGuide, "portrait"},
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			pl, err := f.GetPageLayout(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if pl.Size == nil || *pl.Size != paperA4 || pl.Orientation == nil || *pl.Orientation != tt.orientation ||
				pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
				t.Errorf("page layout: size %v orientation %v fit %v×%v", deref(pl.Size), deref(pl.Orientation), deref(pl.FitToWidth), deref(pl.FitToHeight))
			}
			props, err := f.GetSheetProps(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if props.FitToPage == nil || !*props.FitToPage {
				t.Error("fitToPage not set: Excel ignores fitToWidth without it")
			}
			m, err := f.GetPageMargins(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if *m.Left < 0.25 || *m.Bottom < 0.5 || *m.Footer >= *m.Bottom {
				t.Errorf("margins left %.2f bottom %.2f footer %.2f", *m.Left, *m.Bottom, *m.Footer)
			}
			hf, err := f.GetHeaderFooter(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{u.Name, "&P", "&N"} {
				if !strings.Contains(hf.OddFooter, want) {
					t.Errorf("footer %q lacks %q", hf.OddFooter, want)
				}
			}
		})
	}

	var titles bool
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles = true
			if want := "'" + xxgk.SheetForm + "'!$4:$4"; dn.RefersTo != want || dn.Scope != xxgk.SheetForm {
				t.Errorf("print titles %q scope %q, want %q on %s", dn.RefersTo, dn.Scope, want, xxgk.SheetForm)
			}
		}
	}
	if !titles {
		t.Error("no print titles: the header is not repeated on every page")
	}

	panes, err := f.GetPanes(xxgk.SheetForm)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.XSplit != xxgk.ColCode+1 || panes.YSplit != rowHeader || panes.TopLeftCell != "C5" {
		t.Errorf("panes = %+v, want frozen below the header and right of 指标编码", panes)
	}
}

// TestDimension reads each worksheet's <dimension> with a second reader: streaming
// readers trust it, and excelize has written A1 there in some paths.
func TestDimension(t *testing.T) {
	cat := testCatalog(t)
	u := unit(t, cat, "市财政局")
	data := generate(t, testRound(), cat, u)
	n := len(cat.For(u))
	meta := xxgk.TemplateMeta{Codes: make([]string, n)}.Rows()
	tests := []struct{ sheet, want string }{
		{xxgk.SheetForm, "A1:M" + itoa(rowFirst+n-1)},
		{xxgk.SheetMeta, "A1:B" + itoa(len(meta))},
	}
	dim := regexp.MustCompile(`<dimension ref="([^"]+)"`)
	for _, tt := range tests {
		m := dim.FindStringSubmatch(sheetPart(t, data, tt.sheet))
		if m == nil || m[1] != tt.want {
			t.Errorf("%s dimension = %v, want %s", tt.sheet, m, tt.want)
		}
	}
	// The guide's dimension covers its last row.
	f := open(t, data)
	rows, err := f.GetRows(xxgk.SheetGuide)
	if err != nil {
		t.Fatal(err)
	}
	m := dim.FindStringSubmatch(sheetPart(t, data, xxgk.SheetGuide))
	if m == nil || m[1] != "A1:B"+itoa(len(rows)) {
		t.Errorf("guide dimension = %v, want A1:B%d", m, len(rows))
	}
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
