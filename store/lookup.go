package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"xxgk"
)

// Lookups SaveSubmissions makes inside its transaction. Each is bounded by the
// (round_id, unit_code[, version]) keys and takes at most 500 units per query.

// checkUnits makes sure every unit belongs to the round, with a clearer message than the
// foreign key's.
func checkUnits(ctx context.Context, tx *sql.Tx, round string, units []string) error {
	known := map[string]bool{}
	for _, part := range chunks(units, 500) {
		rows, err := tx.QueryContext(ctx, `SELECT unit_code FROM round_units WHERE round_id = ? AND unit_code IN (`+
			placeholders(len(part))+`)`, append([]any{round}, anys(part)...)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var u string
			if err := rows.Scan(&u); err != nil {
				rows.Close()
				return err
			}
			known[u] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	for _, u := range units {
		if !known[u] {
			return fmt.Errorf("轮次“%s”中的单位“%s”%w", round, u, ErrNotFound)
		}
	}
	return nil
}

// loadHeads reads, for each unit, its current version and when the version that decides
// lateness (version 1, or the first after a withdrawal) was imported: at most two rows per
// unit, found through the (round_id, unit_code, version) key.
func loadHeads(ctx context.Context, tx *sql.Tx, round string, units []string, heads map[unitKey]*head) error {
	for _, part := range chunks(units, 500) {
		rows, err := tx.QueryContext(ctx, `SELECT s.unit_code, s.version, s.imported_at, `+firstVersion+`
FROM submissions s WHERE s.round_id = ? AND s.unit_code IN (`+placeholders(len(part))+`) AND (s.version = `+firstVersion+` OR s.version =
(SELECT MAX(m.version) FROM submissions m WHERE m.round_id = s.round_id AND m.unit_code = s.unit_code))`,
			append([]any{round}, anys(part)...)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var importedAt int64
			var unit string
			var version, first int
			if err := rows.Scan(&unit, &version, &importedAt, &first); err != nil {
				rows.Close()
				return err
			}
			h := headOf(heads, unitKey{round, unit})
			h.first = first
			if version == first {
				h.firstAt = fromMicros(importedAt)
			}
			h.version = max(h.version, version)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

func headOf(heads map[unitKey]*head, k unitKey) *head {
	h := heads[k]
	if h == nil {
		h = newHead()
		heads[k] = h
	}
	return h
}

// unitFile is one content (by xxgk.Submission.ContentHash) of one unit.
type unitFile struct{ unit, sha string }

// filesOf lists the distinct (unit, content hash) pairs the batch brings for round.
func filesOf(subs []*xxgk.Submission, hashes []string, round string) []unitFile {
	var out []unitFile
	seen := map[unitFile]bool{}
	for i, sub := range subs {
		f := unitFile{sub.Unit, hashes[i]}
		if sub.Round == round && !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	return out
}

// loadMatches finds the stored versions saying what the batch's files say through the
// (round_id, unit_code, content_hash) index (migration 0008): only versions with the same
// content as one in the batch are read, however long a unit's history, 500 per query.
// When a content was stored more than once (before migration 0003 an old file could come
// back as a new version; before 0008 a re-saved file did), the highest such version is
// kept.
func loadMatches(ctx context.Context, tx *sql.Tx, round string, files []unitFile, heads map[unitKey]*head) error {
	for len(files) > 0 {
		part := files[:min(len(files), 500)]
		files = files[len(part):]
		want := map[unitFile]bool{}
		var units, shas []string
		for _, f := range part {
			want[f] = true
			units = append(units, f.unit)
			shas = append(shas, f.sha)
		}
		units, shas = distinct(units), distinct(shas)
		args := append(append([]any{round}, anys(units)...), anys(shas)...)
		rows, err := tx.QueryContext(ctx, `SELECT id, unit_code, version, content_hash FROM submissions
WHERE round_id = ? AND unit_code IN (`+placeholders(len(units))+`) AND content_hash IN (`+placeholders(len(shas))+`)`, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var version int
			var f unitFile
			if err := rows.Scan(&id, &f.unit, &version, &f.sha); err != nil {
				rows.Close()
				return err
			}
			if !want[f] {
				continue // another unit's file
			}
			h := headOf(heads, unitKey{round, f.unit})
			if m, ok := h.files[f.sha]; !ok || version > m.version {
				h.files[f.sha] = match{version: version, id: id, from: -1}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// distinct drops repeats, keeping first-seen order.
func distinct(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

type versionKey struct {
	unitKey
	version int
}

// newIDs finds the ids of the rows just inserted: every version above what each unit had
// before the batch. Reading them back works the same on every engine, where relying on
// LAST_INSERT_ID of a multi-row insert would not (TiDB allocates ids in caches). The
// lookup seeks the (round_id, unit_code, version) key unit by unit and reads only those
// units' histories.
func newIDs(ctx context.Context, tx *sql.Tx, units map[string][]string, base map[unitKey]int) (map[versionKey]int64, error) {
	ids := map[versionKey]int64{}
	for round, us := range units {
		for _, part := range chunks(us, 500) {
			rows, err := tx.QueryContext(ctx, `SELECT id, unit_code, version FROM submissions
WHERE round_id = ? AND unit_code IN (`+placeholders(len(part))+`)`, append([]any{round}, anys(part)...)...)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				var k versionKey
				var id int64
				if err := rows.Scan(&id, &k.unit, &k.version); err != nil {
					rows.Close()
					return nil, err
				}
				k.round = round
				if k.version > base[k.unitKey] {
					ids[k] = id
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, err
			}
		}
	}
	return ids, nil
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func chunks(ss []string, n int) [][]string {
	var out [][]string
	for len(ss) > n {
		out = append(out, ss[:n])
		ss = ss[n:]
	}
	return append(out, ss)
}
