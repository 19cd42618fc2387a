package importer

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/xlsxlayout"
)

// Layout of 问题清单: a wrapped explanation, a blank row, the header, one row per problem.
const (
	problemsTitleRow  = 1
	problemsHeaderRow = 3
	problemsFontPt    = 11   // the workbook's default size: the unit reads this on screen
	problemsFace      = "宋体" // named, or LibreOffice falls back to a serif face
)

// problemColumns are 问题清单's headers and widths; 问题 gets the room.
var problemColumns = []struct {
	title string
	width float64
}{{"序号", 6}, {"类别", 6}, {"位置", 14}, {"指标编码", 12}, {"值", 28}, {"问题", 64}}

func (i CopyInfo) office() string {
	if i.Office != "" {
		return i.Office
	}
	return xxgk.DefaultContact.Office
}

// copyProps names the office as the copy's maker and marks its title as returned, so
// that the unit's Explorer and Excel's 属性 say whose file it is now.
func copyProps(f *excelize.File, info CopyInfo) error {
	cur, err := f.GetDocProps()
	title := ""
	if err == nil && cur != nil { // unreadable properties: the copy is titled 退回修改 alone
		title = cur.Title
	}
	if !strings.HasPrefix(title, "退回修改：") {
		title = "退回修改：" + title
	}
	return xlsxlayout.Set(f, xlsxlayout.Props{Creator: info.office(), Title: strings.TrimSuffix(title, "："), Now: info.Now})
}

// problemSheet writes 问题清单 as the first, active sheet, keeping every sheet's print
// titles and print area with their sheet.
func problemSheet(f *excelize.File, ps xxgk.Problems, office string) error {
	if err := insertFirst(f, SheetProblems); err != nil {
		return err
	}
	if err := problemRows(f, ps); err != nil {
		return err
	}
	if err := problemPage(f, office); err != nil {
		return err
	}
	if err := f.SetPanes(SheetProblems, &excelize.Panes{Freeze: true, YSplit: problemsHeaderRow,
		TopLeftCell: fmt.Sprintf("A%d", problemsHeaderRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	idx, err := f.GetSheetIndex(SheetProblems)
	if err != nil {
		return err
	}
	f.SetActiveSheet(idx)
	return nil
}

// insertFirst (re)creates sheet as the workbook's first sheet. Sheet-scoped defined names
// (print titles, print area, filters) name their sheet by position, which moves; excelize
// does not follow, and 填报表's print titles would land on 填报说明. So they are taken
// off by sheet name first and put back by sheet name after.
func insertFirst(f *excelize.File, sheet string) error {
	var scoped []excelize.DefinedName
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == "" || dn.Scope == "Workbook" {
			continue
		}
		if err := f.DeleteDefinedName(&excelize.DefinedName{Name: dn.Name, Scope: dn.Scope}); err != nil {
			return fmt.Errorf("defined name %s of %s: %w", dn.Name, dn.Scope, err)
		}
		if dn.Scope != sheet { // an earlier 问题清单's names go with it
			scoped = append(scoped, dn)
		}
	}
	if idx, _ := f.GetSheetIndex(sheet); idx >= 0 {
		if err := f.DeleteSheet(sheet); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	if first := f.GetSheetList()[0]; first != sheet {
		if err := f.MoveSheet(sheet, first); err != nil {
			return err
		}
	}
	for i := range scoped {
		if err := f.SetDefinedName(&scoped[i]); err != nil {
			return fmt.Errorf("defined name %s of %s: %w", scoped[i].Name, scoped[i].Scope, err)
		}
	}
	return nil
}

// problemRows writes the explanation, the header and one bordered, wrapped row per
// problem, each as high as its text needs.
func problemRows(f *excelize.File, ps xxgk.Problems) error {
	const sh = SheetProblems
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: problemsFace, Bold: true, Size: problemsFontPt},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}, Border: border})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: problemsFace, Size: problemsFontPt},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}, Border: border})
	if err != nil {
		return err
	}
	titleStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: problemsFace, Bold: true, Size: problemsFontPt, Color: "C00000"},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return err
	}
	nErr := len(ps.Only(xxgk.Error))
	title := fmt.Sprintf("本文件有 %d 个错误、%d 个警告，已退回。请按下表逐项修改（红色单元格为错误，黄色为警告，鼠标停在单元格上可看批注），修改后重新报送。", nErr, len(ps)-nErr)
	total := 0.0
	for _, c := range problemColumns {
		total += c.width
	}
	last := colLetter(len(problemColumns))
	if err := f.SetCellStr(sh, "A1", title); err != nil {
		return err
	}
	if err := f.MergeCell(sh, "A1", last+"1"); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, "A1", last+"1", titleStyle); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, problemsTitleRow, xlsxlayout.RowHeight(problemsFontPt, 2, xlsxlayout.Cell{Text: title, Width: total})); err != nil {
		return err
	}
	header := make([]any, len(problemColumns))
	for i, c := range problemColumns {
		header[i] = c.title
		if err := f.SetColWidth(sh, colLetter(i+1), colLetter(i+1), c.width); err != nil {
			return err
		}
	}
	if err := f.SetSheetRow(sh, fmt.Sprintf("A%d", problemsHeaderRow), &header); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, fmt.Sprintf("A%d", problemsHeaderRow), fmt.Sprintf("%s%d", last, problemsHeaderRow), head); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, problemsHeaderRow, xlsxlayout.Height(1, problemsFontPt)+4); err != nil {
		return err
	}
	for i, p := range ps {
		where := p.Where()
		if where == "" {
			where = "整个文件"
		}
		row := []any{i + 1, p.Severity.Label(), where, p.Code, p.Value, p.Message}
		r := problemsHeaderRow + 1 + i
		if err := f.SetSheetRow(sh, fmt.Sprintf("A%d", r), &row); err != nil {
			return err
		}
		cells := make([]xlsxlayout.Cell, 0, len(row))
		for j, v := range row {
			if s, ok := v.(string); ok {
				cells = append(cells, xlsxlayout.Cell{Text: s, Width: problemColumns[j].width})
			}
		}
		if err := f.SetRowHeight(sh, r, xlsxlayout.RowHeight(problemsFontPt, 1, cells...)); err != nil {
			return err
		}
	}
	if len(ps) > 0 {
		end := fmt.Sprintf("%s%d", last, problemsHeaderRow+len(ps))
		if err := f.SetCellStyle(sh, fmt.Sprintf("A%d", problemsHeaderRow+1), end, body); err != nil {
			return err
		}
	}
	return nil
}

// problemPage prints 问题清单 on A4 landscape, one page wide, the header row on every
// page, the office in the page header and page numbers in the footer.
func problemPage(f *excelize.File, office string) error {
	const sh = SheetProblems
	a4, landscape, one, zero, fit := 9, "landscape", 1, 0, true
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	side, top, bottom, hf, centre := 0.5, 0.7, 0.7, 0.3, true
	if err := f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &bottom,
		Header: &hf, Footer: &hf, Horizontally: &centre}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{
		OddHeader: "&L退回修改问题清单&R" + strings.ReplaceAll(office, "&", "&&"),
		OddFooter: "&C第 &P 页，共 &N 页",
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh, problemsHeaderRow, problemsHeaderRow),
		Scope:    sh,
	})
}

func colLetter(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}
