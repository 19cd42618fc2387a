package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// ErrRoundHolds is returned by DeleteRound for a round that holds what units sent or
// what the office did with it; the error names what.
var ErrRoundHolds = errors.New("轮次中已有数据，不能删除")

// RoundHoldings counts what a round holds that deleting it would lose.
type RoundHoldings struct {
	Submissions, Rejections, Checks, Events int
}

// Empty tells a round that holds nothing of the units' or the office's work.
func (h RoundHoldings) Empty() bool { return h == RoundHoldings{} }

// String names what is held, in Chinese: "3 份报送、1 次退回".
func (h RoundHoldings) String() string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(h.Submissions, "份报送")
	add(h.Rejections, "次退回")
	add(h.Checks, "条网站核查记录")
	add(h.Events, "次更正（撤回、恢复）")
	return strings.Join(parts, "、")
}

// roundHoldings are the tables whose rows are units' work or the office's in a round.
var roundHoldings = []struct {
	table string
	field func(*RoundHoldings) *int
}{
	{"submissions", func(h *RoundHoldings) *int { return &h.Submissions }},
	{"rejections", func(h *RoundHoldings) *int { return &h.Rejections }},
	{"site_checks", func(h *RoundHoldings) *int { return &h.Checks }},
	{"unit_events", func(h *RoundHoldings) *int { return &h.Events }},
}

// DeleteRound removes a round recorded by mistake (a mistyped --round), with its catalog
// snapshot and paper settings, provided it holds no submission, rejection, check or
// correction; otherwise it returns ErrRoundHolds naming what it holds, and changes
// nothing. The check and the delete are one transaction, and the foreign keys of both
// engines stop a delete racing a concurrent import.
func (s *Store) DeleteRound(ctx context.Context, id string) error {
	err := s.inTx(ctx, false, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM rounds WHERE id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("轮次“%s”%w", id, ErrNotFound)
		}
		var h RoundHoldings
		for _, t := range roundHoldings {
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t.table+` WHERE round_id = ?`, id).Scan(t.field(&h)); err != nil {
				return err
			}
		}
		if !h.Empty() {
			return fmt.Errorf("%w：轮次“%s”中有 %s", ErrRoundHolds, id, h)
		}
		for _, q := range []string{
			`DELETE FROM round_notices WHERE round_id = ?`,
			`DELETE FROM template_key_older_rounds WHERE round_id = ?`,
			`DELETE FROM round_indicators WHERE round_id = ?`,
			`DELETE FROM round_units WHERE round_id = ?`,
			`DELETE FROM rounds WHERE id = ?`,
		} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrRoundHolds) {
		return fmt.Errorf("删除轮次“%s”：%w", id, hide(err, s.secret))
	}
	return err
}
