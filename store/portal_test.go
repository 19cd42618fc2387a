package store

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"xxgk"
	"xxgk/access"
)

// cheapCodes makes the store's new access code hashes cheap: the tests make many.
func cheapCodes(s *Store) { s.codeParams = access.Params{Time: 1, MemoryKiB: 64, Threads: 1} }

func portalStore(t *testing.T, e engine) *Store {
	t.Helper()
	s := open(t, e.fresh(t))
	cheapCodes(s)
	if err := s.SaveRound(context.Background(), round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	return s
}

// Codes: created once per unit, shown once, stored only hashed, found by their key id,
// reset in place; the office has its own.
func testAccessCodes(t *testing.T, e engine) {
	s := portalStore(t, e)
	ctx := context.Background()
	by := Correction{Operator: "李四"}

	states, err := s.UnitCodes(ctx, "2020")
	if err != nil || len(states) != 3 || states[0].Holder.Unit != "CZJ" || states[0].Issued {
		t.Fatalf("UnitCodes before any = %+v, %v", states, err)
	}
	issued, err := s.EnsureUnitCodes(ctx, "2020", by)
	if err != nil || len(issued) != 3 {
		t.Fatalf("EnsureUnitCodes = %+v, %v", issued, err)
	}
	codes := map[string]string{}
	for i, c := range issued {
		if c.Holder.Unit != []string{"CZJ", "ZRZYJ", "HBQ"}[i] || c.Holder.Round != "2020" || c.Reset || len(c.Code) != 19 ||
			!strings.HasPrefix(strings.ReplaceAll(c.Code, "-", ""), c.KeyID) {
			t.Errorf("issued[%d] = %+v", i, c)
		}
		codes[c.Holder.Unit] = c.Code
	}
	// Nothing plain is stored.
	for _, c := range issued {
		if n := count(t, s, `SELECT COUNT(*) FROM access_codes WHERE hash LIKE ? OR hash LIKE ?`,
			"%"+c.Code+"%", "%"+strings.ReplaceAll(c.Code, "-", "")+"%"); n != 0 {
			t.Errorf("the plain code of %s is stored", c.Holder.Unit)
		}
	}
	if again, err := s.EnsureUnitCodes(ctx, "2020", by); err != nil || len(again) != 0 {
		t.Errorf("EnsureUnitCodes a second time = %+v, %v; want none", again, err)
	}
	states, _ = s.UnitCodes(ctx, "2020")
	for _, st := range states {
		if !st.Issued || st.By != "李四" || st.KeyID == "" || st.At.IsZero() {
			t.Errorf("state after issuing: %+v", st)
		}
	}

	// Each code identifies its holder, typed any way.
	h, err := s.Authenticate(ctx, strings.ToLower(strings.ReplaceAll(codes["ZRZYJ"], "-", " ")))
	if err != nil || h != (xxgk.CodeHolder{Round: "2020", Unit: "ZRZYJ"}) {
		t.Errorf("Authenticate(ZRZYJ's code) = %+v, %v", h, err)
	}
	// Wrong secret with a real key id, an unknown key id, garbage: all ErrBadCode.
	czj := strings.ReplaceAll(codes["CZJ"], "-", "")
	wrong := czj[:access.KeyIDLen] + strings.Repeat("2", access.SecretLen)
	if wrong == czj {
		wrong = czj[:access.KeyIDLen] + strings.Repeat("3", access.SecretLen)
	}
	for _, bad := range []string{wrong, "ZZZZZ" + czj[access.KeyIDLen:], "", "0000-0000-0000-0000", "' OR 1=1 --"} {
		if h, err := s.Authenticate(ctx, bad); !errors.Is(err, ErrBadCode) || h != (xxgk.CodeHolder{}) {
			t.Errorf("Authenticate(%q) = %+v, %v; want ErrBadCode", bad, h, err)
		}
	}

	// A reset: a new code, the old one dead at once, the other units untouched.
	reset, err := s.ResetUnitCodes(ctx, "2020", []string{"CZJ", "CZJ"}, Correction{Operator: "王五"})
	if err != nil || len(reset) != 1 || !reset[0].Reset || reset[0].Code == codes["CZJ"] {
		t.Fatalf("ResetUnitCodes = %+v, %v", reset, err)
	}
	if _, err := s.Authenticate(ctx, codes["CZJ"]); !errors.Is(err, ErrBadCode) {
		t.Errorf("the old code after a reset: %v, want ErrBadCode", err)
	}
	if h, err := s.Authenticate(ctx, reset[0].Code); err != nil || h.Unit != "CZJ" {
		t.Errorf("the new code: %+v, %v", h, err)
	}
	if h, err := s.Authenticate(ctx, codes["HBQ"]); err != nil || h.Unit != "HBQ" {
		t.Errorf("another unit's code after the reset: %+v, %v", h, err)
	}
	if _, err := s.ResetUnitCodes(ctx, "2020", []string{"NOPE"}, by); !errors.Is(err, ErrNotFound) {
		t.Errorf("resetting an unknown unit: %v, want ErrNotFound", err)
	}
	if _, err := s.EnsureUnitCodes(ctx, "1999", by); !errors.Is(err, ErrNotFound) {
		t.Errorf("codes for an unknown round: %v, want ErrNotFound", err)
	}
	if _, err := s.EnsureUnitCodes(ctx, "2020", Correction{}); err == nil {
		t.Error("codes without an operator were issued")
	}

	// The office.
	if st, err := s.OfficeCode(ctx); err != nil || st.Issued {
		t.Errorf("OfficeCode before any = %+v, %v", st, err)
	}
	off, err := s.ResetOfficeCode(ctx, by)
	if err != nil || off.Reset || !off.Holder.Office {
		t.Fatalf("ResetOfficeCode = %+v, %v", off, err)
	}
	if h, err := s.Authenticate(ctx, off.Code); err != nil || !h.Office || h.Round != "" || h.Unit != "" {
		t.Errorf("Authenticate(office) = %+v, %v", h, err)
	}
	off2, err := s.ResetOfficeCode(ctx, by)
	if err != nil || !off2.Reset {
		t.Fatalf("ResetOfficeCode again = %+v, %v", off2, err)
	}
	if _, err := s.Authenticate(ctx, off.Code); !errors.Is(err, ErrBadCode) {
		t.Errorf("the old office code: %v", err)
	}
	if st, err := s.OfficeCode(ctx); err != nil || !st.Issued || st.KeyID != off2.KeyID {
		t.Errorf("OfficeCode = %+v, %v", st, err)
	}
	// The office code is not a unit's.
	if states, _ := s.UnitCodes(ctx, "2020"); len(states) != 3 {
		t.Errorf("UnitCodes lists %d rows, want 3", len(states))
	}
}

// Two processes creating the missing codes at once give each unit exactly one code, and
// both answer without error.
func testConcurrentCodes(t *testing.T, e engine) {
	dsn := e.fresh(t)
	a, b := open(t, dsn), open(t, dsn)
	cheapCodes(a)
	cheapCodes(b)
	ctx := context.Background()
	if err := a.SaveRound(ctx, round2020, catalogOf(t, 30, 1)); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([][]IssuedCode, 2)
	errs := make([]error, 2)
	for i, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], errs[i] = s.EnsureUnitCodes(ctx, "2020", Correction{Operator: "李四"})
		}()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatalf("errors: %v, %v", errs[0], errs[1])
	}
	if n := len(got[0]) + len(got[1]); n != 30 {
		t.Errorf("%d codes issued in all, want 30 (one per unit)", n)
	}
	for _, list := range got {
		for _, c := range list {
			if h, err := a.Authenticate(ctx, c.Code); err != nil || h.Unit != c.Holder.Unit {
				t.Errorf("code issued to %s: %+v, %v", c.Holder.Unit, h, err)
			}
		}
	}
}

// Reviews: a state per unit derived from its current version; a new version is 待审核
// again; events in the history, nothing deleted.
func testReviews(t *testing.T, e engine) {
	s := portalStore(t, e)
	ctx := context.Background()
	clock := at(9, 0)
	s.now = func() time.Time { return clock }
	states := func() map[string]xxgk.ReviewState {
		t.Helper()
		list, err := s.Reviews(ctx, "2020")
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]xxgk.ReviewState{}
		for _, r := range list {
			out[r.Unit] = r.State
		}
		return out
	}
	if st := states(); len(st) != 3 || st["CZJ"] != xxgk.ReviewNone {
		t.Fatalf("before any file: %v", st)
	}
	if _, err := s.Review(ctx, xxgk.Review{Round: "2020", Unit: "CZJ", Decision: xxgk.ReviewApprove, Operator: "李四"}); !errors.Is(err, ErrNotFound) ||
		err.Error() != "单位“CZJ”在轮次“2020”中没有当前版本（未报送），无可审核，不存在" {
		t.Errorf("reviewing a unit without a file: %v", err)
	}
	save(t, s, newSub("2020", "CZJ", "a", 3, at(8, 0)))
	save(t, s, newSub("2020", "ZRZYJ", "z", 3, at(8, 0)))
	if st := states(); st["CZJ"] != xxgk.ReviewPending || st["ZRZYJ"] != xxgk.ReviewPending || st["HBQ"] != xxgk.ReviewNone {
		t.Fatalf("after files: %v", st)
	}

	// A return needs a comment.
	if _, err := s.Review(ctx, xxgk.Review{Round: "2020", Unit: "CZJ", Decision: xxgk.ReviewReturn, Comment: "  ", Operator: "李四"}); !errors.Is(err, xxgk.ErrReviewComment) {
		t.Errorf("return without comment: %v", err)
	}
	rv, err := s.Review(ctx, xxgk.Review{Round: "2020", Unit: "CZJ", Version: 1, Decision: xxgk.ReviewReturn,
		Comment: " 栏目网址不是栏目页，请改为列表页𠀀 ", Operator: "李四"})
	if err != nil || rv.Version != 1 || rv.Comment != "栏目网址不是栏目页，请改为列表页𠀀" || !rv.At.Equal(micro(clock)) {
		t.Fatalf("Review(return) = %+v, %v", rv, err)
	}
	if _, err := s.Review(ctx, xxgk.Review{Round: "2020", Unit: "CZJ", Decision: xxgk.ReviewReturn,
		Comment: "栏目网址不是栏目页，请改为列表页𠀀", Operator: "李四"}); !errors.Is(err, ErrNoEffect) {
		t.Errorf("the same return twice: %v, want ErrNoEffect", err)
	}
	if _, err := s.Review(ctx, xxgk.Review{Round: "2020", Unit: "ZRZYJ", Decision: xxgk.ReviewApprove, Operator: "李四"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Review(ctx, xxgk.Review{Round: "2020", Unit: "ZRZYJ", Decision: xxgk.ReviewApprove, Operator: "李四"}); !errors.Is(err, ErrNoEffect) ||
		err.Error() != "单位“ZRZYJ”的第 1 版已是“已通过”，无需操作" {
		t.Errorf("approving twice: %v", err)
	}
	list, err := s.Reviews(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	if r := list[0]; r.Unit != "CZJ" || r.State != xxgk.ReviewReturned || r.Current != 1 || r.Returned() == nil ||
		r.Returned().Comment != "栏目网址不是栏目页，请改为列表页𠀀" || r.Returned().Operator != "李四" {
		t.Errorf("CZJ after return: %+v", r)
	}
	if r := list[1]; r.State != xxgk.ReviewApproved || r.Returned() != nil {
		t.Errorf("ZRZYJ after approve: %+v", r)
	}

	// The unit uploads again: 待审核, and a review of the old version is refused.
	save(t, s, newSub("2020", "CZJ", "b", 4, at(10, 0)))
	if st := states(); st["CZJ"] != xxgk.ReviewPending || st["ZRZYJ"] != xxgk.ReviewApproved {
		t.Errorf("after a new version: %v", st)
	}
	if _, err := s.Review(ctx, xxgk.Review{Round: "2020", Unit: "CZJ", Version: 1, Decision: xxgk.ReviewApprove, Operator: "李四"}); !errors.Is(err, ErrNotCurrent) ||
		err.Error() != "第 1 版已不是当前版本（单位“CZJ”已报送第 2 版），请先查看新版本再审核" {
		t.Errorf("reviewing a superseded version: %v", err)
	}
	clock = at(11, 0)
	if _, err := s.Review(ctx, xxgk.Review{Round: "2020", Unit: "CZJ", Decision: xxgk.ReviewApprove, Operator: "王五"}); err != nil {
		t.Fatal(err)
	}

	// A withdrawal leaves nothing to review.
	if _, err := s.Withdraw(ctx, "2020", "ZRZYJ", Correction{Operator: "李四"}); err != nil {
		t.Fatal(err)
	}
	if st := states(); st["CZJ"] != xxgk.ReviewApproved || st["ZRZYJ"] != xxgk.ReviewNone {
		t.Errorf("after withdraw: %v", st)
	}

	// The history keeps every review as an event and agrees with Reviews.
	rec := history(t, s, "CZJ")
	var kinds []string
	for _, e := range rec.Events {
		kinds = append(kinds, string(e.Kind)+":"+e.Operator)
	}
	if strings.Join(kinds, ",") != "return:李四,approve:王五" {
		t.Errorf("CZJ events = %v", kinds)
	}
	if r := rec.Review(); r.State != xxgk.ReviewApproved || r.Latest.Version != 2 {
		t.Errorf("UnitRecord.Review = %+v", r)
	}
	var lines []string
	for _, h := range rec.Timeline(nil) {
		lines = append(lines, h.Kind.Label())
	}
	if strings.Join(lines, ",") != "导入,退回修改,导入,审核通过" {
		t.Errorf("timeline = %v", lines)
	}
	if _, err := s.Reviews(ctx, "1999"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Reviews of an unknown round: %v", err)
	}
}

// The audit log keeps what it is given, in order, cut to its columns, from a time on.
func testAudit(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	entries := []xxgk.AuditEntry{
		{At: at(8, 0), Actor: xxgk.Actor{Kind: xxgk.ActorAnonymous}, Action: xxgk.AuditSignIn, Outcome: xxgk.AuditFailure,
			Remote: "192.0.2.7", Detail: "访问码不正确（编号 K7QXM）"},
		{At: at(9, 0), Actor: xxgk.Actor{Kind: xxgk.ActorUnit, Unit: "CZJ"}, Action: xxgk.AuditUpload, Outcome: "accepted",
			Round: "2020", Remote: "192.0.2.7", Detail: "市财政局.xlsx 第 2 版\xff" + strings.Repeat("长", 3000)},
		{At: at(10, 0), Actor: xxgk.Actor{Kind: xxgk.ActorOperator, Name: "李四"}, Action: xxgk.AuditReview, Outcome: xxgk.AuditSuccess,
			Round: "2020", Detail: "CZJ 第 2 版 通过"},
	}
	for _, en := range entries {
		if err := s.Audit(ctx, en); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.AuditSince(ctx, time.Time{}, 0)
	if err != nil || len(all) != 3 {
		t.Fatalf("AuditSince(zero) = %d entries, %v", len(all), err)
	}
	if got := all[1]; got.Actor.Unit != "CZJ" || got.Action != xxgk.AuditUpload || got.Outcome != "accepted" || got.Round != "2020" ||
		!got.At.Equal(micro(at(9, 0))) || len([]rune(got.Detail)) != 2000 || !strings.HasPrefix(got.Detail, "市财政局.xlsx 第 2 版\uFFFD长") {
		t.Errorf("upload entry = %+v", got)
	}
	if got := all[0]; got.Actor.Kind != xxgk.ActorAnonymous || got.Remote != "192.0.2.7" || got.Detail != "访问码不正确（编号 K7QXM）" {
		t.Errorf("sign-in entry = %+v", got)
	}
	since, err := s.AuditSince(ctx, at(9, 0), 0)
	if err != nil || len(since) != 2 || since[0].Action != xxgk.AuditUpload || since[1].Actor.Name != "李四" {
		t.Errorf("AuditSince(9:00) = %+v, %v", since, err)
	}
	last, err := s.AuditSince(ctx, time.Time{}, 1)
	if err != nil || len(last) != 1 || last[0].Action != xxgk.AuditReview {
		t.Errorf("AuditSince(limit 1) = %+v, %v", last, err)
	}
}
