package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"sync"
	"time"

	"xxgk"
	"xxgk/importer"
)

const (
	sessionCookie = "xxgk_session"
	loginCookie   = "xxgk_login" // the sign-in form's CSRF token, before there is a session
	sessionIdle   = 8 * time.Hour
)

// session is a signed-in browser. Sessions live in the server's memory: a restart signs
// everyone out, which costs a unit its code typed once more.
type session struct {
	holder Holder
	csrf   string
	last   time.Time
	// result is the unit's latest upload in this session, shown at once on its page.
	result *uploadResult
}

// uploadResult is one upload as the unit's page shows it.
type uploadResult struct {
	importer.JSON
	Label  string // the outcome in Chinese
	Counts xxgk.Counts
	At     time.Time
}

type sessions struct {
	mu   sync.Mutex
	byID map[string]*session
}

func newSessions() *sessions { return &sessions{byID: map[string]*session{}} }

// token is a random 32-byte value, URL-safe.
func token() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (crypto/rand)
	return base64.RawURLEncoding.EncodeToString(b)
}

func (ss *sessions) create(h Holder, now time.Time) (string, *session) {
	id := token()
	s := &session{holder: h, csrf: token(), last: now}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	for k, v := range ss.byID { // sweep the idle ones
		if now.Sub(v.last) > sessionIdle {
			delete(ss.byID, k)
		}
	}
	ss.byID[id] = s
	return id, s
}

func (ss *sessions) get(id string, now time.Time) *session {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s := ss.byID[id]
	if s == nil {
		return nil
	}
	if now.Sub(s.last) > sessionIdle {
		delete(ss.byID, id)
		return nil
	}
	s.last = now
	return s
}

func (ss *sessions) drop(id string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.byID, id)
}

func (ss *sessions) setResult(s *session, r *uploadResult) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s.result = r
}

func (ss *sessions) resultOf(s *session) *uploadResult {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return s.result
}

// cookie is how every cookie of the portal is set: HttpOnly, SameSite=Strict, Secure
// when served over TLS.
func (s *Server) cookie(w http.ResponseWriter, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.cfg.Secure, SameSite: http.SameSiteStrictMode})
}

// sameToken compares two tokens in constant time.
func sameToken(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
