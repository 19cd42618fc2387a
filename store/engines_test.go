package store

import (
	"context"
	"testing"

	"github.com/go-sql-driver/mysql"

	"xxgk/internal/testdb"
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

func freshSQLite(t testing.TB) string { return testdb.SQLite(t) }

func mysqlTestConfig(t testing.TB) *mysql.Config { return testdb.MySQLConfig(t, testDB) }

// freshMySQL drops the test database; Open must create it again.
func freshMySQL(t testing.TB) string { return testdb.MySQL(t, testDB) }

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
