package verify

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"xxgk"
)

// TestShellReason reads the pages under testdata/scripted the way a fetch does and checks
// which are taken for script-drawn shells, and why.
func TestShellReason(t *testing.T) {
	cases := map[string]string{
		"xhr.html":        "列表为空，由脚本请求数据后填充",
		"jquery.html":     "列表为空，由脚本请求数据后填充",
		"docwrite.html":   "列表由脚本 document.write 写出",
		"writer_src.html": "列表由脚本 document.write 写出",
		"jcms.html":       "列表数据内嵌在页面脚本中，由脚本写出",
		"spa.html":        "页面提示需启用 JavaScript 才能显示内容",
		"jsredirect.html": "页面由脚本跳转到其他网址",
		"refresh.html":    "页面自动跳转（meta refresh）到其他网址",
		// A blank column with boilerplate <noscript>, a pager written by script and a
		// visitor counter called by $.ajax is blank, not a shell.
		"blank_trs.html": "",
		// A page showing entries itself is judged on them, whatever else it loads.
		"listed.html": "",
	}
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", "scripted", name))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Analyze(body, "text/html", "http://www.example.gov.cn/col/"+name, asOf)
			if err != nil {
				t.Fatal(err)
			}
			if a.Scripted != want {
				t.Errorf("scripted = %q, want %q (kind %s, entries %d)", a.Scripted, want, a.Kind, a.Entries)
			}
		})
	}
}

// TestScriptedCheck follows a shell through the whole check: without a browser it is
// 栏目内容由脚本加载, not 空白栏目, and not a failure; a plain blank column stays 空白栏目.
func TestScriptedCheck(t *testing.T) {
	srv := serveDir(t, filepath.Join("testdata", "scripted"), nil)
	c := New(Config{AllowHosts: []string{"127.0.0.1"}, Now: func() time.Time { return asOf }})
	defer c.Close()
	ch := check(t, c, srv.URL+"/xhr.html")
	want := "栏目内容由脚本加载（列表为空，由脚本请求数据后填充），未用浏览器打开核查，无法判断是否空白、是否按时更新"
	if ch.Result != xxgk.CheckScripted || ch.Finding != want || ch.Result.Failed() {
		t.Errorf("xhr shell: %s %q, want scripted %q", ch.Result, ch.Finding, want)
	}
	if ch := check(t, c, srv.URL+"/blank_trs.html"); ch.Result != xxgk.CheckEmpty {
		t.Errorf("blank column: %s %q, want empty", ch.Result, ch.Finding)
	}
}
