// Package store keeps units, rounds, catalog snapshots and submissions in MySQL or SQLite.
//
// One Store type serves both engines. Everything that differs between them lives in a
// dialect (dialect.go) and in the per-engine migration files (migrations/<engine>/); all
// other SQL is written once in a subset that SQLite, MySQL 8, MariaDB 10.6+ and TiDB accept,
// without stored procedures or triggers, and every query is bounded by an index.
// Every service call is one transaction: begin, defer rollback, commit. See README.md for
// the schema and the reasons behind it.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"time"

	"github.com/go-sql-driver/mysql"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"xxgk/access"
)

// ErrNotFound is wrapped when a round (or a unit of a round) does not exist.
var ErrNotFound = errors.New("不存在")

// ErrRoundInUse is returned by SaveRound when a round that already has submissions would
// get a different catalog: imports are checked against what was sent out, so it cannot
// change under them.
var ErrRoundInUse = errors.New("已有单位提交，不能更换指标目录")

// openTimeout bounds the connection check on Open.
const openTimeout = 10 * time.Second

// Store is an open database with the schema migrated. It is safe for concurrent use.
type Store struct {
	db     *sql.DB
	d      dialect
	name   string           // database name (MySQL) or file (SQLite), for lock names
	file   string           // SQLite: the file path alone, for messages
	secret string           // the DSN's password, scrubbed from every error
	now    func() time.Time // the clock; tests may replace it
	// failpoint, when set by a test, runs at named points inside write transactions so a
	// test can make the database fail mid-batch.
	failpoint func(ctx context.Context, q DBTX, stage string) error
	// codeParams are the argon2id costs of new access codes; tests make them cheap.
	codeParams access.Params
	// hashing bounds how many access code hashes run at once (each takes codeParams'
	// memory), so 200 portal requests verifying together stay within a few CPUs' worth.
	hashing chan struct{}
}

// Open connects to dsn ("sqlite:PATH" or "mysql://USER[:PASS]@tcp(HOST:PORT)/DB"),
// creating the database and migrating the schema as needed. No error it returns contains
// the DSN's password.
func Open(ctx context.Context, dsn string) (*Store, error) { return openStore(ctx, dsn, true) }

// OpenExisting is Open for commands that only read or add to an existing record: it never
// creates a database. A SQLite file or MySQL database that does not exist is an error
// wrapping ErrNoDatabase that names it, so a mistyped name is caught instead of quietly
// creating an empty database (and, on MySQL, leaving it behind on the server).
func OpenExisting(ctx context.Context, dsn string) (*Store, error) { return openStore(ctx, dsn, false) }

func openStore(ctx context.Context, dsn string, create bool) (*Store, error) {
	t, err := parseDSN(dsn)
	if err != nil {
		return nil, badDSN{err}
	}
	s := &Store{now: time.Now, codeParams: access.DefaultParams(), hashing: make(chan struct{}, runtime.GOMAXPROCS(0))}
	switch t.engine {
	case "sqlite":
		s.d, s.name, s.file = sqliteDialect, t.path, t.file
		if !create {
			if err := sqliteExists(t.file); err != nil {
				return nil, err
			}
		}
		s.db, err = sql.Open(s.d.driver, t.path)
	case "mysql":
		s.d, s.name, s.secret = mysqlDialect, t.mysql.DBName, t.mysql.Passwd
		s.db, err = openMySQL(ctx, t.mysql, create)
	}
	if err != nil {
		if s.db != nil {
			s.db.Close()
		}
		return nil, hide(explainOpen(err, t.engine), s.secret)
	}
	if err := s.check(ctx); err != nil {
		s.db.Close()
		return nil, hide(explainOpen(err, t.engine), s.secret)
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		if sqliteBusy(err) {
			err = s.busy(err)
		}
		return nil, hide(err, s.secret)
	}
	return s, nil
}

// openMySQL connects, creating the database first when the server says it does not exist
// and create is set.
func openMySQL(ctx context.Context, cfg *mysql.Config, create bool) (*sql.DB, error) {
	conn, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(conn)
	err = ping(ctx, db)
	var me *mysql.MySQLError
	if err != nil && !errors.As(err, &me) {
		// Network trouble: the driver's "invalid connection" alone does not say where.
		return db, unreachable(ctx, cfg.Addr, err)
	}
	if me == nil || me.Number != 1049 { // ER_BAD_DB_ERROR: unknown database
		return db, err
	}
	db.Close()
	if !create {
		return nil, &noDatabase{msg: fmt.Sprintf("MySQL 服务器 %s 上没有名为“%s”的数据库。请检查 --db 或 XXGK_DB 中的库名是否写错（新的数据库由 xxgk templates 创建）", cfg.Addr, cfg.DBName)}
	}
	if err := createDatabase(ctx, cfg); err != nil {
		return nil, fmt.Errorf("创建数据库 %s：%w", cfg.DBName, err)
	}
	conn, err = mysql.NewConnector(cfg)
	if err != nil {
		return nil, err
	}
	db = sql.OpenDB(conn)
	return db, ping(ctx, db)
}

// createDatabase connects without a database and creates it in utf8mb4.
func createDatabase(ctx context.Context, cfg *mysql.Config) error {
	server := cfg.Clone()
	server.DBName = ""
	conn, err := mysql.NewConnector(server)
	if err != nil {
		return err
	}
	db := sql.OpenDB(conn)
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, openTimeout)
	defer cancel()
	_, err = db.ExecContext(ctx, "CREATE DATABASE IF NOT EXISTS "+quoteIdent(cfg.DBName)+
		" CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
	return err
}

// quoteIdent quotes a MySQL identifier.
func quoteIdent(s string) string {
	out := []byte{'`'}
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			out = append(out, '`')
		}
		out = append(out, s[i])
	}
	return string(append(out, '`'))
}

// ping checks the connection with a short timeout, so an unreachable server fails in
// seconds.
func ping(ctx context.Context, db *sql.DB) error {
	ctx, cancel := context.WithTimeout(ctx, openTimeout)
	defer cancel()
	return db.PingContext(ctx)
}

// check makes sure the database answers; for SQLite this creates the file.
func (s *Store) check(ctx context.Context) error { return ping(ctx, s.db) }

// Close releases the database.
func (s *Store) Close() error { return hide(s.db.Close(), s.secret) }

// Engine names the database engine: "sqlite" or "mysql" (MySQL, MariaDB, TiDB).
func (s *Store) Engine() string { return s.d.name }

// inTx runs fn in a transaction: begin, defer rollback, commit. Read-only transactions
// see one consistent snapshot and, on SQLite, do not take the write lock.
func (s *Store) inTx(ctx context.Context, readOnly bool, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: readOnly})
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// maxAttempts bounds retries after a conflict with a concurrent writer. Each conflict
// means another writer committed, so the store as a whole always progresses; the bound
// only keeps one unlucky caller from waiting forever.
const maxAttempts = 25

// retry runs fn again when it fails on a conflict with another writer (a version taken by
// a concurrent import, a deadlock, a busy lock), with a short growing pause.
func (s *Store) retry(ctx context.Context, fn func() error) error {
	var err error
	for attempt := 1; ; attempt++ {
		err = fn()
		if err == nil || attempt == maxAttempts || !s.d.retryable(err) || ctx.Err() != nil {
			if sqliteBusy(err) || mysqlLockWait(err) {
				err = s.busy(err)
			}
			return hide(err, s.secret)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff(attempt)):
		}
	}
}

// backoff grows with the attempt and is jittered so that colliding writers spread out.
func backoff(attempt int) time.Duration {
	d := time.Duration(min(attempt, 10)) * 10 * time.Millisecond
	return d/2 + rand.N(d)
}

// fail runs the test failpoint, if any.
func (s *Store) fail(ctx context.Context, q DBTX, stage string) error {
	if s.failpoint == nil {
		return nil
	}
	return s.failpoint(ctx, q, stage)
}
