package importer

import (
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// grid is a sheet's raw cell values: for a date cell the serial number, never the display
// text, because display formats drop the day or follow the reader's locale.
type grid struct {
	sheet string
	rows  [][]string
	// numeric holds the cells that are numbers in the sheet XML (no t= or t="n"): only
	// those can be date serials. Text that looks like a number ("9.15", "2020") is not.
	numeric map[[2]int]bool
	// beyond is the 1-based row number of the first non-empty row past the read limit,
	// 0 when the sheet fits.
	beyond int
	// flags marks cells whose value is not a value a person typed: a formula error or a
	// formula Excel never calculated. Rare, so a map.
	flags map[[2]int]cellFlag
}

// cellFlag says why a cell's value cannot be taken as typed.
type cellFlag int

const (
	flagNone          cellFlag = iota
	flagFormulaError           // t="e": #N/A, #REF!, #VALUE!, #DIV/0!…
	flagNoCachedValue          // a formula without a cached result (saved by a script)
)

func (g *grid) flag(r, c int, f cellFlag) {
	if g.flags == nil {
		g.flags = map[[2]int]cellFlag{}
	}
	g.flags[[2]int{r, c}] = f
}

// flagAt returns the flag of the cell at 0-based row r, column c.
func (g grid) flagAt(r, c int) cellFlag { return g.flags[[2]int{r, c}] }

// errTooWide is returned for a sheet with values beyond the columns read.
var errTooWide = errors.New("too wide")

// cell returns the raw value at 0-based row r, column c; "" outside the grid.
func (g grid) cell(r, c int) string {
	if r < 0 || r >= len(g.rows) || c < 0 || c >= len(g.rows[r]) {
		return ""
	}
	return g.rows[r][c]
}

// isNumeric tells whether the cell at 0-based row r, column c is a number in the XML.
func (g grid) isNumeric(r, c int) bool { return g.numeric[[2]int{r, c}] }

// addr is the A1 reference of 0-based row r, column c.
func addr(r, c int) string {
	s, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return ""
	}
	return s
}

// label reduces a header or label cell to its words: no spaces or line breaks, full-width
// forms folded, a trailing colon or required-field star dropped.
func label(s string) string {
	s = xxgk.Normalize(s)
	s = strings.Join(strings.Fields(s), "")
	s = strings.Trim(s, "*")
	return strings.TrimRight(s, ":：")
}
