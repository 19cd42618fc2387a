package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"xxgk/importer"
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

// TestInterruptedCountsEveryOutcome: the Ctrl-C message of import accounts for every file,
// blank templates and older files of a unit included, so the numbers add up.
func TestInterruptedCountsEveryOutcome(t *testing.T) {
	err := interrupted(importer.Totals{Files: 20, Accepted: 3, Unchanged: 2, Rejected: 1, Blank: 4, Older: 2, NotProcessed: 8})
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitInterrupted {
		t.Fatalf("%v: not exit 130", err)
	}
	if want := "已中断：已接收 3，未变化 2，已退回 1，空白模板 4，未采用 2，未处理 8；重新运行同一命令即可继续"; err.Error() != want {
		t.Errorf("%q\nwant %q", err, want)
	}
}
