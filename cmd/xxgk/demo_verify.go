package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"

	"xxgk"
	"xxgk/samples"
	"xxgk/store"
	"xxgk/verify"
)

// demoVerify runs `xxgk verify` in the demo against a sample site served in-process on
// 127.0.0.1. The checker's lookups map the sample hosts (www.ankang.gov.cn, …) to
// documentation addresses (203.0.113.0/24, public as far as the guard is concerned) and
// its dial sends every connection the guard lets through to the local site: the guard
// runs as in real use, and nothing leaves the machine.
func demoVerify(ctx context.Context, e *env, db string, at time.Time) int {
	site, err := demoSite(ctx, db, at)
	if err != nil {
		fmt.Fprintln(e.Stderr, "xxgk:", err)
		return exitFailed
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(e.Stderr, "xxgk: 无法启动演示网站：", err)
		return exitFailed
	}
	srv := &http.Server{Handler: site, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(l) //nolint:errcheck // ends with Shutdown below
	defer srv.Shutdown(context.Background())

	hosts := site.Hosts()
	addrs := map[string]netip.Addr{}
	for i, h := range hosts {
		addrs[h] = netip.AddrFrom4([4]byte{203, 0, 113, byte(10 + i%200)})
	}
	// One county's portal resolves to an intranet address, as split DNS inside a
	// government network does: the guard refuses it.
	if len(hosts) > 1 {
		addrs[hosts[len(hosts)-1]] = netip.MustParseAddr("10.61.0.8")
	}
	fmt.Fprintf(e.Stdout, "演示网站在 %s 上运行，代替 %s 等 %d 个网站（不访问互联网）\n",
		l.Addr(), strings.Join(hosts[:min(3, len(hosts))], "、"), len(hosts))
	se := *e
	se.Now = func() time.Time { return at }
	se.VerifyNet = &verify.Config{
		LookupIP: func(_ context.Context, host string) ([]netip.Addr, error) {
			if a, ok := addrs[strings.ToLower(host)]; ok {
				return []netip.Addr{a}, nil
			}
			return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
		},
		Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, l.Addr().String())
		},
	}
	return run(ctx, []string{"xxgk", "--db", db, "verify"}, &se)
}

// demoSite builds the sample site for the columns the demo's units reported.
func demoSite(ctx context.Context, db string, at time.Time) (*samples.Site, error) {
	st, err := store.Open(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("无法打开演示数据库：%w", err)
	}
	defer st.Close()
	r, cat, err := st.Round(ctx, "2020")
	if err != nil {
		return nil, fmt.Errorf("读取演示轮次：%w", err)
	}
	current, err := st.Current(ctx, r.ID)
	if err != nil {
		return nil, fmt.Errorf("读取演示报送：%w", err)
	}
	var cols []samples.SiteColumn
	for _, t := range verify.Targets(xxgk.Summarize(r, cat, current), cat, nil) {
		cols = append(cols, samples.SiteColumn{URL: t.Item.URL, Name: t.Item.ColumnName, LastUpdate: t.Item.LastUpdate})
	}
	return samples.NewSite(cols, at.In(xxgk.ChinaTime)), nil
}
