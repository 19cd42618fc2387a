package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"xxgk"
)

// currentJoin narrows submissions s of round ? to each unit's highest version. The derived
// table is one pass over the (round_id, unit_code, version) key.
const currentJoin = `submissions s JOIN (SELECT unit_code, MAX(version) AS v FROM submissions
WHERE round_id = ? GROUP BY unit_code) c ON c.unit_code = s.unit_code AND c.v = s.version`

const submissionColumns = `s.id, s.round_id, s.unit_code, s.version, s.filler, s.phone, s.file_name, s.file_size,
s.sha256, s.imported_at, s.imported_by`

// Current returns the current version of every unit of the round that has one, in the
// round's unit order, with its items (in row order; LastUpdate zero and Count -1 where not
// given), its warnings, and FirstAt, the import time of the unit's version 1. A unit whose
// current version was withdrawn has none (it is 未报送 for every output); after a
// withdrawal, FirstAt is the import time of the first version that followed it.
// One query for the submissions, then items and warnings by id, 500 submissions a query:
// a handful of index-bounded queries whatever the number of units, in one read-only
// transaction so they agree.
func (s *Store) Current(ctx context.Context, round string) ([]xxgk.Submission, error) {
	var out []xxgk.Submission
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		if err := roundExists(ctx, tx, round); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+submissionColumns+`, f.imported_at
FROM `+currentJoin+`
JOIN submissions f ON f.round_id = s.round_id AND f.unit_code = s.unit_code AND f.version = `+firstVersion+`
JOIN round_units u ON u.round_id = s.round_id AND u.unit_code = s.unit_code
WHERE s.round_id = ? AND `+notWithdrawn+` ORDER BY u.seq`, round, round)
		if err != nil {
			return err
		}
		byID := map[int64]int{}
		for rows.Next() {
			var sub xxgk.Submission
			var first int64
			if err := scanSubmission(rows, &sub, &first); err != nil {
				rows.Close()
				return err
			}
			sub.FirstAt = fromMicros(first)
			byID[sub.ID] = len(out)
			out = append(out, sub)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(out) == 0 {
			return nil
		}
		if err := currentItems(ctx, tx, out, byID); err != nil {
			return err
		}
		return currentWarnings(ctx, tx, out, byID)
	})
	if err != nil {
		return nil, hide(err, s.secret)
	}
	return out, nil
}

// idChunk bounds the ids in one IN list; the rows come back in primary-key order, so no
// query needs a sort.
const idChunk = 500

// forChunks runs query, whose only placeholder list is "IN (%s)", over the submissions'
// ids in chunks.
func forChunks(ctx context.Context, tx *sql.Tx, subs []xxgk.Submission, query string, row func(*sql.Rows) error) error {
	for start := 0; start < len(subs); start += idChunk {
		part := subs[start:min(start+idChunk, len(subs))]
		args := make([]any, len(part))
		for i, sub := range part {
			args[i] = sub.ID
		}
		rows, err := tx.QueryContext(ctx, fmt.Sprintf(query, placeholders(len(part))), args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := row(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

func currentItems(ctx context.Context, tx *sql.Tx, subs []xxgk.Submission, byID map[int64]int) error {
	return forChunks(ctx, tx, subs, `SELECT submission_id, code, status, column_name, url, last_update,
item_count, reported, remark FROM submission_items WHERE submission_id IN (%s) ORDER BY submission_id, seq`, func(rows *sql.Rows) error {
		id, it, err := scanItem(rows)
		if err != nil {
			return err
		}
		sub := &subs[byID[id]]
		sub.Items = append(sub.Items, it)
		return nil
	})
}

func currentWarnings(ctx context.Context, tx *sql.Tx, subs []xxgk.Submission, byID map[int64]int) error {
	return forChunks(ctx, tx, subs, `SELECT submission_id, severity, sheet, cell, code, field, value, message
FROM submission_problems WHERE submission_id IN (%s) ORDER BY submission_id, seq`, func(rows *sql.Rows) error {
		var id int64
		var p xxgk.Problem
		var sev string
		if err := rows.Scan(&id, &sev, &p.Sheet, &p.Cell, &p.Code, &p.Field, &p.Value, &p.Message); err != nil {
			return err
		}
		sub := &subs[byID[id]]
		p.Severity, p.File = xxgk.Severity(sev), sub.FileName
		sub.Warnings = append(sub.Warnings, p)
		return nil
	})
}

// Versions returns a unit's submission history for a round, oldest first, without items
// or warnings. Every entry's FirstAt is version 1's import time.
func (s *Store) Versions(ctx context.Context, round, unit string) ([]xxgk.Submission, error) {
	var out []xxgk.Submission
	err := s.inTx(ctx, true, func(tx *sql.Tx) error {
		if err := roundExists(ctx, tx, round); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+submissionColumns+` FROM submissions s
WHERE s.round_id = ? AND s.unit_code = ? ORDER BY s.version`, round, unit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sub xxgk.Submission
			if err := scanSubmission(rows, &sub, nil); err != nil {
				return err
			}
			if len(out) > 0 {
				sub.FirstAt = out[0].FirstAt
			} else if sub.Version == 1 {
				sub.FirstAt = sub.ImportedAt
			}
			out = append(out, sub)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, hide(err, s.secret)
	}
	return out, nil
}

func scanSubmission(rows *sql.Rows, sub *xxgk.Submission, extra *int64) error {
	var at int64
	dest := []any{&sub.ID, &sub.Round, &sub.Unit, &sub.Version, &sub.Filler, &sub.Phone, &sub.FileName,
		&sub.FileSize, &sub.SHA256, &at, &sub.ImportedBy}
	if extra != nil {
		dest = append(dest, extra)
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	sub.ImportedAt = fromMicros(at)
	return nil
}

// roundExists wraps ErrNotFound for an unknown round, so "no submissions yet" and "no such
// round" are told apart.
func roundExists(ctx context.Context, q DBTX, round string) error {
	var one int
	err := q.QueryRowContext(ctx, `SELECT 1 FROM rounds WHERE id = ?`, round).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("轮次“%s”%w", round, ErrNotFound)
	}
	return err
}
