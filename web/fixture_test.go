package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"xxgk"
	"xxgk/catalog"
	"xxgk/internal/testdb"
	"xxgk/samples"
	"xxgk/store"
	"xxgk/templates"
)

// The tests run the portal on the real store, on SQLite and, with XXGK_TEST_MYSQL, on
// MariaDB. papers is the fixture's Papers: the summary computed as the commands do
// (cmd/xxgk wires its own; cmd_serve_test checks that wiring against the CLI's output).

var testNow = time.Date(2020, 9, 15, 10, 0, 0, 0, xxgk.ChinaTime)

type engine struct {
	name string
	dsn  func(testing.TB) string
}

func engines() []engine {
	return []engine{
		{"sqlite", testdb.SQLite},
		{"mysql", func(tb testing.TB) string { return testdb.MySQL(tb, "xxgk_web_test") }},
	}
}

func forEngine(t *testing.T, fn func(t *testing.T, dsn string)) {
	for _, e := range engines() {
		t.Run(e.name, func(t *testing.T) { fn(t, e.dsn(t)) })
	}
}

// papers is Summary as cmd/xxgk's summarize computes it; JSON as plain encodings.
type papers struct{ st *store.Store }

func (p papers) Summary(ctx context.Context, round string) (xxgk.Summary, *xxgk.Catalog, error) {
	r, cat, err := p.st.Round(ctx, round)
	if err != nil {
		return xxgk.Summary{}, nil, err
	}
	cur, err := p.st.Current(ctx, r.ID)
	if err != nil {
		return xxgk.Summary{}, nil, err
	}
	rej, err := p.st.Rejections(ctx, r.ID)
	if err != nil {
		return xxgk.Summary{}, nil, err
	}
	checks, err := p.st.LatestChecks(ctx, r.ID)
	if err != nil {
		return xxgk.Summary{}, nil, err
	}
	rvs, err := p.st.Reviews(ctx, r.ID)
	if err != nil {
		return xxgk.Summary{}, nil, err
	}
	s := xxgk.Summarize(r, cat, cur)
	s.AddRejections(rej)
	s.AddReviews(rvs)
	s.AddChecks(checks)
	return s, cat, nil
}

func (p papers) StatusJSON(w io.Writer, s xxgk.Summary) error {
	type row struct {
		Unit    string `json:"unit"`
		Status  string `json:"status"`
		Version int    `json:"version"`
	}
	var rows []row
	for _, u := range s.Units {
		rows = append(rows, row{u.Unit.Short, string(u.State), u.Version})
	}
	return json.NewEncoder(w).Encode(rows)
}

func (p papers) HistoryJSON(w io.Writer, r xxgk.Round, u xxgk.Unit, rec xxgk.UnitRecord, cat *xxgk.Catalog) error {
	return json.NewEncoder(w).Encode(map[string]any{"unit": u.Short, "current": rec.Current, "events": len(rec.Timeline(cat.For(u)))})
}

func (p papers) Verify(ctx context.Context, round string, units []string, progress func(done, total int)) error {
	progress(0, 0)
	return nil
}

// fixture is a round with codes, a running portal and the workbooks units fill.
type fixture struct {
	t      testing.TB
	st     *store.Store
	srv    *Server
	ts     *httptest.Server
	round  xxgk.Round
	cat    *xxgk.Catalog
	codes  map[string]string // unit code → access code
	office string
	logs   *bytes.Buffer
}

type fixtureOpt func(*Config)

func newFixture(t testing.TB, dsn string, opts ...fixtureOpt) *fixture {
	t.Helper()
	return newFixtureWith(t, dsn, nil, opts...)
}

// newFixtureWith builds the fixture on cat (the built-in 2020 catalog when nil).
func newFixtureWith(t testing.TB, dsn string, cat *xxgk.Catalog, opts ...fixtureOpt) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if cat == nil {
		if cat, err = catalog.Load("", ""); err != nil {
			t.Fatal(err)
		}
	}
	r := xxgk.Round{ID: "2020", Title: "2020年重点领域信息公开栏目建设", Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC),
		Contact: xxgk.Contact{Office: "安康市电子政务办公室"}, Created: testNow.Add(-7 * 24 * time.Hour)}
	if err := st.SaveRound(ctx, r, cat); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, st: st, round: r, cat: cat, codes: map[string]string{}, logs: &bytes.Buffer{}}
	by := store.Correction{Operator: "测试"}
	issued, err := st.EnsureUnitCodes(ctx, r.ID, by)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range issued {
		f.codes[c.Holder.Unit] = c.Code
	}
	oc, err := st.ResetOfficeCode(ctx, by)
	if err != nil {
		t.Fatal(err)
	}
	f.office = oc.Code
	cfg := Config{Store: st, Papers: papers{st}, Now: func() time.Time { return testNow },
		Log: log.New(&syncWriter{w: f.logs}, "", 0), TempDir: t.TempDir()}
	for _, o := range opts {
		o(&cfg)
	}
	if f.srv, err = New(cfg); err != nil {
		t.Fatal(err)
	}
	f.ts = httptest.NewServer(f.srv.Handler())
	t.Cleanup(f.ts.Close)
	return f
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// unit is the i-th unit of the round.
func (f *fixture) unit(i int) xxgk.Unit { return f.cat.Units.All()[i] }

// workbook is unit u's template filled by profile, signed with the database's key.
func (f *fixture) workbook(u xxgk.Unit, p samples.Profile, seed uint64) []byte {
	f.t.Helper()
	key, err := f.st.TemplateKey(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	tw := templates.NewWriter()
	tw.Key = key.Secret
	var b bytes.Buffer
	if err := tw.Write(&b, f.round, f.cat, u); err != nil {
		f.t.Fatal(err)
	}
	data, err := samples.Fill(b.Bytes(), p, rand.New(rand.NewPCG(seed, 7)))
	if err != nil {
		f.t.Fatal(err)
	}
	return data
}

// client is a browser: a cookie jar, redirects not followed.
type client struct {
	f    *fixture
	hc   *http.Client
	csrf string
}

func (f *fixture) client() *client {
	jar, _ := cookiejar.New(nil)
	return &client{f: f, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// signIn signs in with code through the form, as a browser does.
func (c *client) signIn(code string) *http.Response {
	c.f.t.Helper()
	page := c.get("/login")
	m := csrfField.FindStringSubmatch(page.body)
	if m == nil {
		c.f.t.Fatalf("no csrf on the sign-in page: %s", page.body)
	}
	resp, err := c.hc.PostForm(c.f.ts.URL+"/login", url.Values{"csrf": {m[1]}, "code": {code}})
	if err != nil {
		c.f.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusSeeOther {
		home := c.get(resp.Header.Get("Location"))
		if m := csrfField.FindStringSubmatch(home.body); m != nil {
			c.csrf = m[1]
		}
	}
	return resp
}

type answer struct {
	*http.Response
	body string
}

func (c *client) do(req *http.Request) answer {
	c.f.t.Helper()
	resp, err := c.hc.Do(req)
	if err != nil {
		c.f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return answer{resp, string(b)}
}

func (c *client) get(path string) answer {
	req, _ := http.NewRequest(http.MethodGet, c.f.ts.URL+path, nil)
	return c.do(req)
}

func (c *client) post(path string, form url.Values) answer {
	if form == nil {
		form = url.Values{}
	}
	if c.csrf != "" && !form.Has("csrf") {
		form.Set("csrf", c.csrf)
	}
	req, _ := http.NewRequest(http.MethodPost, c.f.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// upload posts the page's upload form.
func (c *client) upload(name string, data []byte) answer {
	body, ctype := multipartBody(map[string]string{"csrf": c.csrf}, name, data)
	req, _ := http.NewRequest(http.MethodPost, c.f.ts.URL+"/unit/upload", body)
	req.Header.Set("Content-Type", ctype)
	return c.do(req)
}

func multipartBody(fields map[string]string, name string, data []byte) (*bytes.Buffer, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if name != "" {
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(data)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

// apiUpload is POST /api/upload with code as Bearer ("" for none).
func (f *fixture) apiUpload(code, name string, data []byte) answer {
	f.t.Helper()
	body, ctype := multipartBody(nil, name, data)
	req, _ := http.NewRequest(http.MethodPost, f.ts.URL+"/api/upload", body)
	req.Header.Set("Content-Type", ctype)
	if code != "" {
		req.Header.Set("Authorization", "Bearer "+code)
	}
	return (&client{f: f, hc: http.DefaultClient}).do(req)
}

func (f *fixture) apiGet(code, path string) answer {
	req, _ := http.NewRequest(http.MethodGet, f.ts.URL+path, nil)
	if code != "" {
		req.Header.Set("Authorization", "Bearer "+code)
	}
	return (&client{f: f, hc: http.DefaultClient}).do(req)
}

func (f *fixture) audit(t testing.TB) []xxgk.AuditEntry {
	t.Helper()
	es, err := f.st.AuditSince(context.Background(), time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func fileName(u xxgk.Unit) string { return fmt.Sprintf("2020_%s_填报表.xlsx", u.Short) }

func testdbSQLite(t testing.TB) string { return testdb.SQLite(t) }

// template is unit u's blank template, as the portal hands it out.
func (f *fixture) template(u xxgk.Unit) []byte {
	f.t.Helper()
	key, _ := f.st.TemplateKey(context.Background())
	tw := templates.NewWriter()
	tw.Key = key.Secret
	var b bytes.Buffer
	if err := tw.Write(&b, f.round, f.cat, u); err != nil {
		f.t.Fatal(err)
	}
	return b.Bytes()
}
