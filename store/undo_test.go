package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"xxgk"
)

// currentOf returns a unit's current submission, or nil when Current leaves it out.
func currentOf(t testing.TB, s *Store, unit string) *xxgk.Submission {
	t.Helper()
	cur, err := s.Current(context.Background(), "2020")
	if err != nil {
		t.Fatal(err)
	}
	for i := range cur {
		if cur[i].Unit == unit {
			return &cur[i]
		}
	}
	return nil
}

func history(t testing.TB, s *Store, unit string) xxgk.UnitRecord {
	t.Helper()
	rec, err := s.History(context.Background(), "2020", unit)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// Revert records a new version with the old one's content; nothing is deleted.
func testRevert(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	clock := at(22, 0)
	s.now = func() time.Time { return clock }
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	save(t, s, newSub("2020", "CZJ", "a", 3, at(15, 0)))
	save(t, s, newSub("2020", "CZJ", "b", 5, at(16, 0)))
	v1 := history(t, s, "CZJ").Versions[0]

	v, err := s.Revert(ctx, "2020", "CZJ", 1, Correction{Operator: "李四", Note: "第 2 版是别的单位的文件"})
	if err != nil || v != 3 {
		t.Fatalf("Revert = %d, %v; want version 3", v, err)
	}
	cur := currentOf(t, s, "CZJ")
	if cur == nil || cur.Version != 3 || cur.FileName != v1.FileName || cur.SHA256 != v1.SHA256 || cur.Filler != v1.Filler ||
		cur.ImportedBy != "李四" || !cur.ImportedAt.Equal(micro(clock)) || !cur.FirstAt.Equal(micro(at(15, 0))) {
		t.Fatalf("current after revert = %+v", cur)
	}
	if !reflect.DeepEqual(cur.Items, v1.Items) || len(cur.Warnings) != 1 || cur.Warnings[0].Message != v1.Warnings[0].Message {
		t.Errorf("reverted content differs from version 1:\n got %+v\nwant %+v", cur.Items, v1.Items)
	}
	rec := history(t, s, "CZJ")
	if len(rec.Versions) != 3 || rec.Current != 3 || len(rec.Events) != 1 {
		t.Fatalf("history after revert: %d versions, current %d, events %+v", len(rec.Versions), rec.Current, rec.Events)
	}
	if ev := rec.Events[0]; ev.Kind != xxgk.EventRevert || ev.Version != 3 || ev.FromVersion != 1 || ev.Operator != "李四" ||
		ev.Note != "第 2 版是别的单位的文件" || !ev.At.Equal(micro(clock)) {
		t.Errorf("revert event = %+v", ev)
	}

	// Re-importing version 2's file is no change: the revert stays.
	if r := save(t, s, newSub("2020", "CZJ", "b", 5, at(23, 0)))[0]; !r.Unchanged || r.Current != 3 {
		t.Errorf("re-importing the reverted-away file: %+v", r)
	}
	if _, err := s.Revert(ctx, "2020", "CZJ", 3, Correction{Operator: "李四"}); !errors.Is(err, ErrNoEffect) {
		t.Errorf("reverting to the current version: err = %v, want ErrNoEffect", err)
	}
	if _, err := s.Revert(ctx, "2020", "CZJ", 1, Correction{Operator: "李四"}); !errors.Is(err, ErrNoEffect) ||
		err.Error() != "单位“CZJ”的当前版本（第 3 版）与第 1 版内容相同，无需操作" {
		t.Errorf("reverting to the content already current: err = %v, want ErrNoEffect", err)
	}
	if _, err := s.Revert(ctx, "2020", "CZJ", 9, Correction{Operator: "李四"}); !errors.Is(err, ErrNotFound) || err.Error() != "单位“CZJ”在轮次“2020”中没有第 9 版（已有第 1 至 3 版），不存在" {
		t.Errorf("reverting to a missing version: err = %v", err)
	}
	if _, err := s.Revert(ctx, "2020", "HBQ", 1, Correction{Operator: "李四"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("reverting a unit without versions: err = %v", err)
	}
	if _, err := s.Revert(ctx, "2020", "NOPE", 1, Correction{Operator: "李四"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("reverting an unknown unit: err = %v", err)
	}
	if _, err := s.Revert(ctx, "2020", "CZJ", 2, Correction{Operator: ""}); err == nil {
		t.Error("a correction without an operator was recorded")
	}
	if n := count(t, s, `SELECT COUNT(*) FROM submissions`); n != 3 {
		t.Errorf("%d submissions stored, want 3 (refused corrections add nothing)", n)
	}
}

// Withdraw makes a unit 未报送 for every reader until its next file; lateness then counts
// from that file.
func testWithdraw(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	clock := at(19, 0)
	s.now = func() time.Time { return clock }
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	save(t, s, newSub("2020", "CZJ", "wrong", 3, at(15, 0)), newSub("2020", "HBQ", "h", 1, at(15, 0)))
	if _, err := s.Withdraw(ctx, "2020", "ZRZYJ", Correction{Operator: "王五"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("withdrawing a unit without versions: err = %v", err)
	}
	v, err := s.Withdraw(ctx, "2020", "CZJ", Correction{Operator: "王五", Note: "导入到了错误的单位"})
	if err != nil || v != 1 {
		t.Fatalf("Withdraw = %d, %v", v, err)
	}
	if cur := currentOf(t, s, "CZJ"); cur != nil {
		t.Errorf("withdrawn unit still current: %+v", cur)
	}
	if currentOf(t, s, "HBQ") == nil {
		t.Error("withdrawing one unit withdrew another")
	}
	rec := history(t, s, "CZJ")
	if !rec.Withdrawn() || rec.Current != 0 || len(rec.Versions) != 1 || len(rec.Events) != 1 ||
		rec.Events[0].Kind != xxgk.EventWithdraw || rec.Events[0].Version != 1 || rec.Events[0].Operator != "王五" {
		t.Errorf("history after withdraw: %+v", rec)
	}
	if _, err := s.Withdraw(ctx, "2020", "CZJ", Correction{Operator: "王五"}); !errors.Is(err, ErrNoEffect) {
		t.Errorf("withdrawing twice: err = %v, want ErrNoEffect", err)
	}
	ov := overview(t, s)
	if ov.Units != 3 || ov.Submitted != 1 {
		t.Errorf("overview after withdraw: %+v, want 3 units, 1 submitted", ov)
	}
	// The same wrong file again changes nothing; the unit's own file, after the deadline,
	// makes it submitted again, and late: the withdrawn version no longer counts.
	if r := save(t, s, newSub("2020", "CZJ", "wrong", 3, at(20, 0)))[0]; !r.Unchanged || currentOf(t, s, "CZJ") != nil {
		t.Errorf("re-importing the withdrawn file: %+v", r)
	}
	late := at(25, 0)
	r := save(t, s, newSub("2020", "CZJ", "own", 4, late))[0]
	if r.Version != 2 || !r.FirstAt.Equal(micro(late)) {
		t.Errorf("first file after the withdrawal: %+v, want version 2 first at %v", r, micro(late))
	}
	cur := currentOf(t, s, "CZJ")
	if cur == nil || cur.Version != 2 || !cur.FirstAt.Equal(micro(late)) || !round2020.IsLate(cur.FirstAt) {
		t.Errorf("current after the withdrawal and a new file: %+v", cur)
	}
	if r := save(t, s, newSub("2020", "CZJ", "own2", 4, at(26, 0)))[0]; r.Version != 3 || !r.FirstAt.Equal(micro(late)) {
		t.Errorf("second file after the withdrawal: %+v", r)
	}
	if ov := overview(t, s); ov.Submitted != 2 {
		t.Errorf("overview after the new file: %+v", ov)
	}
	// Withdraw, then revert: the revert is how a withdrawal is undone.
	if _, err := s.Withdraw(ctx, "2020", "CZJ", Correction{Operator: "王五"}); err != nil {
		t.Fatal(err)
	}
	when := at(27, 0) // the caller's clock, when it gives one
	if v, err := s.Revert(ctx, "2020", "CZJ", 3, Correction{Operator: "王五", Note: "撤回有误", At: when}); err != nil || v != 4 {
		t.Fatalf("revert after withdraw = %d, %v", v, err)
	}
	// Undone, the withdrawal no longer decides lateness: the unit's first file after the
	// earlier withdrawal does again, not the time of the revert.
	if cur := currentOf(t, s, "CZJ"); cur == nil || cur.Version != 4 || !cur.ImportedAt.Equal(micro(when)) || !cur.FirstAt.Equal(micro(late)) {
		t.Errorf("current after undoing the withdrawal: %+v, want first at %v", cur, micro(late))
	}
	if r := save(t, s, newSub("2020", "CZJ", "own3", 4, at(28, 0)))[0]; r.Version != 5 || !r.FirstAt.Equal(micro(late)) {
		t.Errorf("a file after the undone withdrawal: %+v", r)
	}
	if ev := history(t, s, "CZJ").Events; len(ev) != 3 || !ev[2].At.Equal(micro(when)) || !ev[1].At.Equal(micro(clock)) {
		t.Errorf("event times: %+v", ev)
	}
}

func overview(t testing.TB, s *Store) RoundInfo {
	t.Helper()
	rs, err := s.RoundOverview(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.ID == "2020" {
			return r
		}
	}
	t.Fatalf("round 2020 missing from %+v", rs)
	return RoundInfo{}
}

// Clearing refusals hides them from status and feedback, not from the history.
func testClearRejections(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	clock := at(21, 0)
	s.now = func() time.Time { return clock }
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	rj := func(unit, tag string, day int) xxgk.Rejection {
		return xxgk.Rejection{Round: "2020", Unit: unit, FileName: tag + ".xlsx", SHA256: sha(tag), At: at(day, 0), ImportedBy: "office", Errors: 3}
	}
	if err := s.SaveRejections(ctx, []xxgk.Rejection{rj("CZJ", "x1", 15), rj("CZJ", "x2", 16), rj("HBQ", "h1", 16)}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClearRejections(ctx, "2020", []string{"ZRZYJ"}, Correction{Operator: "赵六"}); !errors.Is(err, ErrNoEffect) {
		t.Errorf("clearing a unit without refusals: err = %v", err)
	}
	if _, err := s.ClearRejections(ctx, "2020", []string{"NOPE"}, Correction{Operator: "赵六"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("clearing an unknown unit: err = %v", err)
	}
	got, err := s.ClearRejections(ctx, "2020", []string{"CZJ"}, Correction{Operator: "赵六", Note: "空白模板误导入"})
	if err != nil || !reflect.DeepEqual(got, map[string]int{"CZJ": 2}) {
		t.Fatalf("ClearRejections(CZJ) = %v, %v", got, err)
	}
	left, err := s.Rejections(ctx, "2020")
	if err != nil || len(left) != 1 || left[0].Unit != "HBQ" {
		t.Errorf("refusals still counted: %+v, %v", left, err)
	}
	rec := history(t, s, "CZJ")
	if len(rec.Rejections) != 2 || !rec.Rejections[0].Cleared || !rec.Rejections[1].Cleared || len(rec.Events) != 1 {
		t.Fatalf("history keeps the cleared refusals: %+v", rec)
	}
	if ev := rec.Events[0]; ev.Kind != xxgk.EventClearRejections || ev.Cleared != 2 || ev.Operator != "赵六" || ev.Note != "空白模板误导入" {
		t.Errorf("clear event = %+v", ev)
	}
	if _, err := s.ClearRejections(ctx, "2020", []string{"CZJ"}, Correction{Operator: "赵六"}); !errors.Is(err, ErrNoEffect) {
		t.Errorf("clearing twice: err = %v, want ErrNoEffect", err)
	}
	// A refusal after the clearing counts again.
	if err := s.SaveRejections(ctx, []xxgk.Rejection{rj("CZJ", "x3", 22)}); err != nil {
		t.Fatal(err)
	}
	rec = history(t, s, "CZJ")
	if len(rec.Rejections) != 3 || rec.Rejections[2].Cleared {
		t.Errorf("a later refusal is not cleared: %+v", rec.Rejections)
	}
	all, err := s.ClearRejections(ctx, "2020", nil, Correction{Operator: "赵六"})
	if err != nil || !reflect.DeepEqual(all, map[string]int{"CZJ": 1, "HBQ": 1}) {
		t.Errorf("ClearRejections(all) = %v, %v", all, err)
	}
	if left, _ := s.Rejections(ctx, "2020"); len(left) != 0 {
		t.Errorf("after clearing all: %+v", left)
	}
	if _, err := s.ClearRejections(ctx, "2020", nil, Correction{Operator: "赵六"}); !errors.Is(err, ErrNoEffect) {
		t.Errorf("clearing an empty round: err = %v", err)
	}
	if _, err := s.ClearRejections(ctx, "1999", nil, Correction{Operator: "赵六"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("clearing an unknown round: err = %v", err)
	}
	// A round without submissions may still be re-issued; its corrections go with the
	// old snapshot instead of blocking it.
	changed := smallCatalog(t)
	changed.Scope = xxgk.CountyMandatory
	if err := s.SaveRound(ctx, round2020, changed); err != nil {
		t.Fatalf("re-issuing a round with cleared refusals: %v", err)
	}
}

func testRoundOverview(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	if rs, err := s.RoundOverview(ctx); err != nil || len(rs) != 0 {
		t.Errorf("empty database: %+v, %v", rs, err)
	}
	newer := xxgk.Round{ID: "2021", Title: "2021 年", Deadline: time.Date(2021, 9, 20, 0, 0, 0, 0, time.UTC),
		Created: time.Date(2021, 8, 1, 0, 0, 0, 0, time.UTC)}
	for _, r := range []xxgk.Round{round2020, newer} {
		if err := s.SaveRound(ctx, r, smallCatalog(t)); err != nil {
			t.Fatal(err)
		}
	}
	save(t, s, newSub("2020", "CZJ", "a", 2, at(15, 0)), newSub("2020", "CZJ", "b", 2, at(16, 0)), newSub("2020", "HBQ", "c", 1, at(16, 0)),
		newSub("2021", "ZRZYJ", "d", 1, at(16, 0)))
	rs, err := s.RoundOverview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].ID != "2021" || rs[0].Units != 3 || rs[0].Submitted != 1 ||
		rs[1].ID != "2020" || rs[1].Units != 3 || rs[1].Submitted != 2 || rs[1].Title != round2020.Title ||
		!rs[1].Deadline.Equal(round2020.Deadline) || !rs[1].Created.Equal(micro(round2020.Created)) {
		t.Errorf("RoundOverview = %+v", rs)
	}
}

// Two operators reverting at once: one new version, the others told there is nothing to do.
func testConcurrentReverts(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	save(t, s, newSub("2020", "CZJ", "a", 3, at(15, 0)), newSub("2020", "CZJ", "b", 3, at(16, 0)))
	const n = 4
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		go func() {
			_, err := s.Revert(ctx, "2020", "CZJ", 1, Correction{Operator: "op"})
			errs <- err
		}()
	}
	ok, none := 0, 0
	for i := 0; i < n; i++ {
		switch err := <-errs; {
		case err == nil:
			ok++
		case errors.Is(err, ErrNoEffect):
			none++
		default:
			t.Errorf("concurrent revert: %v", err)
		}
	}
	rec := history(t, s, "CZJ")
	if ok != 1 || none != n-1 || len(rec.Versions) != 3 || len(rec.Events) != 1 || rec.Current != 3 {
		t.Errorf("%d reverts done, %d without effect; %d versions, %d events, current %d", ok, none, len(rec.Versions), len(rec.Events), rec.Current)
	}
}
