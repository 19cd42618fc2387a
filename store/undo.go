package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"xxgk"
)

// Undo: submissions stay append-only. Each correction is one row in unit_events (migration
// 0007) written in the same transaction as whatever it adds, so the history always says
// who did what and when.

// Correction is who makes a correction, why, and when (zero At: the store's clock).
type Correction struct {
	Operator string
	Note     string
	At       time.Time
}

// ErrNoEffect is wrapped when a correction would change nothing: reverting to the version
// already current, withdrawing a unit already 未报送, clearing refusals where none count.
var ErrNoEffect = errors.New("无需操作")

// SQL shared by the readers that must see corrections. Each subquery seeks the
// unit_events (round_id, unit_code, kind, version) index for one unit.
const (
	// notWithdrawn keeps a submission s unless a withdrawal set its version aside.
	notWithdrawn = `NOT EXISTS (SELECT 1 FROM unit_events w WHERE w.round_id = s.round_id
AND w.unit_code = s.unit_code AND w.kind = 'withdraw' AND w.version = s.version)`
	// firstVersion is the version whose import time decides lateness for submission s's
	// unit: the first one after its latest withdrawal (version 1 when never withdrawn). A
	// withdrawal undone by a revert right after it (the revert recorded as the next
	// version) does not count: undoing a mistaken withdrawal must not make the unit late.
	firstVersion = `(SELECT COALESCE(MAX(w.version), 0) + 1 FROM unit_events w WHERE w.round_id = s.round_id
AND w.unit_code = s.unit_code AND w.kind = 'withdraw' AND NOT EXISTS (SELECT 1 FROM unit_events r
WHERE r.round_id = w.round_id AND r.unit_code = w.unit_code AND r.kind = 'revert' AND r.version = w.version + 1))`
	// notCleared keeps a refusal r unless a clear_rejections event covers it.
	notCleared = `NOT EXISTS (SELECT 1 FROM unit_events c WHERE c.round_id = r.round_id
AND c.unit_code = r.unit_code AND c.kind = 'clear_rejections' AND c.rejection_id >= r.id)`
)

// Revert makes version `to` of a unit current again by recording a new version with its
// content (rows, warnings, filler, file name and checksum), imported at by.At by
// by.Operator, and a revert event saying so. It returns the new version. Reverting to the
// version that is already current, or whose content the current version already has (and
// not withdrawn), wraps ErrNoEffect; an unknown round, unit or version wraps ErrNotFound.
func (s *Store) Revert(ctx context.Context, round, unit string, to int, by Correction) (int, error) {
	var version int
	err := s.retry(ctx, func() error {
		return s.inTx(ctx, false, func(tx *sql.Tx) error {
			cur, withdrawn, err := unitHead(ctx, tx, round, unit)
			if err != nil {
				return err
			}
			var src int64
			var srcHash string
			err = tx.QueryRowContext(ctx, `SELECT id, content_hash FROM submissions WHERE round_id = ? AND unit_code = ? AND version = ?`,
				round, unit, to).Scan(&src, &srcHash)
			if errors.Is(err, sql.ErrNoRows) {
				if cur == 0 {
					return fmt.Errorf("单位“%s”在轮次“%s”中没有任何已接收的版本，%w", unit, round, ErrNotFound)
				}
				return fmt.Errorf("单位“%s”在轮次“%s”中没有第 %d 版（已有第 1 至 %d 版），%w", unit, round, to, cur, ErrNotFound)
			}
			if err != nil {
				return err
			}
			if to == cur && !withdrawn {
				return fmt.Errorf("第 %d 版已是单位“%s”的当前版本，%w", to, unit, ErrNoEffect)
			}
			if !withdrawn {
				// The same content, as an import judges it (xxgk.Submission.ContentHash): a
				// file re-saved in another program is no different.
				var curHash string
				if err := tx.QueryRowContext(ctx, `SELECT content_hash FROM submissions WHERE round_id = ? AND unit_code = ? AND version = ?`,
					round, unit, cur).Scan(&curHash); err != nil {
					return err
				}
				if curHash == srcHash {
					return fmt.Errorf("单位“%s”的当前版本（第 %d 版）与第 %d 版内容相同，%w", unit, cur, to, ErrNoEffect)
				}
			}
			version = cur + 1
			now := s.at(by).UnixMicro()
			if _, err := tx.ExecContext(ctx, `INSERT INTO submissions (round_id, unit_code, version, filler, phone,
file_name, file_size, sha256, content_hash, imported_at, imported_by)
SELECT round_id, unit_code, ?, filler, phone, file_name, file_size, sha256, content_hash, ?, ? FROM submissions WHERE id = ?`,
				version, now, by.Operator, src); err != nil {
				return err
			}
			var id int64
			if err := tx.QueryRowContext(ctx, `SELECT id FROM submissions WHERE round_id = ? AND unit_code = ? AND version = ?`,
				round, unit, version).Scan(&id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO submission_items (submission_id, seq, code, status, column_name,
url, last_update, item_count, reported, remark)
SELECT ?, seq, code, status, column_name, url, last_update, item_count, reported, remark
FROM submission_items WHERE submission_id = ?`, id, src); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO submission_problems (submission_id, seq, severity, sheet, cell,
code, field, value, message)
SELECT ?, seq, severity, sheet, cell, code, field, value, message FROM submission_problems WHERE submission_id = ?`,
				id, src); err != nil {
				return err
			}
			return s.addEvent(ctx, tx, xxgk.UnitEvent{Round: round, Unit: unit, Kind: xxgk.EventRevert,
				Version: version, FromVersion: to, Operator: by.Operator, Note: by.Note, At: s.at(by)}, 0)
		})
	})
	return version, err
}

// Withdraw sends a unit back to 未报送: its current version is set aside (it stays in the
// history) until the next accepted file or a revert. It returns the version withdrawn. A
// unit without versions wraps ErrNotFound, one already withdrawn ErrNoEffect.
func (s *Store) Withdraw(ctx context.Context, round, unit string, by Correction) (int, error) {
	var version int
	err := s.retry(ctx, func() error {
		return s.inTx(ctx, false, func(tx *sql.Tx) error {
			cur, withdrawn, err := unitHead(ctx, tx, round, unit)
			if err != nil {
				return err
			}
			switch {
			case cur == 0:
				return fmt.Errorf("单位“%s”在轮次“%s”中没有已接收的报送，%w", unit, round, ErrNotFound)
			case withdrawn:
				return fmt.Errorf("单位“%s”的第 %d 版已撤回，单位已是未报送，%w", unit, cur, ErrNoEffect)
			}
			version = cur
			return s.addEvent(ctx, tx, xxgk.UnitEvent{Round: round, Unit: unit, Kind: xxgk.EventWithdraw,
				Version: cur, Operator: by.Operator, Note: by.Note, At: s.at(by)}, 0)
		})
	})
	return version, err
}

// ClearRejections forgets the refused files recorded so far for the given units, or for
// every unit of the round when units is empty: status, reports and feedback stop
// mentioning them, the history marks them cleared. It returns how many refusals it cleared
// per unit code (units with none to clear are left out). Naming a unit with none wraps
// ErrNoEffect; so does clearing a whole round that has none.
func (s *Store) ClearRejections(ctx context.Context, round string, units []string, by Correction) (map[string]int, error) {
	var out map[string]int
	err := s.retry(ctx, func() error {
		return s.inTx(ctx, false, func(tx *sql.Tx) error {
			out = map[string]int{}
			if err := roundExists(ctx, tx, round); err != nil {
				return err
			}
			if len(units) > 0 {
				if err := checkUnits(ctx, tx, round, units); err != nil {
					return err
				}
			}
			q := `SELECT r.unit_code, MAX(r.id), COUNT(*) FROM rejections r WHERE r.round_id = ? AND ` + notCleared
			args := []any{round}
			if len(units) > 0 {
				q += ` AND r.unit_code IN (` + placeholders(len(units)) + `)`
				args = append(args, anys(units)...)
			}
			rows, err := tx.QueryContext(ctx, q+` GROUP BY r.unit_code`, args...)
			if err != nil {
				return err
			}
			type pending struct {
				unit  string
				maxID int64
				n     int
			}
			var todo []pending
			for rows.Next() {
				var p pending
				if err := rows.Scan(&p.unit, &p.maxID, &p.n); err != nil {
					rows.Close()
					return err
				}
				todo = append(todo, p)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			if len(todo) == 0 {
				if len(units) > 0 {
					return fmt.Errorf("单位“%s”在轮次“%s”中没有需要清除的退回记录，%w", strings.Join(units, "、"), round, ErrNoEffect)
				}
				return fmt.Errorf("轮次“%s”中没有需要清除的退回记录，%w", round, ErrNoEffect)
			}
			for _, p := range todo {
				if err := s.addEvent(ctx, tx, xxgk.UnitEvent{Round: round, Unit: p.unit, Kind: xxgk.EventClearRejections,
					Cleared: p.n, Operator: by.Operator, Note: by.Note, At: s.at(by)}, p.maxID); err != nil {
					return err
				}
				out[p.unit] = p.n
			}
			return nil
		})
	})
	return out, err
}

// unitHead reads a unit's highest version and whether a withdrawal set it aside; the unit
// must belong to the round.
func unitHead(ctx context.Context, tx *sql.Tx, round, unit string) (version int, withdrawn bool, err error) {
	if err := roundExists(ctx, tx, round); err != nil {
		return 0, false, err
	}
	if err := checkUnits(ctx, tx, round, []string{unit}); err != nil {
		return 0, false, err
	}
	var v sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT MAX(version) FROM submissions WHERE round_id = ? AND unit_code = ?`,
		round, unit).Scan(&v); err != nil {
		return 0, false, err
	}
	if !v.Valid {
		return 0, false, nil
	}
	var one int
	err = tx.QueryRowContext(ctx, `SELECT 1 FROM unit_events WHERE round_id = ? AND unit_code = ? AND kind = 'withdraw'
AND version = ?`, round, unit, v.Int64).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return int(v.Int64), false, nil
	}
	return int(v.Int64), err == nil, err
}

// at is when a correction happened: by.At, else the store's clock; UTC to the
// microsecond, as stored.
func (s *Store) at(by Correction) time.Time {
	t := by.At
	if t.IsZero() {
		t = s.now()
	}
	return t.Truncate(time.Microsecond).UTC()
}

// addEvent records a correction made at e.At.
func (s *Store) addEvent(ctx context.Context, tx *sql.Tx, e xxgk.UnitEvent, rejectionID int64) error {
	if strings.TrimSpace(e.Operator) == "" {
		return errors.New("记录更正：缺少操作人")
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO unit_events (round_id, unit_code, kind, version, from_version,
rejection_id, cleared, at, operator, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.Round, e.Unit, string(e.Kind), e.Version, e.FromVersion, rejectionID, e.Cleared, e.At.UnixMicro(),
		e.Operator, e.Note)
	return err
}
