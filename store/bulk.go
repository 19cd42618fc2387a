package store

import (
	"context"
	"database/sql"
	"strings"
)

// Limits of one multi-row INSERT: few enough parameters for SQLite's 32,766 and MySQL's
// 65,535, and small enough a statement for the server's max_allowed_packet (16 MiB by default).
const (
	bulkRows  = 500
	bulkBytes = 1 << 20
)

// bulk accumulates rows for one table and writes them as multi-row INSERTs: one
// statement per few hundred rows instead of one per row is what makes imports fast,
// especially against a server across a network.
type bulk struct {
	q       DBTX
	head    string // INSERT INTO t (cols) VALUES
	tuple   string // (?, ?, …)
	cols    int
	maxRows int
	rows    int
	size    int
	args    []any
	sql     strings.Builder
	full    *sql.Stmt // the statement for a full chunk, prepared once and reused
}

func newBulk(q DBTX, table string, cols ...string) *bulk {
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	return &bulk{
		q:       q,
		head:    "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ",
		tuple:   tuple,
		cols:    len(cols),
		maxRows: min(bulkRows, 30000/len(cols)),
	}
}

// add queues one row, writing the queued rows first when the statement is full.
func (b *bulk) add(ctx context.Context, vals ...any) error {
	if len(vals) != b.cols {
		panic("store: bulk row has the wrong number of values")
	}
	for _, v := range vals {
		if s, ok := v.(string); ok {
			b.size += len(s)
		}
	}
	b.args = append(b.args, vals...)
	b.rows++
	if b.rows >= b.maxRows || b.size >= bulkBytes {
		return b.flush(ctx)
	}
	return nil
}

// flush writes the queued rows. Full chunks reuse one prepared statement: parsing a
// statement of thousands of placeholders costs as much as running it on SQLite.
func (b *bulk) flush(ctx context.Context) error {
	if b.rows == 0 {
		return nil
	}
	if b.rows == b.maxRows {
		if b.full == nil {
			st, err := b.q.PrepareContext(ctx, b.statement())
			if err != nil {
				return err
			}
			b.full = st
		}
		_, err := b.full.ExecContext(ctx, b.args...)
		b.rows, b.size, b.args = 0, 0, b.args[:0]
		return err
	}
	_, err := b.q.ExecContext(ctx, b.statement(), b.args...)
	b.rows, b.size, b.args = 0, 0, b.args[:0]
	return err
}

// close releases the prepared statement; call it before the transaction ends.
func (b *bulk) close() {
	if b.full != nil {
		b.full.Close()
		b.full = nil
	}
}

// statement is the INSERT for the queued rows.
func (b *bulk) statement() string {
	b.sql.Reset()
	b.sql.WriteString(b.head)
	for i := 0; i < b.rows; i++ {
		if i > 0 {
			b.sql.WriteString(", ")
		}
		b.sql.WriteString(b.tuple)
	}
	return b.sql.String()
}
