package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"xxgk"
	"xxgk/internal/testdb"
	"xxgk/samples"
	"xxgk/store"
	"xxgk/verify"
)

var verifyDay = time.Date(2020, 9, 28, 9, 0, 0, 0, xxgk.ChinaTime)

// verifyFixture imports two units' workbooks and serves their column addresses from a
// sample site; every host name resolves to a documentation address and every dial goes
// to the site.
func verifyFixture(t *testing.T) (db string, netCfg *verify.Config) {
	t.Helper()
	return verifyFixtureDB(t, "sqlite:"+filepath.Join(t.TempDir(), "xxgk.db"))
}

// verifyFixtureDB is verifyFixture on the database db (either engine).
func verifyFixtureDB(t *testing.T, db string) (string, *verify.Config) {
	t.Helper()
	db, dir := importFixtureDB(t, db, map[string]samples.Profile{"市财政局": samples.Good, "汉滨区": samples.WithWarnings})
	if code, _, stderr := runImportTest(t, "import", "--db", db, dir); code != exitOK {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	site, err := demoSite(context.Background(), db, verifyDay)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	return db, &verify.Config{
		LookupIP: func(context.Context, string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("203.0.113.9")}, nil
		},
		Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, srv.Listener.Addr().String())
		},
	}
}

// runVerifyCmd runs a command line with the fixture's network and the check day's clock.
func runVerifyCmd(t testing.TB, netCfg *verify.Config, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.Now = func() time.Time { return verifyDay }
	e.VerifyNet = netCfg
	code := run(context.Background(), append([]string{"xxgk"}, args...), e)
	return code, out.String(), errb.String()
}

func TestVerifyCommand(t *testing.T) {
	db, netCfg := verifyFixture(t)

	// Before any check, status has no 核查异常 column and JSON says null.
	_, out, _ := runVerifyCmd(t, netCfg, "status", "--db", db)
	if strings.Contains(out, "核查异常") {
		t.Error("status shows 核查异常 before any check")
	}

	code, out, errOut := runVerifyCmd(t, netCfg, "verify", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("verify exit %d: %s", code, errOut)
	}
	var entries []map[string]any
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatalf("verify JSON: %v\n%s", err, out)
	}
	if len(entries) < 10 {
		t.Fatalf("%d checks, want every opened column of two units", len(entries))
	}
	wantKeys := []string{"unit", "code", "url", "final_url", "http_status", "result", "newest_date", "entries", "title", "gov_domain", "error", "checked_at"}
	results := map[string]int{}
	for _, en := range entries {
		for _, k := range wantKeys {
			if _, ok := en[k]; !ok {
				t.Fatalf("entry lacks key %q: %v", k, en)
			}
		}
		results[en["result"].(string)]++
		if en["checked_at"] != "2020-09-28T09:00:00+08:00" {
			t.Errorf("checked_at %v", en["checked_at"])
		}
	}
	if results["ok"] == 0 || results["ok"] == len(entries) {
		t.Errorf("results %v: want both ok and findings from the sample site", results)
	}
	// 汉滨区's WithWarnings row 2 points outside .gov.cn.
	offGov := 0
	for _, en := range entries {
		if en["unit"] == "汉滨区" && en["gov_domain"] == false {
			offGov++
		}
	}
	if offGov != 1 {
		t.Errorf("%d 汉滨区 columns outside .gov.cn, want 1", offGov)
	}

	// --unit re-checks only that unit; earlier runs are kept.
	code, out, errOut = runVerifyCmd(t, netCfg, "verify", "--db", db, "--unit", "汉滨区", "--format", "csv")
	if code != exitOK {
		t.Fatalf("verify --unit exit %d: %s", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0][:12], ",") != "unit,code,url,final_url,http_status,result,label,newest_date,entries,title,gov_domain,error" {
		t.Errorf("csv header %v", recs[0])
	}
	for _, r := range recs[1:] {
		if r[0] != "汉滨区" {
			t.Errorf("--unit 汉滨区 checked %s", r[0])
		}
	}

	// The table: a summary line, findings by unit with subtotals.
	code, out, _ = runVerifyCmd(t, netCfg, "verify", "--db", db)
	if code != exitOK || !strings.HasPrefix(out, "轮次 2020 核查：2 个单位的 ") || !strings.Contains(out, "小计 异常 ") {
		t.Errorf("table output (exit %d):\n%s", code, out)
	}

	// status counts the latest check's findings per unit.
	_, out, _ = runVerifyCmd(t, netCfg, "status", "--db", db, "--format", "json")
	var st []statusEntry
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	for _, en := range st {
		switch en.Unit {
		case "市财政局", "汉滨区":
			if en.CheckFailures == nil || *en.CheckFailures == 0 {
				t.Errorf("%s check_failures = %v", en.Unit, en.CheckFailures)
			}
		default:
			if en.CheckFailures != nil {
				t.Errorf("%s was never checked, check_failures = %d", en.Unit, *en.CheckFailures)
			}
		}
	}
	_, out, _ = runVerifyCmd(t, netCfg, "status", "--db", db)
	if !strings.Contains(out, "核查异常") || !strings.Contains(out, "最近一次 xxgk verify（2020-09-28 09:00）") {
		t.Errorf("status table lacks the check column:\n%s", out)
	}

	// export carries each column's result and time.
	csvPath := filepath.Join(t.TempDir(), "明细.csv")
	if code, _, errOut := runVerifyCmd(t, netCfg, "export", "--db", db, "--out", csvPath); code != exitOK {
		t.Fatalf("export: %s", errOut)
	}
	b, _ := os.ReadFile(csvPath)
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	if head[len(head)-2] != "核查结果" || head[len(head)-1] != "核查时间" {
		t.Fatalf("export header %v", head)
	}
	checked := 0
	for _, r := range rows[1:] {
		opened := r[4] == string(xxgk.Opened)
		if opened != (r[len(r)-2] != "") {
			t.Errorf("row %v: an opened column has a result, no other does", r)
		}
		if opened {
			checked++
			if r[len(r)-1] != "2020-09-28 09:00" {
				t.Errorf("核查时间 %q", r[len(r)-1])
			}
		}
	}
	if checked != len(entries) {
		t.Errorf("%d exported rows checked, want %d", checked, len(entries))
	}
}

func TestVerifyCommandFails(t *testing.T) {
	db, netCfg := verifyFixture(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"verify", "--db", db, "--format", "xml"}, "--format 只能是 table、csv 或 json，而不是“xml”"},
		{[]string{"verify", "--db", db, "--unit", "市财政"}, "--unit：没有名为“市财政”的单位，是否是“市财政局”？"},
		{[]string{"verify", "--db", db, "--per-host", "0"}, "--per-host 应为正整数"},
		{[]string{"verify", "--db", db, "--round", "1999"}, "数据库中没有轮次“1999”"},
		{[]string{"verify", "--db", "sqlite:" + filepath.Join(t.TempDir(), "none.db")}, "不存在"},
	} {
		code, _, errOut := runVerifyCmd(t, netCfg, tc.args...)
		if code != exitFailed || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
	// A unit with nothing to check: it ran, exit 0.
	code, out, _ := runVerifyCmd(t, netCfg, "verify", "--db", db, "--unit", "市审计局")
	if code != exitOK || !strings.Contains(out, "没有可核查的栏目") {
		t.Errorf("nothing to check: exit %d, %q", code, out)
	}
}

// TestVerifyProgress: on a terminal a bar runs on stderr and is cleared at the end; off a
// terminal stderr stays empty.
func TestVerifyProgress(t *testing.T) {
	db, netCfg := verifyFixture(t)
	for _, tty := range []bool{true, false} {
		var out, errb bytes.Buffer
		e := newEnv(strings.NewReader(""), &out, &errb)
		e.Now = func() time.Time { return verifyDay }
		e.VerifyNet, e.StderrTTY = netCfg, tty
		if code := run(context.Background(), []string{"xxgk", "verify", "--db", db}, e); code != exitOK {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		drawn := strings.Contains(errb.String(), "\r核查栏目 [") && strings.HasSuffix(errb.String(), "\r\033[K")
		if drawn != tty || !tty && errb.Len() > 0 {
			t.Errorf("tty %v: stderr %q", tty, errb.String())
		}
	}
}

// TestVerifyInterrupted: Ctrl-C during verify exits 130, says how many columns were
// checked, and keeps those checks in the database (a cancelled context must not make the
// save fail).
func TestVerifyInterrupted(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testVerifyInterrupted(t, testdb.SQLite(t)) })
	t.Run("mysql", func(t *testing.T) { testVerifyInterrupted(t, testdb.MySQL(t, "xxgk_verify_interrupt")) })
}

func testVerifyInterrupted(t *testing.T, db string) {
	db, netCfg := verifyFixtureDB(t, db)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var dials atomic.Int32
	dial := netCfg.Dial
	cfg := *netCfg
	cfg.Concurrency, cfg.PerHost = 1, 1
	cfg.Dial = func(c context.Context, network, addr string) (net.Conn, error) {
		if dials.Add(1) == 3 {
			cancel() // Ctrl-C while the third column is being fetched
		}
		return dial(c, network, addr)
	}
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.Now = func() time.Time { return verifyDay }
	e.VerifyNet = &cfg
	code := run(ctx, []string{"xxgk", "verify", "--db", db, "--concurrency", "1"}, e)
	msg := errb.String()
	if code != exitInterrupted || !strings.HasPrefix(msg, "xxgk: 已中断：已核查的 ") || !strings.Contains(msg, "个栏目已保存") {
		t.Fatalf("exit %d, stderr %q; want 130 and what was kept", code, msg)
	}
	var kept, left int
	if _, err := fmt.Sscanf(strings.TrimPrefix(msg, "xxgk: 已中断：已核查的 "), "%d 个栏目已保存，其余 %d 个未核查", &kept, &left); err != nil || kept == 0 || left == 0 {
		t.Fatalf("stderr %q: kept %d, left %d (%v)", msg, kept, left, err)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	checks, err := st.LatestChecks(context.Background(), "2020")
	if err != nil {
		t.Fatal(err)
	}
	if len(checks) != kept {
		t.Errorf("%d checks stored, the message says %d", len(checks), kept)
	}
}
