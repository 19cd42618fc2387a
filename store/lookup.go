package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
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

// loadHeads reads, for each unit, its current version (id, SHA-256) and when version 1 was
// imported: at most two rows per unit, found through the (round_id, unit_code, version) key.
func loadHeads(ctx context.Context, tx *sql.Tx, round string, units []string, heads map[unitKey]*head) error {
	for _, part := range chunks(units, 500) {
		rows, err := tx.QueryContext(ctx, `SELECT s.id, s.unit_code, s.version, s.sha256, s.imported_at
FROM submissions s WHERE s.round_id = ? AND s.unit_code IN (`+placeholders(len(part))+`) AND (s.version = 1 OR s.version =
(SELECT MAX(m.version) FROM submissions m WHERE m.round_id = s.round_id AND m.unit_code = s.unit_code))`,
			append([]any{round}, anys(part)...)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, importedAt int64
			var unit, sha string
			var version int
			if err := rows.Scan(&id, &unit, &version, &sha, &importedAt); err != nil {
				rows.Close()
				return err
			}
			k := unitKey{round, unit}
			h := heads[k]
			if h == nil {
				h = &head{from: -1}
				heads[k] = h
			}
			if version == 1 {
				h.firstAt = fromMicros(importedAt)
			}
			if version > h.version {
				h.version, h.sha, h.id = version, sha, id
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
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

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
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
