package main

import (
	"context"
	"encoding/csv"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"xxgk/internal/testdb"
	"xxgk/store"
)

func TestStatusFormats(t *testing.T) {
	dir := t.TempDir()
	if code, out, errOut := runCmd(t, "demo", "--dir", dir); code != exitOK {
		t.Fatalf("demo exit %d\n%s\n%s", code, out, errOut)
	}
	db := "sqlite:" + filepath.Join(dir, "xxgk-demo.db")

	// The table puts missing units first, then late ones, each marked.
	code, out, errOut := runCmd(t, "status", "--db", db)
	if code != exitOK {
		t.Fatalf("status exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], "轮次 2020（截止日期 2020年9月20日）：36 个单位，已报送 31（其中逾期 4），未报送 5，总体完成率 ") {
		t.Errorf("summary line %q", lines[0])
	}
	if lines[1] != "应建栏目 784 个：已开设 533，未开设 73，不适用 49，未报送 129（未报送单位的栏目）" {
		t.Errorf("partition line %q", lines[1])
	}
	header := strings.Fields(lines[3])
	if strings.Join(header, " ") != "单位 类型 状态 版本 应建 已开设 未开设 不适用 未报送 完成率 核查异常 最后报送时间" {
		t.Errorf("header %q", lines[3])
	}
	var marks []string
	for _, l := range lines[5 : 5+36] {
		f := strings.Fields(l)
		switch {
		case f[0] == "✘":
			marks = append(marks, "missing")
			if f[3] != "未报送" || f[9] != f[5] || f[10] != "—" {
				t.Errorf("missing row %q", l)
			}
		case f[0] == "!":
			marks = append(marks, "late")
			if f[3] != "逾期报送" {
				t.Errorf("late row %q", l)
			}
		default:
			marks = append(marks, "ok")
		}
	}
	got := strings.Join(marks, ",")
	want := strings.Repeat("missing,", 5) + strings.Repeat("late,", 4) + strings.TrimSuffix(strings.Repeat("ok,", 27), ",")
	if got != want {
		t.Errorf("row order\n got %s\nwant %s", got, want)
	}
	if !strings.Contains(out, "✘ 未报送（“已退回”指报送过但因填写错误被退回、尚未改正重报）　! 逾期报送") {
		t.Error("legend missing")
	}
	// 汉阴县 sent a file that was refused: still missing, but not silent.
	if !regexp.MustCompile(`(?m)^✘  汉阴县 +县区 +未报送 .*已退回 2020-09-18 10:00$`).MatchString(out) {
		t.Errorf("汉阴县's refused file is not shown:\n%s", out)
	}

	// CSV for scripts: the JSON keys as header, one row per unit.
	code, out, _ = runCmd(t, "--db", db, "status", "--format", "csv")
	if code != exitOK {
		t.Fatalf("status csv exit %d", code)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 37 {
		t.Fatalf("csv: %d records, %v", len(recs), err)
	}
	if strings.Join(recs[0], ",") != "unit,kind,status,version,assigned,opened,not_opened,not_applicable,not_reported,completion,submitted_at,rejected,check_failures,review,review_comment" {
		t.Errorf("csv header %v", recs[0])
	}
	if recs[1][0] != "市财政局" || recs[1][2] != "submitted" || recs[1][3] != "2" {
		t.Errorf("csv first row %v", recs[1])
	}

	// Bad arguments: exit 2 with a Chinese message.
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"status", "--db", db, "--format", "xml"}, "--format 只能是 table、csv 或 json，而不是“xml”"},
		{[]string{"status", "--db", db, "--round", "1999"}, "数据库中没有轮次“1999”"},
		{[]string{"status", "--db", "sqlite:" + filepath.Join(t.TempDir(), "typo.db")}, "typo.db 不存在。请先用 xxgk templates 生成模板"},
		{[]string{"status", "--db", emptyDB(t)}, "数据库中还没有任何轮次"},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(t, tt.args...)
		if code != exitFailed || !strings.Contains(errOut, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.msg)
		}
	}
}

func TestUsageErrorsInChinese(t *testing.T) {
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"report"}, "xxgk: 缺少必需的参数 --out。用法见 xxgk report --help\n"},
		{[]string{"templates", "--out"}, "xxgk: 参数 --out 后面需要一个值。用法见 xxgk --help 或 xxgk 命令 --help\n"},
		{[]string{"status", "--bogus"}, "xxgk: 没有参数 --bogus：xxgk status 没有这个参数。用法见 xxgk status --help\n"},
		{[]string{"import", "--errors-dir"}, "xxgk: 参数 --errors-dir 后面需要一个值。用法见 xxgk --help 或 xxgk 命令 --help\n"},
		{[]string{"bogus"}, "xxgk: 没有命令“bogus”。可用的命令：" + commandList() + "；用法见 xxgk --help\n"},
	}
	for _, tt := range tests {
		code, _, errOut := runCmd(t, tt.args...)
		if code != exitFailed || !strings.HasSuffix(errOut, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.msg)
		}
	}
	code, out, _ := runCmd(t, "--help")
	if code != exitOK || !strings.Contains(out, "退出码 / exit codes:") || !strings.Contains(out, "命令 COMMANDS:") {
		t.Errorf("--help: exit %d\n%s", code, out)
	}
	// Every command documents the exit codes; "xxgk help CMD" works like "xxgk CMD --help".
	for _, cmd := range newApp(newEnv(nil, nil, nil)).Commands {
		code, out, _ := runCmd(t, "help", cmd.Name)
		if code != exitOK || !strings.Contains(out, "xxgk "+cmd.Name+" - ") || !strings.Contains(out, "退出码 / exit codes:") {
			t.Errorf("help %s: exit %d\n%s", cmd.Name, code, out)
		}
	}
}

// A flag on the command line wins over the environment, before or after the command name.
func TestGlobalFlagBeatsEnvironment(t *testing.T) {
	dir := t.TempDir()
	if code, out, errOut := runCmd(t, "demo", "--dir", dir); code != exitOK {
		t.Fatalf("demo exit %d\n%s\n%s", code, out, errOut)
	}
	demoDB := "sqlite:" + filepath.Join(dir, "xxgk-demo.db")
	t.Setenv("XXGK_DB", "sqlite:"+filepath.Join(t.TempDir(), "other.db"))
	for _, args := range [][]string{{"--db", demoDB, "status"}, {"status", "--db", demoDB}} {
		code, out, errOut := runCmd(t, args...)
		if code != exitOK || !strings.Contains(out, "36 个单位，已报送 31") {
			t.Errorf("%v with XXGK_DB set elsewhere: exit %d\n%s%s", args, code, out, errOut)
		}
	}
	// Without the flag, the environment names the database.
	t.Setenv("XXGK_DB", demoDB)
	if code, out, _ := runCmd(t, "status"); code != exitOK || !strings.Contains(out, "36 个单位，已报送 31") {
		t.Errorf("XXGK_DB not used: exit %d\n%s", code, out)
	}
}

// emptyDB is a migrated database without any round.
func emptyDB(t testing.TB) string {
	t.Helper()
	dsn := testdb.SQLite(t)
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return dsn
}
