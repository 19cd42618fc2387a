package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/samples"
)

// runAt runs a command line on buffers with the clock at now and the operator "tester".
func runAt(t testing.TB, now time.Time, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.Now = func() time.Time { return now }
	e.User = "tester"
	code := run(context.Background(), append([]string{"xxgk"}, args...), e)
	return code, out.String(), errb.String()
}

// fillFrom fills a unit's template from tplDir like the unit would and saves it as
// inDir/name; it returns the path.
func fillFrom(t testing.TB, tplDir, inDir, round, unit string, p samples.Profile, seed uint64, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(tplDir, round+"_"+unit+"_信息公开栏目建设情况填报表.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := samples.Fill(b, p, rand.New(rand.NewPCG(seed, 7)))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(inDir, name)
	if err := os.MkdirAll(inDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const builtinNotice = "提示：使用内置的 2020 年指标表，可用 --indicators 指定新表\n"

// A new year's round is named by the year in China time and needs its own deadline;
// nothing falls back to 2020's.
func TestTemplatesNewYearRound(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "x.db")
	out := filepath.Join(dir, "模板")
	// 31 December 2025, 18:00 UTC is already 1 January 2026 in Ankang.
	newYear := time.Date(2025, 12, 31, 18, 0, 0, 0, time.UTC)
	code, stdout, stderr := runAt(t, newYear, "templates", "--db", db, "--out", out)
	if code != exitFailed || stderr != "xxgk: 轮次 2026 尚未登记，请用 --deadline 给出报送截止日期，例如 --deadline 2026-09-20（已登记的轮次见 xxgk rounds）\n" {
		t.Errorf("no deadline for a new round: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("templates written although the round was refused (%v)", err)
	}

	for _, tt := range []struct{ deadline, want string }{
		{"2025-12-31", "xxgk: 截止日期 2025年12月31日 早于轮次 2026 所在的 2026 年，请检查 --deadline 或 --round\n"},
		{"2028-01-02", "xxgk: 截止日期 2028年1月2日 距今超过 2 年，请检查 --deadline\n"},
	} {
		code, _, stderr := runAt(t, newYear, "templates", "--db", db, "--out", out, "--deadline", tt.deadline)
		if code != exitFailed || stderr != tt.want {
			t.Errorf("deadline %s: exit %d, stderr %q, want %q", tt.deadline, code, stderr, tt.want)
		}
	}

	code, stdout, stderr = runAt(t, newYear, "templates", "--db", db, "--out", out, "--deadline", "2026-09-20")
	if code != exitOK || stderr != builtinNotice {
		t.Fatalf("new round: exit %d, stderr %q (want the built-in table notice, once)", code, stderr)
	}
	if !strings.HasSuffix(stdout, "36 个单位模板已生成到 "+out+"（轮次 2026，截止 2026年9月20日）\n") ||
		!strings.Contains(stdout, "汉滨区\t44 项指标\t"+filepath.Join(out, "2026_汉滨区_信息公开栏目建设情况填报表.xlsx")) {
		t.Errorf("stdout:\n%s", stdout)
	}
	// Re-issuing one unit later keeps the recorded deadline without --deadline.
	later := time.Date(2026, 10, 1, 9, 0, 0, 0, xxgk.ChinaTime)
	code, stdout, stderr = runAt(t, later, "templates", "--db", db, "--out", out, "--unit", "市气象局")
	if code != exitOK || stderr != "提示：使用轮次 2026 登记的指标表和单位名单（44 项指标，36 个单位）\n" || !strings.Contains(stdout, "截止 2026年9月20日") {
		t.Errorf("re-issue: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// A deadline already past is accepted with a warning.
	code, _, stderr = runAt(t, later, "templates", "--db", db, "--out", out, "--unit", "市气象局", "--deadline", "2026-09-30")
	if code != exitOK || !strings.Contains(stderr, "警告：截止日期 2026年9月30日 已过，此后导入的报送都将记为逾期\n") {
		t.Errorf("past deadline: exit %d, stderr %q", code, stderr)
	}
}

// The 2020 round keeps working as it always did, and says nothing about the table.
func TestTemplatesRound2020StillWorks(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "x.db")
	code, stdout, stderr := runAt(t, time.Date(2020, 9, 8, 9, 0, 0, 0, xxgk.ChinaTime),
		"templates", "--db", db, "--out", filepath.Join(dir, "out"), "--round", "2020", "--deadline", "2020-09-20")
	if code != exitOK || stderr != "" || !strings.HasSuffix(stdout, "（轮次 2020，截止 2020年9月20日）\n") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// Today the same command line works too, warning that the deadline has passed.
	code, _, stderr = runAt(t, time.Date(2026, 3, 1, 9, 0, 0, 0, xxgk.ChinaTime),
		"templates", "--db", db, "--out", filepath.Join(dir, "out"), "--round", "2020", "--deadline", "2020-09-20")
	if code != exitOK || stderr != "提示：使用轮次 2020 登记的指标表和单位名单（44 项指标，36 个单位）\n警告：截止日期 2020年9月20日 已过，此后导入的报送都将记为逾期\n" {
		t.Errorf("2020 today: exit %d, stderr %q", code, stderr)
	}
}

func TestRoundsCommand(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "x.db")
	if code, _, stderr := runAt(t, time.Now(), "rounds", "--db", db); code != exitFailed || !strings.Contains(stderr, "数据库文件 "+filepath.Join(dir, "x.db")+" 不存在") {
		t.Errorf("rounds without a database: exit %d, %q", code, stderr)
	}
	issued := time.Date(2020, 9, 8, 9, 0, 0, 0, xxgk.ChinaTime)
	for _, args := range [][]string{
		{"--round", "2020", "--deadline", "2020-09-20"},
		{"--round", "2021", "--deadline", "2021-09-30", "--title", "2021 年重点领域栏目建设情况", "--unit", "市财政局", "--unit", "汉滨区"},
	} {
		if code, _, stderr := runAt(t, issued, append([]string{"templates", "--db", db, "--out", filepath.Join(dir, "out")}, args...)...); code != exitOK {
			t.Fatalf("templates %v: %s", args, stderr)
		}
		issued = issued.AddDate(1, 0, 0)
	}
	imp := time.Date(2020, 9, 18, 9, 0, 0, 0, xxgk.ChinaTime)
	fillFrom(t, filepath.Join(dir, "out"), filepath.Join(dir, "in"), "2020", "市财政局", samples.Good, 1, "a.xlsx")
	if code, out, stderr := runAt(t, imp, "import", "--db", db, filepath.Join(dir, "in")); code != exitOK {
		t.Fatalf("import: %s\n%s", out, stderr)
	}

	code, stdout, stderr := runAt(t, imp, "rounds", "--db", db)
	if code != exitOK {
		t.Fatalf("rounds: exit %d, %s", code, stderr)
	}
	want := "轮次  标题                                     截止日期    单位数  已报送  创建时间\n" +
		"----  ---------------------------------------  ----------  ------  ------  ----------------\n" +
		"2021  2021 年重点领域栏目建设情况              2021-09-30      36       0  2021-09-08 09:00\n" +
		"2020  安康市政府网站重点领域信息公开栏目建设…  2020-09-20      36       1  2020-09-08 09:00\n" +
		"\n共 2 个轮次；不给 --round 时各命令使用轮次 2020（最近创建的、已有单位报送的轮次）\n"
	if stdout != want {
		t.Errorf("rounds table\n got:\n%s\nwant:\n%s", stdout, want)
	}
	code, stdout, _ = runAt(t, imp, "rounds", "--db", db, "--format", "json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); code != exitOK || err != nil || len(got) != 2 {
		t.Fatalf("json: exit %d, %v\n%s", code, err, stdout)
	}
	if g := got[1]; g["id"] != "2020" || g["deadline"] != "2020-09-20" || g["units"] != 36.0 || g["submitted"] != 1.0 ||
		g["created"] != "2020-09-08T09:00:00+08:00" || g["title"] != xxgk.DefaultRoundTitle {
		t.Errorf("json round 2020: %v", g)
	}
	if code, _, stderr := runAt(t, imp, "rounds", "--db", db, "--format", "xml"); code != exitFailed || stderr != "xxgk: --format 只能是 table 或 json，而不是“xml”\n" {
		t.Errorf("bad format: exit %d, %q", code, stderr)
	}
}
