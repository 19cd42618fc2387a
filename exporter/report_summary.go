package exporter

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// SummaryColumns are 汇总's headers.
var SummaryColumns = []string{"单位", "类型", "报送状态", "版本", "应建栏目", "已开设", "未开设", "不适用", "完成率", "最后报送时间"}

// Layout of 汇总: a title, a line of overall figures, the header, one row per unit, totals.
const (
	summaryHeaderRow = 3
	summaryStatusCol = 3 // C
	summaryRateCol   = 9 // I
)

func writeSummarySheet(f *excelize.File, st *styles, s xxgk.Summary, units []xxgk.UnitSummary, title string, date time.Time) error {
	widths := []float64{22, 9, 10, 6, 9, 8, 8, 8, 9, 19}
	bodies := []int{st.text, st.center, st.center, st.center, st.number, st.number, st.number, st.number, st.percent, st.dateTime}
	cols := make([]column, len(SummaryColumns))
	for i, t := range SummaryColumns {
		cols[i] = column{Title: t, Width: widths[i], Style: bodies[i]}
	}
	n := len(units)
	sw, err := newSheetWriter(f, sheetSpec{
		Name: SheetSummary, Cols: cols, HeaderRow: summaryHeaderRow,
		LastRow: summaryHeaderRow + n + 1, Freeze: "B4", Title: title,
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
	if err := sw.next([]any{excelize.Cell{Value: overallLine(s, date), StyleID: st.subtitle}}, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	if err := sw.mergeRow(); err != nil {
		return err
	}
	if err := sw.header(st.header); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	var last time.Time
	for _, u := range units {
		var version, at any
		if u.State != xxgk.Missing {
			version, at = u.Version, timeValue(u.SubmittedAt)
			if u.SubmittedAt.After(last) {
				last = u.SubmittedAt
			}
		}
		row := []any{unitName(u.Unit), u.Unit.Kind.Label(), u.State.Label(), version,
			u.Assigned, u.Opened, u.NotOpened, u.NotApplicable, u.Completion(), at}
		if u.State == xxgk.Missing {
			// As in the PDF: nothing reported, so no counts and no rate (0.0% would read
			// as "submitted and opened nothing").
			row[5], row[6], row[7], row[8] = nil, nil, nil, xxgk.NoRate
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
	totals := []any{"合计", nil, fmt.Sprintf("已报送 %d/%d", s.Submitted, len(s.Units)), nil,
		s.Total.Assigned, s.Total.Opened, s.Total.NotOpened, s.Total.NotApplicable, s.Total.Completion(), timeValue(last)}
	tstyles := []int{st.totalText, st.totalText, st.totalText, st.totalText, st.totalNumber, st.totalNumber,
		st.totalNumber, st.totalNumber, st.totalPercent, st.totalDateTime}
	for i, v := range totals {
		vals[i] = excelize.Cell{Value: v, StyleID: tstyles[i]}
	}
	if err := sw.next(vals); err != nil {
		return err
	}
	return sw.finish(n, summaryConds(st, n))
}

// overallLine is the line under the title: deadline, report date and the round's figures.
func overallLine(s xxgk.Summary, date time.Time) string {
	line := ""
	if !s.Round.Deadline.IsZero() {
		line = "报送截止：" + xxgk.ChineseDate(s.Round.Deadline) + "　"
	}
	line += "制表日期：" + xxgk.ChineseDate(date.In(xxgk.ChinaTime))
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
			{Type: "formula", Criteria: fmt.Sprintf(`%s="%s"`, status, xxgk.Missing.Label()), Format: &st.missingRow},
			{Type: "formula", Criteria: fmt.Sprintf(`%s="%s"`, status, xxgk.Late.Label()), Format: &st.lateRow},
		}},
		{rate, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: "<", Value: fmt.Sprint(LowCompletion), Format: &st.low},
		}},
	}
}

// maxChartHeight keeps the chart within Excel's largest drawing object (169 in, about
// 16,000 px); at 1,000 units the bars get thinner instead.
const maxChartHeight = 15000

// writeChartSheet draws completion by unit as horizontal bars, in 汇总's order (problems on
// top), reading the values from 汇总 so the chart and the table cannot disagree.
func writeChartSheet(f *excelize.File, st *styles, units []xxgk.UnitSummary, title string) error {
	if err := f.SetCellValue(SheetChart, "A1", "各单位完成率（按 汇总 表顺序：未报送、逾期在前，完成率由低到高；低于 60% 为偏低）"); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetChart, "A1", "A1", st.note); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(SheetChart, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := printSetup(f, SheetChart, title, 0); err != nil {
		return err
	}
	n := len(units)
	if n == 0 {
		return f.SetCellValue(SheetChart, "A2", "（没有单位）")
	}
	first, last := summaryHeaderRow+1, summaryHeaderRow+n
	ref := func(col int) string {
		c := colName(col)
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", SheetSummary, c, first, c, last)
	}
	zero, one := 0.0, 1.0
	gap, vary := uint(40), false
	// excelize's default axis text is a light grey that vanishes on paper.
	axisFont := excelize.Font{Color: "262626", Size: 10}
	return f.AddChart(SheetChart, "A3", &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("'%s'!$%s$%d", SheetSummary, colName(summaryRateCol), summaryHeaderRow),
			Categories: ref(1),
			Values:     ref(summaryRateCol),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各单位完成率"}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 900, Height: uint(min(120+22*n, maxChartHeight))},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axisFont},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, Maximum: &one, MajorUnit: 0.1,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Font: axisFont},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: fmtPercent}},
		GapWidth:   &gap,
		VaryColors: &vary,
	})
}
