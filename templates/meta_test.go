package templates

import (
	"regexp"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

func TestMetaSheet(t *testing.T) {
	cat := testCatalog(t)
	for _, name := range []string{"市财政局", "汉滨区"} {
		t.Run(name, func(t *testing.T) {
			u := unit(t, cat, name)
			r := testRound()
			data := generate(t, r, cat, u)

			wb := zipPart(t, data, "xl/workbook.xml")
			if !regexp.MustCompile(`<sheet name="` + xxgk.SheetMeta + `"[^>]*state="veryHidden"`).MatchString(wb) {
				t.Errorf("meta sheet is not very hidden in workbook.xml")
			}
			if regexp.MustCompile(`<sheet name="(` + xxgk.SheetGuide + `|` + xxgk.SheetForm + `)"[^>]*state=`).MatchString(wb) {
				t.Errorf("a visible sheet carries a state attribute")
			}

			f := open(t, data)
			visible, err := f.GetSheetVisible(xxgk.SheetMeta)
			if err != nil || visible {
				t.Errorf("meta sheet visible = %v (%v)", visible, err)
			}
			rows, err := f.GetRows(xxgk.SheetMeta)
			if err != nil {
				t.Fatal(err)
			}
			m, err := xxgk.ParseTemplateMeta(rows)
			if err != nil {
				t.Fatalf("ParseTemplateMeta: %v", err)
			}
			var codes []string
			for _, ind := range cat.For(u) {
				codes = append(codes, ind.Code)
			}
			if m.Format != xxgk.TemplateFormat || m.Round != r.ID || m.Unit != u.Code || !slices.Equal(m.Codes, codes) {
				t.Errorf("meta = %+v, want round %s unit %s codes %v", m, r.ID, u.Code, codes)
			}
			// Every value is text, so "2020" and "1" are not turned into numbers.
			for i, row := range rows {
				for j := range row {
					ref := cell(j+1, i+1)
					typ, err := f.GetCellType(xxgk.SheetMeta, ref)
					if err != nil {
						t.Fatal(err)
					}
					if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
						t.Errorf("meta %s is of type %v, want text", ref, typ)
					}
				}
			}
		})
	}
}
