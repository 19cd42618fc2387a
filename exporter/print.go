package exporter

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// printSetup gives a sheet the office's print settings: A4 landscape, one page wide and as
// many tall as needed, the header row repeated on every page, the sheet's title in the
// header and "第 N 页，共 M 页" in the footer.
func printSetup(f *excelize.File, sheet, title string, headerRow int) error {
	a4, landscape, one, tall := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	l, r, t, b, h, ft := 0.5, 0.5, 0.75, 0.75, 0.3, 0.3
	center := true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &l, Right: &r, Top: &t, Bottom: &b, Header: &h, Footer: &ft, Horizontally: &center,
	}); err != nil {
		return err
	}
	hdr := "&R&A"
	if title != "" {
		hdr = "&L" + headerText(title) + hdr
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddHeader: hdr,
		OddFooter: "&C第 &P 页，共 &N 页",
	}); err != nil {
		return err
	}
	if headerRow < 1 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerRow, headerRow),
		Scope:    sheet,
	})
}

// headerText escapes & (a header code) and clips the text: Excel refuses headers over 255
// characters in all.
func headerText(s string) string {
	s = strings.ReplaceAll(s, "&", "&&")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60]) + "…"
	}
	return s
}
