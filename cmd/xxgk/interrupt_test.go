package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestInterruptedCommand: any command stopped by Ctrl-C exits 130 with one Chinese line,
// whatever error the stop caused inside it.
func TestInterruptedCommand(t *testing.T) {
	db := emptyDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{{"status", "--db", db}, {"export", "--db", db, "--out", t.TempDir() + "/a.csv"}} {
		var out, errb bytes.Buffer
		code := run(ctx, append([]string{"xxgk"}, args...), newEnv(strings.NewReader(""), &out, &errb))
		if want := "xxgk: 已中断，命令未完成；重新运行同一命令即可\n"; code != exitInterrupted || errb.String() != want {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}
