package catalog

import (
	"strings"

	"xxgk"
)

// parseUnits reads the unit list. Rows with a problem are reported and left out, so that
// the indicator table can still be checked against the rest in the same run; refused
// holds the (folded) names of those rows, so that the indicator table's mentions of them
// are not reported again as unknown units: the row's problem is the one cause.
func parseUnits(rows [][]string, file string) (us *xxgk.Units, list []Problem, refused map[string]bool) {
	ps := &problems{table: unitTable, file: file}
	refused = map[string]bool{}
	l, h := findHeader(rows, unitColumns(), ps)
	if h < 0 {
		return emptyUnits(), ps.list, refused
	}
	_, hasName := l["name"]
	_, hasShort := l["short"]
	if !hasName && !hasShort {
		ps.add(h+1, "缺少“单位简称”或“单位全称”列（表头可写 short、简称、单位名称 或 name、全称、单位全称）")
	}
	if len(ps.list) > 0 {
		return emptyUnits(), ps.list, refused
	}

	var units []xxgk.Unit
	refuse := func(u xxgk.Unit) {
		for _, name := range u.Names() {
			if k := xxgk.FoldName(name); k != "" {
				refused[k] = true
			}
		}
	}
	claimed := map[string]claim{} // name key → row and unit that first used it
	for i := h + 1; i < len(rows); i++ {
		row, n := rows[i], i+1
		if blank(row) {
			continue
		}
		u, ok := unitFromRow(l, rows[h], row, n, ps)
		if !ok {
			refuse(u)
			continue
		}
		codeKey := xxgk.FoldName(u.Code)
		dup, sameCodeRow := false, 0 // row whose code this one repeats
		// A row pasted twice repeats the code and the names of one earlier row: one line
		// about the code says it all. Names clashing with any other row are still reported.
		checked := map[string]bool{} // Short and Name are often the same string
		// The code first, so that a code typed twice is reported as a code.
		for _, name := range append([]string{u.Code}, u.Names()...) {
			k := xxgk.FoldName(name)
			if k == "" || checked[k] {
				continue
			}
			checked[k] = true
			if isAllUnits(name) {
				ps.add(n, "名称“%s”是建设单位中的统称（各部门、各县区），不能用作单位名称", name)
				dup = true
				continue
			}
			c, ok := claimed[k]
			switch {
			case !ok || c.row == n || c.row == sameCodeRow:
			case k == codeKey && c.code:
				ps.add(n, "单位编码“%s”与第 %d 行重复", u.Code, c.row)
				dup, sameCodeRow = true, c.row
			default:
				ps.add(n, "名称“%s”与第 %d 行的“%s”重复", name, c.row, c.short)
				dup = true
			}
		}
		if dup {
			refuse(u)
			continue
		}
		for _, name := range u.Names() {
			if k := xxgk.FoldName(name); k != "" {
				claimed[k] = claim{row: n, short: u.Short, code: k == codeKey}
			}
		}
		units = append(units, u)
	}
	if len(units) == 0 && len(ps.list) == 0 {
		ps.add(0, "没有任何单位")
	}
	us, err := xxgk.NewUnits(units)
	if err != nil { // cannot happen after the checks above; kept so nothing is lost silently
		ps.add(0, "%v", err)
		return emptyUnits(), ps.list, refused
	}
	return us, ps.list, refused
}

type claim struct {
	row   int
	short string
	code  bool // the name claimed is the unit's code
}

// unitFromRow builds one unit. header is the header row, so that messages name a column
// as the file spells it.
//
// The short name (简称/单位名称) is required wherever the file has that column: it is the
// name printed on every template, file name and summary table, and a clerk who leaves it
// blank in Excel has most likely forgotten it. Quietly using the full name instead would
// put 安康市高新技术产业开发区管理委员会 on every generated file without anyone having
// chosen it; one message before anything is generated costs the clerk a minute. A file
// with no short-name column at all has made that choice for every row, and its full names
// are used as short names. The full name falls back on the short name: it only appears
// where the short name would also do.
func unitFromRow(l layout, header, row []string, n int, ps *problems) (xxgk.Unit, bool) {
	u := xxgk.Unit{
		Code:  l.cell(row, "code"),
		Name:  l.cell(row, "name"),
		Short: l.cell(row, "short"),
	}
	ok := true
	if u.Code == "" {
		ps.add(n, "缺少单位编码")
		ok = false
	}
	_, hasName := l["name"]
	_, hasShort := l["short"]
	switch {
	case u.Short != "":
	case hasShort && u.Name != "":
		ps.add(n, "缺少单位简称（“%s”列为空；全称为“%s”）", l.label(header, "short"), u.Name)
		ok = false
	case hasShort && hasName:
		ps.add(n, "缺少单位简称和全称")
		ok = false
	case hasShort:
		ps.add(n, "缺少单位简称（“%s”列为空）", l.label(header, "short"))
		ok = false
	case u.Name == "":
		ps.add(n, "缺少单位全称（“%s”列为空）", l.label(header, "name"))
		ok = false
	default: // no short-name column in the file
		u.Short = u.Name
	}
	if u.Name == "" {
		u.Name = u.Short
	}
	switch raw := l.cell(row, "kind"); {
	case raw == "":
		ps.add(n, "缺少单位类型（应为 department/部门 或 county/县区）")
		ok = false
	default:
		k, known := xxgk.ParseUnitKind(raw)
		if !known {
			ps.add(n, "单位类型“%s”无法识别，应为 department/部门 或 county/县区", raw)
			ok = false
		}
		u.Kind = k
	}
	for _, a := range splitNames(l.cell(row, "aliases"), "|｜、，,;；\n") {
		if a != u.Short && a != u.Name {
			u.Aliases = append(u.Aliases, a)
		}
	}
	return u, ok
}

func emptyUnits() *xxgk.Units {
	us, _ := xxgk.NewUnits(nil)
	return us
}

// splitNames cuts a list on any of the separators and on spaces, dropping empty parts.
func splitNames(s, seps string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune(seps, r) || r == ' ' || r == '\t' || r == '\u3000'
	})
	out := f[:0]
	for _, x := range f {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}
