package verify

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"

	"xxgk"
)

// refusal is the guard's "no": the address was never fetched. Its message is Chinese and
// says what to do.
type refusal struct{ msg string }

func (r *refusal) Error() string { return r.msg }

func refusef(format string, args ...any) error { return &refusal{msg: fmt.Sprintf(format, args...)} }

// isRefusal finds a refusal however deep net/http wrapped it.
func isRefusal(err error) (*refusal, bool) {
	var r *refusal
	ok := errors.As(err, &r)
	return r, ok
}

// guard decides which addresses may be fetched.
type guard struct {
	allow    map[string]bool // folded host names and IP addresses
	lookupIP func(ctx context.Context, host string) ([]netip.Addr, error)
}

func newGuard(cfg Config) *guard {
	g := &guard{allow: map[string]bool{}, lookupIP: cfg.LookupIP}
	for _, h := range cfg.AllowHosts {
		g.allow[foldHost(h)] = true
	}
	return g
}

func foldHost(h string) string {
	h = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(h), "."))
	return strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
}

func (g *guard) allowed(host string) bool { return g.allow[foldHost(host)] }

// checkURL is the check made before the first request and at every redirect hop: the
// scheme, then the host as the URL names it, then what the name resolves to.
func (g *guard) checkURL(ctx context.Context, u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return refusef("只核查 http:// 或 https:// 网址，“%s”不是", xxgk.Visible(u.String(), 60))
	}
	host := u.Hostname()
	if host == "" {
		return refusef("网址中没有主机名")
	}
	if g.allowed(host) {
		return nil
	}
	if _, err := netip.ParseAddr(foldHost(host)); err == nil {
		return ipHostRefusal(host)
	}
	_, err := g.resolve(ctx, host)
	return err
}

// ipHostRefusal refuses an address whose host is an IP address, not a site's name.
func ipHostRefusal(host string) error {
	return refusef("网址的主机是 IP 地址 %s，而不是网站域名（确需核查请用 --allow-host %s）", host, host)
}

// resolve looks host up and refuses it when any address is not public: a name that
// resolves to both a public and a private address is refused, whichever a dial would
// pick. Lookup failures are returned as they are (unreachable, not refused).
func (g *guard) resolve(ctx context.Context, host string) ([]netip.Addr, error) {
	addrs, err := g.lookupIP(ctx, host)
	if err != nil {
		return nil, err
	}
	if len(addrs) == 0 {
		return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
	}
	for _, a := range addrs {
		if why := internal(a); why != "" {
			return nil, refusef("域名 %s 解析到%s %s，不核查本机或内网地址（确需核查请用 --allow-host %s）", host, why, a.Unmap(), host)
		}
	}
	return addrs, nil
}

// internal says which kind of non-public address a is, or "" for a public one.
func internal(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case a.IsLoopback():
		return "本机回环地址"
	case a.IsPrivate():
		return "内网地址"
	case a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast():
		return "链路本地地址"
	case a.IsUnspecified():
		return "未指定地址"
	case a.IsMulticast() || a.IsInterfaceLocalMulticast():
		return "组播地址"
	case sharedSpace.Contains(a):
		return "运营商内网地址"
	}
	return ""
}

// sharedSpace is 100.64.0.0/10 (carrier-grade NAT), private in all but name.
var sharedSpace = netip.MustParsePrefix("100.64.0.0/10")

// dial is the transport's only way out: it resolves the host itself, refuses internal
// addresses again (the name may resolve differently than at checkURL), and connects to
// exactly the address it checked.
func (g *guard) dial(dial func(ctx context.Context, network, addr string) (net.Conn, error)) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		var addrs []netip.Addr
		if a, err := netip.ParseAddr(foldHost(host)); err == nil {
			if !g.allowed(host) {
				return nil, ipHostRefusal(host)
			}
			addrs = []netip.Addr{a}
		} else if g.allowed(host) {
			if addrs, err = g.lookupIP(ctx, host); err != nil {
				return nil, err
			}
		} else if addrs, err = g.resolve(ctx, host); err != nil {
			return nil, err
		}
		var last error
		for _, a := range addrs {
			conn, err := dial(ctx, network, net.JoinHostPort(a.Unmap().String(), port))
			if err == nil {
				return conn, nil
			}
			last = err
		}
		if last == nil {
			last = &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
		}
		return nil, last
	}
}
