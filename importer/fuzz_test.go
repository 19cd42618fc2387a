package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"strings"
	"testing"

	"xxgk/samples"
)

// FuzzRead feeds arbitrary bytes to the reader: it must never panic (a recovered panic
// shows as the internal-error problem, which fails the target) and must either accept
// with a consistent submission, reject with located problems, or find a blank template.
//
//	go test -run '^$' -fuzz FuzzRead -fuzztime 10s ./importer
func FuzzRead(f *testing.F) {
	cat := testCatalog(f)
	f.Add(template(f, cat, "市财政局"))
	for i, p := range samples.Profiles {
		f.Add(filled(f, cat, "市卫健委", p, uint64(i)))
	}
	f.Add(stored(f, filled(f, cat, "汉滨区", samples.Good, 9)))
	f.Add([]byte("PK\x03\x04"))
	f.Add(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, []byte("E\x00n\x00c\x00")...))
	f.Add([]byte("指标编码,是否开设栏目\nCZ-01-1,已开设\n"))
	r := newTestReader(f)
	r.Limits = Limits{MaxRows: 200, MaxCols: 30}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := r.Read(context.Background(), "fuzz.xlsx", data)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range c.Problems {
			if strings.HasPrefix(p.Message, "读取文件时发生内部错误") {
				t.Fatalf("panic inside Read: %s", p.Message)
			}
			if p.File != "fuzz.xlsx" || p.Message == "" {
				t.Fatalf("problem without file or message: %+v", p)
			}
		}
		if c.Accepted() && len(c.Submission.Items) != c.Counts.Assigned {
			t.Fatalf("accepted with %d items for %d indicators", len(c.Submission.Items), c.Counts.Assigned)
		}
		if c.Blank && (c.Accepted() || c.Problems.HasErrors()) {
			t.Fatal("a blank template accepted or with errors")
		}
		if !c.Accepted() && !c.Blank && !c.Problems.HasErrors() {
			t.Fatal("rejected without an error")
		}
	})
}

// FuzzSheetXML fuzzes the XML of the form sheet itself inside a valid package, which
// FuzzRead rarely reaches through the compression and checksums.
func FuzzSheetXML(f *testing.F) {
	cat := testCatalog(f)
	good := filled(f, cat, "市财政局", samples.Good, 1)
	zr, err := zip.NewReader(bytes.NewReader(good), int64(len(good)))
	if err != nil {
		f.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		var buf bytes.Buffer
		buf.ReadFrom(rc)
		rc.Close()
		parts[zf.Name] = buf.Bytes()
	}
	f.Add(parts["xl/worksheets/sheet2.xml"])
	f.Add([]byte(`<worksheet><sheetData><row r="4"><c r="B4" t="inlineStr"><is><t>指标编码</t></is></c></row><row><c t="s"><v>3</v></c><c r="XFD5"><v>1&amp;2&#x4E00;</v></c></row></sheetData></worksheet>`))
	r := newTestReader(f)
	r.Limits = Limits{MaxRows: 200, MaxCols: 30}
	f.Fuzz(func(t *testing.T, sheet []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, data := range parts {
			if name == "xl/worksheets/sheet2.xml" {
				data = sheet
			}
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			w.Write(data)
		}
		zw.Close()
		c, err := r.Read(context.Background(), "fuzz.xlsx", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range c.Problems {
			if strings.HasPrefix(p.Message, "读取文件时发生内部错误") {
				t.Fatalf("panic inside Read: %s", p.Message)
			}
		}
	})
}

// stored rewrites a workbook with uncompressed entries, so mutations hit the XML.
func stored(tb testing.TB, data []byte) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Store})
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		w.Write(b.Bytes())
	}
	zw.Close()
	return buf.Bytes()
}
