package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/samples"
	"xxgk/store"
)

// TestImportIntoAnotherDatabase: the office runs import against another database (the
// default ./xxgk.db of another folder, another --db) that also holds a round 2020, or
// none at all. An untouched, correctly filled file is not 被改动: it is turned away as
// another database's template, naming the round and --db, exit 2, and nothing is
// recorded against the unit. The database that made it still imports it.
func TestImportIntoAnotherDatabase(t *testing.T) {
	others := cmdEngines("xxgk_cmd_otherdb2")
	for i, eng := range cmdEngines("xxgk_cmd_otherdb") {
		t.Run(eng.name, func(t *testing.T) {
			home, dir := importFixtureDB(t, eng.dsn(t), map[string]samples.Profile{"市财政局": samples.Good})
			other, _ := importFixtureDB(t, others[i].dsn(t), nil) // round 2020 too, another secret
			code, out, stderr := runImportTest(t, "import", "--db", other, dir)
			if code != exitFailed {
				t.Fatalf("exit %d\n%s%s", code, out, stderr)
			}
			for _, want := range []string{
				"? 未导入（模板由另一个数据库生成） ",
				"    错误：" + xxgk.OtherDatabase("2020", true) + "\n",
				"其他数据库的模板（未导入） 1",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("no %q in\n%s", want, out)
				}
			}
			if strings.Contains(out, xxgk.MetaTampered) || strings.Contains(out, "已退回") {
				t.Errorf("the unit is blamed:\n%s", out)
			}
			if !strings.Contains(stderr, "轮次 2020") || !strings.Contains(stderr, "--db") {
				t.Errorf("stderr does not name the round and --db: %s", stderr)
			}
			st, err := store.Open(context.Background(), other)
			if err != nil {
				t.Fatal(err)
			}
			rs, err := st.Rejections(context.Background(), "2020")
			st.Close()
			if err != nil || len(rs) != 0 {
				t.Errorf("rejections recorded in the other database: %v %v", rs, err)
			}
			if code, out, _ := runImportTest(t, "import", "--db", home, dir); code != exitOK || !strings.Contains(out, "✔ 已接收") {
				t.Errorf("home database: exit %d\n%s", code, out)
			}
		})
	}
}

// TestImportOtherDatabaseUnknownRound: a database that does not hold the template's round
// at all says the same (the round is not known there), also for a template without a key
// id; a database that knows the round and whose code does not match says 被改动.
func TestImportOtherDatabaseUnknownRound(t *testing.T) {
	home, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.Good})
	root := t.TempDir()
	other := "sqlite:" + filepath.Join(root, "other.db")
	if code, _, stderr := runImportTest(t, "templates", "--db", other, "--out", filepath.Join(root, "t"), "--round", "2021", "--deadline", "2021-09-20"); code != exitOK {
		t.Fatal(stderr)
	}
	path := filepath.Join(dir, "2020_市财政局_信息公开栏目建设情况填报表.xlsx")
	code, out, _ := runImportTest(t, "import", "--db", other, path)
	if code != exitFailed || !strings.Contains(out, xxgk.OtherDatabase("2020", false)) {
		t.Fatalf("exit %d\n%s", code, out)
	}

	// Without the key id (a template made before it existed), an unknown round is
	// still another database's; a known one with a wrong code is tampered with.
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(xxgk.SheetMeta)
	for i, r := range rows {
		if len(r) > 0 && r[0] == "key" {
			f.SetCellStr(xxgk.SheetMeta, "B"+itoa(i+1), "")
			f.SetCellStr(xxgk.SheetMeta, "A"+itoa(i+1), "")
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o644)
	if code, out, _ := runImportTest(t, "import", "--db", other, path); code != exitFailed || !strings.Contains(out, xxgk.OtherDatabase("2020", false)) {
		t.Errorf("no key id, unknown round: exit %d\n%s", code, out)
	}
	if code, out, _ := runImportTest(t, "import", "--db", home, path); code != exitOK {
		t.Errorf("no key id, home database: exit %d\n%s", code, out)
	}
	third, _ := importFixture(t, nil)
	if code, out, _ := runImportTest(t, "import", "--db", third, path); code != exitRejected || !strings.Contains(out, xxgk.MetaTampered) {
		t.Errorf("no key id, known round, wrong code: exit %d\n%s", code, out)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
