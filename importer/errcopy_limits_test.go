package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/internal/openpyxl"
	"xxgk/samples"
)

// TestProblemsOnlyCapsTheList: a short copy lists at most listMaxProblems problems and
// says how many more there are; the reason stands under the title.
func TestProblemsOnlyCapsTheList(t *testing.T) {
	var ps xxgk.Problems
	for i := range listMaxProblems + 500 {
		ps = append(ps, xxgk.Problem{Severity: xxgk.Error, Sheet: xxgk.SheetForm, Cell: fmt.Sprintf("M%d", i+5), Message: "测试"})
	}
	out, err := problemsOnly(ps, "问题多达 2500 个", CopyInfo{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetProblems)
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[0][0]; got != "本文件有 2500 个错误、0 个警告，已退回。请按下表在原文件中逐项修改，修改后重新报送。" {
		t.Errorf("title %q", got)
	}
	if got := rows[1][0]; got != "本副本只列出问题，未附原表格：问题多达 2500 个。请在原文件中删除多余内容后重新报送" {
		t.Errorf("note %q", got)
	}
	last := rows[len(rows)-1]
	if n := len(rows) - 3; n != listMaxProblems+1 || !strings.Contains(strings.Join(last, "|"), "另有 500 个问题未列出") {
		t.Errorf("%d listed, last row %q", n, last)
	}
	if len(ps) != listMaxProblems+500 {
		t.Error("the caller's problems were changed")
	}
}

// TestAnnotateWithinLimits: ReturnedCopy, which feedback calls on a kept refused file,
// gives the short copy for a workbook too large to annotate, as import does.
func TestAnnotateWithinLimits(t *testing.T) {
	big := addPart(t, validBook(t), "xl/media/image1.png", bytes.Repeat([]byte("0123456789"), 500_000))
	ps := xxgk.Problems{{Severity: xxgk.Error, Sheet: xxgk.SheetForm, Cell: "H2", Message: "未填写填报人"}}
	out, listOnly, err := ReturnedCopy(big, ps, CopyInfo{Office: "某某办公室"})
	if err != nil || !listOnly {
		t.Fatalf("list only %v, %v; want the short copy", listOnly, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != SheetProblems {
		t.Fatalf("sheets %v, want the short copy", got)
	}
	rows, err := f.GetRows(SheetProblems)
	if err != nil {
		t.Fatal(err)
	}
	text := fmt.Sprint(rows)
	for _, want := range []string{"本副本只列出问题，未附原表格：原文件解压后 5 MB，超过可批注的 4 MB", "未填写填报人"} {
		if !strings.Contains(text, want) {
			t.Errorf("short copy lacks %q:\n%s", want, text)
		}
	}
	if hf, err := f.GetHeaderFooter(SheetProblems); err != nil || !strings.Contains(hf.OddHeader, "某某办公室") {
		t.Errorf("header %q (%v) does not name the office", hf.OddHeader, err)
	}
}

// TestReturnedCopyShortOpens: whoever sends a refused file back (import --errors-dir or
// feedback), a file with more problems than a copy lists goes back as the short copy,
// which names the sender as its maker and loads in openpyxl; a normal one as the full
// annotated copy.
func TestReturnedCopyShortOpens(t *testing.T) {
	cat := testCatalog(t)
	data := filled(t, cat, "汉阴县", samples.WithErrors, 8)
	ps := readBook(t, "汉阴县.xlsx", data).Problems
	many := slices.Clone(ps)
	for i := range listMaxProblems {
		many = append(many, xxgk.Problem{Severity: xxgk.Error, Sheet: xxgk.SheetForm, Cell: fmt.Sprintf("M%d", i+5), Message: "测试"})
	}
	info := CopyInfo{Office: "安康市人民政府办公室", Now: time.Date(2020, 9, 28, 9, 0, 0, 0, xxgk.ChinaTime)}
	dir := t.TempDir()
	var paths []string
	for name, p := range map[string]xxgk.Problems{"full": ps, "short": many} {
		out, listOnly, err := ReturnedCopy(data, p, info)
		if err != nil || listOnly != (name == "short") {
			t.Fatalf("%s copy: list only %v, %v", name, listOnly, err)
		}
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	for _, b := range openpyxl.Load(t, paths...) {
		name := strings.TrimSuffix(filepath.Base(b.Path), ".xlsx")
		if b.Error != "" {
			continue
		}
		if want := map[string]int{"full": 4, "short": 1}[name]; len(b.Sheets) != want || b.Sheets[0].Name != SheetProblems {
			t.Errorf("%s copy: %d sheets, first %q; want %d, %s first", name, len(b.Sheets), b.Sheets[0].Name, want, SheetProblems)
		}
		if b.Props.Creator != info.Office || !strings.HasPrefix(b.Props.Modified, "2020-09-28") {
			t.Errorf("%s copy: creator %q, modified %q; want the sender and the day it was sent", name, b.Props.Creator, b.Props.Modified)
		}
	}
}
