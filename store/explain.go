package store

import (
	"errors"
	"fmt"
	"strings"
	"syscall"

	"github.com/go-sql-driver/mysql"
)

// ErrBadDSN is wrapped when the database address itself is malformed: nothing was tried.
var ErrBadDSN = errors.New("数据库地址有误")

type badDSN struct{ error }

func (b badDSN) Is(target error) bool { return target == ErrBadDSN }
func (b badDSN) Unwrap() error        { return b.error }

// explainOpen puts in Chinese why a database could not be opened, for office staff, and
// keeps the driver's words in brackets for whoever has to fix the server.
func explainOpen(err error, engine string) error {
	if err == nil {
		return nil
	}
	var me *mysql.MySQLError
	msg := ""
	switch {
	case errors.As(err, &me) && (me.Number == 1045 || me.Number == 1698):
		msg = "用户名或密码错误"
	case errors.As(err, &me) && me.Number == 1044:
		msg = "该用户没有访问此数据库的权限"
	case errors.Is(err, syscall.ECONNREFUSED):
		msg = "无法连接服务器：服务未启动，或主机、端口写错"
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH), strings.Contains(err.Error(), "i/o timeout"):
		msg = "连接服务器超时：请检查主机地址和网络"
	case strings.Contains(err.Error(), "no such host"):
		msg = "找不到服务器主机名"
	case engine == "sqlite" && strings.Contains(err.Error(), "unable to open database file"):
		msg = "无法打开数据库文件：所在目录不存在或没有写入权限"
	case engine == "sqlite" && strings.Contains(err.Error(), "file is not a database"):
		msg = "该文件不是 SQLite 数据库"
	default:
		return err
	}
	return &explained{msg: msg, err: err}
}

type explained struct {
	msg string
	err error
}

func (e *explained) Error() string { return fmt.Sprintf("%s（%v）", e.msg, e.err) }
func (e *explained) Unwrap() error { return e.err }
