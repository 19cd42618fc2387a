package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"sync"
	"testing"
	"time"

	"xxgk"
)

// testConcurrentSaves races goroutines on one store and on a second store of the same
// database, as two import processes would: every distinct file must become exactly one
// version, numbered without gaps or duplicates, and an identical file only one.
func testConcurrentSaves(t *testing.T, e engine) {
	dsn := e.fresh(t)
	stores := []*Store{open(t, dsn), open(t, dsn)}
	if err := stores[0].SaveRound(context.Background(), round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	const workers, files = 6, 4
	var wg sync.WaitGroup
	errs := make(chan error, workers*files)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := stores[w%2]
			for f := range files {
				tag := fmt.Sprintf("w%d-f%d", w, f)
				_, err := s.SaveSubmissions(context.Background(), []*xxgk.Submission{
					newSub("2020", "CZJ", tag+"-CZJ", 3, time.Now()),
					newSub("2020", "HBQ", "same", 3, time.Now()),
					newSub("2020", "ZRZYJ", tag+"-Z", 3, time.Now()),
				})
				if err != nil {
					errs <- fmt.Errorf("%s: %w", tag, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, unit := range []string{"CZJ", "ZRZYJ"} {
		vs, err := stores[1].Versions(context.Background(), "2020", unit)
		if err != nil {
			t.Fatal(err)
		}
		var shas []string
		for i, v := range vs {
			if v.Version != i+1 {
				t.Errorf("%s: version %d at position %d", unit, v.Version, i+1)
			}
			shas = append(shas, v.SHA256)
		}
		var want []string
		for w := range workers {
			for f := range files {
				suffix := "-CZJ"
				if unit == "ZRZYJ" {
					suffix = "-Z"
				}
				want = append(want, sha(fmt.Sprintf("w%d-f%d%s", w, f, suffix)))
			}
		}
		sort.Strings(shas)
		sort.Strings(want)
		if !reflect.DeepEqual(shas, want) {
			t.Errorf("%s: %d versions stored, want every one of the %d distinct files once", unit, len(shas), len(want))
		}
	}
	if vs, err := stores[0].Versions(context.Background(), "2020", "HBQ"); err != nil || len(vs) != 1 {
		t.Errorf("identical file saved concurrently: %d versions (%v), want 1", len(vs), err)
	}
	if n, want := count(t, stores[0], `SELECT COUNT(*) FROM submission_items`), (2*workers*files+1)*3; n != want {
		t.Errorf("%d items stored, want %d", n, want)
	}
}

// testFailMidBatch makes the database fail at points inside a batch: nothing of the batch
// may remain, and running it again completes it.
func testFailMidBatch(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	if err := s.SaveRound(context.Background(), round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	save(t, s, newSub("2020", "CZJ", "base", 3, at(15, 0)))
	broken := errors.New("disk full")
	type failure struct {
		name, stage string
		inject      func(ctx context.Context, cancel context.CancelFunc, q DBTX) error
	}
	failures := []failure{
		{"cancel after submissions", "submissions", func(_ context.Context, cancel context.CancelFunc, _ DBTX) error { cancel(); return nil }},
		{"error after items", "items", func(context.Context, context.CancelFunc, DBTX) error { return broken }},
		{"error before commit", "commit", func(context.Context, context.CancelFunc, DBTX) error { return broken }},
	}
	if e.name == "mysql" {
		failures = append(failures, failure{"connection killed", "items",
			func(ctx context.Context, _ context.CancelFunc, q DBTX) error {
				var id int64
				if err := q.QueryRowContext(ctx, "SELECT CONNECTION_ID()").Scan(&id); err != nil {
					return err
				}
				_, err := s.db.ExecContext(ctx, fmt.Sprintf("KILL %d", id))
				return err
			}})
	}
	tables := []string{"submissions", "submission_items", "submission_problems"}
	for n, f := range failures {
		t.Run(f.name, func(t *testing.T) {
			before := map[string]int{}
			for _, tb := range tables {
				before[tb] = count(t, s, "SELECT COUNT(*) FROM "+tb)
			}
			batch := func() []*xxgk.Submission {
				return []*xxgk.Submission{
					newSub("2020", "CZJ", fmt.Sprint("new", n), 60, at(16, 0)),
					newSub("2020", "ZRZYJ", fmt.Sprint("new", n), 60, at(16, 0)),
				}
			}
			subs := batch()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			s.failpoint = func(ctx context.Context, q DBTX, stage string) error {
				if stage != f.stage {
					return nil
				}
				return f.inject(ctx, cancel, q)
			}
			res, err := s.SaveSubmissions(ctx, subs)
			s.failpoint = nil
			if err == nil {
				t.Fatalf("batch succeeded despite the failure: %+v", res)
			}
			for _, tb := range tables {
				if got := count(t, s, "SELECT COUNT(*) FROM "+tb); got != before[tb] {
					t.Errorf("%s: %d rows after the failed batch, want %d", tb, got, before[tb])
				}
			}
			if subs[0].ID != 0 || subs[0].Version != 0 {
				t.Errorf("failed batch set the submission's id/version: %d/%d", subs[0].ID, subs[0].Version)
			}
			res = save(t, s, batch()...)
			if res[0].Unchanged || res[1].Unchanged {
				t.Errorf("rerun: %+v", res)
			}
			if got := count(t, s, "SELECT COUNT(*) FROM submission_items"); got != before["submission_items"]+120 {
				t.Errorf("rerun stored %d items, want 120", got-before["submission_items"])
			}
		})
	}
}
