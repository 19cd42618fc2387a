package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"time"

	"xxgk"
)

//go:embed pages/*.html
var pageFS embed.FS

//go:embed assets/style.css
var styleCSS []byte

// pages holds each page parsed with the shared layout.
type pages struct{ byName map[string]*template.Template }

var pageNames = []string{"login", "unit", "office", "officeunit", "error", "verify"}

func loadPages() (*pages, error) {
	funcs := template.FuncMap{
		"date": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return xxgk.ChineseDate(t)
		},
		"time": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return t.In(xxgk.ChinaTime).Format("2006-01-02 15:04")
		},
		"pct":  func(f float64) string { return xxgk.Percent(f) },
		"size": sizeText,
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, n := range pageNames {
		t, err := template.New(n).Funcs(funcs).ParseFS(pageFS, "pages/layout.html", "pages/"+n+".html")
		if err != nil {
			return nil, fmt.Errorf("web: page %s: %w", n, err)
		}
		p.byName[n] = t
	}
	return p, nil
}

// render writes a page; data gains the holder and the session's CSRF token. It is
// rendered into a buffer first, so a failing template never leaves half a page.
func (s *Server) render(w http.ResponseWriter, r *request, status int, name string, data map[string]any) {
	if data == nil {
		data = map[string]any{}
	}
	data["Holder"] = r.holder
	if r.session != nil {
		data["CSRF"] = r.session.csrf
	}
	var b bytes.Buffer
	if err := s.pages.byName[name].ExecuteTemplate(&b, "page", data); err != nil {
		s.cfg.Log.Printf("页面 %s 生成失败：%v", name, err)
		http.Error(w, "页面生成失败", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

func (s *Server) errorPage(w http.ResponseWriter, r *request, status int, msg string) {
	s.render(w, r, status, "error", map[string]any{"Title": http.StatusText(status), "Message": msg, "Status": status})
}

func (s *Server) style(w http.ResponseWriter, r *request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(styleCSS)
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.0f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}
