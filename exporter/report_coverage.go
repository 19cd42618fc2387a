package exporter

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// CoverageColumns are 指标覆盖's headers. 信息公开内容 comes last: several items share one
// 二级指标 (财政信息), and without it their rows look like duplicates.
var CoverageColumns = []string{"编码", "一级指标", "二级指标", "应建单位数", "已开设", "未开设", "不适用", "覆盖率", "信息公开内容"}

const coverageRateCol = 8 // H

func writeCoverageSheet(f *excelize.File, st *styles, s xxgk.Summary, title string) error {
	widths := []float64{11, 16, 20, 10, 8, 8, 8, 9, 48}
	bodies := []int{st.text, st.wrap, st.wrap, st.number, st.number, st.number, st.number, st.percent, st.wrap}
	cols := make([]column, len(CoverageColumns))
	for i, t := range CoverageColumns {
		cols[i] = column{Title: t, Width: widths[i], Style: bodies[i]}
	}
	n := len(s.Indicators)
	sw, err := newSheetWriter(f, sheetSpec{
		Name: SheetCoverage, Cols: cols, HeaderRow: 1, LastRow: 1 + n, Freeze: "B2", Title: title,
	})
	if err != nil {
		return err
	}
	if err := sw.header(st.header); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	for _, c := range s.Indicators {
		row := []any{c.Code, str(c.Area), str(c.SubArea), c.Assigned, c.Opened, c.NotOpened,
			c.NotApplicable, c.Completion(), str(c.Content)}
		if c.Assigned == 0 {
			row[coverageRateCol-1] = nil // nobody must build it: no rate rather than 0%
		}
		for i, v := range row {
			vals[i] = excelize.Cell{Value: v, StyleID: cols[i].Style}
		}
		if err := sw.next(vals); err != nil {
			return err
		}
	}
	var conds []condFormat
	if n > 0 {
		c := colName(coverageRateCol)
		conds = []condFormat{{fmt.Sprintf("%s2:%s%d", c, c, n+1), []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "<", Value: fmt.Sprint(LowCompletion), Format: &st.low},
		}}}
	}
	return sw.finish(n, conds)
}
