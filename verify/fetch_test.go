package verify

import (
	"context"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"xxgk"
)

// local is a checker allowed to fetch the test server on 127.0.0.1.
func local(cfg Config) *Checker {
	cfg.AllowHosts = append(cfg.AllowHosts, "127.0.0.1")
	cfg.Now = func() time.Time { return asOf }
	return New(cfg)
}

func TestResults(t *testing.T) {
	s := newSite(t)
	c := local(Config{Timeout: 500 * time.Millisecond, MaxBody: 64 << 10})
	defer c.Close()
	cases := []struct {
		path    string
		want    xxgk.CheckResult
		finding string
	}{
		{"/ok", xxgk.CheckOK, "共2条带日期的信息，最新2020年9月15日"},
		{"/moved", xxgk.CheckOK, "最新2020年9月15日"},
		{"/gone", xxgk.CheckUnreachable, "网站返回 HTTP 404 Not Found"},
		{"/slow", xxgk.CheckUnreachable, "500ms 内没有完成响应"},
		{"/loop", xxgk.CheckUnreachable, "重定向超过 5 次"},
		{"/home", xxgk.CheckNameMismatch, "页面标题“安康市人民政府”、当前位置和列表标题中没有“财政预决算”或“预决算公开”"},
		{"/pdf", xxgk.CheckNameMismatch, "网址打开的不是网页（application/pdf）"},
		{"/empty", xxgk.CheckEmpty, "栏目列表中没有信息条目"},
		{"/stale", xxgk.CheckStale, "最新信息日期为2019年11月15日，已超过6个月未更新"},
		{"/gbk-header", xxgk.CheckOK, "最新2020年9月15日"},
		{"/gbk-meta", xxgk.CheckOK, "共2条带日期的信息，最新2020年9月15日"},
		{"/big", xxgk.CheckOK, "最新2020年9月15日"},
	}
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			ch := check(t, c, s.URL+tc.path)
			if ch.Result != tc.want || !strings.Contains(ch.Finding, tc.finding) {
				t.Errorf("%s: %s %q, want %s containing %q (page %+v)", tc.path, ch.Result, ch.Finding, tc.want, tc.finding, ch.Page)
			}
			if ch.GovDomain || ch.CheckedAt != asOf || ch.Round != "2020" || ch.Unit != "U1" || ch.Code != "CZ-01-1" {
				t.Errorf("check fields: %+v", ch)
			}
		})
	}
	t.Run("charset by header and meta", func(t *testing.T) {
		for _, p := range []string{"/gbk-header", "/gbk-meta"} {
			if ch := check(t, c, s.URL+p); ch.Title != "财政预决算 - 安康市人民政府" {
				t.Errorf("%s: title %q, want it decoded from GBK", p, ch.Title)
			}
		}
	})
	t.Run("moved records the final URL", func(t *testing.T) {
		if ch := check(t, c, s.URL+"/moved"); ch.FinalURL != s.URL+"/ok" || ch.HTTPStatus != 200 {
			t.Errorf("final %q status %d", ch.FinalURL, ch.HTTPStatus)
		}
	})
	t.Run("over the cap", func(t *testing.T) {
		ch := check(t, c, s.URL+"/big")
		if !ch.Truncated || !strings.Contains(ch.Error, "只核查了前") {
			t.Errorf("a 800 KB page under a 64 KB cap: truncated %v, error %q", ch.Truncated, ch.Error)
		}
	})
	t.Run("date mismatch", func(t *testing.T) {
		it := item(s.URL + "/ok")
		it.LastUpdate = time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC)
		ch := c.Check(context.Background(), Target{Round: "2020", Unit: "U1", Item: it, Indicator: indicator})
		if ch.Result != xxgk.CheckDateMismatch || ch.Finding != "填报的最近更新日期为2020年9月20日，页面上最新信息日期为2020年9月15日" {
			t.Errorf("%s %q", ch.Result, ch.Finding)
		}
	})
}

func TestTLS(t *testing.T) {
	srv := httptest.NewTLSServer(newSite(t).Config.Handler)
	defer srv.Close()
	strict := local(Config{Timeout: time.Second})
	if ch := check(t, strict, srv.URL+"/ok"); ch.Result != xxgk.CheckUnreachable || ch.ErrorKind != KindTLS || !strings.Contains(ch.Finding, "--insecure") {
		t.Errorf("self-signed certificate: %s %s %q", ch.Result, ch.ErrorKind, ch.Finding)
	}
	lax := local(Config{Timeout: time.Second, Insecure: true})
	if ch := check(t, lax, srv.URL+"/ok"); ch.Result != xxgk.CheckOK {
		t.Errorf("--insecure: %s %q", ch.Result, ch.Finding)
	}
}

func TestGuard(t *testing.T) {
	s := newSite(t)
	dns := &fakeDNS{names: map[string][]string{
		"www.ankang.gov.cn":   {"203.0.113.10"},
		"oa.intranet.example": {"10.0.0.7"},
		"localhost.evil.cn":   {"127.0.0.1"},
		"printer.local.cn":    {"169.254.1.1"},
		"v6.evil.cn":          {"::1"},
		"mapped.evil.cn":      {"::ffff:192.168.1.1"},
		"cgnat.evil.cn":       {"100.64.1.1"},
		"rebind.evil.cn":      {"203.0.113.20", "127.0.0.1"},
		"allowed.intranet.cn": {"10.0.0.8"},
	}}
	var mu sync.Mutex
	var dialed []string
	c := New(Config{
		Timeout: time.Second, LookupIP: dns.lookup, Dial: toServer(s.Server, &dialed, &mu),
		AllowHosts: []string{"allowed.intranet.cn"}, Now: func() time.Time { return asOf },
	})
	port := s.Listener.Addr().(interface{ String() string }).String()
	port = port[strings.LastIndexByte(port, ':'):]
	cases := []struct {
		url     string
		want    xxgk.CheckResult
		finding string
	}{
		{"http://www.ankang.gov.cn" + port + "/ok", xxgk.CheckOK, ""},
		{"ftp://www.ankang.gov.cn/ok", xxgk.CheckRefused, "只核查 http:// 或 https:// 网址"},
		{"file:///etc/passwd", xxgk.CheckRefused, "只核查 http:// 或 https:// 网址"},
		{"www.ankang.gov.cn/ok", xxgk.CheckRefused, "只核查 http:// 或 https:// 网址"},
		{"http:///ok", xxgk.CheckRefused, "网址中没有主机名"},
		{"http://%zz/ok", xxgk.CheckRefused, "网址“http://%zz/ok”无法识别"},
		{s.URL + "/ok", xxgk.CheckRefused, "网址的主机是 IP 地址 127.0.0.1，而不是网站域名（确需核查请用 --allow-host 127.0.0.1）"},
		{"http://[::1]/ok", xxgk.CheckRefused, "IP 地址 ::1"},
		{"http://8.8.8.8/ok", xxgk.CheckRefused, "IP 地址 8.8.8.8"},
		{"http://oa.intranet.example/", xxgk.CheckRefused, "域名 oa.intranet.example 解析到内网地址 10.0.0.7"},
		{"http://localhost.evil.cn/", xxgk.CheckRefused, "本机回环地址 127.0.0.1"},
		{"http://printer.local.cn/", xxgk.CheckRefused, "链路本地地址"},
		{"http://v6.evil.cn/", xxgk.CheckRefused, "本机回环地址 ::1"},
		{"http://mapped.evil.cn/", xxgk.CheckRefused, "内网地址 192.168.1.1"},
		{"http://cgnat.evil.cn/", xxgk.CheckRefused, "运营商内网地址"},
		{"http://nowhere.gov.cn/", xxgk.CheckUnreachable, "域名 nowhere.gov.cn 无法解析"},
		{"http://www.ankang.gov.cn" + port + "/to-private", xxgk.CheckRefused, "IP 地址 10.1.2.3"},
		{"http://www.ankang.gov.cn" + port + "/to-intranet-name", xxgk.CheckRefused, "解析到内网地址 10.0.0.7"},
		{"http://rebind.evil.cn" + port + "/ok", xxgk.CheckRefused, "域名 rebind.evil.cn 解析到本机回环地址 127.0.0.1"},
		{"http://allowed.intranet.cn" + port + "/ok", xxgk.CheckOK, ""},
	}
	for _, tc := range cases {
		t.Run(tc.url, func(t *testing.T) {
			mu.Lock()
			dialed = nil
			mu.Unlock()
			ch := check(t, c, tc.url)
			if ch.Result != tc.want || !strings.Contains(ch.Finding, tc.finding) {
				t.Errorf("%s %q, want %s containing %q", ch.Result, ch.Finding, tc.want, tc.finding)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, a := range dialed {
				if !strings.HasPrefix(a, "203.0.113.") && !strings.HasPrefix(a, "10.0.0.8:") {
					t.Errorf("dialed %s: the guard let an internal address through", a)
				}
			}
			if ch.Result == xxgk.CheckRefused && !strings.Contains(tc.url, "/to-") && len(dialed) > 0 {
				t.Errorf("refused, yet dialed %v", dialed)
			}
		})
	}
	if dns.calls["rebind.evil.cn"] < 2 {
		t.Errorf("the rebinding name was looked up %d times: the dial did not check again", dns.calls["rebind.evil.cn"])
	}
	if ch := check(t, c, "http://www.ankang.gov.cn"+port+"/ok"); !ch.GovDomain {
		t.Error("www.ankang.gov.cn is under .gov.cn")
	}
}

func TestPerHostLimit(t *testing.T) {
	s := newSite(t)
	c := local(Config{Concurrency: 8, PerHost: 2, UserAgent: "xxgk-verify/1.2.3"})
	defer c.Close()
	var ts []Target
	for i := 0; i < 20; i++ {
		ts = append(ts, Target{Round: "2020", Unit: "U1", Item: item(s.URL + "/busy"), Indicator: indicator})
	}
	var calls []int
	checks := c.Run(context.Background(), ts, func(done, total int) { calls = append(calls, done) })
	if len(checks) != 20 || len(calls) != 20 || calls[19] != 20 {
		t.Fatalf("%d checks, progress %v", len(checks), calls)
	}
	for _, ch := range checks {
		if ch.Result != xxgk.CheckOK {
			t.Errorf("%s %q", ch.Result, ch.Finding)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.maxFlight > 2 || s.maxFlight < 1 {
		t.Errorf("at most %d requests at once on one host, want ≤ 2", s.maxFlight)
	}
	for _, a := range s.agents {
		if a != "xxgk-verify/1.2.3" {
			t.Errorf("User-Agent %q", a)
		}
	}
}

func TestRunCancelled(t *testing.T) {
	s := newSite(t)
	c := local(Config{Concurrency: 2, PerHost: 2, Timeout: 5 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	var ts []Target
	for i := 0; i < 10; i++ {
		ts = append(ts, Target{Item: item(s.URL + "/slow")})
	}
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	if got := c.Run(ctx, ts, nil); len(got) != 0 {
		t.Errorf("%d checks kept from a cancelled run", len(got))
	}
	if time.Since(start) > 2*time.Second {
		t.Errorf("cancel took %s", time.Since(start))
	}
}

// TestOverallLimit: over many hosts, no more than Concurrency pages at once in all.
func TestOverallLimit(t *testing.T) {
	s := newSite(t)
	dns := &fakeDNS{names: map[string][]string{}}
	var ts []Target
	for h := 0; h < 6; h++ {
		name := "www.site" + string(rune('a'+h)) + ".gov.cn"
		dns.names[name] = []string{"203.0.113.50"}
		port := s.Listener.Addr().String()
		port = port[strings.LastIndexByte(port, ':'):]
		for i := 0; i < 4; i++ {
			ts = append(ts, Target{Item: item("http://" + name + port + "/busy"), Indicator: indicator})
		}
	}
	var mu sync.Mutex
	var dialed []string
	c := New(Config{Concurrency: 3, PerHost: 2, LookupIP: dns.lookup, Dial: toServer(s.Server, &dialed, &mu), Now: func() time.Time { return asOf }})
	defer c.Close()
	checks := c.Run(context.Background(), ts, nil)
	if len(checks) != len(ts) {
		t.Fatalf("%d checks of %d", len(checks), len(ts))
	}
	for _, ch := range checks {
		if ch.Result != xxgk.CheckOK || !ch.GovDomain {
			t.Errorf("%s: %s %q", ch.URL, ch.Result, ch.Finding)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.maxFlight > 3 || s.maxFlight < 2 {
		t.Errorf("%d pages at once over six hosts, want 2–3 with --concurrency 3", s.maxFlight)
	}
}
