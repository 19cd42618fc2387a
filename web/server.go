package web

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"xxgk"
	"xxgk/store"
)

// Server is the portal. Its state (sessions, attempt counters, the verify run) lives here,
// one per `xxgk serve`.
type Server struct {
	cfg      Config
	pages    *pages
	sessions *sessions
	// failsByAddr counts failed sign-ins per address, failsByKey per code key id (see
	// keyOf), uploads every upload per holder.
	failsByAddr, failsByKey, uploads *counter
	verify                           verifyRun
	// slots bounds the requests at work at once (Config.MaxActive); the rest wait their
	// turn, so a burst of uploads neither exhausts the database's connections nor memory.
	slots  chan struct{}
	mux    *http.ServeMux
	routes []route
}

// route is one registered handler, kept so a test can go through every one.
type route struct {
	pattern string
	rule    rule
}

// New checks cfg and builds the server.
func New(cfg Config) (*Server, error) {
	switch {
	case cfg.Store == nil:
		return nil, errors.New("web: Config.Store is nil")
	case cfg.Papers == nil:
		return nil, errors.New("web: Config.Papers is nil")
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 20 << 20
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 2 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = log.New(os.Stderr, "xxgk serve: ", log.LstdFlags)
	}
	if cfg.TempDir == "" {
		cfg.TempDir = os.TempDir()
	}
	cfg.Limits = cfg.Limits.orDefault()
	if cfg.MaxActive <= 0 {
		cfg.MaxActive = max(8, 2*runtime.GOMAXPROCS(0))
	}
	pg, err := loadPages()
	if err != nil {
		return nil, err
	}
	l := cfg.Limits
	s := &Server{cfg: cfg, pages: pg, sessions: newSessions(),
		failsByAddr: newCounter(l.Window, l.FailsPerAddr),
		failsByKey:  newCounter(l.Window, l.FailsPerCode),
		uploads:     newCounter(l.Window, l.UploadsPerUnit),
		mux:         http.NewServeMux(), slots: make(chan struct{}, cfg.MaxActive)}
	s.register()
	return s, nil
}

// Handler is the whole portal.
func (s *Server) Handler() http.Handler { return s.secureHeaders(s.mux) }

// request is what a handler gets besides the writer: who asks, in which session and round.
type request struct {
	*http.Request
	holder  *Holder
	session *session // nil for the API's Bearer requests
	round   string
	remote  string
}

type handlerFunc func(w http.ResponseWriter, r *request)

// handle registers pattern behind authorize: the one place a request is admitted.
func (s *Server) handle(pattern string, ru rule, h handlerFunc) {
	s.routes = append(s.routes, route{pattern, ru})
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, hr *http.Request) {
		ctx, cancel := context.WithTimeout(hr.Context(), s.cfg.RequestTimeout)
		defer cancel()
		hr = hr.WithContext(ctx)
		r := &request{Request: hr, remote: s.remoteAddr(hr)}
		api := strings.HasPrefix(hr.URL.Path, "/api/")
		if ru != public {
			select {
			case s.slots <- struct{}{}:
				defer func() { <-s.slots }()
			case <-ctx.Done():
				s.unavailable(w, r, fmt.Errorf("waiting for a free slot: %w", ctx.Err()))
				return
			}
			var status int
			var msg string
			if r.holder, r.session, status, msg = s.identify(r, api); status != 0 {
				s.refuse(w, r, status, api, msg)
				return
			}
		}
		if code := authorize(r.holder, ru, hr.PathValue("unit")); code != 0 {
			s.refuse(w, r, code, api, "")
			return
		}
		if ru != public {
			id, err := s.roundID(ctx)
			if err != nil {
				s.unavailable(w, r, err)
				return
			}
			r.round = id
		}
		h(w, r)
	})
}

// refuse answers a request authorize (or the attempt limits) turned away.
// msg, when given, replaces the status's sentence.
func (s *Server) refuse(w http.ResponseWriter, r *request, status int, api bool, msg string) {
	if msg == "" {
		msg = refusalText(status)
	}
	switch {
	case api:
		s.apiError(w, status, msg)
	case status == http.StatusUnauthorized && r.Method == http.MethodGet:
		http.Redirect(w, r.Request, "/login", http.StatusSeeOther)
	default:
		s.errorPage(w, r, status, msg)
	}
}

func refusalText(status int) string {
	switch status {
	case http.StatusUnauthorized:
		return "请先用访问码登录（访问码错误或已过期）。"
	case http.StatusForbidden:
		return "无权访问：此页面或数据不属于您的单位。"
	case http.StatusTooManyRequests:
		return "尝试次数过多，请稍后再试。"
	}
	return http.StatusText(status)
}

// roundID is the round served: --round, or the newest.
func (s *Server) roundID(ctx context.Context) (string, error) {
	if s.cfg.Round != "" {
		return s.cfg.Round, nil
	}
	rs, err := s.cfg.Store.Rounds(ctx)
	if err != nil {
		return "", err
	}
	if len(rs) == 0 {
		return "", errNoRound
	}
	return rs[0].ID, nil
}

var errNoRound = errors.New("数据库中还没有任何轮次")

// remoteAddr is the client's address: the connection's, or with TrustProxy the one the
// office's proxy saw (the last X-Forwarded-For hop).
func (s *Server) remoteAddr(r *http.Request) string {
	if s.cfg.TrustProxy {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			parts := strings.Split(xff, ",")
			if a := strings.TrimSpace(parts[len(parts)-1]); a != "" {
				return a
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// audit records an event; a failing audit log is said in the server log, since the
// request itself has already been answered or must not fail for it.
func (s *Server) audit(r *request, action xxgk.AuditAction, outcome, detail string) {
	e := xxgk.AuditEntry{At: s.cfg.Now(), Round: r.round, Actor: r.holder.actor(), Action: action, Outcome: outcome, Detail: detail, Remote: r.remote}
	if err := s.cfg.Store.Audit(context.WithoutCancel(r.Context()), e); err != nil {
		s.cfg.Log.Printf("无法写入审计日志（%s %s）：%v", action, outcome, err)
	}
}

// unavailable answers a failure of the database or the disk: 503 in Chinese; the
// cause goes to the log.
func (s *Server) unavailable(w http.ResponseWriter, r *request, err error) {
	msg := "系统暂时无法处理（数据库或磁盘故障），本次操作没有保存任何内容。请稍后重试；如持续出现，请联系市电子政务办公室。"
	if errors.Is(err, errNoRound) {
		msg = "数据库中还没有任何轮次，请市电子政务办公室先用 xxgk templates 生成模板。"
	}
	if errors.Is(err, store.ErrBusy) {
		msg = "数据库正忙，本次操作没有保存任何内容，请稍后重试。"
	}
	s.cfg.Log.Printf("%s %s：%v", r.Method, r.URL.Path, err)
	if strings.HasPrefix(r.URL.Path, "/api/") {
		s.apiError(w, http.StatusServiceUnavailable, msg)
		return
	}
	s.errorPage(w, r, http.StatusServiceUnavailable, msg)
}

// verifyRun is the one verify run at a time.
type verifyRun struct {
	// ctx ends when Serve stops (nil until then: never); wg lets Serve wait for a run to
	// store what it checked.
	ctx         context.Context
	wg          sync.WaitGroup
	mu          sync.Mutex
	running     bool
	done, total int
	scope       string // 全部单位 or a unit's name
	started     time.Time
	finished    time.Time
	err         error
}

// Serve answers on ln until ctx ends, then stops taking requests and lets the ones in
// progress (uploads being imported) finish, for up to grace.
func (s *Server) Serve(ctx context.Context, ln net.Listener, certFile, keyFile string, grace time.Duration) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.cfg.RequestTimeout,
		WriteTimeout:      s.cfg.RequestTimeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          s.cfg.Log,
	}
	s.verify.mu.Lock()
	s.verify.ctx = ctx
	s.verify.mu.Unlock()
	defer s.verify.wg.Wait() // a verify run stops with ctx and stores the columns it checked
	errc := make(chan error, 1)
	go func() {
		if certFile != "" {
			errc <- srv.ServeTLS(ln, certFile, keyFile)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	select {
	case err := <-errc:
		return fmt.Errorf("网上报送服务停止：%w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("等待进行中的请求结束时超时：%w", err)
	}
	return nil
}
