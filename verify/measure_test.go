package verify

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"

	"xxgk"
)

// truthPage is one saved page with what a person reading it says it is (manifest.json,
// the format of ../shared/realworld/govpages and testdata/pages).
type truthPage struct {
	File        string `json:"file"`
	PageType    string `json:"page_type"` // list, search, detail, guide, home, not_found
	URL         string `json:"url"`
	ContentType string `json:"content_type"`
	AsOf        string `json:"as_of"`
	Truth       struct {
		ColumnName string  `json:"column_name"`
		Newest     *string `json:"newest"`
		Entries    int     `json:"entries"`
	} `json:"truth"`
	WrongName  *string `json:"wrong_name"`
	NameTest   bool    `json:"name_test"`
	GBKVariant bool    `json:"gbk_variant"`
	Notes      string  `json:"notes"`
	dir        string
	set        string
}

// realworldDir finds the shared saved pages: ../shared/realworld from the repository
// root (or from the directory above it, for worktrees one level deeper), or where
// XXGK_REALWORLD says.
func realworldDir() string {
	if d := os.Getenv("XXGK_REALWORLD"); d != "" {
		return d
	}
	for _, d := range []string{"../../shared/realworld", "../../../shared/realworld"} {
		if _, err := os.Stat(filepath.Join(d, "govpages", "manifest.json")); err == nil {
			return d
		}
	}
	return ""
}

func loadTruth(t *testing.T, dir, set string) []truthPage {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct{ Pages []truthPage }
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	for i := range m.Pages {
		m.Pages[i].dir, m.Pages[i].set = dir, set
	}
	return m.Pages
}

// served is one way to serve a page's bytes.
type served struct {
	name        string
	contentType string // nil header when "-"
	body        []byte
}

var metaDecl = regexp.MustCompile(`(?i)(<meta\b[^>]*?charset\s*=\s*["']?\s*)([a-z0-9_:.-]+)`)

// variants are the page as saved and the same page served as sites do: charset only in
// <meta>, no Content-Type at all, and in GBK (header and meta saying so).
func variants(t *testing.T, p truthPage, body []byte) []served {
	out := []served{
		{"header", p.ContentType, body},
		{"meta only", "text/html", body},
		{"no Content-Type", "-", body},
	}
	if p.GBKVariant {
		enc := encoding.ReplaceUnsupported(simplifiedchinese.GBK.NewEncoder())
		g, err := enc.Bytes(metaDecl.ReplaceAll(body, []byte("${1}gbk")))
		if err != nil {
			t.Fatalf("%s: GBK: %v", p.File, err)
		}
		out = append(out, served{"GBK", "text/html; charset=GBK", g}, served{"GBK meta only", "text/html", g})
	}
	return out
}

// outcome is what the check made of a page.
type outcome struct {
	result  xxgk.CheckResult
	kind    xxgk.PageKind
	newest  string
	entries int
	finding string
}

// judgeServed runs one page through the real path: a Checker fetching it from a local
// server under its own address (host mapped to the server, path kept), then Judge.
func judgeServed(t *testing.T, p truthPage, v served, name string) outcome {
	t.Helper()
	u, err := url.Parse(p.URL)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if v.contentType == "-" {
			w.Header()["Content-Type"] = nil // no sniffing by net/http either
		} else {
			w.Header().Set("Content-Type", v.contentType)
		}
		w.Write(v.body)
	}))
	defer srv.Close()
	day, err := time.ParseInLocation("2006-01-02", p.AsOf, xxgk.ChinaTime)
	if err != nil {
		t.Fatalf("%s: as_of: %v", p.File, err)
	}
	c := New(Config{
		Now: func() time.Time { return day.Add(12 * time.Hour) },
		LookupIP: func(context.Context, string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("203.0.113.7")}, nil
		},
		Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, srv.Listener.Addr().String())
		},
	})
	defer c.Close()
	ind := xxgk.Indicator{Code: "T-01-1", Area: "测试", SubArea: name}
	ch := c.Check(context.Background(), Target{Round: "t", Unit: "U", Indicator: ind,
		Item: xxgk.Item{Code: ind.Code, Status: xxgk.Opened, ColumnName: name, URL: u.String()}})
	o := outcome{result: ch.Result, kind: ch.Kind, entries: ch.Entries, finding: ch.Finding}
	if !ch.Newest.IsZero() {
		o.newest = ch.Newest.Format("2006-01-02")
	}
	return o
}

// accepted tells a result that takes the page for the column named.
func accepted(r xxgk.CheckResult) bool {
	switch r {
	case xxgk.CheckOK, xxgk.CheckStale, xxgk.CheckDateMismatch, xxgk.CheckEmpty, xxgk.CheckNoDates:
		return true
	}
	return false
}

// wantResult is the result a page's truth calls for, with its own name reported.
func wantResult(p truthPage) []xxgk.CheckResult {
	switch p.PageType {
	case "detail":
		return []xxgk.CheckResult{xxgk.CheckArticle}
	case "search":
		return []xxgk.CheckResult{xxgk.CheckSearchPage}
	case "home":
		return []xxgk.CheckResult{xxgk.CheckHomePage}
	case "not_found":
		return []xxgk.CheckResult{xxgk.CheckNotFound}
	case "guide":
		if p.Truth.Newest == nil {
			return []xxgk.CheckResult{xxgk.CheckNoDates}
		}
	case "empty":
		return []xxgk.CheckResult{xxgk.CheckEmpty}
	}
	return []xxgk.CheckResult{xxgk.CheckOK, xxgk.CheckStale}
}

// tally counts one measure: hits of tries.
type tally struct{ hit, of int }

func (t *tally) add(ok bool) {
	t.of++
	if ok {
		t.hit++
	}
}

func (t tally) rate() float64 {
	if t.of == 0 {
		return 1
	}
	return float64(t.hit) / float64(t.of)
}

func (t tally) String() string { return fmt.Sprintf("%d/%d (%.0f%%)", t.hit, t.of, 100*t.rate()) }

type measures struct {
	newest, entries, wrongName, article, kind, rightName, variants tally
	sites                                                          map[string]bool
}

// TestMeasured runs every saved page (testdata/pages and ../shared/realworld/govpages)
// through verify.New → Checker.Check → xxgk.Judge and compares with the page's truth. It
// fails below the figures: newest date exact on 95% of dated pages, entries exact
// on 90% of list pages, a wrong name (the manifest's, and each breadcrumb ancestor) accepted on at most 5%, articles recognised on 90%,
// and every encoding variant giving the same outcome.
func TestMeasured(t *testing.T) {
	sets := map[string][]truthPage{"own": loadTruth(t, filepath.Join("testdata", "pages"), "own")}
	if d := realworldDir(); d != "" {
		sets["shared"] = loadTruth(t, filepath.Join(d, "govpages"), "shared")
	} else {
		t.Log("../shared/realworld is absent: measuring testdata/pages only")
	}
	for _, set := range []string{"shared", "own"} {
		pages, ok := sets[set]
		if !ok {
			continue
		}
		m := measures{sites: map[string]bool{}}
		for _, p := range pages {
			measurePage(t, p, &m)
		}
		t.Logf("%s pages: %d from %d sites; newest exact %s, entries exact %s, wrong name accepted %s, articles recognised %s, kind right %s, own name accepted %s, encoding variants same %s",
			set, len(pages), len(m.sites), m.newest, m.entries, m.wrongName, m.article, m.kind, m.rightName, m.variants)
		if m.newest.rate() < 0.95 || m.entries.rate() < 0.90 || m.wrongName.of > 0 && 1-m.wrongName.rate() < 0.95 ||
			m.article.rate() < 0.90 || m.variants.rate() < 1 {
			t.Errorf("%s pages below the figures: newest %s (≥95%%), entries %s (≥90%%), wrong name accepted %s (≤5%%), articles %s (≥90%%), variants %s (100%%)",
				set, m.newest, m.entries, m.wrongName, m.article, m.variants)
		}
	}
}

func measurePage(t *testing.T, p truthPage, m *measures) {
	t.Helper()
	body, err := os.ReadFile(filepath.Join(p.dir, p.File))
	if err != nil {
		t.Fatal(err)
	}
	if u, err := url.Parse(p.URL); err == nil {
		m.sites[strings.TrimPrefix(u.Hostname(), "www.")] = true
	}
	vs := variants(t, p, body)
	first := judgeServed(t, p, vs[0], p.Truth.ColumnName)
	for _, v := range vs[1:] {
		o := judgeServed(t, p, v, p.Truth.ColumnName)
		same := o.result == first.result && o.kind == first.kind && o.newest == first.newest && o.entries == first.entries
		m.variants.add(same)
		if !same {
			t.Errorf("%s/%s served %s: %+v, served as saved: %+v", p.set, p.File, v.name, o, first)
		}
	}
	want := ""
	if p.Truth.Newest != nil {
		want = *p.Truth.Newest
		m.newest.add(first.newest == want)
	}
	if p.PageType == "list" || p.PageType == "search" || p.PageType == "empty" {
		m.entries.add(first.entries == p.Truth.Entries)
	}
	if p.PageType == "detail" {
		m.article.add(first.result == xxgk.CheckArticle)
	}
	kindOK := false
	for _, r := range wantResult(p) {
		kindOK = kindOK || first.result == r
	}
	m.kind.add(kindOK)
	if accepted(wantResult(p)[0]) && p.NameTest {
		m.rightName.add(accepted(first.result))
	}
	wrong := "-"
	if p.NameTest && p.WrongName != nil {
		o := judgeServed(t, p, vs[0], *p.WrongName)
		m.wrongName.add(accepted(o.result))
		wrong = fmt.Sprintf("%s %s", o.result, o.finding)
	}
	// Breadcrumb ancestors are plausible wrong names too: 信息公开 for 信息公开年报.
	if p.NameTest {
		day, _ := time.ParseInLocation("2006-01-02", p.AsOf, xxgk.ChinaTime)
		a, _ := Analyze(body, p.ContentType, p.URL, day)
		for i, anc := range a.Breadcrumb {
			if i == len(a.Breadcrumb)-1 || strings.Contains(anc, "首页") || xxgk.FoldName(anc) == xxgk.FoldName(p.Truth.ColumnName) {
				continue
			}
			o := judgeServed(t, p, vs[0], anc)
			m.wrongName.add(accepted(o.result))
			if accepted(o.result) {
				t.Logf("%s/%s: breadcrumb ancestor %q accepted: %s %s", p.set, p.File, anc, o.result, o.finding)
			}
		}
	}
	mark := "ok"
	if !kindOK || p.Truth.Newest != nil && first.newest != want {
		mark = "MISS"
	}
	t.Logf("%-4s %s/%s: %s %s newest %s (truth %s) entries %d (truth %d); wrong name: %s", mark, p.set, p.File,
		first.result, first.finding, first.newest, want, first.entries, p.Truth.Entries, wrong)
}

// TestArticlePages: every saved article (detail) page, ours and the shared real ones, is
// told apart from a column by its structure and reported as 文章页面 with its own date.
func TestArticlePages(t *testing.T) {
	pages := loadTruth(t, filepath.Join("testdata", "pages"), "own")
	if d := realworldDir(); d != "" {
		pages = append(pages, loadTruth(t, filepath.Join(d, "govpages"), "shared")...)
	} else {
		t.Log("../shared/realworld is absent: testdata/pages only")
	}
	n := 0
	for _, p := range pages {
		if p.PageType != "detail" {
			continue
		}
		n++
		t.Run(p.set+"/"+p.File, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join(p.dir, p.File))
			if err != nil {
				t.Fatal(err)
			}
			o := judgeServed(t, p, served{"header", p.ContentType, body}, p.Truth.ColumnName)
			want := "网址是一篇文章（发布于"
			if o.result != xxgk.CheckArticle || !strings.HasPrefix(o.finding, want) || p.Truth.Newest != nil && o.newest != *p.Truth.Newest {
				t.Errorf("%s %q newest %s, want article published %v", o.result, o.finding, o.newest, *p.Truth.Newest)
			}
		})
	}
	if n == 0 {
		t.Error("no article pages")
	}
}
