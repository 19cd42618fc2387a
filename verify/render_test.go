package verify

import (
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"xxgk"
)

// testBrowser finds the browser the rendering tests use: $XXGK_TEST_BROWSER, else the
// usual places. Without one the tests skip, except in CI (CI=true), where Debian's
// chromium must be installed (.ci/verify-browser.sh).
func testBrowser(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("XXGK_TEST_BROWSER"); p != "" {
		return p
	}
	p, looked := FindBrowser(runtime.GOOS, os.Getenv)
	if p == "" {
		msg := "no Chromium-family browser (looked for " + strings.Join(looked, ", ") + "); install chromium or set XXGK_TEST_BROWSER"
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return p
}

// miniJQuery is enough of jQuery for jquery.html: $(fn), $(sel).html, $.each, $.getJSON.
const miniJQuery = `function $(a){if(typeof a==='function'){if(document.readyState==='loading'){document.addEventListener('DOMContentLoaded',a)}else{a()}return}
var el=document.querySelector(a);return{html:function(h){el.innerHTML=h}}}
$.each=function(l,f){for(var i=0;i<l.length;i++)f(i,l[i])};
$.getJSON=function(u,d,cb){var q=Object.keys(d).map(function(k){return k+'='+encodeURIComponent(d[k])}).join('&');
var x=new XMLHttpRequest();x.open('GET',u+'?'+q);x.onload=function(){cb(JSON.parse(x.responseText))};x.send()};`

// renderNet serves testdata/scripted as www.ankang.gov.cn (a documentation address, public
// to the guard), makes oa.intranet.example resolve to an intranet address, and records
// every address the guard let the client dial: the browser reaches the pages only through
// the Checker, since it resolves no names itself.
type renderNet struct {
	dns    *fakeDNS
	mu     sync.Mutex
	dialed []string
}

func newRenderChecker(t *testing.T, extra map[string]http.HandlerFunc) (*Checker, *renderNet) {
	t.Helper()
	handlers := map[string]http.HandlerFunc{"/js/jquery.min.js": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/javascript")
		w.Write([]byte(miniJQuery))
	}}
	for k, v := range extra {
		handlers[k] = v
	}
	srv := serveDir(t, filepath.Join("testdata", "scripted"), handlers)
	n := &renderNet{dns: &fakeDNS{names: map[string][]string{
		"www.ankang.gov.cn":   {"203.0.113.10"},
		"oa.intranet.example": {"10.1.2.3"},
		"data.ankang.gov.cn":  {"203.0.113.11"},
	}}}
	c := New(Config{
		LookupIP: n.dns.lookup, Dial: toServer(srv, &n.dialed, &n.mu),
		Timeout: 15 * time.Second, Now: func() time.Time { return asOf },
	})
	t.Cleanup(c.Close)
	start := time.Now()
	if err := c.StartBrowser(context.Background(), testBrowser(t)); err != nil {
		t.Fatal(err)
	}
	t.Logf("browser started in %s", time.Since(start).Round(time.Millisecond))
	return c, n
}

// TestRenderScriptedPages renders the shells that load their list by XHR, by jQuery's
// getJSON, by an inline document.write and by a script from a .jsp endpoint, and judges
// the drawn lists by the same rules as a fetched page.
func TestRenderScriptedPages(t *testing.T) {
	c, _ := newRenderChecker(t, nil)
	// frame.html shows its list in an <iframe>: no sign of a shell, but no entries either,
	// so it is rendered, and the frame's list is read with the page.
	cases := map[string]int{"xhr.html": 3, "jquery.html": 3, "docwrite.html": 3, "writer_src.html": 1, "frame.html": 2}
	for name, entries := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			ch := check(t, c, "http://www.ankang.gov.cn/"+name)
			t.Logf("%s: checked in %s", name, time.Since(start).Round(time.Millisecond))
			newest := time.Date(2020, 9, 15, 0, 0, 0, 0, time.UTC)
			if ch.Result != xxgk.CheckOK || !ch.Rendered || ch.Entries != entries || !ch.Newest.Equal(newest) {
				t.Errorf("%s: %s %q rendered=%v entries=%d newest=%s, want ok with %d entries, newest 2020-09-15",
					name, ch.Result, ch.Finding, ch.Rendered, ch.Entries, ch.Newest.Format(time.DateOnly), entries)
			}
		})
	}
	// A page with entries of its own is not rendered.
	ch := check(t, c, "http://www.ankang.gov.cn/listed.html")
	if ch.Rendered || ch.Result != xxgk.CheckOK {
		t.Errorf("listed.html: %s rendered=%v, want ok, not rendered", ch.Result, ch.Rendered)
	}
	// A page a script or a meta refresh sends elsewhere is judged where it lands.
	for _, name := range []string{"jsredirect.html", "refresh.html"} {
		ch = check(t, c, "http://www.ankang.gov.cn/"+name)
		if ch.Result != xxgk.CheckOK || ch.Entries != 3 || ch.FinalURL != "http://www.ankang.gov.cn/xhr.html" {
			t.Errorf("%s: %s %q entries=%d final %s, want ok at xhr.html", name, ch.Result, ch.Finding, ch.Entries, ch.FinalURL)
		}
	}
	// A JCMS page whose list script answers 404 cannot draw its list: not judged, and why.
	ch = check(t, c, "http://www.ankang.gov.cn/jcms.html")
	if want := "页面的数据请求失败：http://www.ankang.gov.cn/module/web/jpage/jpage.js 返回 HTTP 404"; ch.Result != xxgk.CheckScripted || !strings.Contains(ch.Finding, want) {
		t.Errorf("jcms.html: %s %q, want scripted with %q", ch.Result, ch.Finding, want)
	}
	// A blank column stays blank once drawn: its requests all succeeded.
	ch = check(t, c, "http://www.ankang.gov.cn/blank_trs.html")
	if !ch.Rendered || ch.Result != xxgk.CheckEmpty {
		t.Errorf("blank_trs.html: %s %q rendered=%v, want empty after rendering", ch.Result, ch.Finding, ch.Rendered)
	}
}

// TestRenderGuard: a shell whose script asks an intranet name and an IP literal for its
// list gets neither — the guard refuses them as it refuses a reported address — and
// the column is not judged blank but 栏目内容由脚本加载, saying why.
func TestRenderGuard(t *testing.T) {
	page := func(target string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>财政预决算</title></head><body>
<div class="position">当前位置：首页 &gt; 财政预决算</div><ul id="list"></ul>
<script>var x = new XMLHttpRequest(); x.open('GET', '` + target + `');
x.onload = function () { document.getElementById('list').innerHTML = '<li>' + x.responseText + '</li>'; }; x.send();
new Image().src = 'http://10.9.9.9/pixel.gif';</script></body></html>`))
		}
	}
	var mu sync.Mutex
	var leaked []string
	c, n := newRenderChecker(t, map[string]http.HandlerFunc{
		"/to-name": page("http://oa.intranet.example/api/list.json"),
		"/to-ip":   page("http://10.1.2.3/api/list.json"),
		"/secret": func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			leaked = append(leaked, r.URL.String())
			mu.Unlock()
		},
	})
	for path, want := range map[string]string{
		"/to-name": "栏目内容由脚本加载（页面的数据请求未予访问：域名 oa.intranet.example 解析到内网地址 10.1.2.3，不核查本机或内网地址",
		"/to-ip":   "栏目内容由脚本加载（页面的数据请求未予访问：网址的主机是 IP 地址 10.1.2.3，而不是网站域名",
	} {
		ch := check(t, c, "http://www.ankang.gov.cn"+path)
		if ch.Result != xxgk.CheckScripted || !strings.HasPrefix(ch.Finding, want) || !strings.Contains(ch.Finding, "用浏览器打开后仍未能取得列表") {
			t.Errorf("%s: %s %q, want scripted starting %q", path, ch.Result, ch.Finding, want)
		}
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, a := range n.dialed {
		if host, _, _ := net.SplitHostPort(a); host != "203.0.113.10" {
			t.Errorf("the client dialed %s: only the public site may be reached", a)
		}
	}
	if len(leaked) > 0 {
		t.Errorf("requests reached the server unguarded: %v", leaked)
	}
}

// TestRenderNothingEscapes: requests the Fetch domain does not pause (a WebSocket) or that
// the page does not need (an image, a beacon) and one the guard refuses (an IP literal)
// never reach a server on this machine: the browser resolves no names and its proxy is a
// port that takes nothing.
func TestRenderNothingEscapes(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var mu sync.Mutex
	hits := 0
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			hits++
			mu.Unlock()
			conn.Close()
		}
	}()
	target := "127.0.0.1:" + strings.TrimPrefix(l.Addr().String(), "127.0.0.1:")
	c, _ := newRenderChecker(t, map[string]http.HandlerFunc{"/escape": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>财政预决算</title></head><body>
<ul id="list"></ul><img src="http://` + target + `/i.gif">
<script>try { new WebSocket('ws://` + target + `/ws'); } catch (e) {}
try { navigator.sendBeacon('http://` + target + `/b', 'x'); } catch (e) {}
fetch('http://` + target + `/f').catch(function () {});
fetch('http://localhost:` + strings.Split(target, ":")[1] + `/g').catch(function () {});
var x = new XMLHttpRequest(); x.open('GET', '/api/list.json'); x.send();</script></body></html>`))
	}})
	ch := check(t, c, "http://www.ankang.gov.cn/escape")
	time.Sleep(300 * time.Millisecond) // let a late connection arrive
	mu.Lock()
	defer mu.Unlock()
	if hits > 0 {
		t.Errorf("%d connections reached 127.0.0.1 from the rendered page (%s %q)", hits, ch.Result, ch.Finding)
	}
	if !ch.Rendered {
		t.Errorf("the page was not rendered: %s %q", ch.Result, ch.Finding)
	}
}

// TestRenderCrossOrigin: a shell that POSTs JSON to another host of the site (a CORS
// preflight, then the request with its body) gets its list through the guarded client.
// The page draws what column pages draw: each entry a link to its article and a date,
// under a breadcrumb; the page analysis takes only linked entries for a list.
func TestRenderCrossOrigin(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	c, _ := newRenderChecker(t, map[string]http.HandlerFunc{
		"/cors/list.json": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Access-Control-Allow-Origin", "*")
			w.Header().Set("Access-Control-Allow-Headers", "Content-Type, X-Requested-With")
			w.Header().Set("Access-Control-Allow-Methods", "POST")
			body, _ := io.ReadAll(r.Body)
			mu.Lock()
			seen = append(seen, r.Method+" "+r.Host+" "+string(body))
			mu.Unlock()
			if r.Method == http.MethodOptions {
				w.WriteHeader(http.StatusNoContent)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(listJSON))
		},
		"/cors.html": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>财政预决算</title></head><body>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; 财政预决算</div>
<ul id="list"></ul><script>
fetch('http://data.ankang.gov.cn/cors/list.json', {method: 'POST', headers: {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'}, body: '{"col":12}'})
  .then(function (r) { return r.json(); })
  .then(function (d) { document.getElementById('list').innerHTML = d.list.map(function (e) { return '<li><a href="' + e.url + '">' + e.title + '</a><span>' + e.date + '</span></li>'; }).join(''); });
</script></body></html>`))
		},
	})
	ch := check(t, c, "http://www.ankang.gov.cn/cors.html")
	if ch.Result != xxgk.CheckOK || ch.Entries != 3 {
		t.Errorf("cross-origin shell: %s %q entries=%d, want ok with 3", ch.Result, ch.Finding, ch.Entries)
	}
	mu.Lock()
	defer mu.Unlock()
	if got := strings.Join(seen, " | "); !strings.Contains(got, `POST data.ankang.gov.cn {"col":12}`) {
		t.Errorf("the data host saw %q, want the POST with its body", got)
	}
}
