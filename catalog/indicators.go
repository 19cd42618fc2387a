package catalog

import (
	"regexp"
	"strings"

	"xxgk"
)

// parseIndicators reads the indicator table, one row per content item.
//
// Blank cells are read as vertically merged cells of a Word or Excel table (excelize and
// CSV export leave all but the top cell empty):
//   - a blank 一级指标 continues the area above;
//   - a blank 二级指标 continues the sub-area above while the area is the same one, so an
//     area without sub-areas (行政审批制度改革) stays without;
//   - a blank 建设单位 inherits the list above within the same 一级指标, never across.
//
// 需报送信息, frequency and display never inherit: blank means none.
//
// A name missing from the unit list is reported once, on one line listing every row whose
// 建设单位 cell names it (第 2–10、12、15 行): one unit left out of next year's list must
// not bury the other problems under a hundred identical lines. Rows that inherit the cell
// from a merged cell above are not listed; the clerk edits the cell where the name is.
// Names of unit rows that were refused (refused, folded) are not reported: the unit row's
// problem is the cause, and the built-in table would otherwise list every row naming it.
func parseIndicators(rows [][]string, file string, us *xxgk.Units, refused map[string]bool) ([]xxgk.Indicator, []Problem) {
	ps := &problems{table: indicatorTable, file: file}
	l, h := findHeader(rows, indicatorColumns(), ps)
	if len(ps.list) > 0 {
		return nil, ps.list
	}
	var (
		out                         []xxgk.Indicator
		prevArea, prevSub, prevUnit string
		codeRow                     = map[string]int{}
	)
	for i := h + 1; i < len(rows); i++ {
		row, n := rows[i], i+1
		if blank(row) {
			continue
		}
		ind := xxgk.Indicator{
			Code:      xxgk.Normalize(l.cell(row, "code")),
			Area:      l.cell(row, "area"),
			SubArea:   l.cell(row, "sub_area"),
			Content:   l.cell(row, "content"),
			Report:    report(l.cell(row, "report")),
			UnitsRaw:  l.cell(row, "units"),
			Frequency: frequency(l.cell(row, "frequency")),
			Display:   display(l.cell(row, "display")),
		}
		if ind.Area == "" {
			ind.Area = prevArea
		}
		sameArea := ind.Area != "" && ind.Area == prevArea
		if ind.SubArea == "" && sameArea {
			ind.SubArea = prevSub
		}
		inherited := false
		if ind.UnitsRaw == "" && sameArea {
			ind.UnitsRaw, inherited = prevUnit, true
		}
		prevArea, prevSub, prevUnit = ind.Area, ind.SubArea, ind.UnitsRaw

		// 以专题形式展现 sits in the 二级指标 column of the 2020 table: a display form.
		if d := display(ind.SubArea); d == "专题" {
			ind.SubArea = ""
			if ind.Display == "" {
				ind.Display = d
			}
		}

		switch first, dup := codeRow[ind.Code]; {
		case ind.Code == "":
			ps.add(n, "缺少指标编码")
		case dup:
			ps.add(n, "指标编码“%s”与第 %d 行重复", ind.Code, first)
		default:
			codeRow[ind.Code] = n
		}
		if ind.Area == "" {
			ps.add(n, "缺少一级指标")
		}
		if ind.Content == "" {
			ps.add(n, "缺少信息公开内容")
		}
		if ind.UnitsRaw == "" {
			ps.add(n, "缺少建设单位（空白单元格只沿用同一一级指标内上一行的建设单位）")
		} else {
			a, issues := resolveUnits(ind.UnitsRaw, us)
			if !inherited { // an inherited list was reported on the row it came from
				for _, is := range issues {
					if is.unknown != "" && refused[xxgk.FoldName(is.unknown)] {
						continue
					}
					if is.unknown != "" {
						ps.addGrouped("unknown unit\x00"+is.unknown, n, "%s", is.msg)
					} else {
						ps.add(n, "%s", is.msg)
					}
				}
			}
			ind.Units, ind.AllDepts, ind.AllCounty, ind.OpenEnded = a.codes, a.allDepts, a.allCounty, a.openEnded
		}
		out = append(out, ind)
	}
	if len(out) == 0 && len(ps.list) == 0 {
		ps.add(0, "没有任何指标行")
	}
	return out, ps.list
}

// report reads 需报送信息; a dash or 无 means nothing to report.
func report(s string) string {
	switch s {
	case "无", "-", "—", "/", "／", "不需要", "无需报送":
		return ""
	}
	return s
}

var everyPeriod = regexp.MustCompile(`^每(日|天|周|月|季度?|半年|年)(公开|更新)?一次$`)

// frequency shortens 每月公开一次 to 每月; other text is kept as written.
func frequency(s string) string {
	if m := everyPeriod.FindStringSubmatch(s); m != nil {
		return "每" + m[1]
	}
	return s
}

// display reads the display form; 以专题形式展现 and its variants become 专题.
func display(s string) string {
	switch strings.Join(strings.Fields(s), "") {
	case "以专题形式展现", "以专题形式展示", "以专题形式", "专题形式展现", "专题形式", "专题":
		return "专题"
	}
	return s
}
