package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"xxgk"
)

// at is a China-time instant with nanoseconds; the store keeps microseconds in UTC.
func at(day, ns int) time.Time {
	return time.Date(2020, 9, day, 10, 0, 0, ns, xxgk.ChinaTime)
}

func micro(t time.Time) time.Time { return t.Truncate(time.Microsecond).UTC() }

func save(t testing.TB, s *Store, subs ...*xxgk.Submission) []SaveResult {
	t.Helper()
	res, err := s.SaveSubmissions(context.Background(), subs)
	if err != nil {
		t.Fatalf("SaveSubmissions: %v", err)
	}
	return res
}

func testVersions(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	t1, t2, t3, t4 := at(15, 123456789), at(16, 5000), at(17, 0), at(21, 999)
	a := newSub("2020", "CZJ", "a", 4, t1)
	r1 := save(t, s, a)[0]
	if r1.Version != 1 || r1.Unchanged || r1.ID <= 0 || r1.FirstAt != micro(t1) || a.ID != r1.ID || a.Version != 1 || a.FirstAt != micro(t1) {
		t.Errorf("first import: %+v, sub %d v%d %v", r1, a.ID, a.Version, a.FirstAt)
	}
	r2 := save(t, s, newSub("2020", "CZJ", "b", 4, t2))[0]
	if r2.Version != 2 || r2.Unchanged || r2.ID == r1.ID || r2.FirstAt != micro(t1) {
		t.Errorf("second file: %+v", r2)
	}
	same := newSub("2020", "CZJ", "b", 4, t3)
	r3 := save(t, s, same)[0]
	if r3 != (SaveResult{Version: 2, Unchanged: true, ID: r2.ID, FirstAt: micro(t1), Current: 2}) || same.Version != 2 || same.ID != r2.ID {
		t.Errorf("re-importing the current file: %+v", r3)
	}
	// Re-importing an earlier file (the office re-reading its whole inbox) is no change: it
	// is reported as the version it matches and v2 stays current.
	old := newSub("2020", "CZJ", "a", 4, t3)
	if r := save(t, s, old)[0]; r != (SaveResult{Version: 1, Unchanged: true, ID: r1.ID, FirstAt: micro(t1), Current: 2}) || old.Version != 1 || old.ID != r1.ID {
		t.Errorf("earlier file again: %+v, want unchanged v1 (current v2)", r)
	}
	back := newSub("2020", "CZJ", "c", 4, t4)
	if r4 := save(t, s, back)[0]; r4.Version != 3 || r4.Unchanged || r4.Current != 3 {
		t.Errorf("new file after that: %+v", r4)
	}

	vs, err := s.Versions(ctx, "2020", "CZJ")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		sha string
		at  time.Time
	}{{sha("a"), t1}, {sha("b"), t2}, {sha("c"), t4}}
	if len(vs) != len(want) {
		t.Fatalf("Versions: %d entries, want %d", len(vs), len(want))
	}
	for i, v := range vs {
		if v.Version != i+1 || v.SHA256 != want[i].sha || !v.ImportedAt.Equal(micro(want[i].at)) ||
			v.ImportedAt.Location() != time.UTC || !v.FirstAt.Equal(micro(t1)) || v.Items != nil {
			t.Errorf("version %d = %+v", i+1, v)
		}
	}
	if !vs[0].ImportedAt.Equal(time.Date(2020, 9, 15, 2, 0, 0, 123456000, time.UTC)) {
		t.Errorf("timestamp not kept to the microsecond in UTC: %v", vs[0].ImportedAt)
	}

	cur, err := s.Current(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	if len(cur) != 1 {
		t.Fatalf("Current: %d submissions, want 1", len(cur))
	}
	c := cur[0]
	if c.Version != 3 || c.ID != back.ID || !c.FirstAt.Equal(micro(t1)) || !c.ImportedAt.Equal(micro(t4)) {
		t.Errorf("current = v%d id %d first %v at %v", c.Version, c.ID, c.FirstAt, c.ImportedAt)
	}
	if !reflect.DeepEqual(c.Items, back.Items) {
		t.Errorf("current items:\n got %+v\nwant %+v", c.Items, back.Items)
	}
	wantWarn := back.Warnings[0]
	wantWarn.File = back.FileName
	if len(c.Warnings) != 1 || c.Warnings[0] != wantWarn {
		t.Errorf("current warnings = %+v, want %+v", c.Warnings, wantWarn)
	}
}

func testSameFileTwiceInBatch(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	if err := s.SaveRound(context.Background(), round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	res := save(t, s,
		newSub("2020", "CZJ", "x", 2, at(15, 0)),
		newSub("2020", "HBQ", "x", 2, at(15, 0)), // same file, other unit: its own version 1
		newSub("2020", "CZJ", "x", 2, at(15, 0)),
		newSub("2020", "CZJ", "y", 2, at(15, 0)),
		newSub("2020", "CZJ", "x", 2, at(15, 0)), // back to the first file, still in the batch
	)
	if res[0].Version != 1 || res[0].Unchanged || res[1].Version != 1 || res[1].Unchanged {
		t.Errorf("first copies: %+v %+v", res[0], res[1])
	}
	if res[2] != (SaveResult{Version: 1, Unchanged: true, ID: res[0].ID, FirstAt: res[0].FirstAt, Current: 2}) {
		t.Errorf("second copy in the batch = %+v, want unchanged v1 id %d", res[2], res[0].ID)
	}
	if res[3].Version != 2 || res[3].Unchanged || !res[3].FirstAt.Equal(res[0].FirstAt) {
		t.Errorf("next file in the batch = %+v", res[3])
	}
	if res[4] != (SaveResult{Version: 1, Unchanged: true, ID: res[0].ID, FirstAt: res[0].FirstAt, Current: 2}) {
		t.Errorf("first file again after the second = %+v, want unchanged v1 id %d", res[4], res[0].ID)
	}
	if n := count(t, s, `SELECT COUNT(*) FROM submission_items`); n != 6 {
		t.Errorf("%d items stored, want 6", n)
	}
}

func testItemsRoundTrip(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	cat := catalogOf(t, 5, 60)
	if err := s.SaveRound(ctx, round2020, cat); err != nil {
		t.Fatal(err)
	}
	// Saved in reverse order; Current lists units in catalog order.
	var subs []*xxgk.Submission
	for i := 4; i >= 0; i-- {
		subs = append(subs, newSub("2020", fmt.Sprintf("U%04d", i), fmt.Sprint("f", i), 60, at(15, i)))
	}
	subs[0].Items, subs[0].Warnings = nil, nil
	save(t, s, subs...)
	cur, err := s.Current(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	if len(cur) != 5 {
		t.Fatalf("Current: %d, want 5", len(cur))
	}
	for i, c := range cur {
		want := subs[4-i]
		if c.Unit != fmt.Sprintf("U%04d", i) {
			t.Errorf("Current[%d] is %s", i, c.Unit)
		}
		if c.Filler != want.Filler || c.Phone != want.Phone || c.FileName != want.FileName || c.FileSize != want.FileSize ||
			c.SHA256 != want.SHA256 || c.ImportedBy != want.ImportedBy || c.Round != "2020" {
			t.Errorf("%s: metadata %+v", c.Unit, c)
		}
		if !reflect.DeepEqual(c.Items, want.Items) {
			t.Errorf("%s: items differ:\n got %+v\nwant %+v", c.Unit, c.Items, want.Items)
		}
		if len(c.Warnings) != len(want.Warnings) {
			t.Errorf("%s: %d warnings, want %d", c.Unit, len(c.Warnings), len(want.Warnings))
		}
	}
	if it := cur[0].Items[1]; it.Count != -1 || !it.LastUpdate.IsZero() || it.Remark != "正在建设𠀀" {
		t.Errorf("NULLs and 4-byte text: %+v", it)
	}
	if it := cur[0].Items[0]; it.Count != 0 || !it.LastUpdate.Equal(time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("zero count and date: %+v", it)
	}
	if cur[0].Items[2].Remark != longText {
		t.Errorf("long text truncated")
	}
}
