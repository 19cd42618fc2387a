package store

import (
	"context"
	"database/sql"
	"time"

	"xxgk"
)

// History returns everything stored about one unit in one round: every version with its
// rows and warnings, every refused file (cleared ones marked), every correction, and which
// version is current (0 when none, or withdrawn). A few queries, each bounded by the
// unit's (round_id, unit_code, …) keys, in one read-only transaction so they agree.
func (s *Store) History(ctx context.Context, round, unit string) (xxgk.UnitRecord, error) {
	rec := xxgk.UnitRecord{Round: round, Unit: unit}
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		if err := roundExists(ctx, tx, round); err != nil {
			return err
		}
		if err := checkUnits(ctx, tx, round, []string{unit}); err != nil {
			return err
		}
		if err := historyVersions(ctx, tx, &rec); err != nil {
			return err
		}
		if err := historyRejections(ctx, tx, &rec); err != nil {
			return err
		}
		if err := historyEvents(ctx, tx, &rec); err != nil {
			return err
		}
		if n := len(rec.Versions); n > 0 {
			rec.Current = rec.Versions[n-1].Version
			for _, e := range rec.Events {
				if e.Kind == xxgk.EventWithdraw && e.Version == rec.Current {
					rec.Current = 0
				}
			}
		}
		return nil
	})
	if err != nil {
		return xxgk.UnitRecord{}, hide(err, s.secret)
	}
	return rec, nil
}

func historyVersions(ctx context.Context, tx *sql.Tx, rec *xxgk.UnitRecord) error {
	rows, err := tx.QueryContext(ctx, `SELECT `+submissionColumns+` FROM submissions s
WHERE s.round_id = ? AND s.unit_code = ? ORDER BY s.version`, rec.Round, rec.Unit)
	if err != nil {
		return err
	}
	byID := map[int64]int{}
	for rows.Next() {
		var sub xxgk.Submission
		if err := scanSubmission(rows, &sub, nil); err != nil {
			rows.Close()
			return err
		}
		byID[sub.ID] = len(rec.Versions)
		rec.Versions = append(rec.Versions, sub)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(rec.Versions) == 0 {
		return err
	}
	if err := currentItems(ctx, tx, rec.Versions, byID); err != nil {
		return err
	}
	return currentWarnings(ctx, tx, rec.Versions, byID)
}

func historyRejections(ctx context.Context, tx *sql.Tx, rec *xxgk.UnitRecord) error {
	rows, err := tx.QueryContext(ctx, `SELECT r.file_name, r.sha256, r.rejected_at, r.imported_by, r.errors,
CASE WHEN `+notCleared+` THEN 0 ELSE 1 END
FROM rejections r WHERE r.round_id = ? AND r.unit_code = ? ORDER BY r.rejected_at, r.id`, rec.Round, rec.Unit)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		r := xxgk.RecordedRejection{Rejection: xxgk.Rejection{Round: rec.Round, Unit: rec.Unit}}
		var at int64
		var cleared int
		if err := rows.Scan(&r.FileName, &r.SHA256, &at, &r.ImportedBy, &r.Errors, &cleared); err != nil {
			return err
		}
		r.At, r.Cleared = fromMicros(at), cleared == 1
		rec.Rejections = append(rec.Rejections, r)
	}
	return rows.Err()
}

func historyEvents(ctx context.Context, tx *sql.Tx, rec *xxgk.UnitRecord) error {
	rows, err := tx.QueryContext(ctx, `SELECT kind, version, from_version, cleared, at, operator, note
FROM unit_events WHERE round_id = ? AND unit_code = ? ORDER BY id`, rec.Round, rec.Unit)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		e := xxgk.UnitEvent{Round: rec.Round, Unit: rec.Unit}
		var kind string
		var at int64
		if err := rows.Scan(&kind, &e.Version, &e.FromVersion, &e.Cleared, &at, &e.Operator, &e.Note); err != nil {
			return err
		}
		e.Kind, e.At = xxgk.EventKind(kind), time.UnixMicro(at).UTC()
		rec.Events = append(rec.Events, e)
	}
	return rows.Err()
}
