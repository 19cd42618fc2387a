package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"xxgk"
)

// TestChecks: every run is kept, the latest per column is returned, fields round-trip.
func TestChecks(t *testing.T) { forEngine(t, testChecks) }

func testChecks(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	first := time.Date(2020, 9, 28, 1, 0, 0, 123000, time.UTC)
	run1 := []xxgk.Check{
		{Round: "2020", Unit: "CZJ", Code: "CZ-01-1", URL: "http://www.ankang.gov.cn/Node-1.html",
			Page:   xxgk.Page{HTTPStatus: 200, FinalURL: "http://www.ankang.gov.cn/Node-1.html", Title: "预决算公开 - " + longText, Newest: time.Date(2019, 11, 15, 0, 0, 0, 0, time.UTC), Entries: 12, Rendered: true},
			Result: xxgk.CheckStale, Finding: "最新信息日期为2019年11月15日，已超过6个月未更新", GovDomain: true, CheckedAt: first,
			Rushed: "2020年9月21日至2020年9月27日集中发布了3条信息，此前6个月没有发布信息，疑似突击更新"},
		{Round: "2020", Unit: "CZJ", Code: "CZ-02-1", URL: "http://10.0.0.1/",
			Page:   xxgk.Page{Refused: true, Error: "网址的主机是 IP 地址 10.0.0.1"},
			Result: xxgk.CheckRefused, Finding: "网址的主机是 IP 地址 10.0.0.1", CheckedAt: first},
		{Round: "2020", Unit: "HBQ", Code: "ZT-01", URL: "http://www.hanbin.gov.cn/x.pdf",
			Page:   xxgk.Page{HTTPStatus: 200, NotHTML: "application/pdf", Truncated: true, ErrorKind: "", Error: "页面超过 2 MB"},
			Result: xxgk.CheckNameMismatch, Finding: "网址打开的不是网页", GovDomain: true, CheckedAt: first},
	}
	if err := s.SaveChecks(ctx, run1); err != nil {
		t.Fatal(err)
	}
	got, err := s.LatestChecks(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, run1) {
		t.Fatalf("LatestChecks =\n%+v\nwant\n%+v", got, run1)
	}
	// A second run re-checks one unit: its column changes, the other unit's stays.
	fixed := run1[0]
	fixed.Result, fixed.Newest, fixed.CheckedAt = xxgk.CheckOK, time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC), first.Add(time.Hour)
	if err := s.SaveChecks(ctx, []xxgk.Check{fixed}); err != nil {
		t.Fatal(err)
	}
	got, err = s.LatestChecks(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	want := []xxgk.Check{fixed, run1[1], run1[2]}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after a second run =\n%+v\nwant\n%+v", got, want)
	}
	if n := count(t, s, `SELECT COUNT(*) FROM site_checks WHERE round_id = ?`, "2020"); n != 4 {
		t.Errorf("%d rows kept, want both runs (4)", n)
	}
	// An unknown unit: nothing of the run is stored.
	bad := []xxgk.Check{fixed, {Round: "2020", Unit: "NOPE", Code: "CZ-01-1", Result: xxgk.CheckOK}}
	if err := s.SaveChecks(ctx, bad); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown unit: err = %v", err)
	}
	if n := count(t, s, `SELECT COUNT(*) FROM site_checks`); n != 4 {
		t.Errorf("a failed run stored rows: %d, want 4", n)
	}
	if _, err := s.LatestChecks(ctx, "1999"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown round: err = %v", err)
	}
	if got, err := s.LatestChecks(ctx, "2020"); err != nil || len(got) != 3 {
		t.Errorf("LatestChecks after a failed run: %d, %v", len(got), err)
	}
}
