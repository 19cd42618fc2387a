package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"xxgk"
)

// SaveRejections records files the import refused, with the problems they were refused
// for and, up to xxgk.RejectionKeepMax, the file itself. A file name that is not UTF-8 (a
// Linux name in a legacy encoding) is kept with its bad bytes replaced, on both engines.
// A file already recorded for its unit (same SHA-256) is not recorded again; a unit or
// round the store does not know is an error wrapping ErrNotFound, and then nothing of the
// batch is stored.
func (s *Store) SaveRejections(ctx context.Context, rs []xxgk.Rejection) error {
	if len(rs) == 0 {
		return nil
	}
	return s.retry(ctx, func() error {
		return s.inTx(ctx, false, func(tx *sql.Tx) error {
			for _, r := range rs {
				if len(r.SHA256) != 64 {
					return fmt.Errorf("退回记录缺少文件的 SHA-256：%s", r.FileName)
				}
				var one int
				err := tx.QueryRowContext(ctx, `SELECT 1 FROM rejections
WHERE round_id = ? AND unit_code = ? AND sha256 = ?`, r.Round, r.Unit, r.SHA256).Scan(&one)
				if err == nil {
					continue
				}
				if err != sql.ErrNoRows {
					return err
				}
				if err := checkUnits(ctx, tx, r.Round, []string{r.Unit}); err != nil {
					return err
				}
				at := r.At
				if at.IsZero() {
					at = s.now()
				}
				res, err := tx.ExecContext(ctx, `INSERT INTO rejections
(round_id, unit_code, file_name, sha256, rejected_at, imported_by, errors) VALUES (?, ?, ?, ?, ?, ?, ?)`,
					r.Round, r.Unit, strings.ToValidUTF8(r.FileName, "\uFFFD"), r.SHA256, at.UTC().UnixMicro(), r.ImportedBy, r.Errors)
				if err != nil {
					return err
				}
				id, err := res.LastInsertId()
				if err != nil {
					return err
				}
				if err := saveRejectionDetails(ctx, tx, id, r); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// Rejections lists a round's refused files that still count, oldest first: those cleared
// by ClearRejections are left out (History still shows them).
func (s *Store) Rejections(ctx context.Context, round string) ([]xxgk.Rejection, error) {
	var out []xxgk.Rejection
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		if err := roundExists(ctx, tx, round); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT r.id, r.unit_code, r.file_name, r.sha256, r.rejected_at, r.imported_by, r.errors
FROM rejections r WHERE r.round_id = ? AND `+notCleared+` ORDER BY r.rejected_at, r.id`, round)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r := xxgk.Rejection{Round: round}
			var at int64
			if err := rows.Scan(&r.ID, &r.Unit, &r.FileName, &r.SHA256, &at, &r.ImportedBy, &r.Errors); err != nil {
				return err
			}
			r.At = time.UnixMicro(at).UTC()
			out = append(out, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()
		return loadRejectionProblems(ctx, tx, out)
	})
	if err != nil {
		return nil, hide(err, s.secret)
	}
	return out, nil
}
