package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"xxgk"
	"xxgk/internal/testdb"
	"xxgk/samples"
	"xxgk/store"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe runs `xxgk serve` on a free port of 127.0.0.1 until the test ends and
// returns its base URL.
func startServe(t *testing.T, now time.Time, args ...string) (base string, stop func() (int, string)) {
	t.Helper()
	var out, errb lockedBuffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	e.Now = func() time.Time { return now }
	e.User = "tester"
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, append([]string{"xxgk", "serve", "--listen", "127.0.0.1:0"}, args...), e) }()
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	deadline := time.Now().Add(20 * time.Second)
	for base == "" {
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s %s", code, out.String(), errb.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not start: %s %s", out.String(), errb.String())
		}
		base = addr.FindString(out.String())
		time.Sleep(20 * time.Millisecond)
	}
	stopped := false
	stop = func() (int, string) {
		stopped = true
		cancel()
		return <-done, out.String()
	}
	t.Cleanup(func() {
		if !stopped {
			stop()
		}
	})
	return strings.TrimSuffix(base, "/"), stop
}

func bearer(t *testing.T, method, url, code string, body io.Reader, ctype string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, url, body)
	req.Header.Set("Authorization", "Bearer "+code)
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// TestServeAnswersAsTheCommands: `xxgk serve`'s API answers exactly what `import --format
// json`, `status --format json` and `history --format json` print, on both engines, and
// Ctrl-C stops it cleanly.
func TestServeAnswersAsTheCommands(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testServeAnswers(t, testdb.SQLite(t)) })
	t.Run("mysql", func(t *testing.T) { testServeAnswers(t, testdb.MySQL(t, "xxgk_serve_test")) })
}

func testServeAnswers(t *testing.T, db string) {
	dir := t.TempDir()
	tpl, in := filepath.Join(dir, "模板"), filepath.Join(dir, "收到")
	now := time.Date(2020, 9, 15, 10, 0, 0, 0, xxgk.ChinaTime)
	if code, out, errs := runAt(t, now, "templates", "--db", db, "--out", tpl, "--round", "2020", "--deadline", "2020-09-20"); code != exitOK {
		t.Fatalf("templates: %d %s %s", code, out, errs)
	}
	good := fillFrom(t, tpl, in, "2020", "市财政局", samples.Good, 1, "财政局.xlsx")
	bad := fillFrom(t, tpl, in, "2020", "市审计局", samples.WithErrors, 2, "审计局.xlsx")
	runAt(t, now, "import", "--db", db, good)
	_, cliBad, _ := runAt(t, now, "import", "--db", db, "--format", "json", bad)

	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	issued, err := st.EnsureUnitCodes(ctx, "2020", store.Correction{Operator: "tester"})
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{}
	for _, c := range issued {
		codes[c.Holder.Unit] = c.Code
	}
	oc, err := st.ResetOfficeCode(ctx, store.Correction{Operator: "tester"})
	st.Close()
	if err != nil {
		t.Fatal(err)
	}

	base, stop := startServe(t, now, "--db", db)

	// The same refused file through the API: the CLI's object, the file named as uploaded.
	data, _ := os.ReadFile(bad)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("file", "审计局.xlsx")
	fw.Write(data)
	mw.Close()
	code, apiBad := bearer(t, "POST", base+"/api/upload", codes["SJJ"], &body, mw.FormDataContentType())
	if code != 200 {
		t.Fatalf("upload: %d %s", code, apiBad)
	}
	var want, got map[string]any
	json.Unmarshal([]byte(cliBad), &want)
	json.Unmarshal(apiBad, &got)
	want["file"] = "审计局.xlsx"
	wb, _ := json.Marshal(want)
	gb, _ := json.Marshal(got)
	if want["outcome"] != "rejected" || !bytes.Equal(wb, gb) {
		t.Errorf("API upload answered\n%s\nimport --format json printed\n%s", gb, wb)
	}

	_, cliStatus, _ := runAt(t, now, "status", "--db", db, "--format", "json")
	if code, b := bearer(t, "GET", base+"/api/status", oc.Code, nil, ""); code != 200 || string(b) != cliStatus {
		t.Errorf("/api/status: %d\n%s\nwant\n%s", code, b, cliStatus)
	}
	if code, _ := bearer(t, "GET", base+"/api/status", codes["CZJ"], nil, ""); code != 403 {
		t.Errorf("/api/status with a unit's code: %d", code)
	}
	_, cliHistory, _ := runAt(t, now, "history", "--db", db, "--format", "json", "市财政局")
	if code, b := bearer(t, "GET", base+"/api/units/CZJ/history", codes["CZJ"], nil, ""); code != 200 || string(b) != cliHistory {
		t.Errorf("/api/units/CZJ/history: %d\n%s\nwant\n%s", code, b, cliHistory)
	}
	if code, out := stop(); code != exitOK || !strings.Contains(out, "网上报送已停止") {
		t.Errorf("after Ctrl-C: exit %d\n%s", code, out)
	}
}

func TestServeFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--tls-cert", "a.pem"}, "--tls-cert 和 --tls-key 要一起给出"},
		{[]string{"--max-upload", "lots"}, "--max-upload “lots”无法识别"},
	} {
		code, _, stderr := runAt(t, time.Now(), append([]string{"serve", "--db", testdb.SQLite(t)}, c.args...)...)
		if code != exitFailed || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d %q", c.args, code, stderr)
		}
	}
	for in, want := range map[string]int64{"20MB": 20 << 20, "500kb": 500 << 10, "1G": 1 << 30, "1234": 1234} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v", in, got, err)
		}
	}
}

// TestDemoServe: demo --serve ends with the portal on 127.0.0.1, its links and codes
// printed; the office's code reads the status and a unit's its own history.
func TestDemoServe(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole demo")
	}
	dir := t.TempDir()
	var out, errb lockedBuffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, []string{"xxgk", "demo", "--dir", dir, "--serve"}, e) }()
	link := regexp.MustCompile(`网上报送已启动：(http://127\.0\.0\.1:\d+)/`)
	var base string
	for deadline := time.Now().Add(3 * time.Minute); base == ""; time.Sleep(50 * time.Millisecond) {
		if m := link.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("demo exited %d before serving:\n%s\n%s", code, out.String(), errb.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("demo did not start the portal:\n%s", out.String())
		}
	}
	office := regexp.MustCompile(`办公室登录码  ([0-9A-Z-]+)`).FindStringSubmatch(out.String())
	unit := regexp.MustCompile(`单位访问码    ([0-9A-Z-]+)（[^，]+，已报送）`).FindStringSubmatch(out.String())
	if office == nil || unit == nil {
		cancel()
		t.Fatalf("codes not printed:\n%s", out.String())
	}
	if code, b := bearer(t, "GET", base+"/api/status", office[1], nil, ""); code != 200 || !strings.Contains(string(b), `"unit": "市财政局"`) {
		t.Errorf("status with the printed office code: %d %s", code, b)
	}
	if code, _ := bearer(t, "GET", base+"/api/status", unit[1], nil, ""); code != 403 {
		t.Errorf("status with the printed unit code: %d, want 403 (a unit's valid code)", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "访问码.csv")); err != nil {
		t.Error(err)
	}
	cancel()
	if code := <-done; code != exitOK || !strings.Contains(out.String(), "网上报送已停止") {
		t.Errorf("demo --serve after Ctrl-C: exit %d\n%s", code, errb.String())
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": true, "[::1]:80": true, "0.0.0.0:8080": false, "192.168.1.5:80": false} {
		a, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := loopback(a); got != want {
			t.Errorf("loopback(%s) = %v", addr, got)
		}
	}
}
