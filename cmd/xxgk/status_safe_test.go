package main

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"xxgk"
	"xxgk/importer"
)

// TestStatusCSVNeutralizes: a unit name from the operator's file that starts like a
// formula reaches Excel as text, as in the export.
func TestStatusCSVNeutralizes(t *testing.T) {
	s := xxgk.Summary{Units: []xxgk.UnitSummary{
		{Unit: xxgk.Unit{Code: "X1", Short: `=HYPERLINK("http://x","点我")`, Kind: xxgk.Department}, State: xxgk.Missing},
		{Unit: xxgk.Unit{Code: "X2", Short: "@SUM(1)", Kind: xxgk.County}, State: xxgk.Missing},
		{Unit: xxgk.Unit{Code: "X3", Short: "市财政局", Kind: xxgk.Department}, State: xxgk.Missing},
	}}
	var buf bytes.Buffer
	if err := writeStatusCSV(&buf, s); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs[1:] {
		got = append(got, r[0])
	}
	if want := []string{`'=HYPERLINK("http://x","点我")`, "'@SUM(1)", "市财政局"}; !slices.Equal(got, want) {
		t.Errorf("unit column %q, want %q", got, want)
	}
}

// TestImportOutputEscapesControls: a file name and a cell value carrying terminal escape
// sequences and line breaks are printed escaped, on the line they belong to.
func TestImportOutputEscapesControls(t *testing.T) {
	var out bytes.Buffer
	p := &importPrinter{out: &out, errw: &out}
	p.result(importer.Result{Name: "收到/市财政局\x1b[2J.xlsx", Outcome: importer.Rejected, Problems: xxgk.Problems{
		{Severity: xxgk.Error, Sheet: xxgk.SheetForm, Cell: "M5", Value: "说明\r\n✔ 已接收 伪造.xlsx", Message: "测试"},
	}})
	got := out.String()
	if strings.ContainsAny(got, "\x1b\r") || strings.Count(got, "\n") != 2 {
		t.Fatalf("raw control characters in output: %q", got)
	}
	for _, want := range []string{`市财政局\x1b[2J.xlsx`, `值“说明\r\n✔ 已接收 伪造.xlsx”`} {
		if !strings.Contains(got, want) {
			t.Errorf("output %q lacks %q", got, want)
		}
	}
}
