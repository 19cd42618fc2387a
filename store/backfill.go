package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"xxgk"
)

// afterMigration runs the part of a migration SQL cannot do, on the same transaction
// (SQLite) or connection (MySQL), before the version is recorded: a migrator that stops
// half-way runs it again.
func afterMigration(ctx context.Context, q DBTX, version int) error {
	switch version {
	case 8:
		return backfillContentHashes(ctx, q)
	}
	return nil
}

// backfillChunk is how many submissions the backfill reads at a time, so memory stays
// flat however many a database holds.
const backfillChunk = 500

// backfillContentHashes gives the versions stored before migration 0008 their content
// hash, computed from their stored items exactly as the importer computes it from a
// workbook: a re-saved copy of an old file is then recognised as that version. It walks
// the primary key in chunks and reads items through their (submission_id, seq) key.
func backfillContentHashes(ctx context.Context, q DBTX) error {
	after := int64(0)
	for {
		subs, ids, err := unhashed(ctx, q, after)
		if err != nil || len(ids) == 0 {
			return err
		}
		after = ids[len(ids)-1]
		rows, err := q.QueryContext(ctx, `SELECT submission_id, code, status, column_name, url, last_update,
item_count, reported, remark FROM submission_items WHERE submission_id IN (`+placeholders(len(ids))+`) ORDER BY submission_id, seq`,
			anys(ids)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			id, it, err := scanItem(rows)
			if err != nil {
				rows.Close()
				return err
			}
			subs[id].Items = append(subs[id].Items, it)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := q.ExecContext(ctx, `UPDATE submissions SET content_hash = ? WHERE id = ?`, subs[id].ContentHash(), id); err != nil {
				return fmt.Errorf("补算提交 %d 的内容摘要：%w", id, err)
			}
		}
	}
}

// unhashed reads the next chunk of submissions without a content hash, by id.
func unhashed(ctx context.Context, q DBTX, after int64) (map[int64]*xxgk.Submission, []int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, round_id, unit_code, filler, phone FROM submissions
WHERE id > ? AND content_hash = '' ORDER BY id LIMIT `+fmt.Sprint(backfillChunk), after)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	subs := map[int64]*xxgk.Submission{}
	var ids []int64
	for rows.Next() {
		var id int64
		sub := &xxgk.Submission{}
		if err := rows.Scan(&id, &sub.Round, &sub.Unit, &sub.Filler, &sub.Phone); err != nil {
			return nil, nil, err
		}
		subs[id] = sub
		ids = append(ids, id)
	}
	return subs, ids, rows.Err()
}

// scanItem reads one submission_items row: submission_id, code, status, column_name,
// url, last_update, item_count, reported, remark.
func scanItem(rows *sql.Rows) (int64, xxgk.Item, error) {
	var id int64
	var it xxgk.Item
	var status string
	var last sql.NullString
	var count sql.NullInt64
	if err := rows.Scan(&id, &it.Code, &status, &it.ColumnName, &it.URL, &last, &count, &it.Reported, &it.Remark); err != nil {
		return 0, it, err
	}
	it.Status = xxgk.OpenStatus(status)
	it.Count = -1
	if count.Valid {
		it.Count = int(count.Int64)
	}
	if last.Valid {
		d, err := time.Parse(dateLayout, strings.TrimSpace(last.String))
		if err != nil {
			return 0, it, fmt.Errorf("提交 %d 的最近更新日期“%s”无效：%w", id, last.String, err)
		}
		it.LastUpdate = d
	}
	return id, it, nil
}
