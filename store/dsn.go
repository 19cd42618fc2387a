package store

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
)

// dsnForms is shown whenever a DSN cannot be understood.
const dsnForms = "sqlite:文件路径（如 sqlite:xxgk.db）或 mysql://用户[:密码]@tcp(主机:端口)/库名"

// connectTimeout bounds the dial to a MySQL server, so an unreachable host fails in
// seconds instead of after the operating system's TCP timeout (minutes).
const connectTimeout = 5 * time.Second

// ioTimeout bounds every read and write on a MySQL connection: a server (or a proxy in
// front of it) that accepts the connection and then stops answering fails the command
// within a minute instead of hanging it. The longest statement the store sends (a bulk
// insert of one batch) takes well under a second on a healthy server.
const ioTimeout = 60 * time.Second

// target is a parsed DSN: the engine and what its driver needs.
type target struct {
	engine string        // "sqlite" or "mysql"
	path   string        // sqlite: the driver DSN (file path plus our pragmas)
	file   string        // sqlite: the file path alone
	mysql  *mysql.Config // mysql: the driver configuration
}

// parseDSN understands "sqlite:PATH" and "mysql://<go-sql-driver DSN>".
func parseDSN(dsn string) (target, error) {
	switch {
	case strings.HasPrefix(dsn, "sqlite:"):
		p := strings.TrimPrefix(dsn, "sqlite:")
		p = strings.TrimPrefix(p, "//") // tolerate sqlite://file.db and sqlite:///abs/file.db
		if p == "" || strings.HasPrefix(p, "?") {
			return target{}, fmt.Errorf("数据库地址缺少文件路径：请使用 %s", dsnForms)
		}
		file, _, _ := strings.Cut(p, "?")
		return target{engine: "sqlite", path: sqliteDSN(p), file: file}, nil
	case strings.HasPrefix(dsn, "mysql://"):
		cfg, err := mysqlConfig(strings.TrimPrefix(dsn, "mysql://"))
		if err != nil {
			return target{}, err
		}
		return target{engine: "mysql", mysql: cfg}, nil
	}
	if !strings.Contains(dsn, ":") && (strings.HasSuffix(dsn, ".db") || strings.HasSuffix(dsn, ".sqlite")) {
		return target{}, fmt.Errorf("无法识别的数据库地址“%s”：SQLite 文件请写成 sqlite:%s", dsn, dsn)
	}
	return target{}, fmt.Errorf("无法识别的数据库地址“%s”：请使用 %s", Redact(dsn), dsnForms)
}

// sqliteDSN adds the connection settings the store relies on to a file path, keeping any
// the user gave:
//   - WAL, so readers never block the writer and the writer never blocks readers;
//   - busy_timeout, so a second process waits for the write lock instead of failing;
//   - foreign_keys, which SQLite leaves off by default;
//   - _txlock=immediate, so a writing transaction takes the write lock at BEGIN: a
//     transaction that reads and then writes can otherwise fail with SQLITE_BUSY without
//     waiting (lock upgrade). Read-only transactions (sql.TxOptions.ReadOnly) stay deferred.
func sqliteDSN(p string) string {
	path, query, _ := strings.Cut(p, "?")
	q, err := url.ParseQuery(query)
	if err != nil {
		q = url.Values{}
	}
	has := func(pragma string) bool {
		for _, v := range q["_pragma"] {
			if strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), pragma) {
				return true
			}
		}
		return false
	}
	if !has("busy_timeout") && q.Get("_busy_timeout") == "" && q.Get("_timeout") == "" {
		q.Add("_pragma", "busy_timeout(30000)")
	}
	if !has("journal_mode") && q.Get("_journal_mode") == "" && q.Get("_journal") == "" {
		q.Add("_pragma", "journal_mode(WAL)")
	}
	if !has("foreign_keys") && q.Get("_foreign_keys") == "" && q.Get("_fk") == "" {
		q.Add("_pragma", "foreign_keys(1)")
	}
	if q.Get("_txlock") == "" {
		q.Set("_txlock", "immediate")
	}
	return path + "?" + q.Encode()
}

// mysqlConfig parses the go-sql-driver DSN and fills in what the store needs, never
// overriding a parameter the user wrote.
func mysqlConfig(raw string) (*mysql.Config, error) {
	cfg, err := mysql.ParseDSN(raw)
	if err != nil {
		return nil, fmt.Errorf("MySQL 数据库地址“%s”有误：%s；格式为 %s",
			Redact("mysql://"+raw), scrub(err.Error(), passwordOf(raw)), dsnForms)
	}
	if cfg.DBName == "" {
		return nil, fmt.Errorf("MySQL 数据库地址缺少库名：格式为 %s", dsnForms)
	}
	given := map[string]bool{}
	if _, query, ok := strings.Cut(raw[strings.LastIndex(raw, "/")+1:], "?"); ok {
		for _, kv := range strings.Split(query, "&") {
			k, _, _ := strings.Cut(kv, "=")
			given[k] = true
		}
	}
	if !given["charset"] && !given["collation"] {
		// utf8mb4 stores 4-byte characters (𠀀, emoji); utf8 (utf8mb3) silently cannot.
		if err := cfg.Apply(mysql.Charset("utf8mb4", "utf8mb4_unicode_ci")); err != nil {
			return nil, err
		}
	}
	if !given["timeout"] {
		cfg.Timeout = connectTimeout
	}
	if !given["readTimeout"] {
		cfg.ReadTimeout = ioTimeout
	}
	if !given["writeTimeout"] {
		cfg.WriteTimeout = ioTimeout
	}
	if !given["interpolateParams"] {
		// One round trip per statement instead of prepare/execute/close; safe with utf8mb4.
		cfg.InterpolateParams = true
	}
	if !given["loc"] {
		cfg.Loc = time.UTC
	}
	// The driver logs connection trouble to stderr by itself; the store reports errors
	// through its return values only, so commands control every line the user sees.
	cfg.Logger = quietLogger{}
	return cfg, nil
}

// quietLogger drops the driver's log lines.
type quietLogger struct{}

func (quietLogger) Print(...any) {}

// Redact returns dsn with any password replaced by ***, for messages and logs.
// It follows the driver's own rule (the password runs from the first ':' to the last '@'
// before the database name), so what the driver would take as the password is hidden.
func Redact(dsn string) string {
	if strings.HasPrefix(dsn, "sqlite:") {
		return dsn
	}
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		// Not a form we know (a missing or misspelt mysql://): hide everything between
		// the first ':' and the '@' that may end a password.
		if start, end, ok := passwordSpan(dsn); ok {
			return dsn[:start] + "***" + dsn[end:]
		}
		return dsn
	}
	start, end, ok := passwordSpan(rest)
	if !ok {
		return dsn
	}
	return scheme + "://" + rest[:start] + "***" + rest[end:]
}

// passwordSpan locates the password in "user:pass@net(addr)/db?params".
func passwordSpan(s string) (start, end int, ok bool) {
	limit := strings.LastIndex(s, "/")
	if limit < 0 {
		limit = len(s)
	}
	at := strings.LastIndex(s[:limit], "@")
	if at < 0 {
		// No '@' before the last '/': the password itself may contain '/'.
		if at = strings.LastIndex(s, "@"); at < 0 {
			return 0, 0, false
		}
	}
	colon := strings.Index(s[:at], ":")
	if colon < 0 {
		return 0, 0, false
	}
	return colon + 1, at, true
}

// passwordOf extracts the password from a go-sql-driver DSN, for scrubbing.
func passwordOf(raw string) string {
	start, end, ok := passwordSpan(raw)
	if !ok {
		return ""
	}
	return raw[start:end]
}

// scrub removes a secret, and its URL-escaped form, from a message.
func scrub(msg, secret string) string {
	if secret == "" {
		return msg
	}
	msg = strings.ReplaceAll(msg, secret, "***")
	for _, esc := range []string{url.QueryEscape(secret), url.PathEscape(secret)} {
		if esc != secret {
			msg = strings.ReplaceAll(msg, esc, "***")
		}
	}
	return msg
}

// secretError hides a password in the text of an error that may quote it (driver errors,
// parse errors), while errors.Is/As still see the original.
type secretError struct {
	err    error
	secret string
}

func (e *secretError) Error() string { return scrub(e.err.Error(), e.secret) }
func (e *secretError) Unwrap() error { return e.err }

// hide wraps err so that its text never contains secret.
func hide(err error, secret string) error {
	if err == nil || secret == "" {
		return err
	}
	var se *secretError
	if errors.As(err, &se) && se.secret == secret {
		return err
	}
	return &secretError{err: err, secret: secret}
}
