package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk/internal/testdb"

	"xxgk/fonts"
)

// runCmd runs the CLI with buffers and a fixed clock.
func runCmd(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.Now = func() time.Time { return time.Date(2020, 9, 28, 9, 0, 0, 0, time.UTC) }
	e.User = "tester"
	code := run(context.Background(), append([]string{"xxgk"}, args...), e)
	return code, out.String(), errb.String()
}

func checkDemo(t *testing.T, dir string, dbArgs ...string) {
	t.Helper()
	code, out, errOut := runCmd(t, append(dbArgs, "demo", "--dir", dir)...)
	if code != exitOK {
		t.Fatalf("demo exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	for _, want := range []string{
		"36 个单位模板已生成到",
		"共 30 个文件：已接收 27，已退回 3",
		"共 5 个文件：已接收 5",
		"轮次 2020（截止日期 2020年9月20日）：36 个单位，已报送 31（其中逾期 4），未报送 5",
		// Columns the office could not open are no findings, but the table lists them.
		"轮次 2020 核查：31 个单位的 533 个栏目，正常 319，异常 153（无法访问 25，文章页面 24，栏目名称不符 24，空白栏目 24，长期未更新 32，更新日期不符 24），未能判断 25（栏目内容由脚本加载），未核查 36（网址是 IP 地址或解析到内网，未打开）",
		"\n–   紫阳县              CZ-01-1    未核查              -           http://www.zyx.gov.cn/xxgk/cz011/index.html     域名 www.zyx.gov.cn 解析到内网地址 10.61.0.8",
		"小计 异常 0/36",
		"\n– 未核查 36 个：网址是 IP 地址或解析到本机、内网地址，未打开，不计为异常；确认网站可以从互联网访问后，用 xxgk verify --allow-host www.zyx.gov.cn 放行再核查\n",
		"页面标题“工作动态 - www.",
		"完成：文件位置",
		"本批有 3 个文件是演示中故意填错的，应被退回：",
		"（演示）以上 3 个被退回的文件正是故意填错的那几个，退回是预期结果",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	// The refusals are part of the story, not a failure on stderr.
	// Operator advice about addresses the check could not open goes to the terminal.
	if !strings.Contains(errOut, "如确认这些网站可以核查，请运行 xxgk verify --allow-host www.zyx.gov.cn 后重新生成") {
		t.Errorf("demo does not tell the operator about the unchecked addresses:\n%s", errOut)
	}
	if strings.Contains(errOut, "未能导入") {
		t.Errorf("demo reports its planned refusals as a failure:\n%s", errOut)
	}
	for _, f := range []string{"4-报告/明细.csv", "4-报告/汇总报告.xlsx", "3-退回修改/2020_市农业农村局_信息公开栏目建设情况填报表.xlsx"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("demo did not write %s: %v", f, err)
		}
	}
	if _, _, err := fonts.Load(""); err == nil {
		pdfs, _ := filepath.Glob(filepath.Join(dir, "5-反馈", "*.pdf"))
		if len(pdfs) != 36 {
			t.Errorf("%d feedback PDFs, want 36", len(pdfs))
		}
		if _, err := os.Stat(filepath.Join(dir, "4-报告", "通报.pdf")); err != nil {
			t.Error(err)
		}
	} else if os.Getenv("CI") == "true" {
		t.Errorf("CI has no Chinese font: %v", err)
	} else if !strings.Contains(out, "未生成 PDF 通报和反馈") {
		t.Error("without a font the demo must say it skipped the PDF step")
	}

	// The demo's database answers status like any other.
	db := dbArgs
	if len(db) == 0 {
		db = []string{"--db", "sqlite:" + filepath.Join(dir, "xxgk-demo.db")}
	}
	code, out, errOut = runCmd(t, append(db, "status", "--format", "json")...)
	if code != exitOK {
		t.Fatalf("status exit %d: %s", code, errOut)
	}
	var entries []statusEntry
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("status JSON: %v\n%s", err, out)
	}
	byUnit := map[string]statusEntry{}
	states := map[string]int{}
	for _, en := range entries {
		byUnit[en.Unit] = en
		states[en.Status]++
	}
	if len(entries) != 36 || states["missing"] != 5 || states["late"] != 4 || states["submitted"] != 27 {
		t.Errorf("status counts %v over %d units", states, len(entries))
	}
	// The check step ran against the sample site: every unit with an accepted version has
	// a 核查异常 count, the others none.
	for _, en := range entries {
		if (en.CheckFailures != nil) != (en.Status != "missing") {
			t.Errorf("%s (%s): check_failures %v", en.Unit, en.Status, en.CheckFailures)
		}
	}
	// 市财政局 sent a revised version in the second batch: version 2, still on time.
	if cz := byUnit["市财政局"]; cz.Version != 2 || cz.Status != "submitted" || cz.Assigned != 19 || cz.SubmittedAt == nil {
		t.Errorf("市财政局 = %+v", cz)
	}
	// 汉阴县's only file was refused: missing, with the refusal on record.
	if hy := byUnit["汉阴县"]; hy.Status != "missing" || hy.Rejected != 1 {
		t.Errorf("汉阴县 = %+v", hy)
	}
	// 市自然资源局 was rejected before the deadline and accepted after it: late.
	if zr := byUnit["市自然资源局"]; zr.Status != "late" || zr.Version != 1 {
		t.Errorf("市自然资源局 = %+v", zr)
	}
	for _, en := range entries {
		due := en.Assigned - en.NotApplicable
		if en.Status != "missing" && due > 0 {
			if want := float64(en.Opened) / float64(due); en.Completion != want {
				t.Errorf("%s completion %v, want %v", en.Unit, en.Completion, want)
			}
		}
		if en.Status == "missing" && (en.SubmittedAt != nil || en.Version != 0) {
			t.Errorf("missing unit %s has a submission: %+v", en.Unit, en)
		}
	}
}

func TestDemoSQLite(t *testing.T) {
	dir := t.TempDir()
	checkDemo(t, dir)
	// A second run starts afresh rather than piling onto the first.
	checkDemo(t, dir)
}

func TestDemoMySQL(t *testing.T) {
	dsn := testdb.MySQL(t, "xxgk_demo_test")
	checkDemo(t, t.TempDir(), "--db", dsn)
}

// Without a Chinese font the demo does every other step, then says how to get one.
func TestDemoWithoutFont(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.FontDirs = []string{t.TempDir()} // no fonts there
	if code := run(context.Background(), []string{"xxgk", "demo", "--dir", dir}, e); code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errb.String())
	}
	for _, want := range []string{"跳过：没有可用的中文字体", "未生成 PDF 通报和反馈：找不到可用的中文字体", "sudo apt-get install fonts-wqy-microhei", "明细与汇总"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "4-报告", "汇总报告.xlsx")); err != nil {
		t.Error(err)
	}
	if pdfs, _ := filepath.Glob(filepath.Join(dir, "5-反馈", "*.pdf")); len(pdfs) != 0 {
		t.Errorf("%d PDFs written without a font", len(pdfs))
	}
}

// The demo never writes into the database named by XXGK_DB, and never into a folder
// holding other people's files.
func TestDemoLeavesRealDataAlone(t *testing.T) {
	real := filepath.Join(t.TempDir(), "real.db")
	t.Setenv("XXGK_DB", "sqlite:"+real)
	dir := t.TempDir()
	if code, out, errOut := runCmd(t, "demo", "--dir", dir); code != exitOK {
		t.Fatalf("demo exit %d\n%s\n%s", code, out, errOut)
	}
	if _, err := os.Stat(real); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("demo touched the XXGK_DB database: %v", err)
	}

	busy := t.TempDir()
	if err := os.WriteFile(filepath.Join(busy, "mine.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCmd(t, "demo", "--dir", busy)
	if code != exitFailed || !strings.Contains(errOut, "已有其他文件") {
		t.Errorf("demo into a busy folder: exit %d, %s", code, errOut)
	}
	if entries, _ := os.ReadDir(busy); len(entries) != 1 {
		t.Errorf("demo wrote into a busy folder: %d entries", len(entries))
	}
}

// Without any Chinese font, PDF output stops with exit 2 and says how to get one, before
// touching the database.
func TestPDFWithoutFont(t *testing.T) {
	for _, args := range [][]string{
		{"report", "--out", filepath.Join(t.TempDir(), "r.pdf")},
		{"feedback", "--out", t.TempDir()},
	} {
		var out, errb bytes.Buffer
		e := newEnv(strings.NewReader(""), &out, &errb)
		e.FontDirs = []string{t.TempDir()}
		code := run(context.Background(), append([]string{"xxgk", "--db", "sqlite:" + filepath.Join(t.TempDir(), "none.db")}, args...), e)
		if code != exitFailed || !strings.Contains(errb.String(), "找不到可用的中文字体，无法生成 PDF。Debian/Ubuntu 请执行 sudo apt-get install fonts-wqy-microhei") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}

// The demo runs on the unit list given to it: every step, templates included, sees the
// same units (the templates step once used the built-in list while the filling used the
// given one, and the demo failed at step 2).
func TestDemoOwnUnits(t *testing.T) {
	units, err := os.ReadFile("../../seeds/units.csv")
	if err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(t.TempDir(), "units.csv")
	units = append(units, "TEST1,测试一县人民政府,测试一县,county,\nTEST2,测试二县人民政府,测试二县,county,\n"...)
	if err := os.WriteFile(list, units, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.FontDirs = []string{t.TempDir()} // no PDFs: they are not what this test is about
	if code := run(context.Background(), []string{"xxgk", "demo", "--dir", dir, "--units", list}, e); code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out.String(), errb.String())
	}
	for _, want := range []string{"38 个单位模板已生成", "测试二县\t44 项指标", "38 个单位："} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q", want)
		}
	}
}
