package verify

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"xxgk"
)

// Error kinds recorded with an unreachable page.
const (
	KindDNS       = "dns"
	KindConnect   = "connect"
	KindTLS       = "tls"
	KindTimeout   = "timeout"
	KindHTTP      = "http_status"
	KindRedirects = "redirects"
)

// Checker fetches column pages. It is safe for concurrent use; one Checker holds the
// per-host limits, so use one for a whole run.
type Checker struct {
	cfg    Config
	guard  *guard
	client *http.Client
	mu     sync.Mutex
	hosts  map[string]chan struct{} // per-host semaphores, by host:port
	// browser draws script-drawn pages (StartBrowser, render.go); nil when not asked for.
	browser *browser
}

// New makes a Checker.
func New(cfg Config) *Checker {
	cfg = cfg.withDefaults()
	c := &Checker{cfg: cfg, guard: newGuard(cfg), hosts: map[string]chan struct{}{}}
	tlsCfg := &tls.Config{InsecureSkipVerify: cfg.Insecure} //nolint:gosec // only with --insecure
	if cfg.Insecure {
		tlsCfg.MinVersion = tls.VersionTLS10 // old government set-ups
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would connect where the guard cannot see
		DialContext:           c.guard.dial(cfg.Dial),
		TLSClientConfig:       tlsCfg,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   cfg.Timeout,
		ResponseHeaderTimeout: cfg.Timeout,
		MaxConnsPerHost:       cfg.PerHost,
		MaxIdleConnsPerHost:   cfg.PerHost,
		MaxIdleConns:          2 * cfg.Concurrency,
		IdleConnTimeout:       30 * time.Second,
	}
	c.client = &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > MaxRedirects {
				return errTooManyRedirects
			}
			return c.guard.checkURL(req.Context(), req.URL)
		},
	}
	return c
}

var errTooManyRedirects = errors.New("too many redirects")

// Close releases idle connections and stops the browser, if one was started.
func (c *Checker) Close() {
	if c.browser != nil {
		c.browser.close()
	}
	c.client.CloseIdleConnections()
}

// hostSlot takes one of the host's PerHost places, waiting for one; release gives it back.
func (c *Checker) hostSlot(ctx context.Context, host string) (release func(), err error) {
	c.mu.Lock()
	sem, ok := c.hosts[host]
	if !ok {
		sem = make(chan struct{}, c.cfg.PerHost)
		c.hosts[host] = sem
	}
	c.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// Fetch fetches one address (GET, redirects followed and re-checked) and reports what it
// found. It never returns an error: every failure is a finding on the page.
func (c *Checker) Fetch(ctx context.Context, raw string) xxgk.Page {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil { // a missing host or a wrong scheme the guard refuses below, in its words
		return xxgk.Page{Refused: true, Error: fmt.Sprintf("网址“%s”无法识别", xxgk.Visible(raw, 60))}
	}
	release, err := c.hostSlot(ctx, strings.ToLower(u.Host))
	if err != nil {
		return failure(err, c.cfg.Timeout)
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	if err := c.guard.checkURL(ctx, u); err != nil {
		return failure(err, c.cfg.Timeout)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return xxgk.Page{Refused: true, Error: fmt.Sprintf("网址“%s”无法识别", xxgk.Visible(raw, 60))}
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9")
	resp, err := c.client.Do(req)
	if err != nil {
		return failure(err, c.cfg.Timeout)
	}
	defer resp.Body.Close()
	p := xxgk.Page{HTTPStatus: resp.StatusCode, FinalURL: resp.Request.URL.String()}
	if resp.StatusCode >= 400 {
		p.ErrorKind, p.Error = KindHTTP, fmt.Sprintf("网站返回 HTTP %s", resp.Status)
		return p
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxBody+1))
	if err != nil {
		f := failure(err, c.cfg.Timeout)
		f.HTTPStatus, f.FinalURL = p.HTTPStatus, p.FinalURL
		return f
	}
	if int64(len(body)) > c.cfg.MaxBody {
		body, p.Truncated = body[:c.cfg.MaxBody], true
		p.Error = fmt.Sprintf("页面超过 %d MB，只核查了前 %d MB", c.cfg.MaxBody>>20, c.cfg.MaxBody>>20)
	}
	ct := resp.Header.Get("Content-Type")
	if !isHTML(ct, body) {
		p.NotHTML = strings.TrimSpace(strings.Split(ct, ";")[0])
		if p.NotHTML == "" {
			p.NotHTML = "未知类型"
		}
		return p
	}
	a, err := Analyze(body, ct, p.FinalURL, c.cfg.Now())
	if err != nil {
		p.NotHTML = "无法解析的 HTML"
		return p
	}
	a.fill(&p)
	return p
}

// failure turns a fetch error into a finding: refused by the guard, or unreachable with
// its kind and a Chinese explanation.
func failure(err error, timeout time.Duration) xxgk.Page {
	if r, ok := isRefusal(err); ok {
		return xxgk.Page{Refused: true, Error: r.msg}
	}
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var hostErr x509.HostnameError
	var authErr x509.UnknownAuthorityError
	var invalidErr x509.CertificateInvalidError
	var recErr tls.RecordHeaderError
	var netErr net.Error
	switch {
	case errors.Is(err, errTooManyRedirects):
		return xxgk.Page{ErrorKind: KindRedirects, Error: fmt.Sprintf("重定向超过 %d 次（可能是循环重定向）", MaxRedirects)}
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &netErr) && netErr.Timeout():
		return xxgk.Page{ErrorKind: KindTimeout, Error: fmt.Sprintf("%s 内没有完成响应", timeout)}
	case errors.Is(err, context.Canceled):
		return xxgk.Page{ErrorKind: KindTimeout, Error: "核查被中断"}
	case errors.As(err, &dnsErr):
		return xxgk.Page{ErrorKind: KindDNS, Error: fmt.Sprintf("域名 %s 无法解析", dnsErr.Name)}
	case errors.As(err, &certErr) || errors.As(err, &hostErr) || errors.As(err, &authErr) ||
		errors.As(err, &invalidErr) || errors.As(err, &recErr) || strings.Contains(err.Error(), "tls:"):
		return xxgk.Page{ErrorKind: KindTLS, Error: "HTTPS 证书或加密连接有误（" + shortErr(err) + "），可用 --insecure 忽略证书问题"}
	}
	return xxgk.Page{ErrorKind: KindConnect, Error: "无法连接网站（" + shortErr(err) + "）"}
}

// shortErr drops the "Get "http://…": " prefix net/http puts on every error.
func shortErr(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return xxgk.Visible(err.Error(), 120)
}
