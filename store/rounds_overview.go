package store

import (
	"context"
	"database/sql"

	"xxgk"
)

// RoundInfo is one line of `xxgk rounds`: a round with how many units it was sent to and
// how many of them have a current (not withdrawn) submission.
type RoundInfo struct {
	xxgk.Round
	Units     int
	Submitted int
}

// RoundOverview lists every round, newest created first, with its unit and submission
// counts: three grouped queries over the rounds, round_units and submissions keys,
// whatever the number of rounds.
func (s *Store) RoundOverview(ctx context.Context) ([]RoundInfo, error) {
	var out []RoundInfo
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+roundColumns+` FROM rounds ORDER BY created_at DESC, id DESC`)
		if err != nil {
			return err
		}
		idx := map[string]int{}
		for rows.Next() {
			r, _, err := scanRound(rows)
			if err != nil {
				rows.Close()
				return err
			}
			idx[r.ID] = len(out)
			out = append(out, RoundInfo{Round: r})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := countByRound(ctx, tx, `SELECT round_id, COUNT(*) FROM round_units GROUP BY round_id`, func(id string, n int) {
			if i, ok := idx[id]; ok {
				out[i].Units = n
			}
		}); err != nil {
			return err
		}
		return countByRound(ctx, tx, `SELECT s.round_id, COUNT(*) FROM submissions s
JOIN (SELECT round_id, unit_code, MAX(version) AS v FROM submissions GROUP BY round_id, unit_code) c
ON c.round_id = s.round_id AND c.unit_code = s.unit_code AND c.v = s.version
WHERE `+notWithdrawn+` GROUP BY s.round_id`, func(id string, n int) {
			if i, ok := idx[id]; ok {
				out[i].Submitted = n
			}
		})
	})
	if err != nil {
		return nil, hide(err, s.secret)
	}
	return out, nil
}

func countByRound(ctx context.Context, tx *sql.Tx, query string, set func(id string, n int)) error {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return err
		}
		set(id, n)
	}
	return rows.Err()
}
