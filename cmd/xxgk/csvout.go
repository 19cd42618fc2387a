package main

import (
	"encoding/csv"
	"io"
)

// excelCSV starts a --format csv output in the form Excel on Chinese Windows opens right
// by double-click, as `xxgk status --format csv > 状态.csv` is used: a UTF-8 byte order
// mark (without it Excel reads the bytes as GBK and garbles every unit name) and CRLF line
// ends, like export's .csv. Scripts read it as UTF-8 with the BOM skipped (utf-8-sig).
func excelCSV(w io.Writer) (*csv.Writer, error) {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return cw, nil
}
