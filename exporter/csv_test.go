package exporter

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"
)

func TestNeutralize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"+SUM(1,2)", "'+SUM(1,2)"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t制表符开头", "'\t制表符开头"},
		{"\r回车", "'\r回车"},
		{"", ""},
		{"市财政局", "市财政局"},
		{"0915-3201058", "0915-3201058"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := Neutralize(tt.in); got != tt.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteCSV(t *testing.T) {
	s, cat := fixtureSummary(t)
	rows := Details(s, cat)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if !bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("no UTF-8 BOM: % x", b[:3])
	}
	if !bytes.Contains(b, []byte("\r\n")) {
		t.Error("lines should end in CRLF for Excel")
	}
	recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], DetailColumns) {
		t.Errorf("header %q", recs[0])
	}
	if len(recs) != 1+len(rows) {
		t.Fatalf("%d records, want %d", len(recs), 1+len(rows))
	}
	for i, d := range rows {
		want := d.Record()
		for j := range want {
			want[j] = Neutralize(want[j])
		}
		if !slices.Equal(recs[i+1], want) {
			t.Errorf("record %d: %q, want %q", i+1, recs[i+1], want)
		}
	}
	audit := recs[19] // 市审计局 T-01
	if audit[5] != "'=cmd|' /C calc'!A0" || audit[9] != "'-2+3" || audit[10] != "'+SUM(1,2)" {
		t.Errorf("injection not neutralised: %q", audit)
	}
	if recs[20][10] != "'@SUM(A1)" || recs[20][5] != "'\t制表符开头" {
		t.Errorf("injection not neutralised: %q", recs[20])
	}
	if !strings.Contains(buf.String(), "市财政局,T-01,领域1,子项1,已开设") {
		t.Error("Chinese text not intact")
	}
}

func TestWriteCSVEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "\ufeff"+strings.Join(DetailColumns, ",")+"\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
