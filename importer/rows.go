package importer

import (
	"fmt"
	"strings"

	"xxgk"
)

// form reads the form sheet: finds it, its header and labels, checks the contact, then
// every row, matching rows to indicators by 指标编码 alone.
func (rd *read) form(chk xxgk.Checker, inds []xxgk.Indicator, sub *xxgk.Submission) {
	g, lay, ok := rd.formSheet()
	if !ok {
		return
	}
	if g.beyond > 0 {
		rd.fail(g.sheet, fmt.Sprintf("A%d", g.beyond), "", "工作表超过 %d 行，第 %d 行仍有内容。模板只有 %d 行指标，请删除多余内容后再报送", rd.lim.MaxRows, g.beyond, len(inds))
		return
	}
	if !rd.checkColumns(g, lay) {
		return
	}
	lay.labels = findLabels(g, lay.header)
	if len(inds) > 0 && blankRows(g, lay) {
		if blankContact(g, lay) {
			// The template as it was sent out (the office's own 模板/ folder, or a unit
			// that sent it back unfilled): nothing to check and nothing to refuse.
			rd.c.Blank = true
			return
		}
		// One problem says it all; an error per row would bury it.
		rd.fail(g.sheet, "", "", "这是未填写的空白模板：%d 项指标都没有填写。请逐行填写“是否开设栏目”等内容后再报送", len(inds))
		return
	}
	rd.checkUnitCell(g, lay, rd.cat.Units, rd.c.Unit)
	rd.contact(chk, g, lay, sub)
	rd.rows(chk, g, lay, inds, sub)
}

// blankRows tells a template sent back as it was sent out: no input cell below the header
// holds anything. A formula counts even without a result: a workbook filled by a script
// with formulas nobody calculated is an answer to refuse cell by cell, not a blank.
func blankRows(g grid, lay layout) bool {
	for r := lay.header + 1; r < len(g.rows); r++ {
		for i := xxgk.FirstInputCol; i < xxgk.NumCols; i++ {
			if c := lay.col[i]; c >= 0 && !blankCell(g, r, c) {
				return false
			}
		}
	}
	return true
}

// blankContact tells that neither 填报人 nor 联系电话 holds anything.
func blankContact(g grid, lay layout) bool {
	for _, n := range []string{xxgk.LabelFiller, xxgk.LabelPhone} {
		if at, ok := lay.labels[n]; ok && !blankCell(g, at.row, at.col) {
			return false
		}
	}
	return true
}

// blankCell tells a cell with neither a value nor a formula.
func blankCell(g grid, r, c int) bool {
	return xxgk.Normalize(g.cell(r, c)) == "" && g.flagAt(r, c) == flagNone
}

// rows checks each row below the header and reports indicators without a row.
func (rd *read) rows(chk xxgk.Checker, g grid, lay layout, inds []xxgk.Indicator, sub *xxgk.Submission) {
	want := make(map[string]int, len(inds))
	for i, ind := range inds {
		want[ind.Code] = i
	}
	items := make([]*xxgk.Item, len(inds))
	seenAt := make(map[string]int, len(inds))
	get := func(r, i int) string { return g.cell(r, lay.col[i]) }
	for r := lay.header + 1; r < len(g.rows); r++ {
		raw := get(r, xxgk.ColCode)
		code := strings.ToUpper(strings.ReplaceAll(xxgk.Normalize(raw), " ", ""))
		raw = xxgk.Visible(raw, 40) // only echoed from here on
		codeCell := addr(r, lay.col[xxgk.ColCode])
		if code == "" {
			if c, v := rd.filledCell(g, lay, r); c >= 0 {
				rd.fail(g.sheet, addr(r, c), clip(v, 30), "第 %d 行没有指标编码却填写了内容。请勿在表格中插入行，每个指标只填写模板中对应的那一行", r+1)
			}
			continue
		}
		if prev, dup := seenAt[code]; dup {
			rd.fail(g.sheet, codeCell, raw, "指标编码重复出现（第 %d 行已有同一编码），每个指标只能有一行，请删除多余的行", prev+1)
			continue
		}
		seenAt[code] = r
		i, ok := want[code]
		if !ok {
			if _, known := rd.cat.Indicator(code); known {
				rd.fail(g.sheet, codeCell, raw, "该指标不属于本单位本轮需要填报的指标，请勿从其他单位的模板复制行")
			} else {
				rd.fail(g.sheet, codeCell, raw, "不是本轮指标表中的指标编码，请勿修改“指标编码”列")
			}
			continue
		}
		ind := inds[i]
		rd.locked(g, lay, r, ind)
		in := xxgk.RowInput{
			Status:     get(r, xxgk.ColStatus),
			ColumnName: get(r, xxgk.ColName),
			URL:        get(r, xxgk.ColURL),
			LastUpdate: get(r, xxgk.ColUpdated),
			Count:      get(r, xxgk.ColCount),
			Reported:   get(r, xxgk.ColReported),
			Remark:     get(r, xxgk.ColRemark),
			// Only a number in the XML may be a date serial; typed text never is.
			LastUpdateNumeric: g.isNumeric(r, lay.col[xxgk.ColUpdated]),
		}
		flagged := rd.flaggedInputs(g, lay, r, ind.Code)
		it, ps := chk.CheckRow(ind, in)
		for _, p := range dropFields(ps, flagged) {
			p.File, p.Sheet = rd.c.Name, g.sheet
			p.Cell = addr(r, lay.col[fieldCol(p.Field)])
			rd.c.Problems = append(rd.c.Problems, p)
		}
		items[i] = &it
	}
	for i, ind := range inds {
		if items[i] == nil {
			if _, seen := seenAt[ind.Code]; seen {
				continue // its row was unreadable and already reported
			}
			rd.c.Problems = append(rd.c.Problems, xxgk.Problem{
				Severity: xxgk.Error, File: rd.c.Name, Sheet: g.sheet, Code: ind.Code,
				Message: fmt.Sprintf("缺少指标“%s %s”的行，请勿删除模板中的行或修改指标编码", ind.Code, clip(ind.Title()+"："+ind.Content, 40)),
			})
			continue
		}
		sub.Items = append(sub.Items, *items[i])
	}
}

// filledCell returns the first non-empty cell of a known column in row r (but 序号, which
// a unit may number down by habit), or -1.
func (rd *read) filledCell(g grid, lay layout, r int) (int, string) {
	for i, c := range lay.col {
		if c < 0 || i == xxgk.ColSeq {
			continue
		}
		if v := strings.TrimSpace(g.cell(r, c)); v != "" {
			return c, v
		}
	}
	return -1, ""
}

// locked reports description cells whose text no longer matches the catalog: the unit
// edited a protected cell or pasted another row over this one.
func (rd *read) locked(g grid, lay layout, r int, ind xxgk.Indicator) {
	check := func(col int, want string, extraOK bool) {
		c := lay.col[col]
		if c < 0 {
			return
		}
		got := g.cell(r, c)
		if got == want || same(got, want) || (extraOK && strings.HasPrefix(xxgk.FoldName(got), xxgk.FoldName(want)) && onlyNotes(strings.TrimPrefix(xxgk.FoldName(got), xxgk.FoldName(want)))) {
			return
		}
		rd.fail(g.sheet, addr(r, c), clip(got, 40), "锁定的“%s”内容被修改，应为“%s”。请勿修改灰色的指标内容列", xxgk.FormColumns[col], clip(want, 40))
	}
	check(xxgk.ColArea, ind.Area, false)
	check(xxgk.ColSubArea, ind.SubArea, false)
	check(xxgk.ColContent, ind.Content, true)
}

// same compares texts as a person would: spaces, line breaks and full-width forms aside.
func same(a, b string) bool { return xxgk.FoldName(a) == xxgk.FoldName(b) }

// onlyNotes tells whether s is nothing but parenthesised notes such as
// （更新频率：每月）, which the template appends to 信息公开内容.
func onlyNotes(s string) bool {
	for s != "" {
		if !strings.HasPrefix(s, "（") && !strings.HasPrefix(s, "(") {
			return false
		}
		end := strings.IndexAny(s, "）)")
		if end < 0 {
			return false
		}
		s = s[end+len(string([]rune(s[end:])[0])):]
	}
	return true
}

// fieldCol maps a problem's Field (a header label) back to its form column.
func fieldCol(field string) int {
	for i, l := range xxgk.FormColumns {
		if l == field {
			return i
		}
	}
	return xxgk.ColCode
}

// clip repeats a cell's text in a message, trimmed, escaped and cut (xxgk.Visible).
func clip(s string, n int) string { return xxgk.Visible(strings.TrimSpace(s), n) }
