package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"xxgk"
)

// TemplateKey returns the database's template-signing secret, creating it on first use
// together with the list of rounds recorded before it (xxgk.TemplateKey.Older), which
// decides whether a template without a code is old or had its code removed. Callers that
// write templates must ask for the key before they record a new round. Two processes
// asking at once get the same key: the loser of the insert reads the winner's row. The
// secret is never part of an error or any output.
func (s *Store) TemplateKey(ctx context.Context) (xxgk.TemplateKey, error) {
	k, err := s.readTemplateKey(ctx)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return k, err
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return xxgk.TemplateKey{}, fmt.Errorf("生成模板校验密钥：%w", err)
	}
	now := s.now().UTC().Truncate(time.Microsecond)
	ierr := s.inTx(ctx, false, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO template_keys (id, secret, created_at) VALUES (1, ?, ?)`,
			hex.EncodeToString(raw), now.UnixMicro()); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO template_key_older_rounds (round_id) SELECT id FROM rounds`)
		return err
	})
	k, err = s.readTemplateKey(ctx)
	if err != nil && ierr != nil {
		// The insert failed for another reason than a concurrent one.
		err = fmt.Errorf("创建模板校验密钥：%w", hide(ierr, s.secret))
	}
	return k, err
}

func (s *Store) readTemplateKey(ctx context.Context) (xxgk.TemplateKey, error) {
	var k xxgk.TemplateKey
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		var secret string
		if err := tx.QueryRowContext(ctx, `SELECT secret FROM template_keys WHERE id = 1`).Scan(&secret); err != nil {
			return err
		}
		raw, err := hex.DecodeString(secret)
		if err != nil || len(raw) < 16 {
			// Not the value: it is the secret, even when damaged.
			return errBadKey
		}
		k.Secret = raw
		rows, err := tx.QueryContext(ctx, `SELECT round_id FROM template_key_older_rounds ORDER BY round_id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			k.Older = append(k.Older, id)
		}
		return rows.Err()
	})
	switch {
	case errors.Is(err, sql.ErrNoRows), errors.Is(err, errBadKey):
		return xxgk.TemplateKey{}, err
	case err != nil:
		return xxgk.TemplateKey{}, fmt.Errorf("读取模板校验密钥：%w", hide(err, s.secret))
	}
	return k, nil
}

var errBadKey = errors.New("数据库中的模板校验密钥已损坏（template_keys 表），请联系技术人员")
