package main

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/samples"
)

// importFixture generates the round's templates into a fresh SQLite database and fills
// some of them; it returns the database flag value and the folder of filled workbooks.
func importFixture(t *testing.T, fill map[string]samples.Profile) (db, dir string) {
	t.Helper()
	return importFixtureDB(t, "sqlite:"+filepath.Join(t.TempDir(), "xxgk.db"), fill)
}

// importFixtureDB is importFixture on the database db (either engine).
func importFixtureDB(t *testing.T, db string, fill map[string]samples.Profile) (string, string) {
	t.Helper()
	root := t.TempDir()
	tpl := filepath.Join(root, "tpl")
	if code, _, stderr := runImportTest(t, "templates", "--db", db, "--out", tpl, "--round", "2020", "--deadline", "2020-09-20"); code != exitOK {
		t.Fatalf("templates: exit %d: %s", code, stderr)
	}
	dir := filepath.Join(root, "in")
	os.MkdirAll(dir, 0o755)
	// Units in a fixed order, so that each gets the same random fill on every run.
	seed := uint64(0)
	for _, unit := range slices.Sorted(maps.Keys(fill)) {
		p := fill[unit]
		seed++
		src := filepath.Join(tpl, "2020_"+unit+"_信息公开栏目建设情况填报表.xlsx")
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		out, err := samples.Fill(b, p, rand.New(rand.NewPCG(seed, 7)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(src)), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return db, dir
}

// runImportTest runs a command line on buffers with the clock on 2020-09-18.
func runImportTest(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.Now = func() time.Time { return time.Date(2020, 9, 18, 9, 0, 0, 0, xxgk.ChinaTime) }
	e.User = "office"
	code := run(context.Background(), append([]string{"xxgk"}, args...), e)
	return code, out.String(), errb.String()
}

func TestImportCommand(t *testing.T) {
	db, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.Good, "汉滨区": samples.WithWarnings, "市民政局": samples.WithErrors})
	errs := filepath.Join(t.TempDir(), "退回")
	code, out, stderr := runImportTest(t, "import", "--db", db, "--errors-dir", errs, dir)
	if code != exitRejected {
		t.Fatalf("exit %d, want %d; stderr %q\n%s", code, exitRejected, stderr, out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	head := func(name string) string {
		for _, l := range lines {
			if !strings.HasPrefix(l, " ") && strings.Contains(l, name) {
				return l
			}
		}
		t.Fatalf("no line for %s in\n%s", name, out)
		return ""
	}
	p := func(u string) string {
		return filepath.Join(dir, "2020_"+u+"_信息公开栏目建设情况填报表.xlsx")
	}
	if got, want := head("市财政局"), "✔ 已接收 "+p("市财政局")+" — 市财政局 第 1 版，19 项指标：已开设 "; !strings.HasPrefix(got, want) {
		t.Errorf("accepted line\n got %s\nwant %s…", got, want)
	}
	// WithWarnings makes 5 warnings; the dates it fills may add staleness warnings.
	warnings := strings.Count(out, "\n    警告 ")
	if got := head("汉滨区"); !strings.HasPrefix(got, "✔ 已接收 "+p("汉滨区")+" — 汉滨区 第 1 版，44 项指标：") || !regexp.MustCompile(`，([5-9]|\d\d) 个警告$`).MatchString(got) {
		t.Errorf("warnings line %s", got)
	}
	if got, want := head("市民政局"), "✘ 已退回 "+p("市民政局")+" — 市民政局，5 个错误"; got != want {
		t.Errorf("rejected line\n got %s\nwant %s", got, want)
	}
	for _, want := range []string{
		"    警告 填报表!G5：值“是”，已按“已开设”处理，请今后从下拉列表选择",
		"    错误 填报表!K2：未填写联系电话",
		"    错误 填报表!I5：值“www.ankang.gov.cn 信息公开栏目”，不是有效网址，应以 http:// 或 https:// 开头，例如 http://www.ankang.gov.cn/xxgk/",
		"    已生成退回副本：" + filepath.Join(errs, "2020_市民政局_信息公开栏目建设情况填报表.xlsx"),
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing line %q in\n%s", want, out)
		}
	}
	if last := lines[len(lines)-1]; last != fmt.Sprintf("共 3 个文件：已接收 2，已退回 1；警告 %d 条；退回副本在 %s", warnings, errs) {
		t.Errorf("summary %q", last)
	}
	if !strings.Contains(stderr, "1 个文件未能导入") {
		t.Errorf("stderr %q", stderr)
	}

	// Again, only the accepted ones: unchanged, exit 0.
	os.Remove(p("市民政局"))
	code, out, _ = runImportTest(t, "import", "--db", db, dir)
	if code != exitOK || !strings.Contains(out, "= 未变化 "+p("市财政局")+" — 市财政局 与已存的第 1 版相同，未写入\n") {
		t.Errorf("rerun exit %d\n%s", code, out)
	}
}

func TestImportCommandDryRunAndRound(t *testing.T) {
	db, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.TextDates})
	code, out, _ := runImportTest(t, "import", "--db", db, "--dry-run", dir)
	if code != exitOK || !strings.Contains(out, "✔ 检查通过 ") || !strings.HasSuffix(out, "共 1 个文件：检查通过 1（试运行，未写入数据库）\n") {
		t.Errorf("dry run exit %d\n%s", code, out)
	}
	// An unknown --round is the office's mistake: nothing is read, nothing rejected.
	code, out, errOut := runImportTest(t, "import", "--db", db, "--round", "2021", dir)
	if code != exitFailed || out != "" || !strings.Contains(errOut, "数据库中没有轮次“2021”") {
		t.Errorf("--round exit %d\n%s%s", code, out, errOut)
	}
}

func TestImportCommandFailures(t *testing.T) {
	db, _ := importFixture(t, map[string]samples.Profile{})
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no path", []string{"import", "--db", db}, "请指定要导入的文件"},
		{"no such database file", []string{"import", "--db", "sqlite:" + filepath.Join(t.TempDir(), "typo.db"), t.TempDir()}, "typo.db 不存在"},
		{"database without rounds", []string{"import", "--db", emptyDB(t), t.TempDir()}, "中还没有任何轮次，无法核对报送文件"},
		{"errors dir not writable", []string{"import", "--db", db, "--errors-dir", "/proc/xxgk-no", t.TempDir()}, "无法创建输出目录 /proc/xxgk-no"},
		{"missing path", []string{"import", "--db", db, filepath.Join(t.TempDir(), "无此文件夹")}, "文件或文件夹不存在"},
		{"database unreachable", []string{"import", "--db", "mysql://root@tcp(127.0.0.1:1)/xxgk_nothing", t.TempDir()}, "无法打开数据库"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runImportTest(t, c.args...)
			if code != exitFailed || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d stderr %q, want 2 and %q", code, stderr, c.want)
			}
		})
	}
}

// TestImportCommandProgress: on a terminal with many files a bar is drawn on stderr and
// cleared; without a terminal stderr stays clean.
func TestImportCommandProgress(t *testing.T) {
	fill := map[string]samples.Profile{}
	for _, u := range []string{"汉滨区", "汉阴县", "石泉县", "宁陕县", "紫阳县", "岚皋县", "平利县", "镇坪县", "旬阳县", "白河县",
		"市财政局", "市发改委", "市自然资源局", "市生态环境局", "市住建局", "市水利局", "市林业局", "市交通局", "市审计局", "市民政局"} {
		fill[u] = samples.Good
	}
	db, dir := importFixture(t, fill)
	for _, tty := range []bool{true, false} {
		var out, errb bytes.Buffer
		e := newEnv(strings.NewReader(""), &out, &errb)
		e.Now = func() time.Time { return time.Date(2020, 9, 18, 9, 0, 0, 0, xxgk.ChinaTime) }
		e.StderrTTY = tty
		if code := run(context.Background(), []string{"xxgk", "import", "--db", db, dir}, e); code != exitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		bar := strings.Contains(errb.String(), "\r导入中 [") && strings.Contains(errb.String(), "] 20/20")
		if bar != tty {
			t.Errorf("tty %v: stderr %q", tty, errb.String())
		}
		// One head line per file and the summary; warnings (which depend on the dates the
		// samples draw) are indented below their file.
		heads := 0
		for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
			if !strings.HasPrefix(l, " ") {
				heads++
			}
		}
		if heads != 21 {
			t.Errorf("tty %v: %d unindented stdout lines, want 20 files and a summary", tty, heads)
		}
	}
}
