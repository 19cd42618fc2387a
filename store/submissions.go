package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"xxgk"
)

// SaveResult tells what SaveSubmissions did with one submission.
type SaveResult struct {
	Version   int       // the version stored, or, when Unchanged, the stored version with the same content
	Unchanged bool      // some stored version of the unit says the same (same content hash): nothing written
	ID        int64     // the row id of Version
	FirstAt   time.Time // when the version deciding lateness (1, or the first after a withdrawal) was imported
	// Current is the unit's current (highest) version once the batch is stored. It is
	// above Version when an older file was imported again.
	Current int
	// Withdrawn: Unchanged, and the unit's submission is withdrawn (xxgk withdraw), so it
	// stays 未报送; only a revert brings the version back.
	Withdrawn bool
}

// SaveSubmissions stores a batch of accepted workbooks in ONE transaction with multi-row
// INSERTs. For each submission, if ANY stored version of the unit has the same content
// (xxgk.Submission.ContentHash: the normalised values, not the file bytes, so a file
// re-saved in another program is still the same) it is Unchanged, reported as that
// version, and nothing is written: the office re-importing its whole inbox must not turn
// an old file into the newest version. Otherwise it becomes version current+1 with its
// items and warnings. The same content twice in the batch for one unit is stored once.
//
// Two imports running at once cannot create the same version: the schema's unique key
// (round_id, unit_code, version) makes the later one fail, and the whole batch is retried
// (a bounded number of times) against what is then stored. If the batch fails, nothing of
// it is stored and the error is returned; the caller may retry file by file.
// On success each submission's ID, Version and FirstAt are set, and ImportedAt to what was
// stored: UTC, to the microsecond (the store's clock when it was zero).
//
// An error caused by what a submission holds rather than by the database (text over
// xxgk's limits, a value a column refuses) is a *DataError, on both engines alike.
func (s *Store) SaveSubmissions(ctx context.Context, subs []*xxgk.Submission) ([]SaveResult, error) {
	if len(subs) == 0 {
		return nil, nil
	}
	at := make([]time.Time, len(subs))
	now := s.now()
	for i, sub := range subs {
		if err := validSubmission(sub); err != nil {
			return nil, err
		}
		if err := checkText(sub); err != nil {
			return nil, err
		}
		at[i] = sub.ImportedAt
		if at[i].IsZero() {
			at[i] = now
		}
		at[i] = at[i].Truncate(time.Microsecond).UTC() // what the database keeps
	}
	hashes := make([]string, len(subs))
	for i, sub := range subs {
		hashes[i] = sub.ContentHash()
	}
	var res []SaveResult
	err := s.retry(ctx, func() error {
		return s.inTx(ctx, false, func(tx *sql.Tx) error {
			var err error
			res, err = s.saveBatch(ctx, tx, subs, hashes, at)
			if err == nil {
				err = s.fail(ctx, tx, "commit")
			}
			return err
		})
	})
	if de := asDataError(err); de != nil {
		return nil, hide(de, s.secret)
	}
	if err != nil {
		return nil, err
	}
	for i, sub := range subs {
		sub.ID, sub.Version, sub.FirstAt, sub.ImportedAt = res[i].ID, res[i].Version, res[i].FirstAt, at[i]
	}
	return res, nil
}

func validSubmission(sub *xxgk.Submission) error {
	switch {
	case sub == nil:
		return errors.New("保存提交：空的提交")
	case sub.Round == "" || sub.Unit == "":
		return fmt.Errorf("保存提交 %s：缺少轮次或单位", sub.FileName)
	case len(sub.SHA256) != 64:
		return fmt.Errorf("保存提交 %s：SHA-256 应为 64 位十六进制，实为“%s”", sub.FileName, sub.SHA256)
	}
	return nil
}

// unitKey names one unit's answers in one round.
type unitKey struct{ round, unit string }

// head is what the batch needs to know about a unit's stored versions.
type head struct {
	version int // current (highest) version
	first   int // the version whose import decides lateness: 1, or the first after a withdrawal; 0 = 1
	firstAt time.Time
	files   map[string]match // content hash → the version saying that, for the batch's contents only
}

// match is a version holding a given file.
type match struct {
	version int
	id      int64 // 0 while the version is being inserted by this batch
	from    int   // index in the batch that created the version, or -1 when stored before
}

func newHead() *head { return &head{files: map[string]match{}} }

// saveBatch is one attempt at the batch inside tx.
func (s *Store) saveBatch(ctx context.Context, tx *sql.Tx, subs []*xxgk.Submission, hashes []string, at []time.Time) ([]SaveResult, error) {
	units := map[string][]string{} // round → distinct units, first-seen order
	seen := map[unitKey]bool{}
	for _, sub := range subs {
		k := unitKey{sub.Round, sub.Unit}
		if !seen[k] {
			seen[k] = true
			units[sub.Round] = append(units[sub.Round], sub.Unit)
		}
	}
	heads := map[unitKey]*head{}
	for round, us := range units {
		if err := checkUnits(ctx, tx, round, us); err != nil {
			return nil, err
		}
		if err := loadHeads(ctx, tx, round, us, heads); err != nil {
			return nil, err
		}
		if err := loadMatches(ctx, tx, round, filesOf(subs, hashes, round), heads); err != nil {
			return nil, err
		}
	}

	res := make([]SaveResult, len(subs))
	base := map[unitKey]int{} // version stored before this batch, per unit
	var fresh []int           // indexes of submissions to insert
	for i, sub := range subs {
		k := unitKey{sub.Round, sub.Unit}
		h := heads[k]
		if h == nil {
			h = newHead()
			heads[k] = h
		}
		if _, ok := base[k]; !ok {
			base[k] = h.version
		}
		if m, ok := h.files[hashes[i]]; ok {
			// After a withdrawal the first version still to come is above the highest.
			res[i] = SaveResult{Version: m.version, Unchanged: true, ID: m.id, FirstAt: h.firstAt, Withdrawn: h.first > h.version}
			if m.from >= 0 {
				res[i].ID = -1 - int64(m.from) // resolved once the creating row has its id
			}
			continue
		}
		h.version++
		h.files[hashes[i]] = match{version: h.version, from: i}
		if h.version == max(h.first, 1) {
			h.firstAt = at[i]
		}
		res[i] = SaveResult{Version: h.version, FirstAt: h.firstAt}
		fresh = append(fresh, i)
	}
	for i, sub := range subs {
		res[i].Current = heads[unitKey{sub.Round, sub.Unit}].version
	}
	if len(fresh) == 0 {
		return res, nil
	}

	b := newBulk(tx, "submissions", "round_id", "unit_code", "version", "filler", "phone", "file_name",
		"file_size", "sha256", "content_hash", "imported_at", "imported_by")
	defer b.close()
	for _, i := range fresh {
		sub := subs[i]
		if err := b.add(ctx, sub.Round, sub.Unit, res[i].Version, sub.Filler, sub.Phone, sub.FileName,
			sub.FileSize, sub.SHA256, hashes[i], at[i].UnixMicro(), sub.ImportedBy); err != nil {
			return nil, err
		}
	}
	if err := b.flush(ctx); err != nil {
		return nil, err
	}
	if err := s.fail(ctx, tx, "submissions"); err != nil {
		return nil, err
	}
	ids, err := newIDs(ctx, tx, units, base)
	if err != nil {
		return nil, err
	}
	for _, i := range fresh {
		id, ok := ids[versionKey{unitKey{subs[i].Round, subs[i].Unit}, res[i].Version}]
		if !ok {
			return nil, fmt.Errorf("保存提交 %s：写入后找不到版本 %d", subs[i].FileName, res[i].Version)
		}
		res[i].ID = id
	}
	for i := range res {
		if res[i].ID < 0 {
			res[i].ID = res[-1-res[i].ID].ID
		}
	}
	if err := saveItems(ctx, tx, subs, fresh, res); err != nil {
		return nil, err
	}
	return res, s.fail(ctx, tx, "items")
}

// saveItems writes the rows and warnings of the inserted submissions.
func saveItems(ctx context.Context, tx *sql.Tx, subs []*xxgk.Submission, fresh []int, res []SaveResult) error {
	items := newBulk(tx, "submission_items", "submission_id", "seq", "code", "status", "column_name", "url",
		"last_update", "item_count", "reported", "remark")
	defer items.close()
	probs := newBulk(tx, "submission_problems", "submission_id", "seq", "severity", "sheet", "cell", "code",
		"field", "value", "message")
	defer probs.close()
	for _, i := range fresh {
		id := res[i].ID
		for j, it := range subs[i].Items {
			var last, count any
			if !it.LastUpdate.IsZero() {
				last = it.LastUpdate.Format(dateLayout)
			}
			if it.Count >= 0 {
				count = int64(it.Count)
			}
			if err := items.add(ctx, id, j+1, it.Code, string(it.Status), it.ColumnName, it.URL, last, count,
				it.Reported, it.Remark); err != nil {
				return err
			}
		}
		for j, p := range subs[i].Warnings {
			if err := probs.add(ctx, id, j+1, string(p.Severity), p.Sheet, p.Cell, p.Code, p.Field, p.Value,
				p.Message); err != nil {
				return err
			}
		}
	}
	if err := items.flush(ctx); err != nil {
		return err
	}
	return probs.flush(ctx)
}
