package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// TestDateFlagsThatDoNotExist: a deadline or reply-by day its month does not have is said
// to be so, not "请填写完整日期"; examples use the round's year.
func TestDateFlagsThatDoNotExist(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "x.db")
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"templates", "--db", db, "--out", dir, "--round", "2026", "--deadline", "2026-11-31"},
			"xxgk: 截止日期“2026-11-31”这一天不存在：2026年11月只有30天，没有31日。请检查日期\n"},
		{[]string{"templates", "--db", db, "--out", dir, "--round", "2026", "--deadline", "2026-02-29"},
			"xxgk: 截止日期“2026-02-29”这一天不存在：2026年2月只有28天，没有29日。请检查日期\n"},
		{[]string{"templates", "--db", db, "--out", dir, "--round", "2026", "--deadline", "九月"},
			"xxgk: 截止日期“九月”无法识别，请写成 2026-09-20 的形式\n"},
	} {
		if code, _, stderr := runAt(t, now, c.args...); code != exitFailed || stderr != c.want {
			t.Errorf("%v: exit %d\n got %q\nwant %q", c.args, code, stderr, c.want)
		}
	}
	if code, _, stderr := runAt(t, now, "templates", "--db", db, "--out", dir, "--round", "2026", "--deadline", "2026-09-20"); code != exitOK {
		t.Fatal(stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "2026_市财政局_信息公开栏目建设情况填报表.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(xxgk.SheetGuide)
	dvs, _ := f.GetDataValidations(xxgk.SheetForm)
	f.Close()
	text := fmt.Sprint(rows)
	for _, dv := range dvs {
		if dv.Prompt != nil {
			text += *dv.Prompt
		}
	}
	if strings.Contains(text, "2020-09-15") || strings.Count(text, "2026-09-15") < 3 {
		t.Errorf("the 2026 template's examples are not of 2026:\n%s", text)
	}
	if code, _, stderr := runAt(t, now, "report", "--db", db, "--out", filepath.Join(dir, "r.xlsx"), "--reply-by", "2026-09-31"); code != exitFailed ||
		stderr != "xxgk: --reply-by 的值“2026-09-31”这一天不存在：2026年9月只有30天，没有31日。请检查日期\n" {
		t.Errorf("reply-by: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runAt(t, now, "report", "--db", db, "--out", filepath.Join(dir, "r.xlsx"), "--reply-by", "下周"); code != exitFailed ||
		stderr != "xxgk: --reply-by 的值“下周”不是有效日期，请写成 2026-10-09 的形式\n" {
		t.Errorf("reply-by: exit %d, %q", code, stderr)
	}
}
