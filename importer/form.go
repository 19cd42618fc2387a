package importer

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"xxgk"
)

// layout is where things are on the form sheet, found by scanning, never assumed: units
// insert rows above the table and move or insert columns.
type layout struct {
	header int                // 0-based row of the header
	col    [xxgk.NumCols]int  // 0-based column of each form column, -1 when absent
	byCol  map[int]int        // column → form column index
	labels map[string]labelAt // LabelFiller/LabelPhone/LabelUnit → where its value is
}

type labelAt struct {
	row, col int // the value's cell
	value    string
}

// optionalCols may be missing from the header without making the rows unreadable.
var optionalCols = map[int]bool{xxgk.ColSeq: true, xxgk.ColReport: true}

// findHeader returns the first row that carries 指标编码 and 是否开设栏目 and most of the
// other form column labels.
func findHeader(g grid) (layout, bool) {
	want := map[string]int{}
	for i, l := range xxgk.FormColumns {
		want[l] = i
	}
	for r, row := range g.rows {
		lay := layout{header: r, byCol: map[int]int{}}
		for i := range lay.col {
			lay.col[i] = -1
		}
		hits := 0
		for c, v := range row {
			i, ok := want[label(v)]
			if !ok || lay.col[i] >= 0 {
				continue
			}
			lay.col[i] = c
			lay.byCol[c] = i
			hits++
		}
		if lay.col[xxgk.ColCode] >= 0 && lay.col[xxgk.ColStatus] >= 0 && hits >= xxgk.NumCols/2 {
			return lay, true
		}
	}
	return layout{}, false
}

// formSheet finds the sheet holding the table: 填报表, or, when a unit renamed it, the
// first other visible sheet whose rows carry the header.
func (rd *read) formSheet() (grid, layout, bool) {
	sheets := rd.b.sheetNames()
	try := func(name string) (grid, layout, bool) {
		ref, _ := rd.b.sheet(name)
		g, err := rd.b.grid(ref, rd.lim.MaxRows, rd.lim.MaxCols)
		if err == errTooWide {
			rd.fail(name, "", "", "工作表“%s”超过 %d 列有内容，不是本系统的模板格式，请使用下发的模板填报", name, rd.lim.MaxCols)
			return g, layout{}, false
		}
		if err != nil {
			rd.failCorrupt(err)
			return g, layout{}, false
		}
		lay, ok := findHeader(g)
		if n := utf8.RuneCountInString(name); ok && n > xxgk.MaxSheetName {
			// Repeated in every problem and stored with warnings: bounded like cell text.
			rd.fail("", "", xxgk.Visible(name, 30), "填报表所在工作表的名称过长（%d 个字符），请改回“%s”后再报送", n, xxgk.SheetForm)
			return g, layout{}, false
		}
		return g, lay, ok
	}
	if rd.b.isUnlinked(xxgk.SheetForm) {
		rd.failUnlinked(xxgk.SheetForm)
		return grid{}, layout{}, false
	}
	for _, s := range sheets {
		if s == xxgk.SheetForm {
			if g, lay, ok := try(s); ok {
				return g, lay, true
			}
		}
	}
	for _, s := range sheets {
		if s == xxgk.SheetForm || s == xxgk.SheetMeta || s == xxgk.SheetGuide {
			continue
		}
		if g, lay, ok := try(s); ok {
			if !hasSheet(sheets, xxgk.SheetForm) {
				rd.warn(s, "", s, "工作表“%s”已被改名，已按表头在此工作表中找到填报内容；请勿修改工作表名称", xxgk.SheetForm)
			} else {
				rd.warn(s, "", s, "工作表“%s”中找不到表头，已改用工作表“%s”中的填报内容", xxgk.SheetForm, s)
			}
			return g, lay, true
		}
	}
	if rd.c.Problems.HasErrors() {
		return grid{}, layout{}, false
	}
	rd.fail(xxgk.SheetForm, "", "", "找不到填报表：没有哪个工作表含有“%s”“%s”等列名的表头行。请使用下发的模板填报，不要删除或修改表头",
		xxgk.FormColumns[xxgk.ColCode], xxgk.FormColumns[xxgk.ColStatus])
	return grid{}, layout{}, false
}

func hasSheet(list []string, name string) bool {
	for _, s := range list {
		if s == name {
			return true
		}
	}
	return false
}

// checkColumns reports header columns that are missing; rows cannot be read without them.
func (rd *read) checkColumns(g grid, lay layout) bool {
	ok := true
	for i, c := range lay.col {
		if c < 0 && !optionalCols[i] {
			rd.fail(g.sheet, fmt.Sprintf("%d:%d", lay.header+1, lay.header+1), "",
				"表头（第 %d 行）缺少“%s”列，请勿删除或修改模板中的列名", lay.header+1, xxgk.FormColumns[i])
			ok = false
		}
	}
	return ok
}

// findLabels scans the rows above the header for the label cells 填报单位, 填报人 and
// 联系电话. The value is the first non-empty cell to the right before the next label (the
// template merges the value cells), or follows the label in the same cell ("填报人：张三").
func findLabels(g grid, header int) map[string]labelAt {
	names := []string{xxgk.LabelUnit, xxgk.LabelFiller, xxgk.LabelPhone}
	isLabel := func(v string) bool {
		l := label(v)
		for _, n := range names {
			if l == n {
				return true
			}
		}
		return false
	}
	out := map[string]labelAt{}
	for r := 0; r < header && r < len(g.rows); r++ {
		row := g.rows[r]
		for c, v := range row {
			l := label(v)
			for _, n := range names {
				if _, seen := out[n]; seen {
					continue
				}
				switch {
				case l == n:
					at := labelAt{row: r, col: c + 1}
					for cc := c + 1; cc < len(row) && cc <= c+8; cc++ {
						if isLabel(row[cc]) {
							break
						}
						if strings.TrimSpace(row[cc]) != "" {
							at = labelAt{row: r, col: cc, value: row[cc]}
							break
						}
					}
					out[n] = at
				case strings.HasPrefix(l, n+":") || strings.HasPrefix(l, n+"："):
					out[n] = labelAt{row: r, col: c, value: strings.TrimSpace(strings.TrimLeft(strings.TrimPrefix(l, n), ":："))}
				}
			}
		}
	}
	return out
}

// contact checks 填报人 and 联系电话 and records them on the submission.
func (rd *read) contact(chk xxgk.Checker, g grid, lay layout, sub *xxgk.Submission) {
	for _, n := range []string{xxgk.LabelFiller, xxgk.LabelPhone} {
		if _, ok := lay.labels[n]; !ok {
			rd.fail(g.sheet, "", "", "表头上方找不到“%s”单元格，请勿删除模板中的“%s”一栏", n, n)
		}
	}
	filler, fok := lay.labels[xxgk.LabelFiller]
	phone, pok := lay.labels[xxgk.LabelPhone]
	if !fok || !pok {
		return
	}
	flagged := map[string]bool{}
	for i, at := range []labelAt{filler, phone} {
		if p, ok := rd.flagProblem(g, at.row, at.col); ok {
			n := []string{xxgk.LabelFiller, xxgk.LabelPhone}[i]
			p.Field = n
			rd.c.Problems = append(rd.c.Problems, p)
			flagged[n] = true
		}
	}
	var ps xxgk.Problems
	sub.Filler, sub.Phone, ps = chk.CheckContact(filler.value, phone.value)
	for _, p := range dropFields(ps, flagged) {
		at := filler
		if p.Field == xxgk.LabelPhone {
			at = phone
		}
		p.File, p.Sheet, p.Cell = rd.c.Name, g.sheet, addr(at.row, at.col)
		if p.Value == "" {
			p.Value = xxgk.Visible(strings.TrimSpace(at.value), 30)
		}
		rd.c.Problems = append(rd.c.Problems, p)
	}
}
