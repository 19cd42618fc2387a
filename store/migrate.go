package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/go-sql-driver/mysql"
)

// migrationFiles holds the schema, one directory per engine, files named NNNN_what.sql.
// Each engine has the same versions; only the DDL differs.
//
//go:embed migrations
var migrationFiles embed.FS

// migration is one versioned schema change.
type migration struct {
	version    int
	name       string
	statements []string
}

// loadMigrations reads an engine's migrations in version order.
func loadMigrations(engine string) ([]migration, error) {
	dir := path.Join("migrations", engine)
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, _ := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a version number", e.Name())
		}
		b, err := migrationFiles.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), statements: splitStatements(string(b))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i := 1; i < len(out); i++ {
		if out[i].version == out[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share version %d", out[i-1].name, out[i].name, out[i].version)
		}
	}
	return out, nil
}

// splitStatements cuts a migration file at lines ending in ';', dropping '--' comment
// lines, so the driver never needs multi-statement mode.
func splitStatements(src string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(src, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(cur.String()), ";"))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER NOT NULL PRIMARY KEY,
    applied_at BIGINT NOT NULL
)`

// migrate applies the migrations not yet recorded in schema_migrations.
//
// Two processes may start at once. On SQLite each migration runs in an immediate
// transaction (DDL is transactional there), re-checking its version after taking the
// write lock. On MySQL, DDL commits implicitly, so a named lock (GET_LOCK) serialises
// migrators, every CREATE says IF NOT EXISTS, and a duplicate key when recording the
// version means another process finished it first.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := loadMigrations(s.d.name)
	if err != nil {
		return err
	}
	if _, err := s.db.ExecContext(ctx, createMigrationsTable); err != nil {
		return fmt.Errorf("创建 schema_migrations 表：%w", err)
	}
	done, err := s.appliedVersions(ctx, s.db)
	if err != nil {
		return err
	}
	pending := 0
	for _, m := range ms {
		if !done[m.version] {
			pending++
		}
	}
	if pending == 0 {
		return nil
	}
	if s.d.lockMigrations != "" {
		return s.migrateLocked(ctx, ms)
	}
	for _, m := range ms {
		if done[m.version] {
			continue
		}
		err := s.inTx(ctx, false, func(tx *sql.Tx) error {
			again, err := s.appliedVersions(ctx, tx)
			if err != nil || again[m.version] {
				return err
			}
			return s.apply(ctx, tx, m)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// migrateLocked runs the pending migrations on one connection holding a named lock.
func (s *Store) migrateLocked(ctx context.Context, ms []migration) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	lock := "xxgk_migrate." + s.name
	if len(lock) > 64 {
		lock = lock[:64]
	}
	var got sql.NullInt64
	if err := conn.QueryRowContext(ctx, s.d.lockMigrations, lock).Scan(&got); err != nil {
		return fmt.Errorf("获取迁移锁：%w", err)
	}
	if got.Int64 != 1 {
		return fmt.Errorf("等待其他进程完成数据库结构升级超时")
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), s.d.unlockMigrations, lock) //nolint:errcheck // released with the connection anyway
	done, err := s.appliedVersions(ctx, conn)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if done[m.version] {
			continue
		}
		if err := s.apply(ctx, conn, m); err != nil {
			if again, err2 := s.appliedVersions(ctx, conn); err2 == nil && again[m.version] {
				continue // another process that ignored the lock got there first
			}
			return err
		}
	}
	return nil
}

// apply runs one migration's statements and records its version.
func (s *Store) apply(ctx context.Context, q DBTX, m migration) error {
	for _, st := range m.statements {
		if _, err := q.ExecContext(ctx, st); err != nil && !alreadyThere(err) {
			return fmt.Errorf("数据库结构升级 %s 失败：%w", m.name, err)
		}
	}
	if err := afterMigration(ctx, q, m.version); err != nil {
		return fmt.Errorf("数据库结构升级 %s 失败：%w", m.name, err)
	}
	if _, err := q.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		m.version, s.now().UnixMicro()); err != nil {
		return fmt.Errorf("记录数据库结构版本 %d：%w", m.version, err)
	}
	return nil
}

// appliedVersions reads schema_migrations.
func (s *Store) appliedVersions(ctx context.Context, q DBTX) (map[int]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("读取数据库结构版本：%w", err)
	}
	defer rows.Close()
	done := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		done[v] = true
	}
	return done, rows.Err()
}

// alreadyThere tells a MySQL "duplicate key name" (1061) or "duplicate column name"
// (1060): the index or column a migration creates is already there, left by a migrator
// that stopped before recording its version. MySQL 8 has no CREATE INDEX or ADD COLUMN
// IF NOT EXISTS, so this is how such a migration stays re-runnable.
func alreadyThere(err error) bool {
	var me *mysql.MySQLError
	return errors.As(err, &me) && (me.Number == 1061 || me.Number == 1060)
}
