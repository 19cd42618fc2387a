package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"xxgk"
)

// Reviews (审核) are unit_events of kind 'approve' and 'return' (migration 0012 notes it;
// the table is 0007's): version = the version reviewed, note = the comment. The state is
// derived, never stored: xxgk.ReviewStateOf over the unit's current version and its latest
// review, so a new version is 待审核 without anyone writing anything.

// ErrNotCurrent is wrapped when a review names a version that is no longer the unit's
// current one: the unit uploaded again while the office was reading.
var ErrNotCurrent = errors.New("已不是当前版本")

// Review records r for the unit's current version and returns it as stored (version and
// time filled in). r.Version 0 means "the current version"; any other version must be the
// current one (else ErrNotCurrent), so the portal can review exactly what it showed. A
// unit without a current version wraps ErrNotFound; approving what is already approved,
// or returning with the same comment again, wraps ErrNoEffect.
func (s *Store) Review(ctx context.Context, r xxgk.Review) (xxgk.Review, error) {
	if err := r.Check(); err != nil {
		return xxgk.Review{}, err
	}
	r.Comment = xxgk.CleanReviewComment(r.Comment)
	if err := r.Check(); err != nil {
		return xxgk.Review{}, err
	}
	var out xxgk.Review
	err := s.retry(ctx, func() error {
		return s.inTx(ctx, false, func(tx *sql.Tx) error {
			cur, withdrawn, err := unitHead(ctx, tx, r.Round, r.Unit)
			if err != nil {
				return err
			}
			if cur == 0 || withdrawn {
				return fmt.Errorf("单位“%s”在轮次“%s”中没有当前版本（未报送），无可审核，%w", r.Unit, r.Round, ErrNotFound)
			}
			if r.Version != 0 && r.Version != cur {
				return fmt.Errorf("第 %d 版%w（单位“%s”已报送第 %d 版），请先查看新版本再审核", r.Version, ErrNotCurrent, r.Unit, cur)
			}
			latest, err := latestReview(ctx, tx, r.Round, r.Unit)
			if err != nil {
				return err
			}
			if latest != nil && latest.Version == cur && latest.Decision == r.Decision &&
				(r.Decision == xxgk.ReviewApprove || latest.Comment == r.Comment) {
				return fmt.Errorf("单位“%s”的第 %d 版已是“%s”，%w", r.Unit, cur, xxgk.ReviewStateOf(cur, latest).Label(), ErrNoEffect)
			}
			out = r
			out.Version, out.At = cur, s.at(Correction{At: r.At})
			return s.addEvent(ctx, tx, xxgk.UnitEvent{Round: r.Round, Unit: r.Unit, Kind: r.Decision.EventKind(),
				Version: cur, Operator: r.Operator, Note: r.Comment, At: out.At}, 0)
		})
	})
	return out, err
}

// latestReview reads a unit's newest review event, nil when none.
func latestReview(ctx context.Context, q DBTX, round, unit string) (*xxgk.Review, error) {
	var kind, note, op string
	var version int
	var at int64
	err := q.QueryRowContext(ctx, `SELECT kind, version, note, operator, at FROM unit_events
WHERE round_id = ? AND unit_code = ? AND kind IN ('approve', 'return') ORDER BY id DESC LIMIT 1`, round, unit).
		Scan(&kind, &version, &note, &op, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	rv, _ := xxgk.ReviewFromEvent(xxgk.UnitEvent{Round: round, Unit: unit, Kind: xxgk.EventKind(kind), Version: version,
		Note: note, Operator: op, At: fromMicros(at)})
	return &rv, nil
}

// Reviews returns every unit of the round, in the round's order, with its review state.
// Four queries bounded by the round's keys, in one read-only transaction.
func (s *Store) Reviews(ctx context.Context, round string) ([]xxgk.UnitReview, error) {
	var out []xxgk.UnitReview
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		if err := roundExists(ctx, tx, round); err != nil {
			return err
		}
		var err error
		out, err = reviews(ctx, tx, round)
		return err
	})
	return out, hide(err, s.secret)
}

// ReviewsByUnit is Reviews keyed by unit code, for the readers that join it to the status.
func (s *Store) ReviewsByUnit(ctx context.Context, round string) (map[string]xxgk.UnitReview, error) {
	list, err := s.Reviews(ctx, round)
	if err != nil {
		return nil, err
	}
	out := make(map[string]xxgk.UnitReview, len(list))
	for _, r := range list {
		out[r.Unit] = r
	}
	return out, nil
}

func reviews(ctx context.Context, tx *sql.Tx, round string) ([]xxgk.UnitReview, error) {
	heads := map[string]int{}
	if err := scanEach(ctx, tx, `SELECT unit_code, MAX(version) FROM submissions WHERE round_id = ? GROUP BY unit_code`,
		[]any{round}, func(rows *sql.Rows) error {
			var u string
			var v int
			if err := rows.Scan(&u, &v); err != nil {
				return err
			}
			heads[u] = v
			return nil
		}); err != nil {
		return nil, err
	}
	latest := map[string]*xxgk.Review{}
	if err := scanEach(ctx, tx, `SELECT unit_code, kind, version, note, operator, at FROM unit_events
WHERE round_id = ? AND kind IN ('withdraw', 'approve', 'return') ORDER BY id`, []any{round}, func(rows *sql.Rows) error {
		var e xxgk.UnitEvent
		var kind string
		var at int64
		if err := rows.Scan(&e.Unit, &kind, &e.Version, &e.Note, &e.Operator, &at); err != nil {
			return err
		}
		e.Round, e.Kind, e.At = round, xxgk.EventKind(kind), fromMicros(at)
		if e.Kind == xxgk.EventWithdraw {
			if heads[e.Unit] == e.Version {
				heads[e.Unit] = 0 // withdrawn: its highest version is set aside
			}
			return nil
		}
		rv, _ := xxgk.ReviewFromEvent(e)
		latest[e.Unit] = &rv
		return nil
	}); err != nil {
		return nil, err
	}
	var out []xxgk.UnitReview
	err := scanEach(ctx, tx, `SELECT unit_code FROM round_units WHERE round_id = ? ORDER BY seq`, []any{round},
		func(rows *sql.Rows) error {
			var u string
			if err := rows.Scan(&u); err != nil {
				return err
			}
			out = append(out, xxgk.NewUnitReview(u, heads[u], latest[u]))
			return nil
		})
	return out, err
}

// scanEach runs a query and calls fn for every row.
func scanEach(ctx context.Context, q DBTX, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
