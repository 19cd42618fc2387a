package store

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"strings"
	"testing"
)

// Opening fails with a Chinese reason and the driver's words kept for the administrator.
func TestOpenExplains(t *testing.T) {
	// A port nobody listens on: take a free port and close it again.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	tests := []struct {
		dsn, want string
		bad       bool
	}{
		{dsn: "mysql://root:pw@tcp(" + addr + ")/x", want: "无法连接服务器：服务未启动，或主机、端口写错（"},
		{dsn: "sqlite:" + filepath.Join(t.TempDir(), "no", "such", "dir", "x.db"), want: "无法打开数据库文件：所在目录不存在或没有写入权限（"},
		{dsn: "xxgk.db", want: "SQLite 文件请写成 sqlite:xxgk.db", bad: true},
		{dsn: "root:pw@tcp(127.0.0.1:3306)/x", want: "无法识别的数据库地址“root:***@tcp(127.0.0.1:3306)/x”", bad: true},
	}
	for _, tt := range tests {
		_, err := Open(context.Background(), tt.dsn)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Open(%q) = %v, want it to say %q", tt.dsn, err, tt.want)
		}
		if errors.Is(err, ErrBadDSN) != tt.bad {
			t.Errorf("Open(%q): errors.Is(err, ErrBadDSN) = %v, want %v", tt.dsn, !tt.bad, tt.bad)
		}
		if err != nil && strings.Contains(err.Error(), ":pw@") {
			t.Errorf("Open(%q) leaks the password: %v", tt.dsn, err)
		}
	}
}
