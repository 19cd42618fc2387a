package importer

import (
	"strconv"
	"strings"
)

// grid reads a sheet's raw values: shared strings resolved, numbers (dates included) as
// written, never formatted. At most maxRows rows and maxCols columns are kept; a value
// past the columns is errTooWide, one past the rows sets grid.beyond.
func (b *book) grid(ref sheetRef, maxRows, maxCols int) (grid, error) {
	g := grid{sheet: ref.name}
	data, err := b.part(ref.path)
	if err != nil {
		return g, err
	}
	s := &xmlScanner{b: data}
	var (
		inData              bool
		row, col            int // 1-based current row; 0-based next column
		cellType            string
		inV, inIs, inT, inF bool
		phonetic            int
		val                 strings.Builder
		haveCell            bool
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
						return g, errBadXML
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
					if !ok {
						return g, errBadXML
					}
					if r > 0 {
						cellRow = r
					}
					cellCol = c
				}
				if cellRow < 1 {
					cellRow = max(row, 1)
				}
				col = cellCol + 1
				cellType, _ = attr(s.attrs, "t")
				val.Reset()
				haveCell = !s.empty
			case "v":
				inV = haveCell && !s.empty
			case "is":
				inIs = haveCell && !s.empty
			case "t":
				inT = inIs && !s.empty
			case "rPh":
				if !s.empty {
					phonetic++
				}
			case "f":
				inF = !s.empty
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
				v, err := b.cellValue(cellType, val.String())
				if err != nil {
					return g, err
				}
				if strings.TrimSpace(v) == "" {
					continue
				}
				if cellRow > maxRows {
					g.beyond = cellRow
					return g, nil
				}
				if cellCol >= maxCols {
					return g, errTooWide
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
				val.WriteString(s.textValue())
			}
		}
	}
	return g, nil
}

func (b *book) cellValue(typ, raw string) (string, error) {
	switch typ {
	case "s":
		sst, err := b.sharedStrings()
		if err != nil {
			return "", err
		}
		i, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil || i < 0 || i >= len(sst) {
			return "", errBadXML
		}
		return sst[i], nil
	case "b":
		if strings.TrimSpace(raw) == "1" {
			return "TRUE", nil
		}
		return "FALSE", nil
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
