package importer

import (
	"regexp"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// chineseDay matches a date as the templates print it (xxgk.ChineseDate).
var chineseDay = regexp.MustCompile(`\d{4}年\d{1,2}月\d{1,2}日`)

// dueMarks are the places a template states its return-by day: the legend on 填报表
// ("请于…前填好报送。"), the 截止日期 line and the 报送 step of 填报说明.
// dueFooter is the page footer's 截止 part.
var dueFooter = regexp.MustCompile(`报送截止：\d{4}年\d{1,2}月\d{1,2}日`)

var dueMarks = []*regexp.Regexp{
	regexp.MustCompile(`请于\d{4}年\d{1,2}月\d{1,2}日前`), // 请于…前填好报送, 请于…前将填好的文件报送
	regexp.MustCompile(`^\d{4}年\d{1,2}月\d{1,2}日（请在此日期前报送）$`),
}

// redate rewrites the return-by day a unit's own workbook states (written by templates
// from the round's deadline) to due, so that a refused file returned beside a letter asks
// for what the letter asks. Cells and footers that do not carry the template's wording
// are left as the unit saved them. A zero due changes nothing.
func redate(f *excelize.File, due time.Time) error {
	if due.IsZero() {
		return nil
	}
	day := xxgk.ChineseDate(due)
	for _, sh := range []string{xxgk.SheetForm, xxgk.SheetGuide} {
		if idx, _ := f.GetSheetIndex(sh); idx < 0 {
			continue
		}
		rows, err := f.GetRows(sh)
		if err != nil {
			return err
		}
		for r, row := range rows {
			if r >= 40 { // the legend and the guide's head are at the top
				break
			}
			for c, v := range row {
				for _, m := range dueMarks {
					if !m.MatchString(v) {
						continue
					}
					cell, err := excelize.CoordinatesToCellName(c+1, r+1)
					if err != nil {
						return err
					}
					nv := m.ReplaceAllStringFunc(v, func(s string) string { return chineseDay.ReplaceAllString(s, day) })
					if err := f.SetCellStr(sh, cell, nv); err != nil {
						return err
					}
				}
			}
		}
		hf, err := f.GetHeaderFooter(sh)
		if err != nil || hf == nil {
			continue
		}
		if dueFooter.MatchString(hf.OddFooter) {
			hf.OddFooter = dueFooter.ReplaceAllString(hf.OddFooter, "报送截止："+day)
			if err := f.SetHeaderFooter(sh, hf); err != nil {
				return err
			}
		}
	}
	return nil
}
