package importer

import (
	"fmt"
	"strings"

	"xxgk"
)

// checkUnitCell makes the visible 填报单位 cell agree with the unit the hidden sheet
// names. A unit that copied another unit's hidden sheet into its own workbook, or typed
// another name over the locked cell, would otherwise file answers as someone else. Any
// of the unit's spellings is accepted, with words around it ("安康市财政局（盖章）").
func (rd *read) checkUnitCell(g grid, lay layout, units *xxgk.Units, own xxgk.Unit) {
	at, ok := lay.labels[xxgk.LabelUnit]
	if !ok {
		rd.fail(g.sheet, "", "", "表头上方找不到“%s”单元格，请勿删除模板中的“%s”一栏", xxgk.LabelUnit, xxgk.LabelUnit)
		return
	}
	cell := addr(at.row, at.col)
	if p, ok := rd.flagProblem(g, at.row, at.col); ok {
		// A formula error is not a unit's name, and a formula without a result is not an
		// emptied cell: say what the cell is and what it should read.
		p.Message += fmt.Sprintf("；“%s”应为“%s”", xxgk.LabelUnit, own.Short)
		rd.c.Problems = append(rd.c.Problems, p)
		return
	}
	text := xxgk.FoldName(at.value)
	if text == "" {
		rd.fail(g.sheet, cell, "", "“%s”被清空，应为“%s”。请使用下发给本单位的模板填报，不要修改填报单位", xxgk.LabelUnit, own.Short)
		return
	}
	if u, ok := units.Lookup(at.value); ok {
		if u.Code != own.Code {
			rd.failOther(g.sheet, cell, at.value, u, own)
		}
		return
	}
	other, best := xxgk.Unit{}, 0
	for _, u := range units.All() {
		if n := nameIn(text, u); n > best {
			other, best = u, n
		}
	}
	switch {
	case best > 0 && nameIn(text, own) == best:
	case best > 0:
		rd.failOther(g.sheet, cell, at.value, other, own)
	default:
		rd.fail(g.sheet, cell, xxgk.Visible(at.value, 30), "“%s”不是本模板的单位，应为“%s”。请使用下发给本单位的模板填报，不要修改填报单位", xxgk.LabelUnit, own.Short)
	}
}

func (rd *read) failOther(sheet, cell, value string, other, own xxgk.Unit) {
	rd.fail(sheet, cell, xxgk.Visible(value, 30), "“%s”写的是“%s”，但本模板是下发给“%s”的。请使用下发给本单位的模板填报，不要修改填报单位或复制其他单位的模板内容",
		xxgk.LabelUnit, other.Short, own.Short)
}

// nameIn is the length of the longest of u's names (codes aside: short ASCII matches by
// accident) found in the folded text, or 0.
func nameIn(text string, u xxgk.Unit) int {
	n := 0
	for _, name := range u.Names() {
		if name == u.Code {
			continue
		}
		k := xxgk.FoldName(name)
		if len([]rune(k)) >= 2 && strings.Contains(text, k) {
			n = max(n, len(k))
		}
	}
	return n
}
