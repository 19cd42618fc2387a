package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"
)

// engine is a database the suite runs against: fresh returns the DSN of an empty database.
type engine struct {
	name  string
	fresh func(t testing.TB) string
}

// testDB is the MariaDB/MySQL database this package's tests own; it is dropped and
// recreated for every test.
const testDB = "xxgk_store_test"

func engines() []engine {
	return []engine{
		{name: "sqlite", fresh: freshSQLite},
		{name: "mysql", fresh: freshMySQL},
	}
}

func freshSQLite(t testing.TB) string {
	t.Helper()
	return "sqlite:" + filepath.Join(t.TempDir(), "xxgk.db")
}

// mysqlTestConfig reads XXGK_TEST_MYSQL (e.g. mysql://root@tcp(127.0.0.1:3306)/xxgk_test)
// and points it at testDB. Without it the test is skipped, except under CI=true, where a
// missing or unreachable server must fail the run.
func mysqlTestConfig(t testing.TB) *mysql.Config {
	t.Helper()
	dsn := os.Getenv("XXGK_TEST_MYSQL")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("XXGK_TEST_MYSQL is not set, and CI=true requires the MySQL tests")
		}
		t.Skip("MySQL tests skipped: set XXGK_TEST_MYSQL=mysql://root@tcp(127.0.0.1:3306)/xxgk_test to run them")
	}
	cfg, err := mysql.ParseDSN(strings.TrimPrefix(dsn, "mysql://"))
	if err != nil {
		t.Fatalf("XXGK_TEST_MYSQL: %v", err)
	}
	cfg.DBName = testDB
	return cfg
}

// freshMySQL drops the test database; Open must create it again.
func freshMySQL(t testing.TB) string {
	t.Helper()
	cfg := mysqlTestConfig(t)
	server := cfg.Clone()
	server.DBName = ""
	db, err := sql.Open("mysql", server.FormatDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+testDB); err != nil {
		t.Fatalf("MySQL server from XXGK_TEST_MYSQL unreachable: %v", err)
	}
	return "mysql://" + cfg.FormatDSN()
}

// open opens dsn and closes the store when the test ends.
func open(t testing.TB, dsn string) *Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open(%s): %v", Redact(dsn), err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// forEngine runs fn once per engine as a subtest with a fresh database.
func forEngine(t *testing.T, fn func(t *testing.T, e engine)) {
	t.Helper()
	for _, e := range engines() {
		t.Run(e.name, func(t *testing.T) { fn(t, e) })
	}
}

// count runs a COUNT query.
func count(t testing.TB, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}
