package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk/internal/testdb"
	"xxgk/samples"
)

// The demo refuses a --db that already holds a round, with exit 2, and leaves it as it was.
func TestDemoRefusesDatabaseWithRound(t *testing.T) {
	for _, eng := range []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "real.db") }},
		{"mysql", func(t *testing.T) string { return testdb.MySQL(t, "xxgk_cmd_demo_refuse") }},
	} {
		t.Run(eng.name, func(t *testing.T) {
			dsn := eng.dsn(t)
			if code, _, errOut := runCmd(t, "--db", dsn, "templates", "--round", "2020", "--deadline", "2020-09-20", "--out", t.TempDir()); code != exitOK {
				t.Fatalf("templates: exit %d: %s", code, errOut)
			}
			before := fingerprint(t, dsn)
			dir := filepath.Join(t.TempDir(), "demo")
			code, out, errOut := runCmd(t, "demo", "--db", dsn, "--dir", dir)
			if code != exitFailed || !strings.Contains(errOut, "中已有轮次，演示不会写入") {
				t.Errorf("demo on a database with a round: exit %d\n%s\n%s", code, out, errOut)
			}
			if after := fingerprint(t, dsn); after != before {
				t.Errorf("demo changed the database: %s → %s", before, after)
			}
			if _, err := os.Stat(dir); !os.IsNotExist(err) {
				t.Errorf("demo wrote its folder although it refused: %v", err)
			}
		})
	}
}

// fingerprint sums up what a database holds: the file bytes for SQLite, the row counts of
// every table for MySQL.
func fingerprint(t *testing.T, dsn string) string {
	t.Helper()
	if path, ok := strings.CutPrefix(dsn, "sqlite:"); ok {
		var all []byte
		for _, suffix := range []string{"", "-wal"} {
			b, err := os.ReadFile(path + suffix)
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			all = append(all, b...)
		}
		sum := sha256.Sum256(all)
		return hex.EncodeToString(sum[:])
	}
	db, err := sql.Open("mysql", strings.TrimPrefix(dsn, "mysql://"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	for _, table := range []string{"rounds", "round_units", "submissions", "submission_items", "rejections", "schema_migrations"} {
		var n int
		if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s=%d", table, n))
	}
	return strings.Join(out, ",")
}

// Reading commands never create a database: a mistyped MySQL database name is an error
// naming it, and no database of that name is left on the server.
func TestReadingCommandsNeverCreateDatabase(t *testing.T) {
	dsn := testdb.MySQL(t, "xxgk_cmd_typo") // dropped: does not exist
	cfg := testdb.MySQLConfig(t, "xxgk_cmd_typo")
	for _, args := range [][]string{
		{"status"},
		{"export", "--out", filepath.Join(t.TempDir(), "x.csv")},
		{"report", "--out", filepath.Join(t.TempDir(), "r.xlsx")},
		{"import", filepath.Join(t.TempDir(), "none.xlsx")},
		// The commands added with undo, rounds and verification, and the corrections.
		{"feedback", "--out", t.TempDir()},
		{"history", "市财政局"},
		{"rounds"},
		{"rejections"},
		{"verify"},
		{"revert", "--to", "1", "市财政局"},
		{"withdraw", "市财政局"},
		{"rejections", "clear", "--all"},
	} {
		code, _, errOut := runCmd(t, append([]string{"--db", dsn}, args...)...)
		want := "上没有名为“" + cfg.DBName + "”的数据库"
		if code != exitFailed || !strings.Contains(errOut, want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", args, code, errOut, want)
		}
	}
	srv := cfg.Clone()
	srv.DBName = ""
	db, err := sql.Open("mysql", srv.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?`, cfg.DBName).Scan(&n); err != nil || n != 0 {
		t.Errorf("a reading command created database %s (%d, %v)", cfg.DBName, n, err)
	}
}

// cmdEngines gives a fresh database DSN per engine; name keeps MySQL tests apart.
func cmdEngines(name string) []struct {
	name string
	dsn  func(t *testing.T) string
} {
	return []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "xxgk.db") }},
		{"mysql", func(t *testing.T) string { return testdb.MySQL(t, name) }},
	}
}

// Importing the office's own template folder is not a refusal: every file is reported
// as a blank template and skipped, nothing is recorded, status does not change.
func TestImportBlankTemplates(t *testing.T) {
	for _, eng := range cmdEngines("xxgk_cmd_blank") {
		t.Run(eng.name, func(t *testing.T) {
			db := eng.dsn(t)
			tpl := filepath.Join(t.TempDir(), "模板")
			if code, _, errOut := runImportTest(t, "--db", db, "templates", "--round", "2020", "--deadline", "2020-09-20", "--out", tpl); code != exitOK {
				t.Fatalf("templates: exit %d: %s", code, errOut)
			}
			_, before, _ := runImportTest(t, "--db", db, "status", "--format", "json")
			code, out, errOut := runImportTest(t, "--db", db, "import", "--errors-dir", filepath.Join(t.TempDir(), "退回"), tpl)
			if code != exitOK || errOut != "" {
				t.Errorf("import of blank templates: exit %d, stderr %q", code, errOut)
			}
			want := "○ 空白模板（未填写） " + filepath.Join(tpl, "2020_市财政局_信息公开栏目建设情况填报表.xlsx") + " — 市财政局，已跳过：不算报送，也不算退回"
			if !strings.Contains(out, want+"\n") || !strings.Contains(out, "共 36 个文件：空白模板（已跳过） 36；全部是未填写的空白模板，是否导入了下发用的模板文件夹？\n") || strings.Contains(out, "已退回") {
				t.Errorf("output lacks %q or the summary:\n%s", want, out)
			}
			if _, after, _ := runImportTest(t, "--db", db, "status", "--format", "json"); after != before || strings.Contains(after, `"rejected": 1`) {
				t.Errorf("status changed by blank templates:\n%s\n→\n%s", before, after)
			}
		})
	}
}

// A SQLite database locked by another program stops the import after ONE wait, with a
// message naming the file and what to close; nothing is stored, and the refused file is
// not recorded either (recording it would wait once more).
func TestImportStopsOnLockedDatabase(t *testing.T) {
	db, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.Good, "汉滨区": samples.Good, "市审计局": samples.Good,
		"市水利局": samples.Good, "市林业局": samples.Good, "市民政局": samples.WithErrors})
	path := strings.TrimPrefix(db, "sqlite:")
	const wait = time.Second
	db += "?_pragma=busy_timeout(1000)"

	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	code, out, errOut := runImportTest(t, "--db", db, "import", dir)
	took := time.Since(start)
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	want := "xxgk: 数据库文件 " + path + " 正被其他程序占用，等待后仍未释放，已停止。请关闭正在使用该文件的程序"
	if code != exitFailed || !strings.Contains(errOut, want) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stderr %q, want one line starting %q", code, errOut, want)
	}
	// Without the stop: one wait for the batch, one per file retried alone, one more to
	// record the refusal — seven in all.
	if took > 3*wait+time.Second {
		t.Errorf("import gave up after %v; one wait is %v", took, wait)
	}
	if !strings.Contains(out, "保存失败 5") {
		t.Errorf("summary does not say the 5 files were not stored:\n%s", out)
	}
	_, status, _ := runImportTest(t, "--db", db, "status", "--format", "json")
	if strings.Contains(status, `"version": 1`) || strings.Contains(status, `"rejected": 1`) {
		t.Errorf("something was stored:\n%s", status)
	}
}

// Two files of one unit in one import: the output names the file saved last as the one
// that counts, and why; the earlier one is not stored and is no refusal (exit 0).
func TestImportSaysWhichFileWon(t *testing.T) {
	db, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.Good})
	name := filepath.Join(dir, "2020_市财政局_信息公开栏目建设情况填报表.xlsx")
	newer := filepath.Join(t.TempDir(), "市财政局（修改版）.xlsx")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	b, err = samples.Fill(b, samples.WithWarnings, rand.New(rand.NewPCG(9, 9)))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(newer, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for p, day := range map[string]int{name: 15, newer: 17} {
		at := time.Date(2020, 9, day, 10, 0, 0, 0, time.UTC)
		if err := os.Chtimes(p, at, at); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runImportTest(t, "--db", db, "import", newer, dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
	for _, want := range []string{
		"○ 未采用 " + name + " — 市财政局，本次导入中有该单位保存时间更晚的文件，此文件未写入\n",
		"    说明：本次导入中市财政局还有文件 " + newer + "，按文件修改时间它较晚（2020-09-17 18:00:00，此文件为 2020-09-15 18:00:00），以该文件为准；此文件未写入\n",
		"未采用（同一单位有更新的文件） 1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// A MySQL server that accepts the connection and never answers fails a reading command
// within seconds, exit 2, with a Chinese message naming the server: it never hangs.
func TestStatusSilentServer(t *testing.T) {
	addr := testdb.SilentServer(t)
	start := time.Now()
	code, _, errOut := runCmd(t, "--db", "mysql://root:pw@tcp("+addr+")/xxgk", "status")
	if took := time.Since(start); took > 20*time.Second {
		t.Errorf("status gave up after %v", took)
	}
	want := "MySQL 服务器 " + addr + " 在 10 秒内没有应答"
	if code != exitFailed || !strings.Contains(errOut, want) || strings.Contains(errOut, ":pw@") {
		t.Errorf("exit %d, stderr %q, want %q", code, errOut, want)
	}
}
