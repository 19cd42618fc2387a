package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/fonts"
	"xxgk/samples"
)

// TestUnitAndOfficeFlow is the portal's story on both engines: a unit uploads a file
// with errors and sees the cells, downloads the annotated copy, uploads the fixed file
// and sees it accepted; the office sees the status, returns it with a comment; the unit
// sees the comment; a new upload makes it 待审核 again.
func TestUnitAndOfficeFlow(t *testing.T) {
	forEngine(t, func(t *testing.T, dsn string) {
		f := newFixture(t, dsn)
		u := f.unit(2)
		c := f.client()
		if resp := c.signIn(f.codes[u.Code]); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/unit" {
			t.Fatalf("sign-in: %d %s", resp.StatusCode, resp.Header.Get("Location"))
		}
		page := c.get("/unit")
		for _, want := range []string{u.Short, "2020年9月20日", "本单位尚未报送", "/unit/template"} {
			if !strings.Contains(page.body, want) {
				t.Errorf("unit page lacks %q", want)
			}
		}
		tpl := c.get("/unit/template")
		if tpl.StatusCode != 200 || !strings.Contains(tpl.Header.Get("Content-Disposition"), "filename*=UTF-8''2020_") {
			t.Fatalf("template: %d %v", tpl.StatusCode, tpl.Header)
		}

		up := c.upload(fileName(u), f.workbook(u, samples.WithErrors, 10))
		if up.StatusCode != http.StatusSeeOther || up.Header.Get("Location") != "/unit#result" {
			t.Fatalf("upload: %d %s", up.StatusCode, up.body)
		}
		page = c.get("/unit")
		for _, want := range []string{"已退回：文件有错误，未保存", "填报表 ", "下载批注副本", fileName(u)} {
			if !strings.Contains(page.body, want) {
				t.Errorf("after the refused upload the page lacks %q", want)
			}
		}
		ret := c.get("/unit/returned")
		if ret.StatusCode != 200 || ret.Header.Get("Content-Type") != xlsxType || !strings.Contains(ret.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("annotated copy: %d %v", ret.StatusCode, ret.Header)
		}

		c.upload(fileName(u), f.workbook(u, samples.Good, 11))
		page = c.get("/unit")
		if !strings.Contains(page.body, "已接收：本单位第 1 版") {
			t.Fatalf("fixed file not shown accepted:\n%s", page.body)
		}

		o := f.client()
		o.signIn(f.office)
		status := o.get("/office")
		if !strings.Contains(status.body, `/office/units/`+u.Code+`">`+u.Short) || !strings.Contains(status.body, "待审核") {
			t.Fatalf("office page lacks the unit or its review state")
		}
		// A return without a comment is refused; with one it is recorded.
		if got := o.post("/office/units/"+u.Code+"/review", url.Values{"version": {"1"}, "decision": {"return"}}); got.StatusCode != 400 || !strings.Contains(got.body, "退回修改必须写明意见") {
			t.Errorf("return without a comment: %d %s", got.StatusCode, got.body)
		}
		comment := "栏目网址<script>请核对</script>"
		if got := o.post("/office/units/"+u.Code+"/review", url.Values{"version": {"1"}, "decision": {"return"}, "comment": {comment}}); got.StatusCode != http.StatusSeeOther {
			t.Fatalf("return: %d %s", got.StatusCode, got.body)
		}
		if got := o.get("/office"); !strings.Contains(got.body, "已退回（需修改）") {
			t.Errorf("office page does not show the return")
		}
		page = c.get("/unit")
		if !strings.Contains(page.body, "栏目网址&lt;script&gt;请核对&lt;/script&gt;") || strings.Contains(page.body, "<script>") {
			t.Errorf("the unit does not see the comment, escaped")
		}
		if !strings.Contains(page.body, "第 1 版已退回（需修改）") {
			t.Errorf("the unit's page does not say the version was returned")
		}
		c.upload(fileName(u), f.workbook(u, samples.WithWarnings, 12))
		if page = c.get("/unit"); !strings.Contains(page.body, "第 2 版待审核") {
			t.Errorf("a new version is not 待审核")
		}
		// A review of the version the office looked at, now replaced, is refused.
		if got := o.post("/office/units/"+u.Code+"/review", url.Values{"version": {"1"}, "decision": {"approve"}}); got.StatusCode != http.StatusConflict {
			t.Errorf("review of a replaced version: %d", got.StatusCode)
		}
		actions := map[xxgk.AuditAction]int{}
		for _, e := range f.audit(t) {
			actions[e.Action]++
		}
		if actions[xxgk.AuditSignIn] != 2 || actions[xxgk.AuditUpload] != 3 || actions[xxgk.AuditReview] != 1 || actions[xxgk.AuditDownload] != 2 {
			t.Errorf("audit log: %v", actions)
		}
	})
}

func TestCSRF(t *testing.T) {
	f := newFixture(t, testdbSQLite(t))
	u := f.unit(0)
	c := f.client()
	c.signIn(f.codes[u.Code])
	good := c.csrf
	c.csrf = "forged"
	if got := c.upload(fileName(u), f.workbook(u, samples.Good, 1)); got.StatusCode != 403 || !strings.Contains(got.body, "安全校验失败") {
		t.Errorf("upload with a forged token: %d", got.StatusCode)
	}
	c.csrf = ""
	if got := c.upload(fileName(u), f.workbook(u, samples.Good, 1)); got.StatusCode != 403 {
		t.Errorf("upload without a token: %d", got.StatusCode)
	}
	o := f.client()
	o.signIn(f.office)
	for _, p := range []string{"/office/units/" + u.Code + "/review", "/office/verify"} {
		if got := o.post(p, url.Values{"csrf": {"x"}, "version": {"1"}, "decision": {"approve"}}); got.StatusCode != 403 {
			t.Errorf("%s with a forged token: %d", p, got.StatusCode)
		}
	}
	// The sign-in form's own token.
	resp, _ := c.hc.PostForm(f.ts.URL+"/login", url.Values{"code": {f.codes[u.Code]}, "csrf": {"x"}})
	if resp.StatusCode != 403 {
		t.Errorf("sign-in with a forged token: %d", resp.StatusCode)
	}
	c.csrf = good
	if got := c.post("/logout", url.Values{"csrf": {"x"}}); got.StatusCode != 403 {
		t.Errorf("sign-out with a forged token: %d", got.StatusCode)
	}
	if got := c.post("/logout", nil); got.StatusCode != http.StatusSeeOther {
		t.Errorf("sign-out: %d", got.StatusCode)
	}
	if got := c.get("/unit"); got.StatusCode != http.StatusSeeOther || got.Header.Get("Location") != "/login" {
		t.Errorf("after sign-out: %d", got.StatusCode)
	}
}

// TestSignInLimits: failures from one address lock it out with a clear message, and a
// code tried too often is locked from everywhere; the audit log has each failure.
func TestSignInLimits(t *testing.T) {
	f := newFixture(t, testdbSQLite(t), func(c *Config) {
		c.Limits = Limits{FailsPerAddr: 3, FailsPerCode: 100, Window: 15 * time.Minute}
	})
	c := f.client()
	for range 3 {
		resp := c.signIn("ABCDE-FGHJ-KMNP-QRST")
		if resp.StatusCode != 401 {
			t.Fatalf("wrong code: %d", resp.StatusCode)
		}
	}
	page := c.get("/login")
	m := csrfField.FindStringSubmatch(page.body)
	resp, _ := c.hc.PostForm(f.ts.URL+"/login", url.Values{"csrf": {m[1]}, "code": {f.codes[f.unit(0).Code]}})
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("fourth attempt, right code: %d", resp.StatusCode)
	}
	if got := f.apiGet(f.office, "/api/status"); got.StatusCode != http.StatusTooManyRequests || !strings.Contains(got.body, "已暂时锁定") {
		t.Errorf("the API from the locked address: %d %s", got.StatusCode, got.body)
	}
	fails := 0
	for _, e := range f.audit(t) {
		if e.Action == xxgk.AuditSignIn && e.Outcome == xxgk.AuditFailure && e.Remote == "127.0.0.1" {
			fails++
		}
	}
	if fails != 5 {
		t.Errorf("%d failed sign-ins audited, want 5", fails)
	}
	if strings.Contains(f.logs.String(), f.codes[f.unit(0).Code]) {
		t.Errorf("a code reached the log")
	}
}

// TestSignInPerCode: wrong secrets tried against one code's key id (printed on paper)
// lock that code, from any address, while the code's own holder may use it freely before.
func TestSignInPerCode(t *testing.T) {
	f := newFixture(t, testdbSQLite(t), func(c *Config) {
		c.Limits = Limits{FailsPerAddr: 100, FailsPerCode: 2, Window: 15 * time.Minute}
	})
	u := f.unit(0)
	code := strings.ReplaceAll(f.codes[u.Code], "-", "")
	for range 5 { // successes are not counted
		if got := f.apiGet(code, "/api/units/"+u.Code+"/history"); got.StatusCode != 200 {
			t.Fatalf("the right code: %d", got.StatusCode)
		}
	}
	wrong := code[:5] + strings.Repeat("2", 11) // the same key id, another secret
	if code[5:] == strings.Repeat("2", 11) {
		wrong = code[:5] + strings.Repeat("3", 11)
	}
	for i, want := range []int{401, 401, 429} {
		if got := f.apiGet(wrong, "/api/units/"+u.Code+"/history"); got.StatusCode != want {
			t.Errorf("wrong secret %d: %d, want %d", i+1, got.StatusCode, want)
		}
	}
	if got := f.apiGet(code, "/api/units/"+u.Code+"/history"); got.StatusCode != 429 || !strings.Contains(got.body, "此访问码登录失败次数过多") {
		t.Errorf("the right code once locked: %d %s", got.StatusCode, got.body)
	}
	if got := f.apiGet(f.codes[f.unit(1).Code], "/api/units/"+f.unit(1).Code+"/history"); got.StatusCode != 200 {
		t.Errorf("another unit's code is not locked: %d", got.StatusCode)
	}
}

func TestHeaders(t *testing.T) {
	f := newFixture(t, testdbSQLite(t))
	c := f.client()
	for _, p := range []string{"/login", "/assets/style.css", "/nosuch"} {
		got := c.get(p)
		h := got.Header
		if h.Get("Content-Security-Policy") != csp || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", p, h)
		}
	}
	if got := c.get("/nosuch"); got.StatusCode != 404 || !strings.Contains(got.body, "没有这个页面") {
		t.Errorf("404: %d", got.StatusCode)
	}
	cookies := c.get("/login").Cookies()
	if len(cookies) != 1 || !cookies[0].HttpOnly || cookies[0].SameSite != http.SameSiteStrictMode || cookies[0].Secure {
		t.Errorf("sign-in cookie: %+v", cookies)
	}
	want := `attachment; filename="2020_____.xlsx"; filename*=UTF-8''2020_%E5%B8%82%E8%B4%A2%E6%94%BF%E5%B1%80.xlsx`
	if got := contentDisposition("2020_市财政局.xlsx"); got != want {
		t.Errorf("Content-Disposition:\n%s\nwant\n%s", got, want)
	}
	if got := contentDisposition(`a"b;c=d.pdf`); got != `attachment; filename="a_b;c=d.pdf"; filename*=UTF-8''a%22b%3Bc%3Dd.pdf` {
		t.Errorf("quotes: %s", got)
	}
}

func TestSecureCookies(t *testing.T) {
	f := newFixture(t, testdbSQLite(t), func(c *Config) { c.Secure = true })
	got := f.client().get("/login")
	if cs := got.Cookies(); len(cs) != 1 || !cs[0].Secure || got.Header.Get("Strict-Transport-Security") == "" {
		t.Errorf("TLS: cookies %+v, HSTS %q", cs, got.Header.Get("Strict-Transport-Security"))
	}
}

// TestOfficeDownloads: every paper the office downloads comes as an attachment of its
// type, audited; the 通报 and the letters are real PDFs.
func TestOfficeDownloads(t *testing.T) {
	set, _, err := fonts.Load("")
	if err != nil {
		t.Skipf("no Chinese font: %v", err)
	}
	f := newFixture(t, testdbSQLite(t), func(c *Config) { c.Fonts = set })
	a := f.unit(0)
	decodeResult(t, f.apiUpload(f.codes[a.Code], fileName(a), f.workbook(a, samples.Good, 1)))
	b := f.unit(1)
	decodeResult(t, f.apiUpload(f.codes[b.Code], fileName(b), f.workbook(b, samples.WithErrors, 2)))
	o := f.client()
	o.signIn(f.office)
	for path, typ := range map[string]string{
		"/office/download/report.xlsx": xlsxType, "/office/download/report.pdf": pdfType,
		"/office/download/export.xlsx": xlsxType, "/office/download/export.csv": csvType,
		"/office/units/" + a.Code + "/letter": pdfType, "/office/units/" + b.Code + "/letter": pdfType,
		"/office/units/" + b.Code + "/returned": xlsxType,
	} {
		got := o.get(path)
		if got.StatusCode != 200 || got.Header.Get("Content-Type") != typ || !strings.HasPrefix(got.Header.Get("Content-Disposition"), "attachment; ") {
			t.Errorf("%s: %d %v", path, got.StatusCode, got.Header)
			continue
		}
		if typ == pdfType && !strings.HasPrefix(got.body, "%PDF-") {
			t.Errorf("%s is no PDF", path)
		}
		if typ == xlsxType && !strings.HasPrefix(got.body, "PK") {
			t.Errorf("%s is no workbook", path)
		}
	}
	if got := o.get("/office/download/nosuch"); got.StatusCode != 404 {
		t.Errorf("unknown download: %d", got.StatusCode)
	}
	if got := o.get("/office/units/" + a.Code + "/returned"); got.StatusCode != 404 || !strings.Contains(got.body, "没有被退回的文件") {
		t.Errorf("returned copy of a unit with none: %d", got.StatusCode)
	}
	downloads := 0
	for _, e := range f.audit(t) {
		if e.Action == xxgk.AuditDownload && e.Actor.Kind == xxgk.ActorOffice {
			downloads++
		}
	}
	if downloads != 7 {
		t.Errorf("%d downloads audited, want 7", downloads)
	}
	// The unit's own letter and template from its page.
	c := f.client()
	c.signIn(f.codes[a.Code])
	if got := c.get("/unit/letter"); got.StatusCode != 200 || !strings.HasPrefix(got.body, "%PDF-") {
		t.Errorf("unit letter: %d", got.StatusCode)
	}
}

// TestVerifyRun: the office starts a run, sees its progress page; a second start while
// one runs is refused.
func TestVerifyRun(t *testing.T) {
	f := newFixture(t, testdbSQLite(t))
	o := f.client()
	o.signIn(f.office)
	if got := o.post("/office/verify", url.Values{"unit": {f.unit(0).Code}}); got.StatusCode != http.StatusSeeOther || got.Header.Get("Location") != "/office/verify" {
		t.Fatalf("start: %d %s", got.StatusCode, got.body)
	}
	for deadline := time.Now().Add(5 * time.Second); f.srv.verifyState().Running; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("verify run did not finish")
		}
	}
	if got := o.get("/office/verify"); !strings.Contains(got.body, "核查已完成") || !strings.Contains(got.body, f.unit(0).Short) {
		t.Errorf("progress page: %s", got.body)
	}
	f.srv.verify.mu.Lock()
	f.srv.verify.running = true
	f.srv.verify.mu.Unlock()
	if got := o.post("/office/verify", nil); got.StatusCode != http.StatusConflict || !strings.Contains(got.body, "已有一次核查正在进行") {
		t.Errorf("second run: %d", got.StatusCode)
	}
	if got := o.get("/office/verify"); !strings.Contains(got.body, `http-equiv="refresh"`) {
		t.Errorf("running page does not refresh itself")
	}
}
