package exporter

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/xlsxlayout"
)

// SummaryColumns are 汇总's headers.
// 应建栏目 = 已开设 + 未开设 + 不适用 + 未报送 on every row and in 合计.
var SummaryColumns = []string{"单位", "类型", "报送状态", "版本", "应建栏目", "已开设", "未开设", "不适用", "未报送", "完成率", "最后报送时间"}

// onePageUnits is how many units 汇总 prints on one page (scaled to fit); more run over
// pages with the header repeated.
const onePageUnits = 45

// Layout of 汇总: a title, a line of overall figures, the header, one row per unit, totals.
const (
	summaryHeaderRow = 3
	summaryStatusCol = 3  // C
	summaryRateCol   = 10 // J
)

func writeSummarySheet(f *excelize.File, st *styles, s xxgk.Summary, units []xxgk.UnitSummary, title string, cfg reportConfig) error {
	widths := []float64{22, 9, 15, 6, 9, 8, 8, 8, 8, 9, 19}
	bodies := []int{st.text, st.center, st.center, st.center, st.number, st.number, st.number, st.number, st.number, st.percent, st.dateTime}
	cols := make([]column, len(SummaryColumns))
	for i, t := range SummaryColumns {
		cols[i] = st.column(t, widths[i], bodies[i])
	}
	n := len(units)
	sw, err := newSheetWriter(f, sheetSpec{
		Name: SheetSummary, Cols: cols, HeaderRow: summaryHeaderRow,
		LastRow: summaryHeaderRow + n + 1, Freeze: "B4", Title: title, OnePage: n <= onePageUnits,
	})
	if err != nil {
		return err
	}
	if err := sw.next([]any{excelize.Cell{Value: title + "汇总表", StyleID: st.title}}, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if err := sw.mergeRow(); err != nil {
		return err
	}
	line := overallLine(s, cfg)
	lineHeight := xlsxlayout.RowHeight(bodyFontPt, 2, xlsxlayout.Cell{Text: line, Width: xlsxlayout.Span(widths...)})
	if err := sw.next([]any{excelize.Cell{Value: line, StyleID: st.subtitle}}, excelize.RowOpts{Height: lineHeight}); err != nil {
		return err
	}
	if err := sw.mergeRow(); err != nil {
		return err
	}
	if err := sw.header(st.header); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	for _, u := range units {
		var version, at any
		if u.State != xxgk.Missing {
			version, at = u.Version, timeValue(u.SubmittedAt)
		}
		row := []any{u.Unit.Label(), u.Unit.Kind.Label(), stateLabel(u), version,
			u.Assigned, u.Opened, u.NotOpened, u.NotApplicable, u.NotReported, u.Completion(), at}
		if u.State == xxgk.Missing {
			// Nothing reported: every column counts under 未报送, and there is no rate
			// (0.0% would read as "submitted and opened nothing").
			row[summaryRateCol-1] = xxgk.NoRate
		}
		for i, v := range row {
			vals[i] = excelize.Cell{Value: v, StyleID: cols[i].Style}
		}
		if u.State == xxgk.Missing {
			vals[summaryRateCol-1] = excelize.Cell{Value: xxgk.NoRate, StyleID: st.center}
		}
		if err := sw.next(vals); err != nil {
			return err
		}
	}
	// 最后报送时间 of 合计 stays empty: a date there reads as the round's, and summing
	// dates means nothing.
	totals := []any{"合计", nil, fmt.Sprintf("已报送 %d/%d", s.Submitted, len(s.Units)), nil,
		s.Total.Assigned, s.Total.Opened, s.Total.NotOpened, s.Total.NotApplicable, s.Total.NotReported, s.Total.Completion(), nil}
	tstyles := []int{st.totalText, st.totalText, st.totalText, st.totalText, st.totalNumber, st.totalNumber,
		st.totalNumber, st.totalNumber, st.totalNumber, st.totalPercent, st.totalText}
	for i, v := range totals {
		vals[i] = excelize.Cell{Value: v, StyleID: tstyles[i]}
	}
	if err := sw.next(vals); err != nil {
		return err
	}
	return sw.finish(n, summaryConds(st, n))
}

// stateLabel is a unit's 报送状态 as the 通报 prints it: a unit whose file was sent back
// and that has nothing accepted reads 未报送（已退回）.
func stateLabel(u xxgk.UnitSummary) string {
	if u.State == xxgk.Missing && u.WasRejected() {
		return RefusedLabel
	}
	return u.State.Label()
}

// RefusedLabel is the 报送状态 of a unit whose only files were sent back.
const RefusedLabel = "未报送（已退回）"

// overallLine is the line under the title: deadline, report date and the round's figures.
func overallLine(s xxgk.Summary, cfg reportConfig) string {
	line := ""
	if !s.Round.Deadline.IsZero() {
		line = "报送截止：" + xxgk.ChineseDate(s.Round.Deadline) + "　"
	}
	line += "统计截至：" + xxgk.ChineseDate(cfg.asOf.In(xxgk.ChinaTime))
	if day := xxgk.ChineseDate(cfg.date.In(xxgk.ChinaTime)); day != xxgk.ChineseDate(cfg.asOf.In(xxgk.ChinaTime)) {
		line += "　制表日期：" + day
	}
	line += fmt.Sprintf("\n应报送单位 %d 个，已报送 %d 个（其中逾期 %d 个），未报送 %d 个；总体完成率 %s；导入警告 %d 条。",
		len(s.Units), s.Submitted, s.Late, s.Missing, xxgk.Percent(s.Total.Completion()), s.Warnings)
	return line
}

// summaryConds makes missing and late units' rows and low completion stand out.
func summaryConds(st *styles, n int) []condFormat {
	if n == 0 {
		return nil
	}
	first, last := summaryHeaderRow+1, summaryHeaderRow+n
	status := fmt.Sprintf("$%s%d", colName(summaryStatusCol), first)
	rows := fmt.Sprintf("A%d:%s%d", first, colName(len(SummaryColumns)), last)
	rate := fmt.Sprintf("%s%d:%s%d", colName(summaryRateCol), first, colName(summaryRateCol), last)
	return []condFormat{
		{rows, []excelize.ConditionalFormatOptions{
			// LEFT: a refused unit reads 未报送（已退回）.
			{Type: "formula", Criteria: fmt.Sprintf(`LEFT(%s,%d)="%s"`, status, len([]rune(xxgk.Missing.Label())), xxgk.Missing.Label()), Format: &st.missingRow},
			{Type: "formula", Criteria: fmt.Sprintf(`%s="%s"`, status, xxgk.Late.Label()), Format: &st.lateRow},
		}},
		{rate, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "<", Value: fmt.Sprint(LowCompletion), Format: &st.low},
		}},
	}
}
