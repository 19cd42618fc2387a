package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"xxgk"
	"xxgk/access"
)

// Access codes (migration 0012): one per unit and round, one for the office. The plain
// code leaves the store only in an IssuedCode, when it is created or reset; what is
// stored is its public key id and its argon2id hash.

// ErrBadCode is returned by Authenticate for a code that is malformed, unknown or wrong.
// The three are not told apart to the caller's user, and a malformed or unknown one costs
// no hash.
var ErrBadCode = errors.New("访问码不正确")

// officeRound and officeUnit are the office code's key in access_codes.
const officeRound, officeUnit = "", ""

// IssuedCode is a code just created or reset. Code is the only copy of the plain code:
// show it once (terminal, the 访问码 workbook, a unit's letter) and forget it.
type IssuedCode struct {
	Holder xxgk.CodeHolder
	Code   string // in groups of four, K7QX-M4PR-9T2W-HNB3
	KeyID  string // the code's public first part
	At     time.Time
	Reset  bool // it replaced an earlier code, which no longer works
}

// CodeState says whether a holder has a code, without revealing it.
type CodeState struct {
	Holder xxgk.CodeHolder
	Issued bool
	KeyID  string // the code's public first part, to tell codes apart on paper
	At     time.Time
	By     string
}

// UnitCodes tells, for every unit of the round in the round's order, whether it has a code.
func (s *Store) UnitCodes(ctx context.Context, round string) ([]CodeState, error) {
	var out []CodeState
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		if err := roundExists(ctx, tx, round); err != nil {
			return err
		}
		var err error
		out, err = unitCodes(ctx, tx, round)
		return err
	})
	return out, hide(err, s.secret)
}

func unitCodes(ctx context.Context, tx *sql.Tx, round string) ([]CodeState, error) {
	rows, err := tx.QueryContext(ctx, `SELECT ru.unit_code, a.key_id, a.created_at, a.created_by FROM round_units ru
LEFT JOIN access_codes a ON a.round_id = ru.round_id AND a.unit_code = ru.unit_code
WHERE ru.round_id = ? ORDER BY ru.seq`, round)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CodeState
	for rows.Next() {
		st := CodeState{Holder: xxgk.CodeHolder{Round: round}}
		var key, by sql.NullString
		var at sql.NullInt64
		if err := rows.Scan(&st.Holder.Unit, &key, &at, &by); err != nil {
			return nil, err
		}
		if key.Valid {
			st.Issued, st.KeyID, st.At, st.By = true, key.String, fromMicros(at.Int64), by.String
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// EnsureUnitCodes creates a code for every unit of the round that has none and returns
// the new codes in the round's order (none when every unit already has one).
func (s *Store) EnsureUnitCodes(ctx context.Context, round string, by Correction) ([]IssuedCode, error) {
	if err := needOperator(by); err != nil {
		return nil, err
	}
	var out []IssuedCode
	err := s.retry(ctx, func() error {
		var missing []string
		err := s.inTx(ctx, true, func(tx *sql.Tx) error {
			if err := roundExists(ctx, tx, round); err != nil {
				return err
			}
			states, err := unitCodes(ctx, tx, round)
			for _, st := range states {
				if !st.Issued {
					missing = append(missing, st.Holder.Unit)
				}
			}
			return err
		})
		if err != nil || len(missing) == 0 {
			out = nil
			return err
		}
		holders := make([]xxgk.CodeHolder, len(missing))
		for i, u := range missing {
			holders[i] = xxgk.CodeHolder{Round: round, Unit: u}
		}
		out, err = s.writeCodes(ctx, holders, false, by)
		return err
	})
	return out, err
}

// ResetUnitCodes gives the named units of the round new codes (creating them where there
// were none); their old codes stop working at once. Codes come back in the order given.
func (s *Store) ResetUnitCodes(ctx context.Context, round string, units []string, by Correction) ([]IssuedCode, error) {
	if err := needOperator(by); err != nil {
		return nil, err
	}
	if len(units) == 0 {
		return nil, errors.New("重置访问码：没有指定单位")
	}
	units = distinct(units)
	var out []IssuedCode
	err := s.retry(ctx, func() error {
		err := s.inTx(ctx, true, func(tx *sql.Tx) error {
			if err := roundExists(ctx, tx, round); err != nil {
				return err
			}
			return checkUnits(ctx, tx, round, units)
		})
		if err != nil {
			return err
		}
		holders := make([]xxgk.CodeHolder, len(units))
		for i, u := range units {
			holders[i] = xxgk.CodeHolder{Round: round, Unit: u}
		}
		out, err = s.writeCodes(ctx, holders, true, by)
		return err
	})
	return out, err
}

// OfficeCode tells whether the office has a sign-in code.
func (s *Store) OfficeCode(ctx context.Context) (CodeState, error) {
	st := CodeState{Holder: xxgk.CodeHolder{Office: true}}
	var at int64
	err := s.db.QueryRowContext(ctx, `SELECT key_id, created_at, created_by FROM access_codes WHERE round_id = ? AND unit_code = ?`,
		officeRound, officeUnit).Scan(&st.KeyID, &at, &st.By)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return st, nil
	case err != nil:
		return CodeState{}, hide(err, s.secret)
	}
	st.Issued, st.At = true, fromMicros(at)
	return st, nil
}

// ResetOfficeCode creates the office's sign-in code, or replaces it (the old one stops
// working at once). The office code is the same for every round.
func (s *Store) ResetOfficeCode(ctx context.Context, by Correction) (IssuedCode, error) {
	if err := needOperator(by); err != nil {
		return IssuedCode{}, err
	}
	var out []IssuedCode
	err := s.retry(ctx, func() error {
		var err error
		out, err = s.writeCodes(ctx, []xxgk.CodeHolder{{Office: true}}, true, by)
		return err
	})
	if err != nil {
		return IssuedCode{}, err
	}
	return out[0], nil
}

// Authenticate tells whose code this is. A malformed code, an unknown key id or a wrong
// secret all wrap ErrBadCode; only a code whose key id exists costs a hash.
func (s *Store) Authenticate(ctx context.Context, code string) (xxgk.CodeHolder, error) {
	c, err := access.Parse(code)
	if err != nil {
		return xxgk.CodeHolder{}, fmt.Errorf("%w：%w", ErrBadCode, err)
	}
	var h xxgk.CodeHolder
	var hash string
	err = s.db.QueryRowContext(ctx, `SELECT round_id, unit_code, hash FROM access_codes WHERE key_id = ?`, c.KeyID()).
		Scan(&h.Round, &h.Unit, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		return xxgk.CodeHolder{}, ErrBadCode
	}
	if err != nil {
		return xxgk.CodeHolder{}, hide(err, s.secret)
	}
	ok, err := s.verifyCode(ctx, c, hash)
	if err != nil {
		return xxgk.CodeHolder{}, err
	}
	if !ok {
		return xxgk.CodeHolder{}, ErrBadCode
	}
	h.Office = h.Round == officeRound && h.Unit == officeUnit
	return h, nil
}

// writeCodes draws and hashes a code per holder (outside any transaction: hashing is slow),
// then stores them in one transaction. Without replace a holder that already has a code is
// a unique-key conflict, which the caller's retry turns into a fresh look.
func (s *Store) writeCodes(ctx context.Context, holders []xxgk.CodeHolder, replace bool, by Correction) ([]IssuedCode, error) {
	out := make([]IssuedCode, len(holders))
	hashes := make([]string, len(holders))
	errs := make([]error, len(holders))
	now := s.at(by)
	var wg sync.WaitGroup
	for i, h := range holders {
		c, err := access.New()
		if err != nil {
			return nil, err
		}
		out[i] = IssuedCode{Holder: h, Code: c.String(), KeyID: c.KeyID(), At: now}
		wg.Add(1)
		go func() {
			defer wg.Done()
			hashes[i], errs[i] = s.hashCode(ctx, c)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	err := s.inTx(ctx, false, func(tx *sql.Tx) error {
		for i, h := range holders {
			round, unit := h.Round, h.Unit
			if h.Office {
				round, unit = officeRound, officeUnit
			}
			if replace {
				res, err := tx.ExecContext(ctx, `UPDATE access_codes SET key_id = ?, hash = ?, created_at = ?, created_by = ?
WHERE round_id = ? AND unit_code = ?`, out[i].KeyID, hashes[i], now.UnixMicro(), by.Operator, round, unit)
				if err != nil {
					return err
				}
				if n, err := res.RowsAffected(); err != nil {
					return err
				} else if n > 0 {
					out[i].Reset = true
					continue
				}
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO access_codes (round_id, unit_code, key_id, hash, created_at, created_by)
VALUES (?, ?, ?, ?, ?, ?)`, round, unit, out[i].KeyID, hashes[i], now.UnixMicro(), by.Operator); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// hashCode and verifyCode run at most cap(s.hashing) hashes at a time.
func (s *Store) hashCode(ctx context.Context, c access.Code) (string, error) {
	if err := s.acquireHash(ctx); err != nil {
		return "", err
	}
	defer func() { <-s.hashing }()
	return access.Hash(c, s.codeParams)
}

func (s *Store) verifyCode(ctx context.Context, c access.Code, hash string) (bool, error) {
	if err := s.acquireHash(ctx); err != nil {
		return false, err
	}
	defer func() { <-s.hashing }()
	return access.Verify(c, hash)
}

func (s *Store) acquireHash(ctx context.Context) error {
	select {
	case s.hashing <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func needOperator(by Correction) error {
	if strings.TrimSpace(by.Operator) == "" {
		return errors.New("访问码：缺少操作人")
	}
	return nil
}
