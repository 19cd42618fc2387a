// Package testdb gives tests a fresh database on each engine. MySQL tests run against
// the server named by XXGK_TEST_MYSQL (e.g. mysql://root@tcp(127.0.0.1:3306)/xxgk_test);
// without it they skip with a message, except under CI=true, where a missing or
// unreachable server fails the run.
package testdb

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"
)

// Env is the variable naming the MySQL test server.
const Env = "XXGK_TEST_MYSQL"

// SuffixEnv, when set, is appended to every test database name, so that two checkouts
// can run their MySQL tests against one server at the same time.
const SuffixEnv = "XXGK_TEST_DB_SUFFIX"

// SQLite returns a DSN for a new SQLite file removed when the test ends.
func SQLite(tb testing.TB) string {
	tb.Helper()
	return "sqlite:" + filepath.Join(tb.TempDir(), "xxgk.db")
}

// Name is the database a test calling it name uses on the server.
func Name(name string) string { return name + os.Getenv(SuffixEnv) }

// MySQLConfig returns the test server's configuration pointed at database name, or skips.
func MySQLConfig(tb testing.TB, name string) *mysql.Config {
	tb.Helper()
	dsn := os.Getenv(Env)
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatal(Env + " is not set, and CI=true requires the MySQL tests")
		}
		tb.Skip("MySQL tests skipped: set " + Env + "=mysql://root@tcp(127.0.0.1:3306)/xxgk_test to run them")
	}
	cfg, err := mysql.ParseDSN(strings.TrimPrefix(dsn, "mysql://"))
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	cfg.DBName = Name(name)
	return cfg
}

// MySQL drops database name on the test server and returns its xxgk DSN; the store
// creates it again on open. Each package's tests use their own name.
func MySQL(tb testing.TB, name string) string {
	tb.Helper()
	cfg := MySQLConfig(tb, name)
	server := cfg.Clone()
	server.DBName = ""
	db, err := sql.Open("mysql", server.FormatDSN())
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("DROP DATABASE IF EXISTS `" + cfg.DBName + "`"); err != nil {
		tb.Fatalf("MySQL server from %s unreachable: %v", Env, err)
	}
	return "mysql://" + cfg.FormatDSN()
}
