package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"xxgk"
)

func TestNotices(t *testing.T) { forEngine(t, testNotices) }

// testNotices: a round starts without paper settings, keeps what is saved (dates as China
// calendar days, whatever zone they were given in), survives re-saving the round, and an
// unknown round is ErrNotFound.
func testNotices(t *testing.T, e engine) {
	dsn := e.fresh(t)
	s := open(t, dsn)
	ctx := context.Background()
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	n, err := s.Notice(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	if n != (xxgk.Notice{}) {
		t.Errorf("new round has notice %+v, want none", n)
	}
	// 2020-10-08 16:30 UTC is already 00:30 on the 9th in Beijing: the day kept is the 9th.
	want := xxgk.Notice{DocNumber: "安电政办字〔2020〕6号", Issuer: "安康市电子政务办公室",
		Date:    time.Date(2020, 9, 25, 0, 0, 0, 0, xxgk.ChinaTime),
		ReplyBy: time.Date(2020, 10, 8, 16, 30, 0, 0, time.UTC),
		AsOf:    time.Date(2020, 9, 28, 0, 0, 0, 0, xxgk.ChinaTime),
		CC:      "市政府办公室，各县区政府办公室", PortalURL: "https://xxgk.example.gov.cn/"}
	if err := s.SaveNotice(ctx, "2020", want); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, dsn)
	got, err := s.Notice(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	if got.DocNumber != want.DocNumber || got.Issuer != want.Issuer || !got.Date.Equal(want.Date) ||
		!got.AsOf.Equal(want.AsOf) || got.CC != want.CC || got.PortalURL != want.PortalURL {
		t.Errorf("notice = %+v, want %+v", got, want)
	}
	if y, m, d := got.ReplyBy.In(xxgk.ChinaTime).Date(); y != 2020 || m != 10 || d != 9 {
		t.Errorf("reply-by = %v, want 2020-10-09 (China time)", got.ReplyBy)
	}

	// Saving again replaces; a cleared deadline stays cleared.
	want.ReplyBy = time.Time{}
	want.DocNumber = "安电政办字〔2020〕7号"
	if err := s.SaveNotice(ctx, "2020", want); err != nil {
		t.Fatal(err)
	}
	if got, err = s.Notice(ctx, "2020"); err != nil || got.DocNumber != want.DocNumber || got.HasReplyBy() {
		t.Errorf("after second save: %+v, %v", got, err)
	}
	if n := count(t, s, `SELECT COUNT(*) FROM round_notices`); n != 1 {
		t.Errorf("round_notices has %d rows, want 1", n)
	}

	if _, err := s.Notice(ctx, "2099"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Notice(unknown round) = %v, want ErrNotFound", err)
	}
	if err := s.SaveNotice(ctx, "2099", want); !errors.Is(err, ErrNotFound) {
		t.Errorf("SaveNotice(unknown round) = %v, want ErrNotFound", err)
	}
}
