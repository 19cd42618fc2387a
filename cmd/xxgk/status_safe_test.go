package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
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
	}, Note: "本次导入中市财政局还有文件 a\u009b2J\n✔.xlsx"})
	got := out.String()
	if strings.ContainsAny(got, "\x1b\r\u009b") || strings.Count(got, "\n") != 3 {
		t.Fatalf("raw control characters in output: %q", got)
	}
	for _, want := range []string{`市财政局\x1b[2J.xlsx`, `值“说明\r\n✔ 已接收 伪造.xlsx”`, `    说明：本次导入中市财政局还有文件 a\u009b2J\n✔.xlsx`} {
		if !strings.Contains(got, want) {
			t.Errorf("output %q lacks %q", got, want)
		}
	}
}

// TestImportJSONEscapesControls: the NDJSON lines carry the same names and values, as
// JSON that reads back to them, with nothing a terminal acts on left raw.
func TestImportJSONEscapesControls(t *testing.T) {
	var out bytes.Buffer
	p := &importPrinter{out: &out, errw: &out, json: true}
	name := "收到/市财政局\x1b[2J\u009b2J\u202e\x7f.xlsx"
	note := "以\u2028此文件为准\u2066"
	p.result(importer.Result{Name: name, Outcome: importer.Older, Note: note, Problems: xxgk.Problems{
		{Severity: xxgk.Error, Sheet: xxgk.SheetForm, Cell: "M5", Value: "说明\u0085✔", Message: "测试"},
	}})
	got := out.String()
	if strings.ContainsAny(got, "\x1b\x7f\u009b\u202e\u2028\u2066\u0085") || strings.Count(got, "\n") != 1 {
		t.Fatalf("raw control characters in output: %q", got)
	}
	var j importer.JSON
	if err := json.Unmarshal(out.Bytes(), &j); err != nil {
		t.Fatal(err)
	}
	if j.File != name || j.Note != note || j.Outcome != "older" || j.Problems[0].Value != "说明\u0085✔" {
		t.Errorf("read back %+v", j)
	}
}

// TestVerifyCSVNeutralizes: a page title from a website, an address from a unit and a
// unit name from the operator's file reach Excel as text from `verify --format csv`.
func TestVerifyCSVNeutralizes(t *testing.T) {
	c := xxgk.Check{Unit: "X1", Code: "CZ-01-1", URL: "-http://x", Result: xxgk.CheckEmpty}
	c.Title = `=HYPERLINK("http://evil","点我")`
	c.Error = "+1"
	var buf bytes.Buffer
	if err := writeChecksCSV(&buf, []xxgk.Check{c}, map[string]string{"X1": "@单位"}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff"))).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	col := map[string]string{}
	for i, h := range recs[0] {
		col[h] = recs[1][i]
	}
	for k, want := range map[string]string{"unit": "'@单位", "url": "'-http://x", "title": `'=HYPERLINK("http://evil","点我")`, "error": "'+1", "code": "CZ-01-1"} {
		if col[k] != want {
			t.Errorf("%s = %q, want %q", k, col[k], want)
		}
	}
}
