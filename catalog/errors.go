package catalog

import (
	"fmt"
	"strings"
)

// Table names used in messages: the office knows the two files by these words.
const (
	indicatorTable = "指标表"
	unitTable      = "单位名单"
)

// Problem is one thing wrong in a user's table. Row is the 1-based row number as Excel
// shows it (the header is row 1 in a file whose header is on top); 0 means the file as a
// whole. One fault repeated on many rows (a unit missing from the unit list) is one
// Problem: Rows then lists its rows in ascending order, and Row is the first of them.
type Problem struct {
	Table   string // 指标表 or 单位名单
	File    string // base name of the file
	Row     int
	Rows    []int // set only for a grouped problem; may hold a single row
	Message string
}

// String is the line printed for the office, e.g.
// 指标表 2021.xlsx 第 7 行：建设单位“市自然资源厅”不在单位名单中，最接近的是“市自然资源局”
// or, for a problem on several rows, 指标表 2021.xlsx 第 2–10、12、15 行：….
func (p Problem) String() string {
	switch {
	case len(p.Rows) > 1:
		return fmt.Sprintf("%s %s 第 %s 行：%s", p.Table, p.File, rowRanges(p.Rows), p.Message)
	case p.Row > 0:
		return fmt.Sprintf("%s %s 第 %d 行：%s", p.Table, p.File, p.Row, p.Message)
	}
	return fmt.Sprintf("%s %s：%s", p.Table, p.File, p.Message)
}

// rowRanges writes ascending row numbers the way the office reads them: runs of
// consecutive rows as 2–10 (en dash), the rest joined by 、, e.g. 2–10、12、15.
func rowRanges(rows []int) string {
	var b strings.Builder
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		if i > 0 {
			b.WriteString("、")
		}
		if j > i {
			fmt.Fprintf(&b, "%d–%d", rows[i], rows[j])
		} else {
			fmt.Fprintf(&b, "%d", rows[i])
		}
		i = j + 1
	}
	return b.String()
}

// LoadError refuses a table as a whole and lists every problem found, so that the office
// fixes the file once rather than one error per run.
type LoadError struct {
	Problems []Problem
}

// Error starts with a count, then one problem per line. The count is the number of lines
// that follow: a grouped problem (one unknown unit named on 116 rows) counts once, as it
// is one fault with one fix, and the 处 in the first line always matches what is listed.
func (e *LoadError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "指标表或单位名单有 %d 处问题，整表未载入：", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n")
		b.WriteString(p.String())
	}
	return b.String()
}

// Lines returns the problems one per line, without the count.
func (e *LoadError) Lines() []string {
	out := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p.String()
	}
	return out
}

// problems collects Problems for one file, in the order rows are read, so the list is in
// row order; a grouped problem stays where its first row put it.
type problems struct {
	table, file string
	list        []Problem
	groups      map[string]int // group key → index in list
}

// addGrouped reports a message that may recur on other rows: the first call for a key
// adds a line, later calls add their row to it. Rows must arrive in ascending order.
func (ps *problems) addGrouped(key string, row int, format string, args ...any) {
	if i, ok := ps.groups[key]; ok {
		p := &ps.list[i]
		if last := p.Rows[len(p.Rows)-1]; last != row {
			p.Rows = append(p.Rows, row)
		}
		return
	}
	if ps.groups == nil {
		ps.groups = map[string]int{}
	}
	ps.groups[key] = len(ps.list)
	ps.add(row, format, args...)
	ps.list[len(ps.list)-1].Rows = []int{row}
}

func (ps *problems) add(row int, format string, args ...any) {
	ps.list = append(ps.list, Problem{Table: ps.table, File: ps.file, Row: row, Message: fmt.Sprintf(format, args...)})
}
