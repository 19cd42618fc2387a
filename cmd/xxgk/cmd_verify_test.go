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
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

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
		if len(en) != len(wantKeys)+5 {
			t.Errorf("entry has %d keys, want the issue's %d and label, error_kind, finding, rendered, rushed_update: %v", len(en), len(wantKeys), en)
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
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// The twelve keys in its order, then five more.
	if strings.Join(recs[0], ",") != "unit,code,url,final_url,http_status,result,newest_date,entries,title,gov_domain,error,checked_at,label,error_kind,finding,rendered,rushed_update" {
		t.Errorf("csv header %v", recs[0])
	}
	if len(recs) < 2 {
		t.Fatalf("--unit 汉滨区 checked nothing:\n%s", out)
	}
	for _, r := range recs[1:] {
		if r[0] != "汉滨区" {
			t.Errorf("--unit 汉滨区 checked %s", r[0])
		}
	}

	// The table: a summary line, findings by unit with subtotals, the legend in judging order.
	code, out, _ = runVerifyCmd(t, netCfg, "verify", "--db", db)
	if code != exitOK || !strings.HasPrefix(out, "轮次 2020 核查：2 个单位的 ") || !strings.Contains(out, "小计 异常 ") ||
		!strings.Contains(out, "\n✘ 核查异常，结果取第一个适用的：未核查 → 无法访问 → 页面不存在 → 网站首页 → 搜索页面 → 文章页面 → 栏目内容由脚本加载 → 栏目名称不符 → 空白栏目 → 无发布日期 → 长期未更新 → 更新日期不符　! 网址不在 .gov.cn 域名下\n") {
		t.Errorf("table output (exit %d):\n%s", code, out)
	}

	// Each run is in the audit log, as the operator's.
	_, out, _ = runVerifyCmd(t, netCfg, "audit", "--db", db, "--format", "json")
	var audit []auditJSON
	if err := json.Unmarshal([]byte(out), &audit); err != nil {
		t.Fatal(err)
	}
	var runs []string
	for _, en := range audit {
		if en.Action == "verify" {
			runs = append(runs, en.Detail)
		}
	}
	if strings.Join(runs, ",") != "命令行核查：全部单位,命令行核查：汉滨区,命令行核查：全部单位" {
		t.Errorf("audited verify runs = %q", runs)
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

	// The .xlsx export has the same two columns, the time as a date-time cell.
	xlsxPath := filepath.Join(t.TempDir(), "明细.xlsx")
	if code, _, errOut := runVerifyCmd(t, netCfg, "export", "--db", db, "--out", xlsxPath); code != exitOK {
		t.Fatalf("export xlsx: %s", errOut)
	}
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xrows, err := f.GetRows(f.GetSheetName(0), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if h := xrows[0]; h[15] != "核查结果" || h[16] != "核查时间" {
		t.Fatalf("xlsx header %v", h)
	}
	xchecked := 0
	for i, r := range xrows[1:] {
		if len(r) > 16 && r[15] != "" {
			xchecked++
			if r[15] != rows[i+1][15] {
				t.Errorf("xlsx row %d: 核查结果 %q, csv %q", i+2, r[15], rows[i+1][15])
			}
			if serial, err := strconv.ParseFloat(r[16], 64); err != nil || serial < 44102 || serial > 44103 {
				t.Errorf("xlsx row %d: 核查时间 %q, want the serial of 2020-09-28", i+2, r[16])
			}
		}
	}
	if xchecked != checked {
		t.Errorf("%d xlsx rows checked, csv %d", xchecked, checked)
	}
}

func TestVerifyCommandFails(t *testing.T) {
	db, netCfg := verifyFixture(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"verify", "--db", db, "--format", "xml"}, "--format 只能是 table、csv 或 json，而不是“xml”"},
		{[]string{"verify", "--db", db, "--unit", "市财政"}, "单位“市财政”不在单位名单中，最接近的是“市财政局”；用 xxgk units 查看全部单位"},
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
	// Scripts get their format, empty.
	if code, out, _ := runVerifyCmd(t, netCfg, "verify", "--db", db, "--unit", "市审计局", "--format", "json"); code != exitOK || out != "[]\n" {
		t.Errorf("nothing to check, json: exit %d, %q", code, out)
	}
	if code, out, _ := runVerifyCmd(t, netCfg, "verify", "--db", db, "--unit", "市审计局", "--format", "csv"); code != exitOK ||
		out != "\ufeff"+strings.Join(checkCSVHeader, ",")+"\r\n" {
		t.Errorf("nothing to check, csv: exit %d, %q", code, out)
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

// TestVerifyInterrupted: Ctrl-C during a run stores the columns checked before it and
// says so, with the interrupt exit code (the store's context is not the cancelled one).
func TestVerifyInterrupted(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testVerifyInterrupted(t, testdb.SQLite(t)) })
	t.Run("mysql", func(t *testing.T) { testVerifyInterrupted(t, testdb.MySQL(t, "xxgk_verify_interrupt")) })
}

func testVerifyInterrupted(t *testing.T, db string) {
	db, netCfg := verifyFixtureDB(t, db)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var lookups atomic.Int32
	lookup := netCfg.LookupIP
	cut := *netCfg
	cut.LookupIP = func(c context.Context, host string) ([]netip.Addr, error) {
		if lookups.Add(1) == 6 { // Ctrl-C a few columns in (the guard looks up before fetching and at dial)
			cancel()
		}
		return lookup(c, host)
	}
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.Now = func() time.Time { return verifyDay }
	e.VerifyNet = &cut
	code := run(ctx, []string{"xxgk", "verify", "--db", db, "--concurrency", "1"}, e)
	var made, left int
	if _, err := fmt.Sscanf(errb.String(), "xxgk: 核查已中断：已核查的 %d 个栏目已保存，其余 %d 个未核查", &made, &left); err != nil ||
		code != exitInterrupted || made == 0 || left == 0 {
		t.Fatalf("exit %d, stderr %q (%v)", code, errb.String(), err)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stored, err := st.LatestChecks(context.Background(), "2020")
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != made {
		t.Errorf("%d checks stored after Ctrl-C, want the %d made before it", len(stored), made)
	}
}

// TestVerifyUserAgent: a release build names its version to the sites it checks.
func TestVerifyUserAgent(t *testing.T) {
	defer func(v string) { version = v }(version)
	version = "1.4.0"
	if got := buildVersion(); got != "1.4.0" {
		t.Errorf("release build's User-Agent version %q", got)
	}
	version = ""
	if got := buildVersion(); got != "dev" {
		t.Errorf("test binary's User-Agent version %q, want dev", got)
	}
}

// TestVerifyWithdrawRevert: a withdrawn unit's checks stop counting everywhere (status,
// export); a revert to the version that was checked brings them back, as the addresses
// are the same ones.
func TestVerifyWithdrawRevert(t *testing.T) {
	db, netCfg := verifyFixture(t)
	if code, _, errOut := runVerifyCmd(t, netCfg, "verify", "--db", db); code != exitOK {
		t.Fatalf("verify: %s", errOut)
	}
	failures := func() (map[string]*int, map[string]int) {
		t.Helper()
		_, out, _ := runVerifyCmd(t, netCfg, "status", "--db", db, "--format", "json")
		var st []statusEntry
		if err := json.Unmarshal([]byte(out), &st); err != nil {
			t.Fatal(err)
		}
		byUnit := map[string]*int{}
		for _, en := range st {
			byUnit[en.Unit] = en.CheckFailures
		}
		csvPath := filepath.Join(t.TempDir(), "明细.csv")
		if code, _, errOut := runVerifyCmd(t, netCfg, "export", "--db", db, "--out", csvPath); code != exitOK {
			t.Fatalf("export: %s", errOut)
		}
		b, _ := os.ReadFile(csvPath)
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		exported := map[string]int{}
		for _, r := range rows[1:] {
			// A rushed update is 正常（疑似突击更新）, and a column drawn by script is not
			// judged: neither counts as a finding.
			if res := r[len(r)-2]; res != "" && !strings.HasPrefix(res, xxgk.CheckOK.Label()) && res != xxgk.CheckScripted.Label() {
				exported[r[0]]++
			}
		}
		return byUnit, exported
	}
	before, exported := failures()
	if before["汉滨区"] == nil || *before["汉滨区"] == 0 || exported["汉滨区"] != *before["汉滨区"] {
		t.Fatalf("before: status %v, export %v", before["汉滨区"], exported)
	}
	n := *before["汉滨区"]
	if code, _, errOut := runVerifyCmd(t, netCfg, "withdraw", "--db", db, "汉滨区"); code != exitOK {
		t.Fatalf("withdraw: %s", errOut)
	}
	after, exported := failures()
	if after["汉滨区"] != nil || exported["汉滨区"] != 0 {
		t.Errorf("withdrawn 汉滨区 still has findings: status %v, export %d", after["汉滨区"], exported["汉滨区"])
	}
	if after["市财政局"] == nil || *after["市财政局"] != *before["市财政局"] {
		t.Errorf("withdrawing 汉滨区 changed 市财政局's findings: %v", after["市财政局"])
	}
	_, out, _ := runVerifyCmd(t, netCfg, "status", "--db", db)
	if !strings.Contains(out, "“-”为尚未核查") {
		t.Errorf("status legend:\n%s", out)
	}
	if code, _, errOut := runVerifyCmd(t, netCfg, "revert", "--db", db, "--to", "1", "汉滨区"); code != exitOK {
		t.Fatalf("revert: %s", errOut)
	}
	reverted, exported := failures()
	if reverted["汉滨区"] == nil || *reverted["汉滨区"] != n || exported["汉滨区"] != n {
		t.Errorf("after revert to the checked version: status %v, export %d, want %d", reverted["汉滨区"], exported["汉滨区"], n)
	}
}

// TestVerifyCSVNeutralized: a page title or address that Excel would run as a formula is
// written as text.
func TestVerifyCSVNeutralized(t *testing.T) {
	var b bytes.Buffer
	c := xxgk.Check{Unit: "HBQ", Code: "CZ-01-1", URL: "http://a.gov.cn/", Result: xxgk.CheckNameMismatch,
		Page: xxgk.Page{Title: `=HYPERLINK("http://evil.example","点此")`, FinalURL: "http://a.gov.cn/"}, Finding: "-页面标题不符", CheckedAt: verifyDay}
	if err := writeChecksCSV(&b, []xxgk.Check{c}, map[string]string{"HBQ": "@汉滨区"}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	row := recs[1]
	if row[0] != "'@汉滨区" || row[8] != `'=HYPERLINK("http://evil.example","点此")` || row[14] != "'-页面标题不符" || row[2] != "http://a.gov.cn/" {
		t.Errorf("row %q", row)
	}
}
