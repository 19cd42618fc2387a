package catalog

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// IndicatorRows is the indicator table in the shape Load reads back (Chinese headers,
// one row per content item, every cell written out rather than left to inherit), so that
// next year's table starts from this year's. A blank 二级指标 is only ever read as
// inherited after a row of the same 一级指标 that has one, which a table read by Load
// never holds, so writing it blank is exact.
func IndicatorRows(cat *xxgk.Catalog) [][]string {
	rows := [][]string{{"指标编码", "一级指标", "二级指标", "信息公开内容", "需报送信息", "建设单位", "公开频次", "展现形式"}}
	for _, ind := range cat.Indicators {
		rows = append(rows, []string{ind.Code, ind.Area, ind.SubArea, ind.Content, ind.Report, ind.UnitsRaw, ind.Frequency, ind.Display})
	}
	return rows
}

// UnitRows is the unit list in the shape Load reads back.
func UnitRows(cat *xxgk.Catalog) [][]string {
	rows := [][]string{{"单位编码", "单位全称", "单位名称", "类型", "别名"}}
	for _, u := range cat.Units.All() {
		kind := "部门"
		if u.Kind == xxgk.County {
			kind = "县区"
		}
		rows = append(rows, []string{u.Code, u.Name, u.Short, kind, strings.Join(u.Aliases, "|")})
	}
	return rows
}

// TableFormat tells from a file name how WriteTable writes it: "xlsx" or "csv"; "" for
// any other extension.
func TableFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return "xlsx"
	case ".csv":
		return "csv"
	}
	return ""
}

// WriteTable writes rows as format ("xlsx": one sheet named sheet, every cell text; "csv":
// UTF-8 with a byte-order mark, which Excel on Chinese Windows needs to show it right).
func WriteTable(w io.Writer, format, sheet string, rows [][]string) error {
	switch format {
	case "csv":
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		if err := cw.WriteAll(rows); err != nil {
			return err
		}
		return cw.Error()
	case "xlsx":
		f := excelize.NewFile()
		defer f.Close()
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return err
		}
		widths := make([]int, len(rows[0]))
		for i, r := range rows {
			for j, v := range r {
				ref, err := excelize.CoordinatesToCellName(j+1, i+1)
				if err != nil {
					return err
				}
				if err := f.SetCellStr(sheet, ref, v); err != nil {
					return err
				}
				widths[j] = max(widths[j], min(60, len([]rune(v))*2))
			}
		}
		for j, wd := range widths {
			col, _ := excelize.ColumnNumberToName(j + 1)
			if err := f.SetColWidth(sheet, col, col, float64(max(wd, 8))); err != nil {
				return err
			}
		}
		_, err := f.WriteTo(w)
		return err
	}
	return fmt.Errorf("不支持的格式“%s”", format)
}
