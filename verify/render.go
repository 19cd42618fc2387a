package verify

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"xxgk"
)

// Rendering (verify --browser): a page whose list a script draws is opened in the browser
// already installed on the office PC, headless, through the DevTools protocol. The
// browser itself never touches the network: every request the page makes is paused
// (Fetch domain) and answered by the Checker's own HTTP client, so the address guard, the
// dial-time re-check, the timeouts and the body cap apply to each of them exactly as to a
// fetched page. As a second line, the browser's own resolver knows no names and its proxy
// is a local port that takes nothing, so a request that escaped interception (a service
// worker's, a WebSocket) goes nowhere.

// Limits of one page's render, besides Config.Timeout (the whole render) and
// Config.MaxBody (each response).
const (
	renderRequests = 100                    // requests one page may make
	renderBudget   = 4                      // its responses together: this many times MaxBody
	renderQuiet    = 500 * time.Millisecond // no request in flight this long after load: drawn
	DefaultRenders = 2                      // pages rendered at once
)

// renderTypes are the requests a page's list can depend on (a CORS preflight is how a
// script asks another host of the site for its data); images, styles, fonts, media and
// beacons are refused unfetched: the text is what is judged.
var renderTypes = map[network.ResourceType]bool{
	network.ResourceTypeDocument: true, network.ResourceTypeScript: true,
	network.ResourceTypeXHR: true, network.ResourceTypeFetch: true, network.ResourceTypePreflight: true,
}

// browser is one headless browser process shared by a run.
type browser struct {
	ctx     context.Context // the browser's chromedp context; tabs derive from it
	cancel  func()
	dataDir string
	sink    net.Listener // the proxy that takes nothing
	sem     chan struct{}
}

// StartBrowser starts the browser at path for rendering script-drawn pages; Close stops
// it. Without it the Checker renders nothing and such pages are 栏目内容由脚本加载.
func (c *Checker) StartBrowser(ctx context.Context, path string) error {
	dir, err := os.MkdirTemp("", "xxgk-browser-")
	if err != nil {
		return fmt.Errorf("无法创建浏览器的临时目录：%w", err)
	}
	sink, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		os.RemoveAll(dir)
		return fmt.Errorf("无法启动浏览器：%w", err)
	}
	go func() {
		for {
			conn, err := sink.Accept()
			if err != nil {
				return
			}
			conn.Close()
		}
	}()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(dir),
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,HttpsFirstModeV2ForEngagedSites"),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.Flag("proxy-server", "http://"+sink.Addr().String()),
		chromedp.Flag("proxy-bypass-list", "<-loopback>"),
		chromedp.Flag("force-webrtc-ip-handling-policy", "disable_non_proxied_udp"),
		chromedp.Flag("webrtc-ip-handling-policy", "disable_non_proxied_udp"),
		chromedp.WindowSize(1280, 900),
	}
	if runningAsRoot() {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to start as root with its sandbox
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	b := &browser{ctx: bctx, dataDir: dir, sink: sink, sem: make(chan struct{}, c.cfg.Renders)}
	b.cancel = func() {
		cancelBrowser()
		cancelAlloc()
		sink.Close()
		os.RemoveAll(dir)
	}
	start, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(bctx) }()
	select {
	case err = <-started:
	case <-start.Done():
		err = start.Err()
	}
	if err != nil {
		b.cancel()
		return fmt.Errorf("无法启动浏览器 %s：%s", path, shortErr(err))
	}
	c.browser = b
	return nil
}

func runningAsRoot() bool { return runtime.GOOS != "windows" && os.Geteuid() == 0 }

func (b *browser) close() { b.cancel() }

// wantsRender tells a fetched page the browser should draw: one taken for a shell, and any
// other page read with no dated entries (a shell the signs missed), since 空白栏目 is an
// accusation.
func wantsRender(p xxgk.Page) bool {
	fetched := !p.Refused && p.ErrorKind == "" && p.NotHTML == "" && p.HTTPStatus > 0
	return fetched && (p.Scripted != "" || p.Entries == 0)
}

// render draws the page at p.FinalURL in the browser and reads the drawn document with
// the same analysis as a fetched page. A page that still shows no entries because one of
// its requests was refused or failed stays Scripted, with the reason; a render that could
// not run leaves the fetched page as it was, saying so.
func (c *Checker) render(ctx context.Context, p xxgk.Page) xxgk.Page {
	b := c.browser
	select {
	case b.sem <- struct{}{}:
		defer func() { <-b.sem }()
	case <-ctx.Done():
		return p
	}
	// A drawn page with dated entries is done; one without is read once more.
	enough := func(drawn string) bool {
		_, doc, _ := strings.Cut(drawn, "\n")
		a, err := Analyze([]byte(doc), "text/html; charset=utf-8", p.FinalURL, c.cfg.Now())
		return err == nil && a.Entries > 0
	}
	doc, at, tab, err := c.draw(ctx, p.FinalURL, enough)
	if err != nil {
		if p.Scripted != "" {
			p.Scripted += "；浏览器未能打开页面：" + err.Error()
		}
		return p
	}
	final := p.FinalURL
	if u, err := url.Parse(at); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		final = at // a script sent the page elsewhere (location.href = …), through the guard
	}
	text, err := Analyze([]byte(doc), "text/html; charset=utf-8", final, c.cfg.Now())
	if err != nil {
		return p
	}
	out := xxgk.Page{HTTPStatus: p.HTTPStatus, FinalURL: final, Rendered: true,
		Truncated: p.Truncated || tab.truncated, Error: p.Error}
	text.fill(&out)
	out.Scripted = "" // drawn: judged on what it shows, unless a request failed (below)
	if tab.truncated && out.Error == "" {
		out.Error = "页面或其数据超过大小限制，只核查了已取得的部分"
	}
	if out.Entries == 0 {
		if why := tab.problem(); why != "" {
			out.Scripted = why
		}
	}
	return out
}

// tabLog is what happened to one page's requests.
type tabLog struct {
	mu        sync.Mutex
	inFlight  int
	last      time.Time // when a request last started or ended
	requests  int
	bytes     int64
	refused   []string // the guard's reasons
	failed    []string
	truncated bool
	timedOut  bool // the render's time ran out with requests in flight
}

func (l *tabLog) begin() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.inFlight++
	l.requests++
	l.last = time.Now()
	return l.requests
}

func (l *tabLog) end() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.inFlight--
	l.last = time.Now()
}

func (l *tabLog) quiet() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.inFlight == 0 && time.Since(l.last) >= renderQuiet
}

func (l *tabLog) note(list *[]string, msg string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(*list) < 5 {
		*list = append(*list, msg)
	}
}

// problem says why the drawn page may lack its list: a refused or failed request.
func (l *tabLog) problem() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case len(l.refused) > 0:
		return "页面的数据请求未予访问：" + l.refused[0]
	case len(l.failed) > 0:
		return "页面的数据请求失败：" + l.failed[0]
	case l.timedOut:
		return "页面的数据请求在规定时间内没有完成"
	}
	return ""
}

// draw opens raw in a new tab, answers its requests, waits until the page is loaded and
// quiet and enough says the drawn page holds what it needs (or once more after that), and
// returns the drawn document and its address. Tabs share the run's fresh profile (a browser
// context per page costs about a second more each, and pages of one site may rely on a
// session cookie as a reader's browser would keep it).
func (c *Checker) draw(ctx context.Context, raw string, enough func(drawn string) bool) (doc, at string, _ *tabLog, _ error) {
	tab, closeTab := chromedp.NewContext(c.browser.ctx)
	defer closeTab()
	stop := context.AfterFunc(ctx, closeTab) // Ctrl-C ends the render
	defer stop()
	var wg sync.WaitGroup
	defer wg.Wait() // after cancel below: the answers still running end with the tab
	load, cancel := context.WithTimeout(tab, c.cfg.Timeout)
	defer cancel()
	log := &tabLog{last: time.Now()}
	events := chromedp.Events(load, fetch.RequestPaused)
	if _, err := chromedp.Call(load, fetch.Enable, fetch.EnableParams{}); err != nil {
		return "", "", log, errors.New(shortErr(err))
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for ev, err := range events {
			if err != nil {
				return
			}
			n := log.begin()
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer log.end()
				c.answer(load, ev, n, log)
			}()
		}
	}()
	if err := chromedp.Do(load, chromedp.Navigate(raw)); err != nil && load.Err() == nil {
		return "", "", log, errors.New(shortErr(err))
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	var drawn string
	var err error
	settled := false
	for {
		for load.Err() == nil && !log.quiet() {
			select {
			case <-load.Done():
			case <-tick.C:
			}
		}
		// Read what is drawn, even when the time ran out: a list drawn before that
		// counts. A page between two documents (a meta refresh, a script's redirect)
		// reads as "", and is waited for again.
		read, cancelRead := context.WithTimeout(tab, 5*time.Second)
		drawn, err = chromedp.Run(read, chromedp.Evaluate[string](drawnDocument))
		cancelRead()
		if load.Err() != nil || err == nil && drawn != "" && (settled || enough(drawn)) {
			break
		}
		if err != nil { // a page being replaced ("Inspected target navigated"): wait for the next
			drawn = ""
			time.Sleep(renderQuiet)
			continue
		}
		if drawn != "" {
			// No entries yet: a slow machine may still be drawing what the last
			// answer brought. One more quiet spell, then what is there is the page.
			settled = true
		}
		time.Sleep(renderQuiet)
	}
	if load.Err() != nil {
		log.mu.Lock()
		log.timedOut = log.inFlight > 0
		log.mu.Unlock()
	}
	cancel() // stops the event loop; answers still running fail quietly
	if err != nil {
		return "", "", log, errors.New(shortErr(err))
	}
	if drawn == "" {
		return "", "", log, errors.New("页面在规定时间内没有显示完成")
	}
	at, doc, _ = strings.Cut(drawn, "\n") // the address, then the document
	if int64(len(doc)) > c.cfg.MaxBody*renderBudget {
		doc, log.truncated = doc[:c.cfg.MaxBody*renderBudget], true
	}
	return doc, at, log, nil
}

// drawnDocument is the page's address, a newline, and the drawn page with the bodies of
// its frames put in before </body>:
// older CMSs show a column's list in an <iframe> of the same site, which outerHTML leaves
// out. Frames of other origins cannot be read and are left out.
const drawnDocument = `(function () {
  if (!document.documentElement || document.readyState !== 'complete') { return ''; }
  var html = document.documentElement.outerHTML, extra = '';
  document.querySelectorAll('iframe, frame').forEach(function (f) {
    try { var d = f.contentDocument; if (d && d.body) { extra += '<div class="xxgk-frame">' + d.body.innerHTML + '</div>'; } } catch (e) {}
  });
  var i = html.lastIndexOf('</body>');
  if (extra) { html = i < 0 ? html + extra : html.slice(0, i) + extra + html.slice(i); }
  return location.href.replace(/\n/g, '') + '\n' + html;
})()`

// answer fetches one paused request with the Checker's client, under the guard, and hands
// the response to the browser; what the guard refuses, or the page does not need, fails.
func (c *Checker) answer(ctx context.Context, ev fetch.EventRequestPaused, n int, log *tabLog) {
	fail := func(reason network.ErrorReason) {
		chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: reason}) //nolint:errcheck // the tab may be gone
	}
	if !renderTypes[ev.ResourceType] {
		fail(network.ErrorReasonBlockedByClient)
		return
	}
	if n > renderRequests {
		log.note(&log.failed, fmt.Sprintf("页面的请求超过 %d 个", renderRequests))
		fail(network.ErrorReasonBlockedByClient)
		return
	}
	u, err := url.Parse(ev.Request.URL)
	if err != nil {
		fail(network.ErrorReasonFailed)
		return
	}
	if err := c.guard.checkURL(ctx, u); err != nil {
		if r, ok := isRefusal(err); ok {
			log.note(&log.refused, r.msg)
			fail(network.ErrorReasonAccessDenied)
			return
		}
		log.note(&log.failed, failure(err, c.cfg.Timeout).Error)
		fail(network.ErrorReasonNameNotResolved)
		return
	}
	release, err := c.hostSlot(ctx, strings.ToLower(u.Host))
	if err != nil {
		fail(network.ErrorReasonAborted)
		return
	}
	status, header, body, err := c.get(ctx, ev, u, log)
	release()
	if err != nil {
		if r, ok := isRefusal(err); ok {
			log.note(&log.refused, r.msg)
			fail(network.ErrorReasonAccessDenied)
			return
		}
		log.note(&log.failed, failure(err, c.cfg.Timeout).Error)
		fail(network.ErrorReasonFailed)
		return
	}
	if status >= 400 && ev.ResourceType != network.ResourceTypeDocument {
		// A script or data address that answers with an error leaves the list undrawn.
		log.note(&log.failed, fmt.Sprintf("%s 返回 HTTP %d", xxgk.Visible(u.String(), 80), status))
	}
	params := fetch.FulfillRequestParams{RequestID: ev.RequestID, ResponseCode: int64(status), Body: body}
	for k, vs := range header {
		switch http.CanonicalHeaderKey(k) {
		case "Content-Encoding", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive":
			continue // the body is handed over decoded and whole
		}
		for _, v := range vs {
			params.ResponseHeaders = append(params.ResponseHeaders, &fetch.HeaderEntry{Name: k, Value: v})
		}
	}
	chromedp.Call(ctx, fetch.FulfillRequest, params) //nolint:errcheck // the tab may be gone
}

// get makes the request as the browser asked for it (method, headers, body), with the
// crawler's User-Agent, and reads at most MaxBody of the response, within the page's
// budget.
func (c *Checker) get(ctx context.Context, ev fetch.EventRequestPaused, u *url.URL, log *tabLog) (int, http.Header, []byte, error) {
	var body io.Reader
	var post strings.Builder
	for _, e := range ev.Request.PostDataEntries {
		post.Write(e.Bytes)
	}
	if post.Len() > 0 {
		body = strings.NewReader(post.String())
	}
	req, err := http.NewRequestWithContext(ctx, ev.Request.Method, u.String(), body)
	if err != nil {
		return 0, nil, nil, err
	}
	for k, v := range ev.Request.Headers {
		switch http.CanonicalHeaderKey(k) {
		case "Host", "Accept-Encoding", "Connection", "Content-Length", "User-Agent":
			continue
		}
		if s, ok := v.(string); ok {
			req.Header.Set(k, s)
		}
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	resp, err := c.client.Do(req)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxBody+1))
	if err != nil {
		return 0, nil, nil, err
	}
	if int64(len(b)) > c.cfg.MaxBody {
		b = b[:c.cfg.MaxBody]
		log.mu.Lock()
		log.truncated = true
		log.mu.Unlock()
	}
	log.mu.Lock()
	log.bytes += int64(len(b))
	over := log.bytes > c.cfg.MaxBody*renderBudget
	if over {
		log.truncated = true
	}
	log.mu.Unlock()
	if over {
		return 0, nil, nil, fmt.Errorf("页面的数据合计超过 %d MB", c.cfg.MaxBody*renderBudget>>20)
	}
	return resp.StatusCode, resp.Header, b, nil
}
