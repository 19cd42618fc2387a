package xxgk

import "fmt"

// Severity separates what rejects a file from what is only listed.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Label is the Chinese word for reports.
func (s Severity) Label() string {
	if s == Warning {
		return "警告"
	}
	return "错误"
}

// Problem is one thing wrong with a submitted workbook, located as precisely as possible.
type Problem struct {
	Severity Severity
	File     string // file name as given to the importer
	Sheet    string // sheet name, e.g. 填报表
	Cell     string // cell reference, e.g. I7; empty for file-level problems
	Code     string // indicator code of the row, when the problem is about a row
	Field    string // column or label the problem is about, e.g. 栏目网址
	Value    string // what was found
	Message  string // what is wrong and what is expected, in Chinese
}

// Where renders the location as 填报表!I7.
func (p Problem) Where() string {
	switch {
	case p.Sheet != "" && p.Cell != "":
		return p.Sheet + "!" + p.Cell
	case p.Sheet != "":
		return p.Sheet
	}
	return ""
}

// String is the one-line form printed by the CLI.
func (p Problem) String() string {
	s := p.Severity.Label() + "："
	if p.File != "" {
		s += p.File + " "
	}
	if w := p.Where(); w != "" {
		s += w + " "
	}
	if p.Value != "" {
		s += fmt.Sprintf("值“%s”：", p.Value)
	}
	return s + p.Message
}

// Problems is a list with helpers for the all-or-nothing rule.
type Problems []Problem

// HasErrors tells whether any problem rejects the file.
func (ps Problems) HasErrors() bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Only keeps the problems of one severity.
func (ps Problems) Only(s Severity) Problems {
	var out Problems
	for _, p := range ps {
		if p.Severity == s {
			out = append(out, p)
		}
	}
	return out
}
