package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"xxgk"
)

// saveRejectionDetails stores what a refused file was refused for and, when the importer
// kept it, the file itself.
func saveRejectionDetails(ctx context.Context, tx *sql.Tx, id int64, r xxgk.Rejection) error {
	if len(r.Problems) > 0 {
		b := newBulk(tx, "rejection_problems", "rejection_id", "seq", "severity", "sheet", "cell", "code", "field", "value", "message")
		defer b.close()
		for i, p := range r.Problems {
			if err := b.add(ctx, id, i, string(p.Severity), p.Sheet, p.Cell, p.Code, p.Field, p.Value, p.Message); err != nil {
				return err
			}
		}
		if err := b.flush(ctx); err != nil {
			return err
		}
	}
	if len(r.File) > 0 && len(r.File) <= xxgk.RejectionKeepMax {
		if _, err := tx.ExecContext(ctx, `INSERT INTO rejection_files (rejection_id, content) VALUES (?, ?)`, id, r.File); err != nil {
			return err
		}
	}
	return nil
}

// loadRejectionProblems fills in the problems of a round's refused files, in one query
// bounded by the rejections' (round_id, …) key.
func loadRejectionProblems(ctx context.Context, tx *sql.Tx, rs []xxgk.Rejection) error {
	if len(rs) == 0 {
		return nil
	}
	idx := make(map[int64]int, len(rs))
	for i, r := range rs {
		idx[r.ID] = i
	}
	rows, err := tx.QueryContext(ctx, `SELECT p.rejection_id, p.severity, p.sheet, p.cell, p.code, p.field, p.value, p.message
FROM rejection_problems p JOIN rejections r ON r.id = p.rejection_id
WHERE r.round_id = ? ORDER BY p.rejection_id, p.seq`, rs[0].Round)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var p xxgk.Problem
		var sev string
		if err := rows.Scan(&id, &sev, &p.Sheet, &p.Cell, &p.Code, &p.Field, &p.Value, &p.Message); err != nil {
			return err
		}
		p.Severity = xxgk.Severity(sev)
		if i, ok := idx[id]; ok {
			p.File = rs[i].FileName
			rs[i].Problems = append(rs[i].Problems, p)
		}
	}
	return rows.Err()
}

// RejectionFile returns the refused workbook kept for rejection id, or nil when none was
// kept (the file was over the cap, or was refused before files were kept).
func (s *Store) RejectionFile(ctx context.Context, id int64) ([]byte, error) {
	var content []byte
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT content FROM rejection_files WHERE rejection_id = ?`, id).Scan(&content)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("读取退回文件 %d：%w", id, hide(err, s.secret))
	}
	return content, nil
}
