package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/samples"
)

// TestMistakenRound: a round recorded by mistake (a mistyped --round) does not become the round of
// every command while it has no submission, the commands say which round they use, and
// `rounds delete` removes it; a round with submissions is refused, naming what it holds.
func TestMistakenRound(t *testing.T) {
	for _, eng := range cmdEngines("xxgk_cmd_rounds_delete") {
		t.Run(eng.name, func(t *testing.T) {
			db := eng.dsn(t)
			dir := t.TempDir()
			tpl := filepath.Join(dir, "tpl")
			issued := time.Date(2020, 9, 8, 9, 0, 0, 0, xxgk.ChinaTime)
			if code, _, stderr := runAt(t, issued, "templates", "--db", db, "--out", tpl, "--round", "2020", "--deadline", "2020-09-20"); code != exitOK {
				t.Fatal(stderr)
			}
			imp := time.Date(2020, 9, 18, 9, 0, 0, 0, xxgk.ChinaTime)
			in := fillFrom(t, tpl, filepath.Join(dir, "in"), "2020", "市财政局", samples.Good, 1, "a.xlsx")
			if code, out, _ := runAt(t, imp, "import", "--db", db, in); code != exitOK {
				t.Fatal(out)
			}
			if code, _, stderr := runAt(t, imp.Add(time.Hour), "templates", "--db", db, "--out", filepath.Join(dir, "x"), "--round", "2021", "--deadline", "2021-09-20", "--unit", "市财政局"); code != exitOK {
				t.Fatal(stderr)
			}
			code, out, stderr := runAt(t, imp, "status", "--db", db)
			if code != exitOK || !strings.HasPrefix(out, "轮次 2020") ||
				stderr != "提示：未给 --round，使用轮次 2020（最近创建的、已有单位报送的轮次）；数据库中共有 2 个轮次，见 xxgk rounds\n" {
				t.Errorf("status: exit %d\n%s%s", code, out, stderr)
			}
			code, _, stderr = runAt(t, imp, "rounds", "delete", "--db", db, "2020")
			if code != exitFailed || !strings.Contains(stderr, "轮次“2020”中有 1 份报送") {
				t.Errorf("delete a round in use: exit %d, %s", code, stderr)
			}
			code, out, stderr = runAt(t, imp, "rounds", "delete", "--db", db, "2021")
			if code != exitOK || out != "已删除轮次 2021（其登记的指标表、单位名单和发文设置）\n" {
				t.Errorf("delete: exit %d, %s%s", code, out, stderr)
			}
			if code, _, stderr := runAt(t, imp, "rounds", "delete", "--db", db, "2021"); code != exitFailed || !strings.Contains(stderr, "数据库中没有轮次“2021”") {
				t.Errorf("delete twice: exit %d, %s", code, stderr)
			}
			if code, out, stderr := runAt(t, imp, "status", "--db", db); code != exitOK || !strings.HasPrefix(out, "轮次 2020") || stderr != "" {
				t.Errorf("status after delete: exit %d\n%s%s", code, out, stderr)
			}
		})
	}
}
