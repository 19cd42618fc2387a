package verify

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// listJSON is what the shells under testdata/scripted fetch: three entries, the newest of
// 15 September 2020.
const listJSON = `{"list":[{"title":"关于2020年部门预算公开的说明","url":"/art/1.html","date":"2020-09-15"},` +
	`{"title":"2019年部门决算公开","url":"/art/2.html","date":"2020-08-20"},` +
	`{"title":"2020年政府预算公开","url":"/art/3.html","date":"2020-07-02"}]}`

// serveDir serves dir on 127.0.0.1 with the data endpoints the shells call; extra
// handlers, by path, override or add to them.
func serveDir(t testing.TB, dir string, extra map[string]http.HandlerFunc) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/api/list.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Write([]byte(listJSON))
	})
	mux.HandleFunc("/api/list.jsp", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/javascript; charset=utf-8")
		w.Write([]byte(`document.write('<li><a href="/art/1.html">关于2020年部门预算公开的说明</a> 2020-09-15</li>');`))
	})
	for p, h := range extra {
		mux.HandleFunc(p, h)
	}
	files := http.FileServer(http.Dir(dir))
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".html") {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		files.ServeHTTP(w, r)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}
