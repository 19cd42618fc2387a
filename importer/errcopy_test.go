package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// A unit's own comment on a cell we annotate must not cost the copy our comment: the
// returned copy says what is wrong in every annotated cell, and keeps the unit's words.
func TestAnnotateKeepsUnitComment(t *testing.T) {
	data := editBook(t, validBook(t), func(f *excelize.File) {
		setCells(t, f, xxgk.SheetForm, map[string]any{"K2": nil})
		if err := f.AddComment(xxgk.SheetForm, excelize.Comment{Cell: "K2", Author: "单位", Text: "电话稍后补"}); err != nil {
			t.Fatal(err)
		}
	})
	ps := readBook(t, "x.xlsx", data).Problems
	if len(ps) != 1 || ps[0].Cell != "K2" {
		t.Fatalf("problems %q", problemLines(ps))
	}
	out, err := Annotate(data, ps)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cs, err := f.GetComments(xxgk.SheetForm)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		if c.Cell == "K2" {
			got = append(got, commentText(c))
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "未填写联系电话") || !strings.Contains(got[0], "电话稍后补") {
		t.Errorf("K2 comments %q, want one holding our problem and the unit's note", got)
	}
}

// A workbook excelize cannot annotate is an error, never a copy without its notes.
func TestAnnotateFailsLoudly(t *testing.T) {
	if _, err := Annotate([]byte("not a workbook"), nil); err == nil {
		t.Error("Annotate of junk: no error")
	}
}
