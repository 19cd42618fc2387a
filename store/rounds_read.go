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

const roundColumns = `id, title, deadline, contact_office, contact_people, contact_phone, contact_email, county_scope, created_at`

// Round returns a round and its catalog rebuilt from the stored snapshot, exactly as it
// was sent out. A missing round wraps ErrNotFound.
func (s *Store) Round(ctx context.Context, id string) (xxgk.Round, *xxgk.Catalog, error) {
	var r xxgk.Round
	var cat *xxgk.Catalog
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		var scope string
		var err error
		r, scope, err = scanRound(tx.QueryRowContext(ctx, `SELECT `+roundColumns+` FROM rounds WHERE id = ?`, id))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("轮次“%s”%w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		snap, _, err := loadSnapshot(ctx, tx, id)
		if err != nil {
			return err
		}
		units, err := xxgk.NewUnits(snap.units)
		if err != nil {
			return fmt.Errorf("轮次“%s”的单位名单：%w", id, err)
		}
		cat = &xxgk.Catalog{Indicators: snap.indicators, Units: units, Scope: xxgk.CountyScope(scope)}
		return nil
	})
	if err != nil {
		return xxgk.Round{}, nil, hide(err, s.secret)
	}
	return r, cat, nil
}

// Rounds lists all rounds, newest created first.
func (s *Store) Rounds(ctx context.Context) ([]xxgk.Round, error) {
	var out []xxgk.Round
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+roundColumns+` FROM rounds ORDER BY created_at DESC, id DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, _, err := scanRound(rows)
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, hide(err, s.secret)
}

type scanner interface{ Scan(dest ...any) error }

func scanRound(row scanner) (xxgk.Round, string, error) {
	var r xxgk.Round
	var deadline, scope string
	var created int64
	c := &r.Contact
	if err := row.Scan(&r.ID, &r.Title, &deadline, &c.Office, &c.People, &c.Phone, &c.Email, &scope, &created); err != nil {
		return r, "", err
	}
	d, err := time.Parse(dateLayout, deadline)
	if err != nil {
		return r, "", fmt.Errorf("轮次“%s”的截止日期“%s”无效：%w", r.ID, deadline, err)
	}
	r.Deadline, r.Created = d, fromMicros(created)
	return r, scope, nil
}

// loadSnapshot reads a round's catalog snapshot; exists is false when the round has no row.
func loadSnapshot(ctx context.Context, q DBTX, round string) (snap snapshot, exists bool, err error) {
	var scope string
	err = q.QueryRowContext(ctx, `SELECT county_scope FROM rounds WHERE id = ?`, round).Scan(&scope)
	if errors.Is(err, sql.ErrNoRows) {
		return snap, false, nil
	}
	if err != nil {
		return snap, false, err
	}
	snap.scope = xxgk.CountyScope(scope)
	if snap.units, err = loadRoundUnits(ctx, q, round); err != nil {
		return snap, true, err
	}
	snap.indicators, err = loadRoundIndicators(ctx, q, round)
	return snap, true, err
}

func loadRoundUnits(ctx context.Context, q DBTX, round string) ([]xxgk.Unit, error) {
	rows, err := q.QueryContext(ctx, `SELECT unit_code, name, short, kind, aliases FROM round_units
WHERE round_id = ? ORDER BY seq`, round)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []xxgk.Unit
	for rows.Next() {
		var u xxgk.Unit
		var kind, aliases string
		if err := rows.Scan(&u.Code, &u.Name, &u.Short, &kind, &aliases); err != nil {
			return nil, err
		}
		u.Kind = xxgk.UnitKind(kind)
		if u.Aliases, err = parseAliases(aliases); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

func loadRoundIndicators(ctx context.Context, q DBTX, round string) ([]xxgk.Indicator, error) {
	rows, err := q.QueryContext(ctx, `SELECT code, area, sub_area, content, report, units_raw, units,
all_depts, all_county, open_ended, frequency, display FROM round_indicators WHERE round_id = ? ORDER BY seq`, round)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []xxgk.Indicator
	for rows.Next() {
		var ind xxgk.Indicator
		var units string
		if err := rows.Scan(&ind.Code, &ind.Area, &ind.SubArea, &ind.Content, &ind.Report, &ind.UnitsRaw, &units,
			&ind.AllDepts, &ind.AllCounty, &ind.OpenEnded, &ind.Frequency, &ind.Display); err != nil {
			return nil, err
		}
		ind.Units = []string{}
		if units != "" {
			ind.Units = strings.Split(units, ",")
		}
		out = append(out, ind)
	}
	return out, rows.Err()
}

// fromMicros turns stored microseconds back into a UTC time.
func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }
