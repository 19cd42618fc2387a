package exporter

import (
	"bufio"
	"encoding/csv"
	"io"

	"github.com/xuri/excelize/v2"
)

// The 访问码 list `xxgk access --out` writes: one row per unit with its code (only for the
// codes made in that run: the store keeps none in plain text) and its portal link, for the
// office to send each unit its own line.

// AccessCodeColumns are the list's headings.
var AccessCodeColumns = []string{"单位", "单位全称", "访问码", "状态", "网上报送地址"}

// AccessCodeRow is one unit's line.
type AccessCodeRow struct {
	Unit, Name string
	Code       string // the plain code when made in this run, else ""
	State      string // what happened or stands: 新建, 已重置, 已发放（编号 …）
	Link       string
}

func (r AccessCodeRow) record() []string { return []string{r.Unit, r.Name, r.Code, r.State, r.Link} }

// WriteAccessCodesCSV writes the list as UTF-8 CSV with a BOM, cells defused as WriteCSV's.
func WriteAccessCodesCSV(w io.Writer, rows []AccessCodeRow) error {
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(AccessCodeColumns); err != nil {
		return err
	}
	for _, r := range rows {
		rec := r.record()
		for i := range rec {
			rec[i] = Neutralize(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteAccessCodesXLSX writes the list as a workbook with one sheet, codes in a monospace
// face so that they are copied right; title heads the sheet.
func WriteAccessCodesXLSX(w io.Writer, title string, rows []AccessCodeRow) error {
	f := excelize.NewFile()
	defer f.Close()
	const sh = "访问码"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Border: borders()})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{Border: borders(), NumFmt: 49})
	if err != nil {
		return err
	}
	code, err := f.NewStyle(&excelize.Style{Border: borders(), NumFmt: 49, Font: &excelize.Font{Family: "Consolas", Size: 12, Bold: true}})
	if err != nil {
		return err
	}
	if err := f.SetCellValue(sh, "A1", title); err != nil {
		return err
	}
	for i, h := range AccessCodeColumns {
		cell, _ := excelize.CoordinatesToCellName(i+1, 2)
		if err := f.SetCellStr(sh, cell, h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, "A2", "E2", head); err != nil {
		return err
	}
	for r, row := range rows {
		for i, v := range row.record() {
			cell, _ := excelize.CoordinatesToCellName(i+1, r+3)
			if err := f.SetCellStr(sh, cell, v); err != nil {
				return err
			}
			style := text
			if i == 2 {
				style = code
			}
			if err := f.SetCellStyle(sh, cell, cell, style); err != nil {
				return err
			}
		}
	}
	for col, width := range map[string]float64{"A": 16, "B": 26, "C": 24, "D": 26, "E": 36} {
		if err := f.SetColWidth(sh, col, col, width); err != nil {
			return err
		}
	}
	// One printed page wide: the office may print the list to hand out by hand.
	landscape, one, tall := "landscape", 1, 0
	if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return f.Write(w)
}

func borders() []excelize.Border {
	var out []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		out = append(out, excelize.Border{Type: side, Color: "808080", Style: 1})
	}
	return out
}
