package importer

import (
	"strconv"
	"strings"

	"xxgk"
)

// grid reads a sheet's raw values: shared strings resolved, numbers (dates included) as
// written, never formatted. At most maxRows rows and maxCols columns are kept; a value
// past the columns is errTooWide, one past the rows sets grid.beyond.
func (b *book) grid(ref sheetRef, maxRows, maxCols int) (grid, error) {
	g := grid{sheet: ref.name}
	s, done, err := b.stream(ref.path)
	if err != nil {
		return g, err
	}
	defer done()
	g, err = b.scanGrid(g, s, maxRows, maxCols)
	if err != nil && err != errTooWide {
		err = b.corrupt(ref.path, err)
	}
	return g, err
}

func (b *book) scanGrid(g grid, s *streamScanner, maxRows, maxCols int) (grid, error) {
	var (
		inData              bool
		row, col            int // 1-based current row; 0-based next column
		cellType            string
		inV, inIs, inT, inF bool
		phonetic            int
		val, isVal          strings.Builder // text of <v>; of <is> (an inline string)
		hasIs               bool
		haveCell            bool
		hasF, hasV          bool // the cell has a formula; a cached value (<v>, even empty)
		cellRow, cellCol    int
	)
	for {
		ok, err := s.next()
		if err != nil {
			return g, err
		}
		if !ok {
			break
		}
		switch s.kind {
		case tokStart:
			switch string(s.name) {
			case "sheetData":
				inData = !s.empty
			case "row":
				if !inData {
					continue
				}
				if v, ok := attr(s.attrs, "r"); ok {
					n, err := strconv.Atoi(v)
					if err != nil || n <= row || n > 1048576 {
						return g, errBadRef
					}
					row = n
				} else {
					row++
				}
				col = 0
			case "c":
				if !inData {
					continue
				}
				cellRow, cellCol = row, col
				if v, ok := attr(s.attrs, "r"); ok {
					c, r, ok := splitRef(v)
					if !ok || r == 0 { // a column alone is not a cell reference
						return g, errBadRef
					}
					if r != row && row > 0 || c < col {
						// Cells go left to right within their row, as rows go down: a cell
						// out of place or given twice is damage, not data to guess at.
						return g, errBadRef
					}
					cellRow, cellCol = r, c
				}
				if cellRow < 1 {
					cellRow = max(row, 1)
				}
				col = cellCol + 1
				cellType, _ = attr(s.attrs, "t")
				val.Reset()
				isVal.Reset()
				hasIs = false
				haveCell = !s.empty
				hasF, hasV = false, false
			case "v":
				inV = haveCell && !s.empty
				hasV = hasV || haveCell
			case "is":
				inIs = haveCell && !s.empty
				hasIs = hasIs || haveCell
			case "t":
				inT = inIs && !s.empty
			case "rPh":
				if !s.empty {
					phonetic++
				}
			case "f":
				inF = !s.empty
				hasF = hasF || haveCell
			}
		case tokEnd:
			switch string(s.name) {
			case "sheetData":
				inData = false
			case "v":
				inV = false
			case "is":
				inIs = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			case "f":
				inF = false
			case "c":
				if !haveCell {
					continue
				}
				haveCell = false
				raw := val.String()
				if cellType == "inlineStr" && hasIs { // <is> only counts in an inline string cell
					raw = isVal.String()
				}
				v, err := b.cellValue(cellType, raw)
				if err != nil {
					return g, err
				}
				flag := flagNone
				switch {
				case cellType == "e":
					flag = flagFormulaError
				case hasF && (!hasV || (raw == "" && (cellType == "" || cellType == "n"))):
					// No <v>, or an empty one where only a number could be cached:
					// openpyxl writes every formula as <f>…</f><v></v>. An empty <v>
					// of a t="str" formula is a calculated empty text, and stays so.
					flag = flagNoCachedValue
				}
				if strings.TrimSpace(v) == "" && flag == flagNone {
					continue
				}
				if cellRow > maxRows {
					g.beyond = cellRow
					return g, nil
				}
				if cellCol >= maxCols {
					return g, errTooWide
				}
				if flag != flagNone {
					g.flag(cellRow-1, cellCol, flag)
				}
				if v == "" {
					continue
				}
				g.set(cellRow-1, cellCol, v)
				if cellType == "" || cellType == "n" {
					if g.numeric == nil {
						g.numeric = map[[2]int]bool{}
					}
					g.numeric[[2]int{cellRow - 1, cellCol}] = true
				}
			}
		case tokText:
			if (inV || (inT && phonetic == 0)) && !inF {
				t, err := s.textValue()
				if err != nil {
					return g, err
				}
				if inV {
					val.WriteString(t)
				} else {
					isVal.WriteString(t)
				}
			}
		}
	}
	return g, nil
}

// cellValue turns a cell's raw content into its value: text decoded, booleans as
// TRUE/FALSE, numbers with binary noise as the whole number they show.
func (b *book) cellValue(typ, raw string) (string, error) {
	switch typ {
	case "s":
		idx := strings.TrimSpace(raw)
		if idx == "" {
			return "", nil // <c t="s"><v/></c>: an empty cell, as some writers save one
		}
		sst, err := b.sharedStrings()
		if err != nil {
			return "", err
		}
		i, err := strconv.Atoi(idx)
		if err != nil || i < 0 || i >= len(sst) {
			return "", errBadSSTIndex
		}
		return sst[i], nil
	case "b":
		switch strings.TrimSpace(raw) {
		case "1":
			return "TRUE", nil
		case "":
			return "", nil
		}
		return "FALSE", nil
	case "str", "inlineStr":
		return cellText(raw), nil
	case "", "n":
		return xxgk.WholeNumber(raw), nil
	}
	return raw, nil
}

// set stores a value at 0-based row r, column c, growing the grid.
func (g *grid) set(r, c int, v string) {
	for len(g.rows) <= r {
		g.rows = append(g.rows, nil)
	}
	row := g.rows[r]
	if len(row) <= c {
		row = append(row, make([]string, c+1-len(row))...)
	}
	row[c] = v
	g.rows[r] = row
}

// splitRef parses A1 into a 0-based column and a 1-based row (0 when absent).
func splitRef(ref string) (col, row int, ok bool) {
	i := 0
	c := 0
	for i < len(ref) && i < 3 {
		ch := ref[i] | 0x20
		if ch < 'a' || ch > 'z' {
			break
		}
		c = c*26 + int(ch-'a'+1)
		i++
	}
	if i == 0 || c > 16384 {
		return 0, 0, false
	}
	if i == len(ref) {
		return c - 1, 0, true
	}
	r, err := strconv.Atoi(ref[i:])
	if err != nil || r < 1 || r > 1048576 {
		return 0, 0, false
	}
	return c - 1, r, true
}
