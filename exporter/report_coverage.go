package exporter

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// CoverageColumns are 指标覆盖's headers. 信息公开内容 comes last: several items share one
// 二级指标 (财政信息), and without it their rows look like duplicates. On every row and in
// 合计, 应建单位数 = 已开设 + 未开设 + 不适用 + 未报送.
var CoverageColumns = []string{"编码", "一级指标", "二级指标", "应建单位数", "已开设", "未开设", "不适用", "未报送", "覆盖率", "信息公开内容"}

const coverageRateCol = 9 // I

func writeCoverageSheet(f *excelize.File, st *styles, s xxgk.Summary, title string) error {
	widths := []float64{10, 14, 18, 10, 7, 7, 7, 7, 8, 44}
	bodies := []int{st.text, st.wrap, st.wrap, st.number, st.number, st.number, st.number, st.number, st.percent, st.wrap}
	cols := make([]column, len(CoverageColumns))
	for i, t := range CoverageColumns {
		cols[i] = st.column(t, widths[i], bodies[i])
	}
	n := len(s.Indicators)
	sw, err := newSheetWriter(f, sheetSpec{
		Name: SheetCoverage, Cols: cols, HeaderRow: 1, LastRow: 1 + n + 1, Freeze: "B2", Title: title,
	})
	if err != nil {
		return err
	}
	if err := sw.header(st.header); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	// Indicators sharing a 二级指标 carry their short content, as in the 通报.
	inds := make([]xxgk.Indicator, len(s.Indicators))
	for i, c := range s.Indicators {
		inds[i] = c.Indicator
	}
	names := xxgk.IndicatorNames(inds)
	for _, c := range s.Indicators {
		sub := c.SubArea
		if sub != "" {
			sub = names[c.Code]
		}
		row := []any{c.Code, str(c.Area), str(sub), c.Assigned, c.Opened, c.NotOpened,
			c.NotApplicable, c.NotReported, c.Completion(), str(c.Content)}
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
	// The indicators' counts add up to the units' (xxgk.Summary.CheckPartition).
	total := s.Total
	totals := []any{"合计", nil, nil, total.Assigned, total.Opened, total.NotOpened, total.NotApplicable,
		total.NotReported, total.Completion(), nil}
	tstyles := []int{st.totalText, st.totalText, st.totalText, st.totalNumber, st.totalNumber, st.totalNumber,
		st.totalNumber, st.totalNumber, st.totalPercent, st.totalText}
	for i, v := range totals {
		vals[i] = excelize.Cell{Value: v, StyleID: tstyles[i]}
	}
	if err := sw.next(vals); err != nil {
		return err
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
