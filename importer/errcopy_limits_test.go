package importer

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// TestProblemsOnlyCapsTheList: a short copy lists at most listMaxProblems problems and
// says how many more there are; the reason stands under the title.
func TestProblemsOnlyCapsTheList(t *testing.T) {
	var ps xxgk.Problems
	for i := range listMaxProblems + 500 {
		ps = append(ps, xxgk.Problem{Severity: xxgk.Error, Sheet: xxgk.SheetForm, Cell: fmt.Sprintf("M%d", i+5), Message: "测试"})
	}
	out, err := problemsOnly(ps, "问题多达 2500 个")
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
