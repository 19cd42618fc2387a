package verify

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"xxgk"
)

// asOf is the check day of every test: 28 September 2020, China time.
var asOf = time.Date(2020, 9, 28, 9, 0, 0, 0, xxgk.ChinaTime)

// columnPage is a column list page as government sites write them.
func columnPage(title, charsetMeta string, dates ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head>")
	if charsetMeta != "" {
		fmt.Fprintf(&b, `<meta http-equiv="Content-Type" content="text/html; charset=%s">`, charsetMeta)
	}
	fmt.Fprintf(&b, "<title>%s - 安康市人民政府</title></head><body>", title)
	fmt.Fprintf(&b, `<div class="position">当前位置：首页 &gt; 信息公开 &gt; %s</div><ul>`, title)
	for i, d := range dates {
		fmt.Fprintf(&b, `<li><a href="/c/%d.html">关于第%d项工作的通知</a><span>%s</span></li>`, i, i, d)
	}
	b.WriteString("</ul><div class=\"footer\">版权所有 2005-2020 电话：0915-3212345</div></body></html>")
	return b.String()
}

func gbk(t testing.TB, s string) []byte {
	t.Helper()
	out, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(out)
}

// site is a test server with the pages the tests need, and what it saw.
type site struct {
	*httptest.Server
	mu        sync.Mutex
	inFlight  int
	maxFlight int
	agents    []string
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{}
	mux := http.NewServeMux()
	html := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		}
	}
	mux.Handle("/ok", html(columnPage("财政预决算", "", "2020-09-15", "2020-08-01")))
	mux.Handle("/stale", html(columnPage("财政预决算", "", "2019-11-15", "2019-10-01")))
	mux.Handle("/empty", html(columnPage("财政预决算", "")))
	mux.Handle("/home", html(`<html><head><title>安康市人民政府</title></head><body><h1>欢迎访问</h1><p>2020-09-15</p></body></html>`))
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/gbk-header", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=GBK")
		w.Write(gbk(t, columnPage("财政预决算", "", "2020年9月15日")))
	})
	mux.HandleFunc("/gbk-meta", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(gbk(t, columnPage("财政预决算", "gb2312", "[09-15]", "[09-01]", "2020年")))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		page := columnPage("财政预决算", "", "2020-09-15")
		fmt.Fprint(w, strings.Replace(page, "</ul>", "</ul><p>"+strings.Repeat("填充文字", 100_000)+"</p>", 1))
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4 2020-09-15"))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ok", http.StatusMovedPermanently) })
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.1.2.3/admin", http.StatusFound)
	})
	mux.HandleFunc("/to-intranet-name", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://oa.intranet.example/", http.StatusFound)
	})
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.inFlight++
		s.maxFlight = max(s.maxFlight, s.inFlight)
		s.agents = append(s.agents, r.UserAgent())
		s.mu.Unlock()
		time.Sleep(30 * time.Millisecond)
		s.mu.Lock()
		s.inFlight--
		s.mu.Unlock()
		html(columnPage("财政预决算", "", "2020-09-15"))(w, r)
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// fakeDNS maps names to addresses and counts lookups; unknown names do not exist.
type fakeDNS struct {
	mu    sync.Mutex
	names map[string][]string
	calls map[string]int
}

func (d *fakeDNS) lookup(_ context.Context, host string) ([]netip.Addr, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.calls == nil {
		d.calls = map[string]int{}
	}
	d.calls[host]++
	list := d.names[host]
	if len(list) == 0 {
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	// A rebinding name answers its addresses in turn, one per lookup.
	a := netip.MustParseAddr(list[(d.calls[host]-1)%len(list)])
	return []netip.Addr{a}, nil
}

// toServer is a Dial that records the address the guard let through and connects to the
// test server whatever it was.
func toServer(srv *httptest.Server, seen *[]string, mu *sync.Mutex) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		mu.Lock()
		*seen = append(*seen, addr)
		mu.Unlock()
		var d net.Dialer
		return d.DialContext(ctx, network, srv.Listener.Addr().String())
	}
}

func item(url string) xxgk.Item {
	return xxgk.Item{Code: "CZ-01-1", Status: xxgk.Opened, ColumnName: "财政预决算", URL: url, LastUpdate: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)}
}

var indicator = xxgk.Indicator{Code: "CZ-01-1", Area: "财政信息", SubArea: "预决算公开"}

func check(t *testing.T, c *Checker, url string) xxgk.Check {
	t.Helper()
	return c.Check(context.Background(), Target{Round: "2020", Unit: "U1", Item: item(url), Indicator: indicator})
}
