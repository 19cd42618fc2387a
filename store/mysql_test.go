package store

import (
	"context"
	"strings"
	"testing"
)

// TestMySQLCreatesDatabase: Open on a server without the database creates it, in utf8mb4.
func TestMySQLCreatesDatabase(t *testing.T) {
	s := open(t, freshMySQL(t))
	var charset, collation string
	err := s.db.QueryRowContext(context.Background(), `SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME
FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?`, mysqlTestConfig(t).DBName).Scan(&charset, &collation)
	if err != nil {
		t.Fatal(err)
	}
	if charset != "utf8mb4" || collation != "utf8mb4_unicode_ci" {
		t.Errorf("database created as %s/%s, want utf8mb4/utf8mb4_unicode_ci", charset, collation)
	}
}

// TestMySQLWrongPassword: the server's refusal is reported without the password.
func TestMySQLWrongPassword(t *testing.T) {
	cfg := mysqlTestConfig(t)
	const pw = "Wr0ng-S3cret"
	cfg.Passwd = pw
	dsn := "mysql://" + cfg.FormatDSN()
	s, err := Open(context.Background(), dsn)
	if err == nil {
		s.Close()
		t.Skip("the test server accepted a wrong password (no authentication configured)")
	}
	if strings.Contains(err.Error(), pw) {
		t.Errorf("error shows the password: %v", err)
	}
	if !strings.Contains(err.Error(), "Access denied") {
		t.Errorf("error = %v, want the server's Access denied", err)
	}
	if red := Redact(dsn); strings.Contains(red, pw) || !strings.Contains(red, ":***@") {
		t.Errorf("Redact = %s", red)
	}
}
