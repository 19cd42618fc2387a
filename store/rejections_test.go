package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
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
	problems := xxgk.Problems{
		{Severity: xxgk.Error, File: "财政局.xlsx", Sheet: "填报表", Cell: "K8", Code: "CZ-01-1", Field: "发布信息条数", Value: "-3", Message: "应为大于或等于 0 的整数"},
		{Severity: xxgk.Warning, File: "财政局.xlsx", Sheet: "填报表", Cell: "G5", Code: "CZ-01-2", Field: "是否开设栏目", Value: "是", Message: "已按“已开设”读取"},
	}
	kept := []byte("PK\x03\x04 the refused workbook")
	rs := []xxgk.Rejection{
		{Round: "2020", Unit: "CZJ", FileName: "财政局.xlsx", SHA256: sha("a"), At: at, ImportedBy: "张三", Errors: 5, Problems: problems, File: kept},
		{Round: "2020", Unit: "CZJ", FileName: "财政局(2).xlsx", SHA256: sha("b"), At: at.Add(time.Hour), ImportedBy: "张三", Errors: 1,
			File: make([]byte, xxgk.RejectionKeepMax+1)}, // over the cap: recorded without content
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
	if len(got) != 2 {
		t.Fatalf("Rejections = %+v\nwant %+v", got, rs)
	}
	for i := range rs {
		want := rs[i]
		want.ID, want.File = got[i].ID, nil
		if !reflect.DeepEqual(got[i], want) || got[i].ID == 0 {
			t.Errorf("Rejections[%d] = %+v\nwant %+v", i, got[i], want)
		}
	}
	if b, err := s.RejectionFile(ctx, got[0].ID); err != nil || string(b) != string(kept) {
		t.Errorf("RejectionFile = %q, %v; want the file as refused", b, err)
	}
	if b, err := s.RejectionFile(ctx, got[1].ID); err != nil || b != nil {
		t.Errorf("RejectionFile over the cap = %d bytes, %v; want none kept", len(b), err)
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

	// Without submissions the round may still change (the office re-issues templates):
	// refused files of the old templates go with the old snapshot instead of blocking it.
	changed := smallCatalog(t)
	changed.Scope = xxgk.CountyMandatory
	if err := s.SaveRound(ctx, round2020, changed); err != nil {
		t.Fatalf("re-saving a round with refused files: %v", err)
	}
	if got, _ := s.Rejections(ctx, "2020"); len(got) != 0 {
		t.Errorf("%d refused files of the old templates kept", len(got))
	}
}

// A SQLite file held by another program fails once busy_timeout has waited, with a
// message saying so, instead of retrying the wait again and again in silence.
func TestSQLiteBusyFailsOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	s := open(t, "sqlite:"+path+"?_pragma=busy_timeout(200)")
	ctx := context.Background()
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK") //nolint:errcheck

	start := time.Now()
	err = s.SaveRejections(ctx, []xxgk.Rejection{{Round: "2020", Unit: "CZJ", FileName: "a.xlsx", SHA256: strings.Repeat("a", 64), At: start}})
	if err == nil || !strings.Contains(err.Error(), "正被其他程序占用") {
		t.Errorf("err = %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %v; busy_timeout was 200ms", d)
	}
}
