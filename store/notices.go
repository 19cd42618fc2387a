package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"xxgk"
)

// Notice reads the paper settings stored for a round (document number, issuer, date,
// reply-by). A round that has none yet gives the zero Notice; an unknown round is an
// error wrapping ErrNotFound.
func (s *Store) Notice(ctx context.Context, round string) (xxgk.Notice, error) {
	var n xxgk.Notice
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		if err := roundExists(ctx, tx, round); err != nil {
			return err
		}
		var issued, reply, asOf string
		err := tx.QueryRowContext(ctx, `SELECT doc_number, issuer, issued_on, reply_by, as_of, cc, portal_url
FROM round_notices WHERE round_id = ?`, round).Scan(&n.DocNumber, &n.Issuer, &issued, &reply, &asOf, &n.CC, &n.PortalURL)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		if n.Date, err = parseNoticeDate(issued); err != nil {
			return fmt.Errorf("轮次“%s”的成文日期“%s”损坏：%w", round, issued, err)
		}
		if n.ReplyBy, err = parseNoticeDate(reply); err != nil {
			return fmt.Errorf("轮次“%s”的整改期限“%s”损坏：%w", round, reply, err)
		}
		if n.AsOf, err = parseNoticeDate(asOf); err != nil {
			return fmt.Errorf("轮次“%s”的统计截至日期“%s”损坏：%w", round, asOf, err)
		}
		return nil
	})
	if err != nil {
		return xxgk.Notice{}, hide(err, s.secret)
	}
	return n, nil
}

// SaveNotice replaces the paper settings of a round with n. Dates are kept as calendar
// days (China time); zero values are stored as "not set".
func (s *Store) SaveNotice(ctx context.Context, round string, n xxgk.Notice) error {
	issued, reply, asOf := noticeDate(n.Date), noticeDate(n.ReplyBy), noticeDate(n.AsOf)
	err := s.retry(ctx, func() error {
		return s.inTx(ctx, false, func(tx *sql.Tx) error {
			if err := roundExists(ctx, tx, round); err != nil {
				return err
			}
			// Update or insert: plain SQL every engine accepts (no upsert dialects).
			var one int
			err := tx.QueryRowContext(ctx, `SELECT 1 FROM round_notices WHERE round_id = ?`, round).Scan(&one)
			switch {
			case err == nil:
				_, err = tx.ExecContext(ctx, `UPDATE round_notices SET doc_number = ?, issuer = ?, issued_on = ?, reply_by = ?,
as_of = ?, cc = ?, portal_url = ? WHERE round_id = ?`, n.DocNumber, n.Issuer, issued, reply, asOf, n.CC, n.PortalURL, round)
			case errors.Is(err, sql.ErrNoRows):
				_, err = tx.ExecContext(ctx, `INSERT INTO round_notices (round_id, doc_number, issuer, issued_on, reply_by, as_of, cc, portal_url)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, round, n.DocNumber, n.Issuer, issued, reply, asOf, n.CC, n.PortalURL)
			}
			if err != nil {
				return fmt.Errorf("保存轮次“%s”的发文信息：%w", round, err)
			}
			return nil
		})
	})
	return hide(err, s.secret)
}

// noticeDate stores a date as the calendar day it names in China time, or "" when zero.
func noticeDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(xxgk.ChinaTime).Format(dateLayout)
}

// parseNoticeDate reads a stored day back as midnight China time; "" is the zero time.
func parseNoticeDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.ParseInLocation(dateLayout, s, xxgk.ChinaTime)
}
