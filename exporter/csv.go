package exporter

import (
	"bufio"
	"encoding/csv"
	"io"
)

// utf8BOM makes Excel on Chinese Windows read the file as UTF-8 instead of GBK.
const utf8BOM = "\ufeff"

// WriteCSV writes the header and rows as UTF-8 CSV with a BOM and CRLF line ends, the form
// Excel opens correctly by double-click. Cells that Excel would run as a formula are
// neutralised (see Neutralize).
func WriteCSV(w io.Writer, rows []Detail) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString(utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	rec := make([]string, len(DetailColumns))
	if err := cw.Write(DetailColumns); err != nil {
		return err
	}
	for _, d := range rows {
		for i, v := range d.Record() {
			rec[i] = Neutralize(v)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// Neutralize defuses CSV injection as OWASP recommends: a cell beginning with = + - @, a
// tab or a carriage return is a formula (or can become one) when Excel opens the file, so
// it gets a leading single quote, which Excel shows as text. Quoting is left to
// encoding/csv.
func Neutralize(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
