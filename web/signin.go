package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"xxgk"
	"xxgk/access"
	"xxgk/store"
)

// identify finds the holder of a request: the API's Bearer code, or the pages' session.
// status is non-zero when the request must be refused before authorize (401, 429).
// msg is the refusal's sentence when it is more than the status says (a lock-out).
func (s *Server) identify(r *request, api bool) (*Holder, *session, int, string) {
	if api {
		code, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || strings.TrimSpace(code) == "" {
			return nil, nil, http.StatusUnauthorized, ""
		}
		h, msg, status := s.checkCode(r, strings.TrimSpace(code))
		return h, nil, status, msg
	}
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil, nil, http.StatusUnauthorized, ""
	}
	se := s.sessions.get(c.Value, s.cfg.Now())
	if se == nil {
		return nil, nil, http.StatusUnauthorized, ""
	}
	h := se.holder
	return &h, se, 0, ""
}

// checkCode recognises a code within the attempt limits, auditing the sign-in. msg is
// the Chinese sentence for the sign-in page when it fails.
func (s *Server) checkCode(r *request, code string) (h *Holder, msg string, status int) {
	now := s.cfg.Now()
	codeKey := keyOf(code)
	if blocked, until := s.failsByAddr.blocked(r.remote, now); blocked {
		s.audit(r, xxgk.AuditSignIn, xxgk.AuditFailure, "已锁定：本地址失败次数过多")
		return nil, lockedText(until, "本机"), http.StatusTooManyRequests
	}
	if blocked, until := s.failsByKey.blocked(codeKey, now); blocked {
		s.audit(r, xxgk.AuditSignIn, xxgk.AuditFailure, "已锁定：此访问码编号失败次数过多")
		return nil, lockedText(until, "此访问码"), http.StatusTooManyRequests
	}
	id, err := s.roundID(r.Context())
	if err != nil {
		s.cfg.Log.Printf("读取轮次失败：%v", err)
		return nil, "系统暂时无法核对访问码，请稍后重试。", http.StatusServiceUnavailable
	}
	r.round = id
	h, err = s.holderOf(r.Context(), id, code)
	if err != nil {
		s.cfg.Log.Printf("核对访问码失败：%v", err)
		return nil, "系统暂时无法核对访问码，请稍后重试。", http.StatusServiceUnavailable
	}
	if h == nil {
		s.failsByAddr.add(r.remote, now)
		s.failsByKey.add(codeKey, now)
		s.audit(r, xxgk.AuditSignIn, xxgk.AuditFailure, "访问码不正确")
		return nil, "访问码不正确。请核对市电子政务办公室下发的访问码（16 位，不区分大小写，可带或不带短横线）。", http.StatusUnauthorized
	}
	r.holder = h
	return h, "", 0
}

// holderOf is whoever the code belongs to in round, nil for nobody.
func (s *Server) holderOf(ctx context.Context, round, code string) (*Holder, error) {
	ch, err := s.cfg.Store.Authenticate(ctx, code)
	if errors.Is(err, store.ErrBadCode) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if ch.Office {
		return &Holder{Office: true}, nil
	}
	if ch.Round != round {
		return nil, nil // another round's code: this portal serves round only
	}
	_, cat, err := s.cfg.Store.Round(ctx, round)
	if err != nil {
		return nil, err
	}
	u, ok := cat.Units.Lookup(ch.Unit)
	if !ok || u.Code != ch.Unit {
		return nil, nil // a code of a unit no longer in the round
	}
	return &Holder{Unit: u}, nil
}

// keyOf keys the per-code counter by the code's public key id (its first characters,
// printed on paper): guessing the secret of one unit's code is stopped there, from any
// address, without keeping any secret part in memory. Malformed codes share one key.
func keyOf(code string) string {
	c, err := access.Parse(code)
	if err != nil {
		return "malformed"
	}
	return c.KeyID()
}

func lockedText(until time.Time, who string) string {
	return fmt.Sprintf("%s登录失败次数过多，已暂时锁定，请于 %s 之后再试；如忘记访问码，请联系市电子政务办公室重新发放。",
		who, until.In(xxgk.ChinaTime).Format("15:04"))
}

// loginPage shows the sign-in form with a fresh token in a cookie of its own.
func (s *Server) loginPage(w http.ResponseWriter, r *request) {
	s.showLogin(w, r, http.StatusOK, "")
}

func (s *Server) showLogin(w http.ResponseWriter, r *request, status int, msg string) {
	t := token()
	s.cookie(w, loginCookie, t, 3600)
	s.render(w, r, status, "login", map[string]any{"CSRF": t, "Error": msg})
}

// login checks the form's token and the code, then starts a session.
func (s *Server) login(w http.ResponseWriter, r *request) {
	c, err := r.Cookie(loginCookie)
	if err != nil || !sameToken(c.Value, r.PostFormValue("csrf")) {
		s.showLogin(w, r, http.StatusForbidden, "页面已过期，请重新输入访问码后登录。")
		return
	}
	code := strings.TrimSpace(r.PostFormValue("code"))
	if code == "" {
		s.showLogin(w, r, http.StatusBadRequest, "请输入访问码。")
		return
	}
	h, msg, status := s.checkCode(r, code)
	if h == nil {
		s.showLogin(w, r, status, msg)
		return
	}
	id, _ := s.sessions.create(*h, s.cfg.Now())
	s.cookie(w, sessionCookie, id, int(sessionIdle/time.Second))
	s.cookie(w, loginCookie, "", -1)
	s.audit(r, xxgk.AuditSignIn, xxgk.AuditSuccess, "")
	http.Redirect(w, r.Request, home(h), http.StatusSeeOther)
}

func home(h *Holder) string {
	if h.Office {
		return "/office"
	}
	return "/unit"
}

// logout ends the session named by the cookie when the form carries its token.
func (s *Server) logout(w http.ResponseWriter, r *request) {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if se := s.sessions.get(c.Value, s.cfg.Now()); se != nil {
			if !sameToken(se.csrf, r.PostFormValue("csrf")) {
				s.errorPage(w, r, http.StatusForbidden, "页面已过期或来源不明（安全校验失败），请刷新页面后重试。")
				return
			}
			s.sessions.drop(c.Value)
		}
	}
	s.cookie(w, sessionCookie, "", -1)
	http.Redirect(w, r.Request, "/login", http.StatusSeeOther)
}

func (s *Server) notFound(w http.ResponseWriter, r *request) {
	s.errorPage(w, r, http.StatusNotFound, "没有这个页面。")
}

// root sends a signed-in browser to its page, anyone else to the sign-in form.
func (s *Server) root(w http.ResponseWriter, r *request) {
	if r.URL.Path != "/" {
		s.errorPage(w, r, http.StatusNotFound, "没有这个页面。")
		return
	}
	if c, err := r.Cookie(sessionCookie); err == nil {
		if se := s.sessions.get(c.Value, s.cfg.Now()); se != nil {
			http.Redirect(w, r.Request, home(&se.holder), http.StatusSeeOther)
			return
		}
	}
	http.Redirect(w, r.Request, "/login", http.StatusSeeOther)
}

// csrfOK checks a form's token against the session's (every POST of a signed-in page).
func (s *Server) csrfOK(w http.ResponseWriter, r *request) bool {
	if r.session != nil && sameToken(r.session.csrf, r.FormValue("csrf")) {
		return true
	}
	s.errorPage(w, r, http.StatusForbidden, "页面已过期或来源不明（安全校验失败），请刷新页面后重试。")
	return false
}
