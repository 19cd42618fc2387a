// Package termtable prints aligned plain-text tables for terminals, counting Chinese
// characters as two columns so that columns line up in a Chinese console. Output is ASCII
// apart from the cell text (a dashed rule under the header), so it also survives being
// redirected to a file or pasted into a chat.
package termtable

import (
	"bufio"
	"io"
	"strings"
)

// Align is a column's alignment.
type Align int

const (
	Left Align = iota
	Right
)

// lastRuleMax caps the rule under a left-aligned last column.
const lastRuleMax = 40

// Table collects rows and renders them once all widths are known.
type Table struct {
	headers []string
	rows    [][]string
	align   map[int]Align
	max     map[int]int
}

// New starts a table with the given column headers.
func New(headers ...string) *Table {
	return &Table{headers: headers, align: map[int]Align{}, max: map[int]int{}}
}

// Row adds a row; missing cells are blank, extra cells add columns without a header.
func (t *Table) Row(cells ...string) {
	t.rows = append(t.rows, cells)
}

// Len is the number of rows added.
func (t *Table) Len() int { return len(t.rows) }

// AlignRight right-aligns the given columns (0-based), for numbers.
func (t *Table) AlignRight(cols ...int) *Table {
	for _, c := range cols {
		t.align[c] = Right
	}
	return t
}

// MaxWidth caps column col at width terminal columns; longer cells are cut and end in ….
func (t *Table) MaxWidth(col, width int) *Table {
	t.max[col] = width
	return t
}

// Render writes the header, a rule and the rows. Columns are separated by two spaces;
// trailing spaces are not written.
func (t *Table) Render(w io.Writer) error {
	ncol := len(t.headers)
	for _, r := range t.rows {
		ncol = max(ncol, len(r))
	}
	lines := make([][]string, 0, len(t.rows)+1)
	lines = append(lines, t.fit(t.headers, ncol))
	for _, r := range t.rows {
		lines = append(lines, t.fit(r, ncol))
	}
	widths := make([]int, ncol)
	for _, l := range lines {
		for i, c := range l {
			widths[i] = max(widths[i], Width(c))
		}
	}
	bw := bufio.NewWriter(w)
	t.line(bw, lines[0], widths)
	rule := make([]string, ncol)
	for i, n := range widths {
		if i == ncol-1 && t.align[i] != Right {
			// The last column is not padded, so long cells (unit lists) may wrap in a
			// narrow terminal; a rule that long would wrap too and look broken.
			n = min(n, max(Width(lines[0][i]), lastRuleMax))
		}
		rule[i] = strings.Repeat("-", n)
	}
	t.line(bw, rule, widths)
	for _, l := range lines[1:] {
		t.line(bw, l, widths)
	}
	return bw.Flush()
}

// fit pads a row to ncol cells, folds it to one line and applies the width caps.
func (t *Table) fit(cells []string, ncol int) []string {
	out := make([]string, ncol)
	for i := range out {
		if i < len(cells) {
			out[i] = Safe(oneLine(cells[i]))
		}
		if m, ok := t.max[i]; ok {
			out[i] = Truncate(out[i], m)
		}
	}
	return out
}

func (t *Table) line(bw *bufio.Writer, cells []string, widths []int) {
	var b strings.Builder
	for i, c := range cells {
		if i > 0 {
			b.WriteString("  ")
		}
		pad := strings.Repeat(" ", widths[i]-Width(c))
		if t.align[i] == Right {
			b.WriteString(pad)
			b.WriteString(c)
		} else {
			b.WriteString(c)
			b.WriteString(pad)
		}
	}
	bw.WriteString(strings.TrimRight(b.String(), " "))
	bw.WriteByte('\n')
}
