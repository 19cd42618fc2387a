package web

import (
	"bytes"
	"context"
	"net/http"
	"time"

	"xxgk"
	"xxgk/exporter"
	"xxgk/pdf"
)

func (s *Server) officePage(w http.ResponseWriter, r *request) {
	sum, _, err := s.cfg.Papers.Summary(r.Context(), r.round)
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "office", map[string]any{
		"S": sum, "Units": sum.ProblemsFirst(), "Checked": sum.Checked(), "PDF": s.cfg.Fonts != nil,
		"Verify": s.verifyState(),
	})
}

// officeUnit is one unit's current submission and history, with the review form.
func (s *Server) officeUnit(w http.ResponseWriter, r *request) {
	u, ok := s.pathUnit(w, r)
	if !ok {
		return
	}
	v, err := s.unitData(r, u)
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "officeunit", map[string]any{"V": v, "Items": currentItems(v)})
}

// currentItems are the rows of the unit's current version.
func currentItems(v *unitView) []xxgk.Item {
	if v.Summary.Submission == nil {
		return nil
	}
	return v.Summary.Submission.Items
}

// pathUnit is the unit {unit} names, by its exact code.
func (s *Server) pathUnit(w http.ResponseWriter, r *request) (xxgk.Unit, bool) {
	_, cat, err := s.cfg.Store.Round(r.Context(), r.round)
	if err != nil {
		s.unavailable(w, r, err)
		return xxgk.Unit{}, false
	}
	code := r.PathValue("unit")
	u, ok := cat.Units.Lookup(code)
	if !ok || u.Code != code {
		s.errorPage(w, r, http.StatusNotFound, "本轮没有这个单位。")
		return xxgk.Unit{}, false
	}
	return u, true
}

func (s *Server) officeLetter(w http.ResponseWriter, r *request) {
	if u, ok := s.pathUnit(w, r); ok {
		s.letter(w, r, u)
	}
}

func (s *Server) officeReturned(w http.ResponseWriter, r *request) {
	if u, ok := s.pathUnit(w, r); ok {
		s.returned(w, r, u)
	}
}

// officeDownload is the Excel report (report.xlsx), the 通报 (report.pdf) or the export
// (export.xlsx, export.csv), written as `xxgk report` and `xxgk export` write them.
func (s *Server) officeDownload(w http.ResponseWriter, r *request) {
	kind := r.PathValue("kind")
	sum, cat, notice, ok := s.papers(w, r)
	if !ok {
		return
	}
	now := s.cfg.Now()
	id := xxgk.SafeFileName(sum.Round.ID)
	var b bytes.Buffer
	var name, typ string
	var err error
	switch kind {
	case "report.xlsx":
		name, typ = id+"_汇总报告.xlsx", xlsxType
		err = exporter.ReportXLSX(&b, sum, cat, exporter.WithDate(now), exporter.WithIssuer(notice.IssuerFor(sum.Round)))
	case "report.pdf":
		if s.cfg.Fonts == nil {
			s.errorPage(w, r, http.StatusServiceUnavailable, "服务器上没有可用的中文字体，暂时无法生成 PDF 通报。")
			return
		}
		name, typ = id+"_通报.pdf", pdfType
		err = pdf.Report(&b, sum, cat, pdf.Options{Fonts: s.cfg.Fonts, Date: now, Notice: notice})
	case "export.xlsx":
		name, typ = id+"_明细.xlsx", xlsxType
		err = exporter.WriteDetailsXLSX(&b, exporter.Details(sum, cat), exporter.WithRound(sum.Round), exporter.WithDate(now), exporter.WithIssuer(notice.IssuerFor(sum.Round)))
	case "export.csv":
		name, typ = id+"_明细.csv", csvType
		err = exporter.WriteCSV(&b, exporter.Details(sum, cat))
	default:
		s.errorPage(w, r, http.StatusNotFound, "没有这个下载项。")
		return
	}
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	s.audit(r, xxgk.AuditDownload, xxgk.AuditSuccess, kind)
	attachment(w, name, typ)
	w.Write(b.Bytes())
}

// verifyState is what the office page shows of the verify run.
type verifyView struct {
	Running           bool
	Done, Total       int
	Scope             string
	Started, Finished time.Time
	Error             string
}

func (s *Server) verifyState() verifyView {
	v := &s.verify
	v.mu.Lock()
	defer v.mu.Unlock()
	out := verifyView{Running: v.running, Done: v.done, Total: v.total, Scope: v.scope, Started: v.started, Finished: v.finished}
	if v.err != nil {
		out.Error = v.err.Error()
	}
	return out
}

// startVerify runs verify for one unit ({unit} form field) or all, one run at a time, in
// the background; the page shows its progress and refreshes itself without script.
func (s *Server) startVerify(w http.ResponseWriter, r *request) {
	if !s.csrfOK(w, r) {
		return
	}
	var units []string
	scope := "全部单位"
	if code := r.FormValue("unit"); code != "" {
		_, cat, err := s.cfg.Store.Round(r.Context(), r.round)
		if err != nil {
			s.unavailable(w, r, err)
			return
		}
		u, ok := cat.Units.Lookup(code)
		if !ok || u.Code != code {
			s.errorPage(w, r, http.StatusNotFound, "本轮没有这个单位。")
			return
		}
		units, scope = []string{u.Code}, u.Label()
	}
	v := &s.verify
	v.mu.Lock()
	if v.running {
		v.mu.Unlock()
		s.errorPage(w, r, http.StatusConflict, "已有一次核查正在进行（"+v.scope+"），请等它结束后再开始。")
		return
	}
	v.running, v.done, v.total, v.scope, v.started, v.err = true, 0, 0, scope, s.cfg.Now(), nil
	runCtx := v.ctx
	if runCtx == nil {
		runCtx = context.Background()
	}
	v.wg.Add(1)
	v.mu.Unlock()
	s.audit(r, xxgk.AuditVerify, xxgk.AuditSuccess, "开始核查："+scope)
	round := r.round
	go func() {
		defer v.wg.Done()
		err := s.cfg.Papers.Verify(runCtx, round, units, func(done, total int) {
			v.mu.Lock()
			v.done, v.total = done, total
			v.mu.Unlock()
		})
		v.mu.Lock()
		v.running, v.finished, v.err = false, s.cfg.Now(), err
		v.mu.Unlock()
		outcome := xxgk.AuditSuccess
		if err != nil {
			outcome = xxgk.AuditFailure
			s.cfg.Log.Printf("核查（%s）失败：%v", scope, err)
		}
		e := xxgk.AuditEntry{At: s.cfg.Now(), Round: round, Actor: xxgk.Actor{Kind: xxgk.ActorOffice}, Action: xxgk.AuditVerify, Outcome: outcome, Detail: scope}
		if aerr := s.cfg.Store.Audit(context.Background(), e); aerr != nil {
			s.cfg.Log.Printf("无法写入审计日志（verify）：%v", aerr)
		}
	}()
	http.Redirect(w, r.Request, "/office/verify", http.StatusSeeOther)
}

func (s *Server) verifyPage(w http.ResponseWriter, r *request) {
	s.render(w, r, http.StatusOK, "verify", map[string]any{"Verify": s.verifyState()})
}
