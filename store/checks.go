package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"xxgk"
)

// SaveChecks records one verify run. Earlier runs are kept; a unit or round the store
// does not know is an error wrapping ErrNotFound, and then nothing of the run is stored.
func (s *Store) SaveChecks(ctx context.Context, cs []xxgk.Check) error {
	if len(cs) == 0 {
		return nil
	}
	byRound := map[string][]string{}
	for _, c := range cs {
		byRound[c.Round] = append(byRound[c.Round], c.Unit)
	}
	return s.retry(ctx, func() error {
		return s.inTx(ctx, false, func(tx *sql.Tx) error {
			for round, units := range byRound {
				if err := roundExists(ctx, tx, round); err != nil {
					return err
				}
				if err := checkUnits(ctx, tx, round, distinct(units)); err != nil {
					return err
				}
			}
			stmt, err := tx.PrepareContext(ctx, `INSERT INTO site_checks
(round_id, unit_code, code, url, final_url, http_status, result, error_kind, error, not_html, title,
 newest_date, entries, truncated, gov_domain, finding, checked_at, rendered, rushed)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
			if err != nil {
				return err
			}
			defer stmt.Close()
			for _, c := range cs {
				at := c.CheckedAt
				if at.IsZero() {
					at = s.now()
				}
				var newest any
				if !c.Newest.IsZero() {
					newest = c.Newest.Format(dateLayout)
				}
				if _, err := stmt.ExecContext(ctx, c.Round, c.Unit, c.Code, c.URL, c.FinalURL, c.HTTPStatus,
					string(c.Result), c.ErrorKind, c.Error, c.NotHTML, c.Title, newest, c.Entries,
					boolInt(c.Truncated), boolInt(c.GovDomain), c.Finding, at.UTC().UnixMicro(),
					boolInt(c.Rendered), c.Rushed); err != nil {
					return fmt.Errorf("保存核查结果 %s %s：%w", c.Unit, c.Code, err)
				}
			}
			return nil
		})
	})
}

// LatestChecks lists the newest check of every checked column of a round, by unit and
// indicator code.
func (s *Store) LatestChecks(ctx context.Context, round string) ([]xxgk.Check, error) {
	var out []xxgk.Check
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		if err := roundExists(ctx, tx, round); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT c.unit_code, c.code, c.url, c.final_url, c.http_status, c.result,
c.error_kind, c.error, c.not_html, c.title, c.newest_date, c.entries, c.truncated, c.gov_domain, c.finding, c.checked_at,
c.rendered, c.rushed
FROM site_checks c
WHERE c.round_id = ? AND c.id = (SELECT MAX(l.id) FROM site_checks l
  WHERE l.round_id = c.round_id AND l.unit_code = c.unit_code AND l.code = c.code)
ORDER BY c.unit_code, c.code`, round)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c := xxgk.Check{Round: round}
			var result string
			var newest sql.NullString
			var truncated, gov, rendered int
			var at int64
			if err := rows.Scan(&c.Unit, &c.Code, &c.URL, &c.FinalURL, &c.HTTPStatus, &result, &c.ErrorKind, &c.Error,
				&c.NotHTML, &c.Title, &newest, &c.Entries, &truncated, &gov, &c.Finding, &at, &rendered, &c.Rushed); err != nil {
				return err
			}
			c.Result = xxgk.CheckResult(result)
			c.Refused = c.Result == xxgk.CheckRefused
			if newest.Valid {
				if c.Newest, err = time.Parse(dateLayout, newest.String); err != nil {
					return fmt.Errorf("核查结果中的日期“%s”无法读取：%w", newest.String, err)
				}
			}
			c.Truncated, c.GovDomain, c.Rendered = truncated != 0, gov != 0, rendered != 0
			c.CheckedAt = time.UnixMicro(at).UTC()
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, hide(err, s.secret)
	}
	return out, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
