package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/internal/testdb"
	"xxgk/samples"
)

// TestUndo runs history, revert, withdraw and rejections clear on both engines: each
// correction is recorded with its time and operator, shows in the history, and status and
// export follow it.
func TestUndo(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testUndo(t, testdb.SQLite(t)) })
	t.Run("mysql", func(t *testing.T) { testUndo(t, testdb.MySQL(t, "xxgk_undo_test")) })
}

// statusOf reads one unit's line of `status --format json`.
func statusOf(t testing.TB, db, unit string) statusEntry {
	t.Helper()
	code, out, stderr := runAt(t, time.Now(), "status", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("status: exit %d, %s", code, stderr)
	}
	var entries []statusEntry
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	for _, en := range entries {
		if en.Unit == unit {
			return en
		}
	}
	t.Fatalf("no status line for %s", unit)
	return statusEntry{}
}

func testUndo(t *testing.T, db string) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "模板")
	clock := func(day, hour int) time.Time { return time.Date(2020, 9, day, hour, 0, 0, 0, xxgk.ChinaTime) }
	if code, _, stderr := runAt(t, clock(8, 9), "templates", "--db", db, "--out", tpl, "--round", "2020", "--deadline", "2020-09-20"); code != exitOK {
		t.Fatalf("templates: %s", stderr)
	}
	imp := func(day int, path string) {
		t.Helper()
		if code, out, stderr := runAt(t, clock(day, 10), "import", "--db", db, path); code == exitFailed {
			t.Fatalf("import %s: exit %d\n%s\n%s", path, code, out, stderr)
		}
	}
	in := filepath.Join(dir, "收到的文件")
	firstFile := fillFrom(t, tpl, in, "2020", "市财政局", samples.Good, 1, "财政局-第一次.xlsx")
	imp(15, firstFile)
	imp(16, fillFrom(t, tpl, in, "2020", "市财政局", samples.WithWarnings, 2, "财政局-其实是审计局的.xlsx"))
	imp(16, fillFrom(t, tpl, in, "2020", "汉滨区", samples.WithErrors, 3, "汉滨区.xlsx"))

	// history: both versions, the second current.
	code, out, stderr := runAt(t, clock(17, 9), "history", "--db", db, "市财政局")
	if code != exitOK {
		t.Fatalf("history: exit %d, %s", code, stderr)
	}
	for _, re := range []string{
		`^市财政局 · 轮次 2020：当前为第 2 版\n`,
		`\n   2020-09-15 10:00  导入 +1  财政局-第一次\.xlsx +tester +\d+ +\d+ +\d+\n`,
		`\n\*  2020-09-16 10:00  导入 +2  财政局-其实是审计局的\.xlsx +tester +\d+ +\d+ +\d+  \d+ 条警告\n`,
		`\n\* 当前版本（状态、报告和反馈单都以它为准）\n$`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("history lacks %s:\n%s", re, out)
		}
	}

	// revert: a new version 3 with version 1's content, by the operator given.
	code, out, stderr = runAt(t, clock(17, 10), "revert", "--db", db, "--to", "1", "--operator", "李四", "--note", "第 2 版是审计局的文件", "市财政局")
	if code != exitOK || out != "已将 市财政局 恢复为第 1 版的内容，记为第 3 版（轮次 2020，操作人 李四）；原有各版本仍保留，见 xxgk history 市财政局\n" {
		t.Fatalf("revert: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if st := statusOf(t, db, "市财政局"); st.Version != 3 || st.Status != "submitted" || st.SubmittedAt == nil || *st.SubmittedAt != "2020-09-17T10:00:00+08:00" {
		t.Errorf("status after revert: %+v", st)
	}
	code, out, _ = runAt(t, clock(17, 11), "revert", "--db", db, "--to", "3", "市财政局")
	if code != exitOK || out != "未做更改：第 3 版已是单位“市财政局”的当前版本\n" {
		t.Errorf("revert to the current version: exit %d, %q", code, out)
	}
	code, _, stderr = runAt(t, clock(17, 11), "revert", "--db", db, "--to", "7", "市财政局")
	if code != exitFailed || stderr != "xxgk: 恢复失败：单位“市财政局”在轮次“2020”中没有第 7 版（已有第 1 至 3 版）\n" {
		t.Errorf("revert to a missing version: exit %d, %q", code, stderr)
	}

	csvPath := filepath.Join(dir, "明细.csv")
	if code, _, stderr := runAt(t, clock(17, 12), "export", "--db", db, "--out", csvPath); code != exitOK || !exportedUnits(t, csvPath)["市财政局"] {
		t.Fatalf("export before the withdrawal lacks 市财政局: %s", stderr)
	}

	// withdraw: the operator from the environment (read by newEnv, as main does); 未报送
	// everywhere.
	t.Setenv(operatorEnv, "王五")
	var wout, werr bytes.Buffer
	we := newEnv(strings.NewReader(""), &wout, &werr)
	we.Now = func() time.Time { return clock(18, 9) }
	code = run(context.Background(), []string{"xxgk", "withdraw", "--db", db, "市财政局"}, we)
	out, stderr = wout.String(), werr.String()
	if code != exitOK || out != "已撤回 市财政局 的第 3 版（轮次 2020，操作人 王五）：该单位现为未报送，各版本仍保留在历史中。如需恢复：xxgk revert --to 3 市财政局\n" {
		t.Fatalf("withdraw: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if st := statusOf(t, db, "市财政局"); st.Status != "missing" || st.Version != 0 || st.Opened != 0 || st.SubmittedAt != nil {
		t.Errorf("status after withdraw: %+v", st)
	}
	if code, _, stderr := runAt(t, clock(18, 10), "export", "--db", db, "--out", csvPath); code != exitOK {
		t.Fatalf("export: %s", stderr)
	}
	if units := exportedUnits(t, csvPath); units["市财政局"] {
		t.Errorf("export still lists the withdrawn unit's rows: %v", units)
	}
	reportPath := filepath.Join(dir, "汇总.xlsx")
	if code, _, stderr := runAt(t, clock(18, 10), "report", "--db", db, "--out", reportPath); code != exitOK {
		t.Fatalf("report: %s", stderr)
	}
	if missing := missingInReport(t, reportPath); !slices.Contains(missing, "市财政局") {
		t.Errorf("the report's 未报送单位 sheet lacks the withdrawn unit: %v", missing)
	}
	code, out, _ = runAt(t, clock(18, 11), "withdraw", "--db", db, "市财政局")
	if code != exitOK || out != "未做更改：单位“市财政局”的第 3 版已撤回，单位已是未报送\n" {
		t.Errorf("withdraw twice: exit %d, %q", code, out)
	}
	// The same file imported again does not undo the withdrawal, and says so.
	code, out, _ = runAt(t, clock(18, 12), "import", "--db", db, firstFile)
	if want := regexp.MustCompile(`^= 未变化 .*财政局-第一次\.xlsx — 市财政局 与已存的第 ([13]) 版相同，未写入；该单位的报送已撤回，仍为未报送。如确要恢复此版，请运行 xxgk revert --to ([13]) 市财政局\n`); code != exitOK || !want.MatchString(out) {
		t.Errorf("import of a withdrawn unit's file: exit %d, %q", code, out)
	}
	if st := statusOf(t, db, "市财政局"); st.Status != "missing" {
		t.Errorf("status after importing a withdrawn unit's file again: %+v", st)
	}
	t.Setenv(operatorEnv, "")

	// rejections clear: 汉滨区's refusal no longer counts, but stays in its history.
	if st := statusOf(t, db, "汉滨区"); st.Rejected != 1 {
		t.Fatalf("汉滨区 before clearing: %+v", st)
	}
	code, out, _ = runAt(t, clock(19, 8), "rejections", "--db", db)
	if code != exitOK || !strings.HasPrefix(out, "轮次 2020：1 个单位有被退回的文件\n") ||
		!regexp.MustCompile(`\n汉滨区  未报送 +1  汉滨区\.xlsx +2020-09-16 10:00 +5\n`).MatchString(out) {
		t.Errorf("rejections before clearing: exit %d\n%s", code, out)
	}
	code, out, stderr = runAt(t, clock(19, 9), "rejections", "clear", "--db", db, "--note", "测试文件", "汉滨区")
	if code != exitOK || out != "已清除 汉滨区 的 1 条退回记录（轮次 2020，操作人 tester），历史中仍保留\n" {
		t.Fatalf("rejections clear: exit %d, stdout %q, stderr %q", code, out, stderr)
	}
	if st := statusOf(t, db, "汉滨区"); st.Rejected != 0 || st.Status != "missing" {
		t.Errorf("汉滨区 after clearing: %+v", st)
	}
	code, out, _ = runAt(t, clock(19, 10), "rejections", "--db", db)
	if code != exitOK || out != "轮次 2020 没有计入的退回记录。\n" {
		t.Errorf("rejections after clearing: exit %d, %q", code, out)
	}
	code, out, _ = runAt(t, clock(19, 10), "rejections", "clear", "--db", db, "--all")
	if code != exitOK || out != "未做更改：轮次“2020”中没有需要清除的退回记录\n" {
		t.Errorf("clear --all with nothing left: exit %d, %q", code, out)
	}
	code, _, stderr = runAt(t, clock(19, 10), "rejections", "clear", "--db", db, "--all", "汉滨区")
	if code != exitFailed || !strings.Contains(stderr, "--all 与单位名称“汉滨区”只能给一个") {
		t.Errorf("clear --all with a unit: exit %d, %q", code, stderr)
	}

	// The whole story, for scripts.
	code, out, stderr = runAt(t, clock(20, 9), "history", "--db", db, "--format", "json", "市财政局")
	if code != exitOK {
		t.Fatalf("history json: %s", stderr)
	}
	var h historyJSON
	if err := json.Unmarshal([]byte(out), &h); err != nil {
		t.Fatal(err)
	}
	var story []string
	for _, ev := range h.Events {
		story = append(story, strings.Join([]string{ev.Time, ev.Event, strconv.Itoa(ev.Version), strconv.Itoa(ev.FromVersion), ev.Operator, ev.Note}, "|"))
	}
	want := []string{
		"2020-09-15T10:00:00+08:00|import|1|0|tester|",
		"2020-09-16T10:00:00+08:00|import|2|0|tester|",
		"2020-09-17T10:00:00+08:00|revert|3|1|李四|第 2 版是审计局的文件",
		"2020-09-18T09:00:00+08:00|withdraw|3|0|王五|",
	}
	if strings.Join(story, "\n") != strings.Join(want, "\n") || h.Current != 0 || !h.Withdrawn || h.Unit != "市财政局" {
		t.Errorf("history json:\n%s\nwant events:\n%s", out, strings.Join(want, "\n"))
	}
	if ev := h.Events[2]; ev.Opened == nil || ev.File != "财政局-第一次.xlsx" || ev.Current {
		t.Errorf("revert entry: %+v", ev)
	}
	code, out, _ = runAt(t, clock(20, 9), "history", "--db", db, "汉滨区")
	if code != exitOK || !regexp.MustCompile(`\n   2020-09-16 10:00  退回 +汉滨区\.xlsx +tester +5 个错误，已退回（退回记录已清除）\n`).MatchString(out) ||
		!regexp.MustCompile(`\n   2020-09-19 09:00  清除退回记录 +tester +清除 1 条退回记录；测试文件\n`).MatchString(out) ||
		!strings.HasPrefix(out, "汉滨区 · 轮次 2020：尚无已接收的版本（未报送）\n") {
		t.Errorf("汉滨区 history:\n%s", out)
	}

	// The unit's own file after the deadline: submitted again, and late.
	imp(25, fillFrom(t, tpl, in, "2020", "市财政局", samples.Good, 4, "财政局-正式.xlsx"))
	if st := statusOf(t, db, "市财政局"); st.Version != 4 || st.Status != "late" {
		t.Errorf("status after a new file: %+v", st)
	}
}

// missingInReport reads the unit column of the report's 未报送单位 sheet.
func missingInReport(t testing.TB, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("未报送单位")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows[1:] {
		if len(r) > 1 {
			out = append(out, r[1])
		}
	}
	return out
}

// exportedUnits reads the units named in an exported CSV.
func exportedUnits(t testing.TB, path string) map[string]bool {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, r := range recs[1:] {
		out[strings.TrimPrefix(r[0], "\ufeff")] = true
	}
	return out
}

// XXGK_OPERATOR names who imports and corrections are recorded as, when the OS account
// is shared.
func TestOperatorFromEnvironment(t *testing.T) {
	t.Setenv(operatorEnv, "张骞")
	if got := currentUser(); got != "张骞" {
		t.Errorf("currentUser() = %q with %s set", got, operatorEnv)
	}
	t.Setenv(operatorEnv, "")
	if got := currentUser(); got == "张骞" || got == "" {
		t.Errorf("currentUser() = %q without %s", got, operatorEnv)
	}
}
