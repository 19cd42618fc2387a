package templates

import (
	"github.com/xuri/excelize/v2"

	"xxgk"
)

// paperA4 is the OOXML paper size code of A4.
const paperA4 = 9

// formPage sets how 填报表 looks on screen and on paper: frozen header and code columns,
// A4 landscape, one page wide, the header repeated on every page, the unit and page
// number in the footer.
func (b *book) formPage(lastRow int) error {
	const sh = xxgk.SheetForm
	f := b.f
	top := cell(xxgk.ColCode+2, rowFirst) // right of 指标编码, below the header
	if err := f.SetPanes(sh, &excelize.Panes{
		Freeze:      true,
		XSplit:      xxgk.ColCode + 1,
		YSplit:      rowHeader,
		TopLeftCell: top,
		ActivePane:  "bottomRight",
		Selection: []excelize.Selection{
			{SQRef: cell(xxgk.FirstInputCol+1, rowFirst), ActiveCell: cell(xxgk.FirstInputCol+1, rowFirst), Pane: "bottomRight"},
		},
	}); err != nil {
		return err
	}
	if err := b.page(sh, "landscape", 0.4); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{
		OddFooter: "&L" + footerText(b.unit.Name) + "&C第 &P 页，共 &N 页&R" +
			footerText("报送截止："+xxgk.ChineseDate(b.due())),
	}); err != nil {
		return err
	}
	ref := "'" + sh + "'!$" + itoa(rowHeader) + ":$" + itoa(rowHeader)
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: ref, Scope: sh}); err != nil {
		return err
	}
	area := "'" + sh + "'!$A$1:$" + colName(xxgk.NumCols) + "$" + itoa(lastRow)
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: area, Scope: sh})
}

// page sets A4 in the given orientation, fit to one page wide and as many pages tall as
// needed, centred, with margins (inches) that leave room for the footer.
func (b *book) page(sh, orientation string, side float64) error {
	f := b.f
	size, wide, tall := paperA4, 1, 0
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	topM, bottom, hf, centre := 0.5, 0.7, 0.3, true
	return f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &topM, Bottom: &bottom, Header: &hf, Footer: &hf, Horizontally: &centre,
	})
}
