package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/internal/testdb"
)

// OpenExisting never creates a database: a mistyped name is an error naming it, and the
// name is still free afterwards.
func TestOpenExistingRefusesMissingDatabase(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		dsn := e.fresh(t) // does not exist yet
		var name string
		if e.name == "mysql" {
			name = mysqlTestConfig(t).DBName
		} else {
			name = strings.TrimPrefix(dsn, "sqlite:")
		}
		_, err := OpenExisting(context.Background(), dsn)
		if !errors.Is(err, ErrNoDatabase) || !strings.Contains(err.Error(), name) {
			t.Fatalf("OpenExisting on a missing database: %v", err)
		}
		if has, err := HasRounds(context.Background(), dsn); err != nil || has {
			t.Errorf("HasRounds on a missing database = %v, %v", has, err)
		}
		if e.name == "sqlite" {
			if _, err := os.Stat(name); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("OpenExisting created %s: %v", name, err)
			}
		} else {
			srv := mysqlTestConfig(t)
			srv.DBName = ""
			db, err := sql.Open("mysql", srv.FormatDSN())
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var n int
			if err := db.QueryRow(`SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?`, name).Scan(&n); err != nil || n != 0 {
				t.Errorf("OpenExisting created database %s (%d, %v)", name, n, err)
			}
		}

		// Once created (by Open), OpenExisting opens it; HasRounds sees its rounds.
		s := open(t, dsn)
		if has, err := HasRounds(context.Background(), dsn); err != nil || has {
			t.Errorf("HasRounds on an empty database = %v, %v", has, err)
		}
		if err := s.SaveRound(context.Background(), round2020, smallCatalog(t)); err != nil {
			t.Fatal(err)
		}
		again, err := OpenExisting(context.Background(), dsn)
		if err != nil {
			t.Fatalf("OpenExisting on an existing database: %v", err)
		}
		again.Close()
		if has, err := HasRounds(context.Background(), dsn); err != nil || !has {
			t.Errorf("HasRounds with a round = %v, %v", has, err)
		}
	})
}

// A server that accepts the connection and never answers fails Open within the open
// timeout, in Chinese, naming the address; it never hangs.
func TestMySQLSilentServer(t *testing.T) {
	addr := testdb.SilentServer(t)
	for _, fn := range []func() error{
		func() error { _, err := Open(context.Background(), "mysql://root:pw@tcp("+addr+")/xxgk"); return err },
		func() error {
			_, err := HasRounds(context.Background(), "mysql://root:pw@tcp("+addr+")/xxgk")
			return err
		},
	} {
		start := time.Now()
		err := fn()
		if d := time.Since(start); d > openTimeout+5*time.Second {
			t.Errorf("gave up after %v", d)
		}
		want := "MySQL 服务器 " + addr + " 在 10 秒内没有应答"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want %q", err, want)
		}
	}
}

// Reads and writes on a MySQL connection time out unless the DSN says otherwise.
func TestMySQLIOTimeouts(t *testing.T) {
	tg, err := parseDSN("mysql://root@tcp(127.0.0.1:3306)/x")
	if err != nil {
		t.Fatal(err)
	}
	if tg.mysql.ReadTimeout != time.Minute || tg.mysql.WriteTimeout != time.Minute || tg.mysql.Timeout != connectTimeout {
		t.Errorf("timeouts = %v/%v/%v", tg.mysql.Timeout, tg.mysql.ReadTimeout, tg.mysql.WriteTimeout)
	}
	tg, err = parseDSN("mysql://root@tcp(127.0.0.1:3306)/x?readTimeout=5m")
	if err != nil {
		t.Fatal(err)
	}
	if tg.mysql.ReadTimeout != 5*time.Minute {
		t.Errorf("the DSN's readTimeout was overridden: %v", tg.mysql.ReadTimeout)
	}
}

// A busy SQLite file is ErrBusy, naming the file and what to close.
func TestSQLiteBusyNamesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "busy.db")
	s := open(t, "sqlite:"+path+"?_pragma=busy_timeout(100)")
	ctx := context.Background()
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	release := holdWriteLock(t, path)
	defer release()
	_, err := s.SaveSubmissions(ctx, []*xxgk.Submission{{Round: "2020", Unit: "CZJ", FileName: "a.xlsx", SHA256: strings.Repeat("a", 64)}})
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "数据库文件 "+path+" 正被其他程序占用") || !strings.Contains(err.Error(), "DB Browser for SQLite") {
		t.Errorf("err = %v", err)
	}
}

// holdWriteLock takes the write lock of a SQLite file as another program would.
func holdWriteLock(t testing.TB, path string) func() {
	t.Helper()
	ctx := context.Background()
	other, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	return func() {
		conn.ExecContext(ctx, "ROLLBACK") //nolint:errcheck
		conn.Close()
		other.Close()
	}
}

// A MySQL row lock held by another session past innodb_lock_wait_timeout is ErrBusy
// after ONE wait, naming the database, instead of 25 retries of the same wait.
func TestMySQLLockWaitStops(t *testing.T) {
	dsn := freshMySQL(t)
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	s := open(t, dsn+sep+"innodb_lock_wait_timeout=1")
	ctx := context.Background()
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	other, err := sql.Open("mysql", mysqlTestConfig(t).FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback() //nolint:errcheck
	if _, err := tx.ExecContext(ctx, `SELECT unit_code FROM round_units WHERE round_id = '2020' AND unit_code = 'CZJ' FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = s.SaveSubmissions(ctx, []*xxgk.Submission{newSub("2020", "CZJ", "a", 3, at(15, 0))})
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("gave up after %v; one lock wait is 1 s", d)
	}
	want := "MySQL 数据库 " + mysqlTestConfig(t).DBName + " 中要写入的数据被另一个会话锁定"
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %q", err, want)
	}
}
