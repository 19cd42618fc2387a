package templates

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/xlsxlayout"
)

// form lays out 填报表: title, label cells, a legend, the header row and one row per
// indicator, then its validations, protection and print settings.
func (b *book) form() error {
	const sh = xxgk.SheetForm
	f, st := b.f, b.st
	widths := formWidths()
	for i, w := range widths {
		c := colName(i + 1)
		if err := f.SetColWidth(sh, c, c, w); err != nil {
			return err
		}
	}
	last := colName(xxgk.NumCols)

	// Title, spanning the table.
	title := b.round.Title + "填报表"
	if err := b.merged(sh, 1, rowTitle, xxgk.NumCols, title, st.title); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, rowTitle, 30); err != nil {
		return err
	}

	// Label cells: the unit (locked) and the two inputs (unlocked), each value right of its label.
	labels := []struct {
		col, end   int
		label, val string
		style      int
	}{
		{colUnitLabel, colFillerLabel - 1, xxgk.LabelUnit, b.unit.Short, st.unitValue},
		{colFillerLabel, colPhoneLabel - 1, xxgk.LabelFiller, "", st.input},
		{colPhoneLabel, colLabelsEnd - 1, xxgk.LabelPhone, "", st.input},
	}
	for _, l := range labels {
		if err := f.SetCellStr(sh, cell(l.col, rowLabels), l.label); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell(l.col, rowLabels), cell(l.col, rowLabels), st.label); err != nil {
			return err
		}
		if err := b.merged(sh, l.col+1, rowLabels, l.end, l.val, l.style); err != nil {
			return err
		}
	}
	if err := f.SetRowHeight(sh, rowLabels, 24); err != nil {
		return err
	}

	legend := "说明：灰色列为指标内容，已锁定；白色列请逐行填写，从“是否开设栏目”下拉列表选择；" +
		"黄色底纹的“报送内容”在选择“已开设”时必须填写；选择“未开设”或“不适用”时请在“备注”中说明原因。" +
		"详见“" + xxgk.SheetGuide + "”工作表。请勿插入或删除行。"
	if err := b.merged(sh, 1, rowLegend, xxgk.NumCols, "", st.legend); err != nil {
		return err
	}
	deadline := b.deadlineText()
	// Broken explicitly, at the larger of the two sizes, like the descriptions below.
	span := xlsxlayout.Span(widths[:]...)
	deadline, legend = wrapRuns(deadline, legend, span, bodyFont+1)
	runs := []excelize.RichTextRun{{Text: legend, Font: &excelize.Font{Family: faceBody, Size: bodyFont, Color: "404040"}}}
	if deadline != "" {
		runs = append([]excelize.RichTextRun{{Text: deadline,
			Font: &excelize.Font{Family: faceBody, Size: bodyFont + 1, Bold: true, Color: "C00000"}}}, runs...)
	}
	if err := f.SetCellRichText(sh, cell(1, rowLegend), runs); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, rowLegend, xlsxlayout.Height(xlsxlayout.Lines(deadline+legend, span, bodyFont+1), bodyFont+1)); err != nil {
		return err
	}

	// Header.
	for i, label := range xxgk.FormColumns {
		if err := f.SetCellStr(sh, cell(i+1, rowHeader), label); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sh, cell(1, rowHeader), cell(xxgk.FirstInputCol, rowHeader), st.headLocked); err != nil {
		return err
	}
	if err := f.SetCellStyle(sh, cell(xxgk.FirstInputCol+1, rowHeader), cell(xxgk.NumCols, rowHeader), st.headInput); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, rowHeader, xlsxlayout.Height(2, bodyFont)); err != nil {
		return err
	}

	if err := b.rows(widths); err != nil {
		return err
	}
	lastRow := rowFirst + len(b.inds) - 1
	if err := f.SetSheetDimension(sh, "A1:"+last+itoa(lastRow)); err != nil {
		return err
	}
	if err := b.validations(lastRow); err != nil {
		return err
	}
	if err := b.protect(sh); err != nil {
		return err
	}
	return b.formPage(lastRow)
}

// rows writes one row per indicator: the locked description on the left, empty input
// cells on the right, 报送内容 shaded where the indicator asks for a report.
func (b *book) rows(widths [xxgk.NumCols]float64) error {
	const sh = xxgk.SheetForm
	f, st := b.f, b.st
	typical := typicalLines(widths)
	for i, ind := range b.inds {
		row := rowFirst + i
		vals := [xxgk.FirstInputCol]string{
			xxgk.ColCode:    ind.Code,
			xxgk.ColArea:    ind.Area,
			xxgk.ColSubArea: ind.SubArea,
			xxgk.ColContent: content(ind),
			xxgk.ColReport:  ind.Report,
		}
		if err := f.SetCellInt(sh, cell(xxgk.ColSeq+1, row), int64(i+1)); err != nil {
			return err
		}
		n := 1
		for c := xxgk.ColCode; c < xxgk.FirstInputCol; c++ {
			if vals[c] == "" {
				continue
			}
			// Descriptions carry their own line breaks (xlsxlayout.Wrap), so every program
			// breaks them alike and no line starts with closing punctuation or ends with
			// opening punctuation (LibreOffice's cell wrapping ignores 避头点: “六稳”“ /
			// 六保”); the importer compares them with the catalog line breaks aside. The
			// 指标 names are broken so only where they hold punctuation: a unit copies a
			// name into 栏目名称, and a name without punctuation wraps well by itself.
			v := vals[c]
			if c == xxgk.ColContent || c == xxgk.ColReport || strings.ContainsAny(v, xxgk.NoLineStart+xxgk.NoLineEnd) {
				v = xlsxlayout.Wrap(v, widths[c], bodyFont)
			}
			if err := f.SetCellStr(sh, cell(c+1, row), v); err != nil {
				return err
			}
			n = max(n, xlsxlayout.Lines(v, widths[c], bodyFont))
		}
		styles := [...]struct{ from, to, style int }{
			{xxgk.ColSeq, xxgk.ColSeq, st.seq},
			{xxgk.ColCode, xxgk.ColCode, st.code},
			{xxgk.ColArea, xxgk.FirstInputCol - 1, st.locked},
			{xxgk.ColStatus, xxgk.ColStatus, st.status},
			{xxgk.ColName, xxgk.ColURL, st.text},
			{xxgk.ColUpdated, xxgk.ColUpdated, st.date},
			{xxgk.ColCount, xxgk.ColCount, st.count},
			{xxgk.ColReported, xxgk.ColReported, st.text},
			{xxgk.ColRemark, xxgk.ColRemark, st.text},
		}
		for _, s := range styles {
			style := s.style
			if s.from == xxgk.ColReported && ind.NeedsReport() {
				style = st.require
			}
			if err := f.SetCellStyle(sh, cell(s.from+1, row), cell(s.to+1, row), style); err != nil {
				return err
			}
		}
		// Leave room for typical answers even where the description is short.
		if err := f.SetRowHeight(sh, row, xlsxlayout.Height(max(n, typical), bodyFont)); err != nil {
			return err
		}
	}
	return nil
}

// content is 信息公开内容 with the table's frequency and display form appended, so the
// unit sees all the table says about the item.
func content(ind xxgk.Indicator) string {
	s := ind.Content
	if ind.Frequency != "" {
		s += "（更新频率：" + ind.Frequency + "）"
	}
	if ind.Display != "" {
		s += "（展现形式：" + ind.Display + "）"
	}
	return s
}

// merged writes v into the range from column c1 to c2 of row and styles and merges it.
func (b *book) merged(sh string, c1, row, c2 int, v string, style int) error {
	from, to := cell(c1, row), cell(c2, row)
	if v != "" {
		if err := b.f.SetCellStr(sh, from, v); err != nil {
			return err
		}
	}
	if err := b.f.SetCellStyle(sh, from, to, style); err != nil {
		return err
	}
	if c2 > c1 {
		return b.f.MergeCell(sh, from, to)
	}
	return nil
}

// deadlineText opens the legend: the unit sees by when to return the form at the top of
// the sheet it fills, not only in the guide and the footer.
func (b *book) deadlineText() string {
	if b.due().IsZero() {
		return ""
	}
	return "请于" + xxgk.ChineseDate(b.due()) + "前填好报送。"
}

// wrapRuns breaks two runs of one cell (a and then b, neither with line breaks of its
// own) as xlsxlayout.Wrap breaks their text together, and parts the result again where
// a ends.
func wrapRuns(a, b string, width, fontPt float64) (string, string) {
	wrapped := xlsxlayout.Wrap(a+b, width, fontPt)
	n := len([]rune(a))
	for i, r := range wrapped {
		if n == 0 {
			return wrapped[:i], wrapped[i:]
		}
		if r != '\n' {
			n--
		}
	}
	return wrapped, ""
}
