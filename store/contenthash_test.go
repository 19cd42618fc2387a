package store

import (
	"context"
	"testing"
)

// A file re-saved in another program has new bytes but the same values: it is the same
// submission. Rows stored before migration 0008 get the same hash from their items.
func TestContentHashDecidesUnchanged(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		s := open(t, e.fresh(t))
		ctx := context.Background()
		if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
			t.Fatal(err)
		}
		first := save(t, s, newSub("2020", "CZJ", "a", 7, at(15, 0)))[0]
		resaved := func(tag string) *SaveResult {
			sub := newSub("2020", "CZJ", "a", 7, at(16, 0))
			sub.SHA256, sub.FileName, sub.FileSize = sha(tag), "市财政局（WPS 另存）.xlsx", 99999
			return &save(t, s, sub)[0]
		}
		if r := resaved("wps"); !r.Unchanged || r.Version != 1 || r.ID != first.ID {
			t.Errorf("re-saved file: %+v, want unchanged v1", *r)
		}
		if n := count(t, s, `SELECT COUNT(*) FROM submissions WHERE content_hash = ?`, newSub("2020", "CZJ", "a", 7, at(15, 0)).ContentHash()); n != 1 {
			t.Errorf("%d rows carry the content hash, want 1", n)
		}

		// As if stored before 0008: the backfill recomputes the hash from the items.
		if _, err := s.db.ExecContext(ctx, `UPDATE submissions SET content_hash = ''`); err != nil {
			t.Fatal(err)
		}
		if r := resaved("libreoffice"); r.Unchanged {
			t.Fatalf("without a stored hash the re-saved file matched: %+v (the test proves nothing)", *r)
		}
		if _, err := s.db.ExecContext(ctx, `DELETE FROM submission_items WHERE submission_id IN (SELECT id FROM submissions WHERE version = 2)`); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, `DELETE FROM submission_problems WHERE submission_id IN (SELECT id FROM submissions WHERE version = 2)`); err != nil {
			t.Fatal(err)
		}
		if _, err := s.db.ExecContext(ctx, `DELETE FROM submissions WHERE version = 2`); err != nil {
			t.Fatal(err)
		}
		if err := backfillContentHashes(ctx, s.db); err != nil {
			t.Fatal(err)
		}
		if r := resaved("excel"); !r.Unchanged || r.Version != 1 {
			t.Errorf("re-saved file after the backfill: %+v, want unchanged v1", *r)
		}

		// A changed value is a new version.
		changed := newSub("2020", "CZJ", "a", 7, at(17, 0))
		changed.Phone = "0915-0000000"
		if r := save(t, s, changed)[0]; r.Unchanged || r.Version != 2 {
			t.Errorf("changed phone: %+v, want v2", r)
		}
	})
}

// Opening a database stored before migration 0008 adds the column and fills it from the
// stored items: a re-saved copy of an old file is then unchanged.
func TestMigration0008Backfills(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		dsn := e.fresh(t)
		s := open(t, dsn)
		ctx := context.Background()
		if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
			t.Fatal(err)
		}
		save(t, s, newSub("2020", "CZJ", "a", 7, at(15, 0)), newSub("2020", "ZRZYJ", "b", 5, at(15, 0)))
		// Back to the schema before 0008.
		drop := []string{`DROP INDEX submissions_content`, `ALTER TABLE submissions DROP COLUMN content_hash`, `DELETE FROM schema_migrations WHERE version = 8`}
		if e.name == "mysql" {
			drop[0] = `DROP INDEX submissions_content ON submissions`
		}
		for _, q := range drop {
			if _, err := s.db.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		s.Close()

		s = open(t, dsn)
		if n := count(t, s, `SELECT COUNT(*) FROM submissions WHERE content_hash = ''`); n != 0 {
			t.Errorf("%d rows left without a content hash", n)
		}
		sub := newSub("2020", "ZRZYJ", "b", 5, at(16, 0))
		sub.SHA256 = sha("re-saved")
		if r := save(t, s, sub)[0]; !r.Unchanged || r.Version != 1 {
			t.Errorf("re-saved old file: %+v, want unchanged v1", r)
		}
	})
}
