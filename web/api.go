package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"

	"xxgk"
	"xxgk/store"
)

// apiError answers the API with {"error": "…"} in Chinese.
func (s *Server) apiError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"内部错误"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// apiUpload is POST /api/upload: the workbook in the multipart field "file", the unit's
// code as Bearer. 200 with the import's JSON object whatever the outcome.
func (s *Server) apiUpload(w http.ResponseWriter, r *request) {
	if !s.uploads.take(r.holder.key(), s.cfg.Now()) {
		s.audit(r, xxgk.AuditUpload, xxgk.AuditDenied, "上传过于频繁")
		s.apiError(w, http.StatusTooManyRequests, "上传过于频繁，请稍后再试。")
		return
	}
	rc, err := s.receive(w, r, false)
	if err != nil {
		status, msg := s.receiveFailure(r, err)
		s.apiError(w, status, msg)
		return
	}
	defer rc.Close()
	res, err := s.importFile(r.Context(), r.round, r.holder, rc)
	if err != nil {
		s.audit(r, xxgk.AuditUpload, xxgk.AuditFailure, rc.name)
		s.unavailable(w, r, err)
		return
	}
	if otherUnit(r.holder, res) {
		s.audit(r, xxgk.AuditUpload, xxgk.AuditDenied, rc.name+"（文件属于"+res.Unit.Label()+"）")
		s.apiError(w, http.StatusForbidden, "此文件是"+res.Unit.Label()+"的报送表，不能用本单位的访问码上传；未保存任何内容。")
		return
	}
	s.audit(r, xxgk.AuditUpload, res.Outcome.String(), rc.name)
	writeJSON(w, http.StatusOK, res.JSON())
}

// receiveFailure is the status and sentence for an upload that could not be received.
func (s *Server) receiveFailure(r *request, err error) (int, string) {
	var de diskErr
	switch {
	case errors.Is(err, errTooLarge):
		s.audit(r, xxgk.AuditUpload, xxgk.AuditFailure, "文件过大")
		return http.StatusRequestEntityTooLarge, "文件过大，超过上限 " + sizeText(s.cfg.MaxUpload) + "。填报模板通常不到 1 MB，请检查是否选错了文件。"
	case errors.Is(err, errCSRF):
		return http.StatusForbidden, "页面已过期或来源不明（安全校验失败），请刷新页面后重新上传。"
	case errors.Is(err, errNoFile):
		return http.StatusBadRequest, "没有收到文件：请选择本单位填好的 .xlsx 工作簿后再上传。"
	case errors.As(err, &de):
		s.cfg.Log.Printf("无法保存上传的文件：%v", err)
		return http.StatusServiceUnavailable, "服务器磁盘已满或无法写入，本次上传没有保存任何内容。请稍后重试，并告知市电子政务办公室。"
	}
	return http.StatusBadRequest, "上传没有完成（连接中断或表单不完整），请重新上传。"
}

// apiStatus is GET /api/status: `xxgk status --format json`, for the office.
func (s *Server) apiStatus(w http.ResponseWriter, r *request) {
	sum, _, err := s.cfg.Papers.Summary(r.Context(), r.round)
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	var b bytes.Buffer
	if err := s.cfg.Papers.StatusJSON(&b, sum); err != nil {
		s.unavailable(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b.Bytes())
}

// apiHistory is GET /api/units/{unit}/history: `xxgk history --format json`.
func (s *Server) apiHistory(w http.ResponseWriter, r *request) {
	rnd, cat, err := s.cfg.Store.Round(r.Context(), r.round)
	if err != nil {
		s.unavailable(w, r, err)
		return
	}
	u, ok := cat.Units.Lookup(r.PathValue("unit"))
	if !ok || u.Code != r.PathValue("unit") {
		s.apiError(w, http.StatusNotFound, "本轮没有这个单位。")
		return
	}
	rec, err := s.cfg.Store.History(r.Context(), rnd.ID, u.Code)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.unavailable(w, r, err)
		return
	}
	var b bytes.Buffer
	if err := s.cfg.Papers.HistoryJSON(&b, rnd, u, rec, cat); err != nil {
		s.unavailable(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b.Bytes())
}
