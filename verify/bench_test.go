package verify

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"xxgk"
)

// BenchmarkRun is the figure: 1,000 column URLs over 50 hosts, each answering in
// 50 ms, with the default limits (16 at once, 2 per host). Host names resolve to
// documentation addresses and every dial goes to one local server, so the guard and the
// per-host limits run as in real use. Reports seconds per run and the peak heap.
//
//	go test -run '^$' -bench Run -benchtime 1x ./verify
func BenchmarkRun(b *testing.B) {
	const hosts, urls = 50, 1000
	page := []byte(columnPage("财政预决算", "", "2020-09-15", "2020-09-01", "2020-08-20"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(50 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()
	cfg := Config{
		Now: func() time.Time { return asOf },
		LookupIP: func(_ context.Context, host string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("203.0.113.1")}, nil
		},
		Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, srv.Listener.Addr().String())
		},
	}
	ts := make([]Target, urls)
	for i := range ts {
		ts[i] = Target{Round: "2020", Unit: fmt.Sprintf("U%02d", i%hosts),
			Item: item(fmt.Sprintf("http://www.site%02d.gov.cn/xxgk/col%d.html", i%hosts, i)), Indicator: indicator}
	}
	var peak atomic.Uint64
	stop := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	b.ResetTimer()
	for b.Loop() {
		c := New(cfg)
		checks := c.Run(context.Background(), ts, nil)
		c.Close()
		if len(checks) != urls {
			b.Fatalf("%d checks", len(checks))
		}
		for _, ch := range checks {
			if ch.Result != xxgk.CheckOK {
				b.Fatalf("%s: %s %s", ch.URL, ch.Result, ch.Finding)
			}
		}
	}
	b.StopTimer()
	close(stop)
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/run")
	b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
}
