package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk/samples"
)

// TestReissueOneTemplate: `templates --round 2021 --unit 市数据管理局` after units of
// round 2021 reported re-issues that unit's template from the round's stored table and
// unit list (the unit is not in the built-in list), instead of reloading the built-in
// 2020 table and being refused.
func TestReissueOneTemplate(t *testing.T) {
	for _, eng := range cmdEngines("xxgk_cmd_reissue") {
		t.Run(eng.name, func(t *testing.T) {
			db := eng.dsn(t)
			dir := t.TempDir()
			seed, err := os.ReadFile("../../seeds/units.csv")
			if err != nil {
				t.Fatal(err)
			}
			units := filepath.Join(dir, "单位2021.csv")
			os.WriteFile(units, append(seed, "SJGLJ,安康市数据管理局,市数据管理局,department,\n"...), 0o644)
			now := time.Date(2021, 9, 1, 9, 0, 0, 0, time.UTC)
			tpl := filepath.Join(dir, "模板")
			if code, _, stderr := runAt(t, now, "templates", "--db", db, "--round", "2021", "--deadline", "2021-09-20", "--units", units, "--out", tpl); code != exitOK {
				t.Fatalf("templates: %s", stderr)
			}
			in := fillFrom(t, tpl, filepath.Join(dir, "in"), "2021", "市财政局", samples.Good, 1, "a.xlsx")
			if code, out, _ := runAt(t, now.AddDate(0, 0, 25), "import", "--db", db, in); code != exitOK {
				t.Fatalf("import: %s", out)
			}
			again := filepath.Join(dir, "补发")
			code, out, stderr := runAt(t, now, "templates", "--db", db, "--round", "2021", "--unit", "市数据管理局", "--out", again)
			if code != exitOK {
				t.Fatalf("reissue: exit %d\n%s%s", code, out, stderr)
			}
			if !strings.Contains(stderr, "使用轮次 2021 登记的指标表和单位名单") || strings.Contains(stderr, "内置的 2020 年指标表") {
				t.Errorf("stderr: %s", stderr)
			}
			if _, err := os.Stat(filepath.Join(again, "2021_市数据管理局_信息公开栏目建设情况填报表.xlsx")); err != nil {
				t.Errorf("no reissued template: %v\n%s", err, out)
			}
			// Naming a table again means that table: the built-in list differs from the
			// round's, which units have reported on, so it is refused.
			if code, _, stderr := runAt(t, now, "templates", "--db", db, "--round", "2021", "--indicators", "../../seeds/indicators2020.csv", "--unit", "市财政局", "--out", again); code != exitFailed {
				t.Errorf("another table: exit %d, %s", code, stderr)
			}
		})
	}
}
