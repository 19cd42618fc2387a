package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/go-sql-driver/mysql"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// DBTX is what queries run on: both *sql.DB and *sql.Tx serve it, so a helper works
// inside or outside a transaction.
type DBTX interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

// dialect holds everything that differs between engines: the few SQL strings that are
// not portable and how to recognise a conflict worth retrying. All other SQL in the
// package is written once and runs unchanged on SQLite, MySQL 8, MariaDB 10.6+ and TiDB.
type dialect struct {
	name       string // "sqlite" or "mysql"; also the migrations directory
	driver     string
	upsertUnit string // insert a unit or update it in place
	// lockMigrations/unlockMigrations serialise schema changes between processes (%s is the
	// lock name). Empty for SQLite, whose immediate transactions already serialise them.
	lockMigrations, unlockMigrations string
	maxParams                        int // bound parameters one statement may carry
	retryable                        func(error) bool
}

var sqliteDialect = dialect{
	name:   "sqlite",
	driver: "sqlite",
	upsertUnit: `INSERT INTO units (code, name, short, kind, aliases) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, short = excluded.short, kind = excluded.kind, aliases = excluded.aliases`,
	maxParams: 32000, // SQLITE_MAX_VARIABLE_NUMBER is 32766
	retryable: sqliteRetryable,
}

var mysqlDialect = dialect{
	name:   "mysql",
	driver: "mysql",
	// VALUES() is deprecated in MySQL 8.0.20 in favour of a row alias that MariaDB and TiDB
	// do not accept; VALUES() works on all three.
	upsertUnit: `INSERT INTO units (code, name, short, kind, aliases) VALUES (?, ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE name = VALUES(name), short = VALUES(short), kind = VALUES(kind), aliases = VALUES(aliases)`,
	lockMigrations:   `SELECT GET_LOCK(?, 45)`, // answers before the 60 s read timeout
	unlockMigrations: `SELECT RELEASE_LOCK(?)`,
	maxParams:        60000, // the protocol allows 65535 placeholders
	retryable:        mysqlRetryable,
}

// sqliteRetryable: a unique-key conflict (another process took the version). A busy
// database is not retried: busy_timeout has already waited for the lock, and retrying
// that wait 25 times would leave an import silent for minutes behind another program.
func sqliteRetryable(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return true
	}
	return false
}

// sqliteBusy tells a database another program kept locked past busy_timeout.
func sqliteBusy(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return true
	}
	return false
}

// mysqlRetryable: duplicate key (1062), deadlock (1213) and TiDB's optimistic write
// conflict (9007) all mean "another transaction got there first". A lock wait timeout
// (1205) is not retried: the server has already waited innodb_lock_wait_timeout (50 s by
// default) for a lock someone still holds, and 25 more waits would leave an import silent
// for twenty minutes.
func mysqlRetryable(err error) bool {
	var e *mysql.MySQLError
	if !errors.As(err, &e) {
		return false
	}
	switch e.Number {
	case 1062, 1213, 9007:
		return true
	}
	return false
}

// mysqlLockWait tells a lock another session held past innodb_lock_wait_timeout.
func mysqlLockWait(err error) bool {
	var e *mysql.MySQLError
	return errors.As(err, &e) && e.Number == 1205
}
