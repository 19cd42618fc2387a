package catalog

import (
	"slices"
	"strings"

	"xxgk"
)

// column is one field of a table, with every header spelling accepted for it: the English
// names of the built-in seeds and the Chinese names the office uses in its own tables.
type column struct {
	field    string // English name, as in the seeds
	label    string // Chinese name used in messages
	names    []string
	required bool
}

func indicatorColumns() []column {
	return []column{
		{"code", "指标编码", []string{"code", "编码", "指标编码", "代码", "指标代码"}, true},
		{"area", "一级指标", []string{"area", "一级指标"}, true},
		{"sub_area", "二级指标", []string{"sub_area", "subarea", "二级指标"}, false},
		{"content", "信息公开内容", []string{"content", "信息公开内容", "公开内容"}, true},
		{"report", "需报送信息", []string{"report", "需报送信息", "报送信息"}, false},
		{"units", "建设单位", []string{"units", "建设单位", "责任单位"}, true},
		{"frequency", "频次", []string{"frequency", "频次", "公开频次", "频率", "更新频次"}, false},
		{"display", "展现形式", []string{"display", "展现形式", "展示形式"}, false},
	}
}

func unitColumns() []column {
	return []column{
		{"code", "单位编码", []string{"code", "编码", "单位编码", "代码", "单位代码"}, true},
		{"name", "单位全称", []string{"name", "全称", "单位全称"}, false},
		{"short", "单位简称", []string{"short", "简称", "单位简称", "单位名称"}, false},
		{"kind", "类型", []string{"kind", "类型", "单位类型"}, true},
		{"aliases", "别名", []string{"aliases", "alias", "别名"}, false},
	}
}

// headerKey folds case, full-width forms and every space, so that a header typed as
// "二级\n指标" (a wrapped Word cell pasted into Excel) or "Code " still matches.
func headerKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(xxgk.Normalize(s)), ""))
}

// layout maps field names to column indices of one file.
type layout map[string]int

// cell returns the trimmed value of field in row, "" when the column or cell is absent.
func (l layout) cell(row []string, field string) string {
	i, ok := l[field]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(row[i], "\r\n", "\n"))
}

// label returns the header of field as the file writes it, on one line ("单位\n名称" →
// "单位名称"), for messages that point the clerk at a column.
func (l layout) label(header []string, field string) string {
	return strings.Join(strings.Fields(l.cell(header, field)), "")
}

// findHeader finds the header row: the first row naming at least two known columns among
// the first rows of the file, so that a title such as 《安康市政府网站重点领域信息公开栏目
// 建设指标》 or 附件： above the table is skipped. Failing that, the first non-blank row is
// taken, and its missing columns are reported. It returns the index of the header row, or
// -1 when the file has no rows.
func findHeader(rows [][]string, cols []column, ps *problems) (layout, int) {
	h := -1
	for i, row := range rows {
		if blank(row) {
			continue
		}
		if h < 0 {
			h = i
		}
		if len(mapColumns(row, cols)) >= 2 {
			h = i
			break
		}
		if i >= headerSearchRows {
			break
		}
	}
	if h < 0 {
		ps.add(0, "文件是空的，没有表头和数据")
		return nil, -1
	}
	l := mapColumns(rows[h], cols)
	for _, c := range cols {
		if _, ok := l[c.field]; !ok && c.required {
			ps.add(h+1, "缺少“%s”列（表头可写 %s）", c.label, strings.Join(c.names, "、"))
		}
	}
	return l, h
}

// headerSearchRows bounds how far down a title may push the header.
const headerSearchRows = 10

// mapColumns maps the known columns named in row; the first of two same-named wins.
func mapColumns(row []string, cols []column) layout {
	l := layout{}
	for i, cell := range row {
		k := headerKey(cell)
		for _, c := range cols {
			if _, seen := l[c.field]; seen {
				continue
			}
			if slices.Contains(c.names, k) {
				l[c.field] = i
			}
		}
	}
	return l
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
