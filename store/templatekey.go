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

// TemplateKey returns the database's template-signing secret, creating it on first use.
// Two processes asking at once get the same key: the loser of the insert reads the
// winner's row. The secret is never part of an error or any output.
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
	_, ierr := s.db.ExecContext(ctx, `INSERT INTO template_keys (id, secret, created_at) VALUES (1, ?, ?)`,
		hex.EncodeToString(raw), now.UnixMicro())
	k, err = s.readTemplateKey(ctx)
	if err != nil && ierr != nil {
		// The insert failed for another reason than a concurrent one.
		err = fmt.Errorf("创建模板校验密钥：%w", hide(ierr, s.secret))
	}
	return k, err
}

func (s *Store) readTemplateKey(ctx context.Context) (xxgk.TemplateKey, error) {
	var secret string
	var at int64
	err := s.db.QueryRowContext(ctx, `SELECT secret, created_at FROM template_keys WHERE id = 1`).Scan(&secret, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return xxgk.TemplateKey{}, err
	}
	if err != nil {
		return xxgk.TemplateKey{}, fmt.Errorf("读取模板校验密钥：%w", hide(err, s.secret))
	}
	raw, err := hex.DecodeString(secret)
	if err != nil || len(raw) < 16 {
		// Not the value: it is the secret, even when damaged.
		return xxgk.TemplateKey{}, errors.New("数据库中的模板校验密钥已损坏（template_keys 表），请联系技术人员")
	}
	return xxgk.TemplateKey{Secret: raw, Since: fromMicros(at)}, nil
}
