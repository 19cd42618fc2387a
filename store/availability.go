package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/go-sql-driver/mysql"

	"xxgk/internal/oserr"
)

// ErrNoDatabase is wrapped by OpenExisting when the SQLite file or the MySQL database
// named by the DSN does not exist.
var ErrNoDatabase = errors.New("数据库不存在")

// ErrBusy is wrapped when another program holds a SQLite database's write lock past
// busy_timeout, or another MySQL session holds a lock past innodb_lock_wait_timeout.
// Waiting again will not help while that program runs, so an import that meets it stops
// instead of waiting once more for every remaining file.
var ErrBusy = errors.New("数据库被其他程序占用")

// noDatabase names the database that is missing and says what to check.
type noDatabase struct{ msg string }

func (e *noDatabase) Error() string        { return e.msg }
func (e *noDatabase) Is(target error) bool { return target == ErrNoDatabase }

// sqliteExists refuses a SQLite path that names no file: opening it would create one.
func sqliteExists(file string) error {
	st, err := os.Stat(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &noDatabase{msg: fmt.Sprintf("数据库文件 %s 不存在。请检查 --db 参数、XXGK_DB 环境变量和当前目录（新的数据库由 xxgk templates 创建）", file)}
	case err != nil:
		return fmt.Errorf("无法读取数据库文件 %s：%w", file, oserr.Error(err))
	case st.IsDir():
		return fmt.Errorf("%s 是文件夹，不是 SQLite 数据库文件", file)
	}
	return nil
}

// unreachable explains a MySQL connection that failed below the protocol: refused,
// timed out, or accepted and then silent (which the driver reports as a bare context
// deadline).
func unreachable(ctx context.Context, addr string, err error) error {
	if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
		return &explained{msg: fmt.Sprintf("MySQL 服务器 %s 在 %d 秒内没有应答。请确认该地址和端口上运行的是 MySQL/MariaDB 服务且没有停止响应，或检查网络和防火墙",
			addr, int(openTimeout.Seconds())), err: err}
	}
	return fmt.Errorf("连接 MySQL 服务器 %s 失败：%w", addr, err)
}

// busyError is ErrBusy with the database and what to close.
type busyError struct {
	file string // SQLite: the file; empty for MySQL
	name string // MySQL: the database
	err  error
}

func (e *busyError) Error() string {
	if e.file == "" {
		return fmt.Sprintf("MySQL 数据库 %s 中要写入的数据被另一个会话锁定，等待后仍未释放，已停止。请结束占用它的会话（例如数据库工具中未提交的事务，或另一个正在运行的 xxgk），然后重新运行同一命令（%v）", e.name, e.err)
	}
	return fmt.Sprintf("数据库文件 %s 正被其他程序占用，等待后仍未释放，已停止。请关闭正在使用该文件的程序（例如打开着它的 DB Browser for SQLite、Navicat 等数据库工具，或另一个正在运行的 xxgk），然后重新运行同一命令（%v）", e.file, e.err)
}
func (e *busyError) Unwrap() error        { return e.err }
func (e *busyError) Is(target error) bool { return target == ErrBusy }

func (s *Store) busy(err error) error { return &busyError{file: s.file, name: s.name, err: err} }

// HasRounds tells whether the database named by dsn exists and already holds a round,
// without creating, migrating or otherwise changing anything: the demo asks it before
// writing invented submissions into a database given on its command line.
func HasRounds(parent context.Context, dsn string) (bool, error) {
	t, err := parseDSN(dsn)
	if err != nil {
		return false, badDSN{err}
	}
	var db *sql.DB
	var secret string
	switch t.engine {
	case "sqlite":
		if _, err := os.Stat(t.file); errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		// The plain path: our pragmas would switch the file to WAL, a change.
		db, err = sql.Open(sqliteDialect.driver, t.file)
	case "mysql":
		secret = t.mysql.Passwd
		var conn driver.Connector
		if conn, err = mysql.NewConnector(t.mysql); err == nil {
			db = sql.OpenDB(conn)
		}
	}
	if err != nil {
		return false, hide(err, secret)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(parent, openTimeout)
	defer cancel()
	var n int
	err = db.QueryRowContext(ctx, `SELECT COUNT(*) FROM rounds`).Scan(&n)
	var me *mysql.MySQLError
	switch {
	case err == nil:
		return n > 0, nil
	case errors.As(err, &me) && (me.Number == 1049 || me.Number == 1146): // no database, no table
		return false, nil
	case t.engine == "sqlite" && strings.Contains(err.Error(), "no such table"):
		return false, nil
	}
	if t.engine == "mysql" && !errors.As(err, &me) {
		err = unreachable(parent, t.mysql.Addr, err)
	}
	return false, hide(explainOpen(err, t.engine), secret)
}
