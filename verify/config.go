// Package verify fetches the column pages units report and judges them (核查).
//
// It is a polite crawler: bounded concurrency overall and per host, a timeout per page, a
// body cap, at most five redirects and a User-Agent that names it. Units supply the
// addresses, so an address guard refuses anything but http/https to public hosts: IP
// literals and names resolving to loopback, private or link-local addresses are refused
// unless the operator allows the host, on every redirect hop and again at dial time, so a
// name that resolves differently the second time (DNS rebinding) cannot slip by.
package verify

import (
	"context"
	"net"
	"net/netip"
	"time"
)

// Defaults, as the issue sets them.
const (
	DefaultConcurrency = 16
	DefaultPerHost     = 2
	DefaultTimeout     = 20 * time.Second
	DefaultMaxBody     = 2 << 20 // 2 MB
	MaxRedirects       = 5
)

// Config says how to fetch. The zero value of each field means its default.
type Config struct {
	Concurrency int           // pages fetched at once, overall
	PerHost     int           // pages fetched at once from one host
	Timeout     time.Duration // for one page, connection to last byte
	MaxBody     int64         // bytes read of a page; the rest is not read
	AllowHosts  []string      // hosts (names or IP addresses) the guard lets through
	Insecure    bool          // accept TLS certificates that do not verify (old government set-ups)
	UserAgent   string        // default "xxgk-verify/dev"
	// LookupIP resolves a host name; default net.DefaultResolver. The demo maps its sample
	// hosts here so that nothing leaves the machine.
	LookupIP func(ctx context.Context, host string) ([]netip.Addr, error)
	// Dial connects to an address the guard has checked (an IP and port); default a
	// net.Dialer. The demo sends every connection to its local sample site here.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
	// Renders is how many pages the browser draws at once (StartBrowser); default 2.
	Renders int
	// Now is the clock for check times and the staleness rule; default time.Now.
	Now func() time.Time
}

func (c Config) withDefaults() Config {
	if c.Concurrency <= 0 {
		c.Concurrency = DefaultConcurrency
	}
	if c.PerHost <= 0 {
		c.PerHost = DefaultPerHost
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.Renders <= 0 {
		c.Renders = DefaultRenders
	}
	if c.UserAgent == "" {
		c.UserAgent = "xxgk-verify/dev"
	}
	if c.LookupIP == nil {
		c.LookupIP = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	if c.Dial == nil {
		d := &net.Dialer{Timeout: c.Timeout, KeepAlive: 30 * time.Second}
		c.Dial = d.DialContext
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}
