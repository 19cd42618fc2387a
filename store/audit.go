package store

import (
	"context"
	"database/sql"
	"strings"
	"time"
	"unicode/utf8"

	"xxgk"
)

// The audit log (migration 0012): append-only, read by time.

// Audit appends one entry; a zero At is the store's clock. Text longer than its column is
// cut (an audit line must never fail for its length): names and addresses at 200
// characters, the detail at 2,000.
func (s *Store) Audit(ctx context.Context, e xxgk.AuditEntry) error {
	at := s.at(Correction{At: e.At})
	return s.retry(ctx, func() error {
		return s.inTx(ctx, false, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor_kind, actor_unit, actor_name, action, outcome,
round_id, remote, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, at.UnixMicro(), cut(string(e.Actor.Kind), 16),
				cut(e.Actor.Unit, 64), cut(e.Actor.Name, 200), cut(string(e.Action), 16), cut(e.Outcome, 32),
				cut(e.Round, 64), cut(e.Remote, 200), cut(e.Detail, 2000))
			return err
		})
	})
}

// AuditSince returns the entries at or after since, oldest first; at most limit of them
// (the newest limit) when limit > 0.
func (s *Store) AuditSince(ctx context.Context, since time.Time, limit int) ([]xxgk.AuditEntry, error) {
	var out []xxgk.AuditEntry
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		q := `SELECT id, at, actor_kind, actor_unit, actor_name, action, outcome, round_id, remote, detail
FROM audit_log WHERE at >= ? ORDER BY at DESC, id DESC`
		args := []any{since.UnixMicro()}
		if limit > 0 {
			q += ` LIMIT ?`
			args = append(args, limit)
		}
		return scanEach(ctx, tx, q, args, func(rows *sql.Rows) error {
			var e xxgk.AuditEntry
			var at int64
			var kind, action string
			if err := rows.Scan(&e.ID, &at, &kind, &e.Actor.Unit, &e.Actor.Name, &action, &e.Outcome, &e.Round,
				&e.Remote, &e.Detail); err != nil {
				return err
			}
			e.At, e.Actor.Kind, e.Action = fromMicros(at), xxgk.ActorKind(kind), xxgk.AuditAction(action)
			out = append(out, e)
			return nil
		})
	})
	if err != nil {
		return nil, hide(err, s.secret)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// cut shortens s to at most n characters, on a character boundary, and replaces bytes
// that are not UTF-8 (a file name from an old zip), which MySQL would refuse.
func cut(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n])
}
