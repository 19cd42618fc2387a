package web

import (
	"bytes"
	"errors"
	"net/http"
	"slices"

	"xxgk"
	"xxgk/importer"
	"xxgk/pdf"
	"xxgk/store"
	"xxgk/templates"
)

// unitView is everything the unit's page shows.
type unitView struct {
	Round    xxgk.Round
	Unit     xxgk.Unit
	Summary  xxgk.UnitSummary
	Result   *uploadResult       // the upload just made in this session
	Refused  *xxgk.Rejection     // its latest file was refused (and nothing newer accepted)
	History  []xxgk.HistoryEntry // newest first
	Checks   []xxgk.Check
	Warnings xxgk.Problems   // the current version's 填报提示
	Review   xxgk.UnitReview // 审核 of the current version
	Letters  bool            // fonts are at hand: the letter can be printed
	Max      int64
}

// unitData gathers a unit's view from the same summary `status` prints.
func (s *Server) unitData(r *request, u xxgk.Unit) (*unitView, error) {
	sum, cat, err := s.cfg.Papers.Summary(r.Context(), r.round)
	if err != nil {
		return nil, err
	}
	v := &unitView{Round: sum.Round, Unit: u, Letters: s.cfg.Fonts != nil, Max: s.cfg.MaxUpload}
	for _, us := range sum.Units {
		if us.Unit.Code == u.Code {
			v.Summary = us
		}
	}
	if v.Summary.Unit.Code == "" {
		return nil, errNotInRound
	}
	if v.Summary.RefusedLatest() {
		last := v.Summary.Rejected.Last
		v.Refused = &last
	}
	if v.Summary.Submission != nil {
		v.Warnings = v.Summary.Submission.Warnings
	}
	v.Checks = v.Summary.Checks
	rec, err := s.cfg.Store.History(r.Context(), sum.Round.ID, u.Code)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	v.Review = rec.Review()
	v.History = rec.Timeline(cat.For(u))
	slices.Reverse(v.History)
	return v, nil
}

var errNotInRound = errors.New("unit not in the round")

func (s *Server) unitPage(w http.ResponseWriter, r *request) {
	v, err := s.unitData(r, r.holder.Unit)
	if errors.Is(err, errNotInRound) {
		s.errorPage(w, r, http.StatusForbidden, "本单位不在本轮报送名单中，请联系市电子政务办公室。")
		return
	}
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	v.Result = s.sessions.resultOf(r.session)
	s.render(w, r, http.StatusOK, "unit", map[string]any{"V": v})
}

// unitUpload is the page's upload form: the same import as the API, then back to the
// page (303), which shows the result at once.
func (s *Server) unitUpload(w http.ResponseWriter, r *request) {
	if !s.uploads.take(r.holder.key(), s.cfg.Now()) {
		s.audit(r, xxgk.AuditUpload, xxgk.AuditDenied, "上传过于频繁")
		s.errorPage(w, r, http.StatusTooManyRequests, "上传过于频繁，请稍后再试。")
		return
	}
	rc, err := s.receive(w, r, true)
	if err != nil {
		status, msg := s.receiveFailure(r, err)
		s.errorPage(w, r, status, msg)
		return
	}
	defer rc.Close()
	res, err := s.importFile(r.Context(), r.round, r.holder, rc)
	if err != nil {
		s.audit(r, xxgk.AuditUpload, xxgk.AuditFailure, rc.name)
		s.unavailable(w, r, err)
		return
	}
	result, detail := res.Outcome.String(), rc.name
	if otherUnit(r.holder, res) {
		result, detail = xxgk.AuditDenied, rc.name+"（文件属于"+res.Unit.Label()+"）"
	}
	s.audit(r, xxgk.AuditUpload, result, detail)
	s.sessions.setResult(r.session, &uploadResult{JSON: res.JSON(), Label: res.Outcome.Label(), Counts: res.Counts, At: s.cfg.Now()})
	http.Redirect(w, r.Request, "/unit#result", http.StatusSeeOther)
}

// unitTemplate is the unit's blank template, signed with the database's key like the
// ones `xxgk templates` writes.
func (s *Server) unitTemplate(w http.ResponseWriter, r *request) {
	rnd, cat, err := s.cfg.Store.Round(r.Context(), r.round)
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	key, err := s.cfg.Store.TemplateKey(r.Context())
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	tw := templates.NewWriter()
	tw.Key, tw.Now = key.Secret, s.cfg.Now
	var b bytes.Buffer
	if err := tw.Write(&b, rnd, cat, r.holder.Unit); err != nil {
		s.unavailable(w, r, err)
		return
	}
	s.audit(r, xxgk.AuditDownload, xxgk.AuditSuccess, "template")
	attachment(w, templates.FileName(rnd, r.holder.Unit), xlsxType)
	w.Write(b.Bytes())
}

func (s *Server) unitReturned(w http.ResponseWriter, r *request) {
	s.returned(w, r, r.holder.Unit)
}

func (s *Server) unitLetter(w http.ResponseWriter, r *request) {
	s.letter(w, r, r.holder.Unit)
}

// returned is the annotated copy of u's latest refused file, as feedback sends it.
func (s *Server) returned(w http.ResponseWriter, r *request, u xxgk.Unit) {
	sum, _, err := s.cfg.Papers.Summary(r.Context(), r.round)
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	var last *xxgk.Rejection
	for _, us := range sum.Units {
		if us.Unit.Code == u.Code && us.Rejected.Count > 0 {
			l := us.Rejected.Last
			last = &l
		}
	}
	if last == nil || last.ID == 0 {
		s.errorPage(w, r, http.StatusNotFound, "没有被退回的文件。")
		return
	}
	data, err := s.cfg.Store.RejectionFile(r.Context(), last.ID)
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	if data == nil {
		s.errorPage(w, r, http.StatusNotFound, "被退回的文件过大或无法读取，未保存副本；请按页面上的问题清单改正。")
		return
	}
	notice, err := s.cfg.Store.Notice(r.Context(), sum.Round.ID)
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	out, _, err := importer.ReturnedCopy(data, last.Problems, importer.CopyInfo{Office: notice.IssuerFor(sum.Round), Now: s.cfg.Now()})
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound, "被退回的文件无法作为工作簿打开，未能生成批注副本；请按页面上的问题清单改正。")
		return
	}
	s.audit(r, xxgk.AuditDownload, xxgk.AuditSuccess, "returned "+u.Code)
	attachment(w, pdf.ReturnedFileName(u), xlsxType)
	w.Write(out)
}

// letter is u's feedback letter (反馈单), printed now from the current status.
func (s *Server) letter(w http.ResponseWriter, r *request, u xxgk.Unit) {
	if s.cfg.Fonts == nil {
		s.errorPage(w, r, http.StatusServiceUnavailable, "服务器上没有可用的中文字体，暂时无法生成 PDF。请联系市电子政务办公室。")
		return
	}
	sum, cat, notice, ok := s.papers(w, r)
	if !ok {
		return
	}
	for _, us := range sum.Units {
		if us.Unit.Code != u.Code {
			continue
		}
		opt := pdf.Options{Fonts: s.cfg.Fonts, Date: s.cfg.Now(), Office: notice.IssuerFor(sum.Round), Notice: notice}
		var b bytes.Buffer
		if err := pdf.Feedback(&b, sum, us, cat, opt); err != nil {
			s.unavailable(w, r, err)
			return
		}
		s.audit(r, xxgk.AuditDownload, xxgk.AuditSuccess, "letter "+u.Code)
		attachment(w, pdf.FeedbackFileName(sum.Round, u), pdfType)
		w.Write(b.Bytes())
		return
	}
	s.errorPage(w, r, http.StatusNotFound, "本轮没有这个单位。")
}

// papers is what every paper the portal prints is made from, as the commands make it:
// the round's summary and catalog and its paper settings. On failure the request has
// been answered (503) and ok is false.
func (s *Server) papers(w http.ResponseWriter, r *request) (sum xxgk.Summary, cat *xxgk.Catalog, notice xxgk.Notice, ok bool) {
	sum, cat, err := s.cfg.Papers.Summary(r.Context(), r.round)
	if err == nil {
		notice, err = s.cfg.Store.Notice(r.Context(), sum.Round.ID)
	}
	if err != nil {
		s.unavailable(w, r, err)
		return sum, cat, notice, false
	}
	return sum, cat, notice, true
}
