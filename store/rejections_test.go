package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"xxgk"
)

func testRejections(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2020, 9, 18, 2, 0, 0, 123000, time.UTC)
	sha := func(c string) string { return strings.Repeat(c, 64) }
	rs := []xxgk.Rejection{
		{Round: "2020", Unit: "CZJ", FileName: "财政局.xlsx", SHA256: sha("a"), At: at, ImportedBy: "张三", Errors: 5},
		{Round: "2020", Unit: "CZJ", FileName: "财政局(2).xlsx", SHA256: sha("b"), At: at.Add(time.Hour), ImportedBy: "张三", Errors: 1},
	}
	if err := s.SaveRejections(ctx, rs); err != nil {
		t.Fatal(err)
	}
	// The same refused file again is not a new attempt.
	again := rs[0]
	again.At = at.Add(2 * time.Hour)
	if err := s.SaveRejections(ctx, []xxgk.Rejection{again}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Rejections(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != rs[0] || got[1] != rs[1] {
		t.Errorf("Rejections = %+v\nwant %+v", got, rs)
	}
	// Unknown unit: nothing of the batch is stored.
	bad := []xxgk.Rejection{{Round: "2020", Unit: "CZJ", FileName: "c.xlsx", SHA256: sha("c"), At: at}, {Round: "2020", Unit: "NOPE", FileName: "x.xlsx", SHA256: sha("d"), At: at}}
	if err := s.SaveRejections(ctx, bad); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown unit: err = %v", err)
	}
	if got, _ := s.Rejections(ctx, "2020"); len(got) != 2 {
		t.Errorf("a failed batch stored %d rows, want the 2 from before", len(got))
	}
	if _, err := s.Rejections(ctx, "1999"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown round: err = %v", err)
	}
}
