package main

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/verify"
)

func TestOptionalBrowserValue(t *testing.T) {
	cases := []struct{ in, want []string }{
		{[]string{"xxgk", "verify", "--browser"}, []string{"xxgk", "verify", "--browser=auto"}},
		{[]string{"xxgk", "verify", "--browser", "--unit", "汉滨区"}, []string{"xxgk", "verify", "--browser=auto", "--unit", "汉滨区"}},
		{[]string{"xxgk", "verify", "--browser", "/usr/bin/chromium"}, []string{"xxgk", "verify", "--browser", "/usr/bin/chromium"}},
		{[]string{"xxgk", "verify", "--browser=/opt/chrome"}, []string{"xxgk", "verify", "--browser=/opt/chrome"}},
		{[]string{"xxgk", "import", "--", "--browser"}, []string{"xxgk", "import", "--", "--browser"}},
	}
	for _, c := range cases {
		if got := optionalBrowserValue(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("optionalBrowserValue(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestVerifyBrowserMissing: a browser path that does not exist stops verify before it
// checks anything, with exit 2 and a message that says what to give.
func TestVerifyBrowserMissing(t *testing.T) {
	db, netCfg := verifyFixture(t)
	missing := filepath.Join(t.TempDir(), "chrome.exe")
	code, out, errOut := runVerifyCmd(t, netCfg, "verify", "--db", db, "--browser", missing)
	want := "--browser 指定的浏览器程序“" + missing + "”不存在；请给出 msedge.exe、chrome.exe 或 chromium 的完整路径，或只写 --browser 自动查找"
	if code != exitFailed || !strings.Contains(errOut, want) || strings.Contains(out, "核查：") {
		t.Errorf("exit %d, stderr %q, stdout %q; want exit 2 with %q and nothing checked", code, errOut, out, want)
	}
	// Without a browser on PATH or in the usual places, auto says where it looked.
	t.Setenv("PATH", t.TempDir())
	if _, err := browserPath(browserAuto); err == nil {
		if p, _ := browserPath(browserAuto); !strings.HasPrefix(p, "/") {
			t.Errorf("auto found %q", p)
		}
	} else if !strings.Contains(err.Error(), "没有找到可用的浏览器") || !strings.Contains(err.Error(), "/usr/bin/chromium") {
		t.Errorf("auto without a browser: %v", err)
	}
}

// TestVerifyWithBrowser runs verify --browser over the sample site: the columns whose list
// a script draws are rendered and judged, none is left 栏目内容由脚本加载, and the run
// says how many pages the browser opened. Skips without a browser, except in CI.
func TestVerifyWithBrowser(t *testing.T) {
	browser, _ := verify.FindBrowser(runtime.GOOS, os.Getenv)
	if browser == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no chromium for verify --browser (.ci/verify-browser.sh installs it)")
		}
		t.Skip("no Chromium-family browser installed")
	}
	db, netCfg := verifyFixture(t)
	code, out, errOut := runVerifyCmd(t, netCfg, "verify", "--db", db, "--format", "json")
	if code != exitOK || !strings.Contains(out, `"result": "scripted"`) {
		t.Fatalf("without --browser: exit %d, want scripted columns in %s %s", code, out, errOut)
	}
	start := time.Now()
	code, out, errOut = runVerifyCmd(t, netCfg, "verify", "--db", db, "--browser")
	t.Logf("verify --browser took %s", time.Since(start).Round(time.Millisecond))
	// No column is left unjudged: none counted in the summary, no row marked ?, no ? note
	// (the legend of the judging order names the result all the same).
	unjudged := strings.Contains(out, "未能判断") || strings.Contains(out, "\n?") || strings.Contains(out, "? "+xxgk.CheckScripted.Label())
	if code != exitOK || unjudged || !strings.Contains(out, "个栏目页面用浏览器打开后核查") {
		t.Errorf("verify --browser: exit %d\n%s\n%s", code, out, errOut)
	}
}
