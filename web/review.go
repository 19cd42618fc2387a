package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"xxgk"
	"xxgk/store"
)

// reviewOperator is the operator recorded for a review made on the portal.
const reviewOperator = "办公室（网上报送）"

// review records 通过 or 退回修改 of the version the office looked at; a return needs a
// comment, which the unit then sees on its page.
func (s *Server) review(w http.ResponseWriter, r *request) {
	if !s.csrfOK(w, r) {
		return
	}
	u, ok := s.pathUnit(w, r)
	if !ok {
		return
	}
	version, _ := strconv.Atoi(r.FormValue("version"))
	rv := xxgk.Review{Round: r.round, Unit: u.Code, Version: version,
		Decision: xxgk.ReviewDecision(r.FormValue("decision")), Comment: strings.TrimSpace(r.FormValue("comment")), Operator: reviewOperator}
	if version <= 0 {
		s.errorPage(w, r, http.StatusBadRequest, "没有指明审核哪一版，请刷新单位页面后重试。")
		return
	}
	if err := rv.Check(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest, reviewProblem(err))
		return
	}
	saved, err := s.cfg.Store.Review(r.Context(), rv)
	switch {
	case errors.Is(err, store.ErrNotCurrent):
		s.errorPage(w, r, http.StatusConflict, fmt.Sprintf("第 %d 版已不是%s的当前版本（单位刚刚上传了新版本），请查看新版本后再审核。", version, u.Label()))
		return
	case errors.Is(err, store.ErrNotFound):
		s.errorPage(w, r, http.StatusConflict, u.Label()+"没有当前版本，无可审核。")
		return
	case errors.Is(err, store.ErrNoEffect):
		// The same decision again: nothing new to record; back to the page.
	case errors.Is(err, xxgk.ErrReviewComment):
		s.errorPage(w, r, http.StatusBadRequest, reviewProblem(err))
		return
	case err != nil:
		s.unavailable(w, r, err)
		return
	default:
		s.audit(r, xxgk.AuditReview, xxgk.AuditSuccess, fmt.Sprintf("%s 第 %d 版：%s %s", u.Code, saved.Version, saved.Decision.Label(), saved.Comment))
	}
	http.Redirect(w, r.Request, "/office/units/"+u.Code, http.StatusSeeOther)
}

// reviewProblem is the Chinese sentence of a refused review, without the sentinel's words.
func reviewProblem(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, "\n"); i >= 0 {
		msg = msg[i+1:]
	}
	return msg + "。请返回上一页修改后重新提交。"
}
