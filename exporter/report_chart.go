package exporter

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// The chart's own data sits on 图表, right of the printed area, so that each category
// label can say what 汇总's unit column cannot: that a unit has not reported (its bar
// would otherwise be silently blank).
const (
	chartDataCol  = 20 // T: labels; U: completion
	chartWidthPx  = 680
	chartRowPx    = 20 // default row height, 15 pt
	chartColPx    = 64 // default column width, 8.43 characters
	chartBarPx    = 18 // per unit: room for one 9 pt label
	chartMinPx    = 360
	onePageCharts = 60 // above this many units the chart runs over several pages
)

// maxChartHeight keeps the chart within Excel's largest drawing object (169 in, about
// 16,000 px); at 1,000 units the bars get thinner instead.
const maxChartHeight = 15000

// MissingSuffix marks a unit that has not reported in the chart's labels.
const MissingSuffix = "（未报送）"

// writeChartSheet draws completion by unit as horizontal bars, in the ranking's order
// (xxgk.Ranked, as the 通报's table and chart), with a label for every unit, sized to print
// on one A4 page.
func writeChartSheet(f *excelize.File, st *styles, units []xxgk.UnitSummary, title string) error {
	rs := xxgk.Ranked(units)
	units = make([]xxgk.UnitSummary, len(rs))
	for i, r := range rs {
		units[i] = r.UnitSummary
	}
	if err := f.SetCellValue(SheetChart, "A1", fmt.Sprintf("各单位完成率（按通报排名顺序：完成率由高到低，未报送单位列于最后；低于 %.0f%% 为偏低）", LowCompletion*100)); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetChart, "A1", "A1", st.note); err != nil {
		return err
	}
	// An explicit default row height: the print area below counts rows of 20 px, and
	// LibreOffice's own default row is shorter, which cut the chart off.
	fit, custom, rowPt := true, true, float64(chartRowPx)*0.75
	if err := f.SetSheetProps(SheetChart, &excelize.SheetPropsOptions{FitToPage: &fit, CustomHeight: &custom, DefaultRowHeight: &rowPt}); err != nil {
		return err
	}
	n := len(units)
	if err := printSetup(f, SheetChart, title, 0); err != nil {
		return err
	}
	if n == 0 {
		return f.SetCellValue(SheetChart, "A2", "（没有单位）")
	}
	height := min(max(chartMinPx, 80+chartBarPx*n), maxChartHeight)
	if err := chartPage(f, height, n); err != nil {
		return err
	}
	if err := chartData(f, st, units); err != nil {
		return err
	}
	labels, values := colName(chartDataCol), colName(chartDataCol+1)
	ref := func(c string) string { return fmt.Sprintf("'%s'!$%s$2:$%s$%d", SheetChart, c, c, n+1) }
	zero, one := 0.0, 1.0
	gap, vary := uint(40), false
	// excelize's default axis text is a light grey that vanishes on paper.
	axisFont := excelize.Font{Color: "262626", Size: 9}
	return f.AddChart(SheetChart, "A3", &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("'%s'!$%s$1", SheetChart, values),
			Categories: ref(labels),
			Values:     ref(values),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各单位完成率"}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: chartWidthPx, Height: uint(height)},
		// TickLabelSkip 1: Excel and LibreOffice drop every other label when they think
		// the axis is crowded; every unit must be named.
		XAxis: excelize.ChartAxis{ReverseOrder: true, Font: axisFont, TickLabelSkip: 1},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, Maximum: &one, MajorUnit: 0.1,
			NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Font: axisFont},
		PlotArea:     excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: fmtPercent}},
		GapWidth:     &gap,
		VaryColors:   &vary,
		ShowBlanksAs: "gap",
	})
}

// chartData writes the label and completion of every unit: a missing unit's label says
// so and its value is empty (no bar, no "0.0%" that would read as reported-and-nothing).
func chartData(f *excelize.File, st *styles, units []xxgk.UnitSummary) error {
	head := []any{"单位", "完成率"}
	if err := f.SetSheetRow(SheetChart, cellName(chartDataCol, 1), &head); err != nil {
		return err
	}
	for i, u := range units {
		label, value := u.Unit.Label(), any(u.Completion())
		if u.State == xxgk.Missing {
			label, value = label+MissingSuffix, nil
		}
		row := []any{label, value}
		if err := f.SetSheetRow(SheetChart, cellName(chartDataCol, i+2), &row); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(SheetChart, cellName(chartDataCol+1, 2), cellName(chartDataCol+1, len(units)+1), st.percent); err != nil {
		return err
	}
	// excelize leaves <dimension ref="A1">, and streaming readers then see one cell.
	return f.SetSheetDimension(SheetChart, "A1:"+cellName(chartDataCol+1, len(units)+1))
}

// chartPage prints the note and the chart, not the data beside it, portrait on one page
// (as many pages tall as needed beyond onePageCharts units).
func chartPage(f *excelize.File, heightPx, n int) error {
	a4, portrait, wide, tall := 9, "portrait", 1, 1
	if n > onePageCharts {
		tall = 0
	}
	if err := f.SetPageLayout(SheetChart, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &portrait, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	cols := int(math.Ceil(float64(chartWidthPx)/chartColPx)) + 1
	// excelize anchors the chart counting rows of about 18 px; count 16 to be sure the
	// whole drawing is inside the area.
	rows := 2 + int(math.Ceil(float64(heightPx)/16)) + 2
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Area",
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", SheetChart, colName(cols), rows),
		Scope:    SheetChart,
	})
}

// cellName is a cell's A1 name; callers pass coordinates within the sheet's bounds.
func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}
