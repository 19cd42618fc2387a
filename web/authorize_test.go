package web

import (
	"net/http"
	"strings"
	"testing"

	"xxgk"
)

func TestAuthorizeRules(t *testing.T) {
	a, b := &Holder{Unit: xxgk.Unit{Code: "A"}}, &Holder{Unit: xxgk.Unit{Code: "B"}}
	office := &Holder{Office: true}
	cases := []struct {
		h      *Holder
		r      rule
		target string
		want   int
	}{
		{nil, public, "", 0},
		{nil, unitOnly, "", 401}, {nil, officeOnly, "", 401}, {nil, officeOrOwn, "A", 401},
		{a, unitOnly, "", 0}, {office, unitOnly, "", 403},
		{a, officeOnly, "", 403}, {office, officeOnly, "", 0},
		{a, officeOrOwn, "A", 0}, {b, officeOrOwn, "A", 403}, {office, officeOrOwn, "A", 0},
		{&Holder{}, officeOrOwn, "", 403}, // a holder without a unit is nobody's
	}
	for _, c := range cases {
		if got := authorize(c.h, c.r, c.target); got != c.want {
			t.Errorf("authorize(%+v, %d, %q) = %d, want %d", c.h, c.r, c.target, got, c.want)
		}
	}
}

// TestEveryRoute sends every registered route with no code, unit A's, unit B's and the
// office's, through the pages' sessions and the API's Bearer, and checks that exactly the
// holders its rule admits get past authorize (A's code against B's data included).
func TestEveryRoute(t *testing.T) {
	f := newFixture(t, testdbSQLite(t))
	a, b := f.unit(0), f.unit(1)
	holders := []struct {
		name string
		code string
		h    *Holder
	}{
		{"none", "", nil},
		{"unitA", f.codes[a.Code], &Holder{Unit: a}},
		{"unitB", f.codes[b.Code], &Holder{Unit: b}},
		{"office", f.office, &Holder{Office: true}},
	}
	clients := map[string]*client{}
	for _, h := range holders {
		c := f.client()
		if h.code != "" {
			if resp := c.signIn(h.code); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("%s: sign-in answered %d", h.name, resp.StatusCode)
			}
		}
		clients[h.name] = c
	}
	if len(f.srv.routes) < 20 {
		t.Fatalf("only %d routes registered", len(f.srv.routes))
	}
	for _, rt := range f.srv.routes {
		if rt.rule == public {
			continue // sign-in, sign-out, the style sheet: TestSignIn and TestHeaders
		}
		method, path, _ := strings.Cut(rt.pattern, " ")
		if path == "" { // the catch-all
			method, path = "GET", rt.pattern
		}
		path = strings.NewReplacer("{unit}", a.Code, "{kind}", "report.xlsx", "{$}", "").Replace(path)
		for _, h := range holders {
			want := authorize(h.h, rt.rule, a.Code)
			var got int
			if strings.HasPrefix(path, "/api/") {
				var ans answer
				if method == "POST" {
					ans = f.apiUpload(h.code, "", nil)
				} else {
					ans = f.apiGet(h.code, path)
				}
				got = ans.StatusCode
			} else {
				c := clients[h.name]
				var ans answer
				if method == "POST" {
					ans = c.post(path, nil)
				} else {
					ans = c.get(path)
				}
				got = ans.StatusCode
				if got == http.StatusSeeOther && ans.Header.Get("Location") == "/login" && rt.rule != public {
					got = http.StatusUnauthorized // a page sends the browser to sign in
				}
			}
			switch {
			case want == 0 && (got == 401 || got == 403):
				t.Errorf("%s %s as %s: %d, want admitted", method, path, h.name, got)
			case want != 0 && got != want:
				t.Errorf("%s %s as %s: %d, want %d", method, path, h.name, got, want)
			}
		}
	}
}

// TestRouteRules pins who may use each route: a route added without a line here fails.
func TestRouteRules(t *testing.T) {
	want := map[string]rule{
		"GET /assets/style.css": public, "GET /{$}": public, "GET /login": public, "POST /login": public, "POST /logout": public, "/": public,
		"GET /unit": unitOnly, "POST /unit/upload": unitOnly, "GET /unit/template": unitOnly, "GET /unit/returned": unitOnly, "GET /unit/letter": unitOnly,
		"GET /office": officeOnly, "GET /office/units/{unit}": officeOnly, "GET /office/units/{unit}/letter": officeOnly,
		"GET /office/units/{unit}/returned": officeOnly, "GET /office/download/{kind}": officeOnly,
		"POST /office/units/{unit}/review": officeOnly, "POST /office/verify": officeOnly, "GET /office/verify": officeOnly,
		"POST /api/upload": unitOnly, "GET /api/status": officeOnly, "GET /api/units/{unit}/history": officeOrOwn,
	}
	f := newFixture(t, testdbSQLite(t))
	for _, rt := range f.srv.routes {
		r, ok := want[rt.pattern]
		if !ok {
			t.Errorf("route %s has no expected rule here", rt.pattern)
		} else if r != rt.rule {
			t.Errorf("route %s: rule %d, want %d", rt.pattern, rt.rule, r)
		}
		delete(want, rt.pattern)
	}
	for p := range want {
		t.Errorf("route %s is not registered", p)
	}
}

// TestOtherUnitsData: unit A's code never reads unit B's history, and the office-only
// API refuses a unit; the office reads both.
func TestOtherUnitsData(t *testing.T) {
	forEngine(t, func(t *testing.T, dsn string) {
		f := newFixture(t, dsn)
		a, b := f.unit(0), f.unit(1)
		cases := []struct {
			code, path string
			want       int
		}{
			{f.codes[a.Code], "/api/units/" + b.Code + "/history", 403},
			{f.codes[a.Code], "/api/units/" + a.Code + "/history", 200},
			{f.codes[a.Code], "/api/units/" + strings.ToLower(a.Code) + "/history", 403},
			{f.office, "/api/units/" + b.Code + "/history", 200},
			{f.office, "/api/units/NOSUCH/history", 404},
			{"", "/api/units/" + a.Code + "/history", 401},
			{"WRONG-CODE-1234-5678", "/api/units/" + a.Code + "/history", 401},
			{f.codes[a.Code], "/api/status", 403},
			{f.office, "/api/status", 200},
		}
		for _, c := range cases {
			if got := f.apiGet(c.code, c.path); got.StatusCode != c.want {
				t.Errorf("GET %s: %d, want %d (%s)", c.path, got.StatusCode, c.want, got.body)
			}
		}
		// Unit A's session on the office's page of unit B, and on B's letter.
		ca := f.client()
		ca.signIn(f.codes[a.Code])
		for _, p := range []string{"/office/units/" + b.Code, "/office/units/" + b.Code + "/letter", "/office/units/" + b.Code + "/returned"} {
			if got := ca.get(p); got.StatusCode != 403 || !strings.Contains(got.body, "无权访问") {
				t.Errorf("unit A on %s: %d %q", p, got.StatusCode, got.body)
			}
		}
	})
}
