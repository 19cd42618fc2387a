package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// The differential test: wherever excelize can read a workbook, the importer's own reader
// must read the same value from every cell, but for the differences below, which are
// intended and listed here once with their reasons. A cell is "want" as excelize reads it
// (raw values, GetRows with RawCellValue) and "got" as the importer's grid holds it.
//
// Workbooks excelize cannot read are not compared: the reader's own refusals of them are
// the subject of TestReaderQuirks and the fuzz targets.
var intendedDifferences = []struct {
	why  string
	same func(got, want string) bool
}{
	{"a whitespace-only cell is empty: there is nothing in it to check or store",
		func(got, want string) bool { return got == "" && strings.TrimSpace(want) == "" }},
	{"booleans read TRUE/FALSE as Excel shows them, not the XML's 1/0",
		func(got, want string) bool { return (got == "TRUE" && want == "1") || (got == "FALSE" && want != "1") }},
	{"line endings are folded to \\n (excelize keeps the CR of _x000D_ and &#13;), so text compares equal across Windows and Mac",
		func(got, want string) bool { return got == foldNewlines(want) }},
	{"a number within 1e-9 of a non-zero whole number is that number (\"11.000000000000002\" is the 11 Excel shows)",
		func(got, want string) bool { return got == xxgk.WholeNumber(want) }},
	{"a formula's string result (t=\"str\") is an ST_Xstring like any cell text: its _xHHHH_ escapes are decoded; " +
		"excelize decodes them only in shared and inline strings",
		func(got, want string) bool { return got == cellText(want) }},
	{"a UTF-16 surrogate written as a lone _xHHHH_ escape cannot be a character and is kept as written; excelize drops it",
		func(got, want string) bool { return strings.Contains(got, "_xD") || strings.Contains(got, "_xd") }},
}

// sameCell tells whether the reader's value matches excelize's, directly or by one of
// the intended differences.
func sameCell(got, want string) bool {
	if got == want {
		return true
	}
	for _, d := range intendedDifferences {
		if d.same(got, want) {
			return true
		}
	}
	return false
}

// Read limits for the comparison: the whole sheet, within reason for a fuzzer.
const diffRows, diffCols = 20000, 2000

type cellKey struct {
	sheet string
	r, c  int
}

// excelizeCells reads every cell of every sheet with excelize; ok is false when excelize
// cannot read the workbook or a sheet.
//
// excelize swallows some decode errors: a malformed shared string table reads as no cells
// at all, on every sheet; a part without the SpreadsheetML namespace reads empty; a cell
// whose style index is not a number is dropped. A workbook with any of these counts as one
// excelize cannot read.
func excelizeCells(data []byte) (map[cellKey]string, []string, bool) {
	if !wellFormed(data) {
		return nil, nil, false
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 50 << 20, UnzipXMLSizeLimit: 50 << 20})
	if err != nil {
		return nil, nil, false
	}
	defer f.Close()
	out := map[cellKey]string{}
	sheets := f.GetSheetList()
	for _, s := range sheets {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil || len(rows) > diffRows {
			return nil, nil, false
		}
		for r, row := range rows {
			if len(row) > diffCols {
				return nil, nil, false
			}
			for c, v := range row {
				if v != "" {
					out[cellKey{s, r, c}] = v
				}
			}
		}
	}
	return out, sheets, true
}

// readerCells reads every cell of the given sheets with the importer's reader.
func readerCells(data []byte, sheets []string) (map[cellKey]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	b, err := openBook(zr, DefaultLimits())
	if err != nil {
		return nil, err
	}
	out := map[cellKey]string{}
	for _, s := range sheets {
		ref, ok := b.sheet(s)
		if !ok && b.isUnlinked(s) {
			return nil, fmt.Errorf("sheet %q: %w", s, errUnlinkedSheet)
		}
		if !ok {
			return nil, fmt.Errorf("sheet %q not found", s)
		}
		g, err := b.grid(ref, diffRows, diffCols)
		if err != nil {
			return nil, err
		}
		for r, row := range g.rows {
			for c, v := range row {
				if v != "" {
					out[cellKey{s, r, c}] = v
				}
			}
		}
	}
	return out, nil
}

// compareWithExcelize reports every cell where the readers disagree, other than by an
// intended difference. It returns false when excelize could not read the workbook.
func compareWithExcelize(t testing.TB, data []byte) bool {
	t.Helper()
	want, sheets, ok := excelizeCells(data)
	if !ok {
		return false
	}
	got, err := readerCells(data, sheets)
	if err != nil {
		if refusedOnPurpose(err) {
			return true
		}
		t.Fatalf("excelize reads the workbook, the reader fails: %v", err)
	}
	var bad []string
	for k, w := range want {
		if g := got[k]; !sameCell(g, w) {
			bad = append(bad, fmt.Sprintf("%s!%s: reader %q, excelize %q", k.sheet, addr(k.r, k.c), g, w))
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			bad = append(bad, fmt.Sprintf("%s!%s: reader %q, excelize empty", k.sheet, addr(k.r, k.c), g))
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		t.Fatalf("%d cells differ:\n%s", len(bad), strings.Join(bad[:min(len(bad), 20)], "\n"))
	}
	return true
}

// refusedOnPurpose lists what the reader refuses although excelize reads it, with reasons:
//   - a DOCTYPE: SpreadsheetML never has one, and entity definitions are the way to
//     billion-laughs expansions;
//   - a part whose size differs from the zip directory: the file was damaged or forged;
//   - a row number or cell reference that is not one (r="", r="A0", rows out of order):
//     Excel calls such a file damaged, and excelize's row reader silently skips the row;
//   - a shared-string index past the table: excelize's row reader reads it as an empty
//     cell, which would quietly lose what the unit typed;
//   - two entries naming one part, in any case: excelize keeps the later one silently;
//   - a sheet whose relationship id is empty or unknown: excelize guesses the part from
//     the sheet's position, which may be another sheet's.
func refusedOnPurpose(err error) bool {
	return errors.Is(err, errDoctype) || errors.Is(err, errSizeMismatch) || errors.Is(err, errBadSSTIndex) || errors.Is(err, errBadRef) ||
		errors.Is(err, errDuplicatePart) || errors.Is(err, errUnlinkedSheet)
}

// errUnlinkedSheet: the workbook lists a sheet with no part (book.unlinked).
var errUnlinkedSheet = errors.New("sheet without a relationship")

// TestDifferentialExcelize compares the reader with excelize on the whole corpus.
func TestDifferentialExcelize(t *testing.T) {
	for name, data := range differentialCorpus(t) {
		t.Run(name, func(t *testing.T) {
			if !compareWithExcelize(t, data) {
				t.Fatal("excelize cannot read this corpus workbook")
			}
		})
	}
}

// wellFormed tells whether every .xml and .rels part decodes as XML.
func wellFormed(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, zf := range zr.File {
		if !strings.HasSuffix(zf.Name, ".xml") && !strings.HasSuffix(zf.Name, ".rels") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return false
		}
		d := xml.NewDecoder(rc)
		root := ""
		for {
			var tok xml.Token
			if tok, err = d.Token(); err != nil {
				break
			}
			st, ok := tok.(xml.StartElement)
			if !ok {
				continue
			}
			if root == "" {
				root = st.Name.Space + " " + st.Name.Local
			}
			if st.Name.Local == "c" && !numericAttrs(st, "s") {
				return false // excelize drops the cell; the reader does not read styles
			}
		}
		rc.Close()
		if err != io.EOF || !rootFits(zf.Name, root) {
			return false
		}
	}
	return true
}

// rootFits tells whether a part's root element is the one its name calls for, in the
// SpreadsheetML namespace; excelize reads a part with another root as empty, without an
// error. (The reader ignores namespaces on purpose: Strict OOXML and scripts use others.)
func rootFits(name, root string) bool {
	const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
	switch {
	case strings.HasSuffix(name, "sharedStrings.xml"):
		return root == ns+"sst"
	case strings.Contains(name, "sheets/"):
		return root == ns+"worksheet"
	}
	return true
}

// numericAttrs tells whether the named attributes, where present, are whole numbers.
func numericAttrs(st xml.StartElement, names ...string) bool {
	for _, a := range st.Attr {
		for _, n := range names {
			if a.Name.Local == n {
				if _, err := strconv.Atoi(a.Value); err != nil {
					return false
				}
			}
		}
	}
	return true
}
