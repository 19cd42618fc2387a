package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"mysql://root:secret@tcp(127.0.0.1:3306)/xxgk", "mysql://root:***@tcp(127.0.0.1:3306)/xxgk"},
		{"mysql://root@tcp(127.0.0.1:3306)/xxgk", "mysql://root@tcp(127.0.0.1:3306)/xxgk"},
		{"mysql://u:p@ss:w/rd@tcp(db:3306)/x?parseTime=true", "mysql://u:***@tcp(db:3306)/x?parseTime=true"},
		{"mysql://u:@tcp(db)/x", "mysql://u:***@tcp(db)/x"},
		{"mysql://u:pw@/x", "mysql://u:***@/x"},
		{"sqlite:xxgk.db", "sqlite:xxgk.db"},
		{"sqlite:/tmp/a:b@c.db", "sqlite:/tmp/a:b@c.db"},
		{"postgres://u:pw@host/db", "postgres://u:***@host/db"},
		{"root:secret@tcp(127.0.0.1:3999)/x", "root:***@tcp(127.0.0.1:3999)/x"}, // mysql:// forgotten
		{"mysql:root:secret@tcp(127.0.0.1:3999)/x", "mysql:***@tcp(127.0.0.1:3999)/x"},
		{"xxgk.db", "xxgk.db"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestOpenErrorsHidePassword covers errors raised before any server answers: bad
// schemes, malformed DSNs and unreachable servers.
func TestOpenErrorsHidePassword(t *testing.T) {
	const pw = "Pa55-w0rd"
	tests := []struct{ dsn, want string }{
		{"postgres://u:" + pw + "@host/db", "无法识别的数据库地址“postgres://u:***@host/db”：请使用 sqlite:文件路径（如 sqlite:xxgk.db）或 mysql://用户[:密码]@tcp(主机:端口)/库名"},
		{"xxgk.db", "无法识别的数据库地址“xxgk.db”"},
		{"", "无法识别的数据库地址“”"},
		{"sqlite:", "数据库地址缺少文件路径"},
		{"mysql://root:" + pw + "@tcp(127.0.0.1:3306", "MySQL 数据库地址“mysql://root:***@tcp(127.0.0.1:3306”有误"},
		{"mysql://root:" + pw + "@tcp(127.0.0.1:3306)/", "MySQL 数据库地址缺少库名"},
		{"mysql://root:" + pw + "@tcp(127.0.0.1:1)/xxgk", "connection refused"},
		{"sqlite:" + t.TempDir() + "/no/such/dir/x.db", "unable to open database file"},
	}
	for _, tt := range tests {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		s, err := Open(ctx, tt.dsn)
		cancel()
		if err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", tt.dsn)
			continue
		}
		if strings.Contains(err.Error(), pw) {
			t.Errorf("Open(%q) error shows the password: %v", tt.dsn, err)
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Open(%q) error = %q, want it to contain %q", tt.dsn, err, tt.want)
		}
	}
}

func TestHide(t *testing.T) {
	inner := fmt.Errorf("driver said: bad password hunter%%202 / hunter 2: %w", ErrNotFound)
	err := hide(inner, "hunter 2")
	if got := err.Error(); got != "driver said: bad password *** / ***: 不存在" {
		t.Errorf("hide: %q", got)
	}
	if !errors.Is(err, ErrNotFound) {
		t.Error("hide loses the wrapped error")
	}
	if hide(nil, "x") != nil {
		t.Error("hide(nil) is not nil")
	}
}

func TestMySQLConfigKeepsUserParams(t *testing.T) {
	cfg, err := mysqlConfig("u:p@tcp(h:3306)/db?collation=utf8mb4_bin&timeout=2s&interpolateParams=false")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Collation != "utf8mb4_bin" || cfg.Timeout != 2*time.Second || cfg.InterpolateParams {
		t.Errorf("user parameters overridden: collation %q timeout %v interpolate %v", cfg.Collation, cfg.Timeout, cfg.InterpolateParams)
	}
	cfg, err = mysqlConfig("u:p@tcp(h:3306)/db")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Collation != "utf8mb4_unicode_ci" || cfg.Timeout != connectTimeout || !cfg.InterpolateParams || cfg.Loc != time.UTC {
		t.Errorf("defaults not applied: %+v", cfg)
	}
}

func TestSQLiteDSN(t *testing.T) {
	got := sqliteDSN("a.db?_pragma=busy_timeout(5)&_txlock=deferred")
	for _, want := range []string{"a.db?", "busy_timeout%285%29", "journal_mode%28WAL%29", "foreign_keys%281%29", "_txlock=deferred"} {
		if !strings.Contains(got, want) {
			t.Errorf("sqliteDSN = %q, missing %q", got, want)
		}
	}
	if strings.Count(got, "busy_timeout") != 1 {
		t.Errorf("sqliteDSN overrides the user's busy_timeout: %q", got)
	}
}

func TestMigrationsMatchAcrossEngines(t *testing.T) {
	lite, err := loadMigrations("sqlite")
	if err != nil {
		t.Fatal(err)
	}
	my, err := loadMigrations("mysql")
	if err != nil {
		t.Fatal(err)
	}
	if len(lite) != len(my) {
		t.Fatalf("sqlite has %d migrations, mysql %d", len(lite), len(my))
	}
	for i := range lite {
		if lite[i].version != my[i].version || lite[i].name != my[i].name {
			t.Errorf("migration %d: sqlite %s, mysql %s", i, lite[i].name, my[i].name)
		}
	}
}
