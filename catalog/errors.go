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

// Problem is one row of a user's table that cannot be understood. Row is the 1-based row
// number as Excel shows it (the header is row 1 in a file whose header is on top); 0 means
// the file as a whole.
type Problem struct {
	Table   string // 指标表 or 单位名单
	File    string // base name of the file
	Row     int
	Message string
}

// String is the line printed for the office, e.g.
// 指标表 2021.xlsx 第 7 行：建设单位“市自然资源厅”不在单位名单中，最接近的是“市自然资源局”.
func (p Problem) String() string {
	if p.Row > 0 {
		return fmt.Sprintf("%s %s 第 %d 行：%s", p.Table, p.File, p.Row, p.Message)
	}
	return fmt.Sprintf("%s %s：%s", p.Table, p.File, p.Message)
}

// LoadError refuses a table as a whole and lists every problem found, so that the office
// fixes the file once rather than one error per run.
type LoadError struct {
	Problems []Problem
}

// Error starts with a count, then one problem per line.
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

// problems collects Problems for one file.
type problems struct {
	table, file string
	list        []Problem
}

func (ps *problems) add(row int, format string, args ...any) {
	ps.list = append(ps.list, Problem{Table: ps.table, File: ps.file, Row: row, Message: fmt.Sprintf(format, args...)})
}
