package main

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"xxgk/store"
)

// TestTableOutRoundTrip: `indicators --out` and `units --out` write a round's stored table
// in the format --indicators and --units read; next year's round made from them holds the
// same catalog. Without --round the default round is used and said.
func TestTableOutRoundTrip(t *testing.T) {
	for _, eng := range cmdEngines("xxgk_cmd_tableout") {
		t.Run(eng.name, func(t *testing.T) {
			db := eng.dsn(t)
			dir := t.TempDir()
			seed, err := os.ReadFile("../../seeds/units.csv")
			if err != nil {
				t.Fatal(err)
			}
			units := filepath.Join(dir, "单位2021.csv")
			os.WriteFile(units, append(seed, "SJGLJ,安康市数据管理局,市数据管理局,市级部门,市数据局|数据局\n"...), 0o644)
			now := time.Date(2021, 9, 1, 9, 0, 0, 0, time.UTC)
			if code, _, stderr := runAt(t, now, "templates", "--db", db, "--round", "2021", "--deadline", "2021-09-20", "--units", units,
				"--county-scope", "mandatory", "--out", filepath.Join(dir, "t1")); code != exitOK {
				t.Fatal(stderr)
			}
			ind, un := filepath.Join(dir, "指标2022.xlsx"), filepath.Join(dir, "单位2022.csv")
			code, out, stderr := runAt(t, now, "indicators", "--db", db, "--out", ind)
			if code != exitOK || !strings.HasPrefix(out, "已把轮次 2021 登记的指标表（44 行）写到 "+ind+"。修改后先用 xxgk indicators --indicators "+ind+" 检查") {
				t.Fatalf("indicators --out: exit %d\n%s%s", code, out, stderr)
			}
			if code, out, stderr := runAt(t, now, "units", "--db", db, "--round", "2021", "--out", un); code != exitOK || !strings.Contains(out, "单位名单（37 行）") {
				t.Fatalf("units --out: exit %d\n%s%s", code, out, stderr)
			}
			if code, out, stderr := runAt(t, now, "units", "--db", db); code != exitOK || !strings.Contains(out, "市数据管理局") ||
				stderr != "提示：列出轮次 2021 登记的单位名单\n" {
				t.Errorf("units: exit %d\n%s%s", code, out, stderr)
			}
			if code, _, stderr := runAt(t, now, "templates", "--db", db, "--round", "2022", "--deadline", "2022-09-20", "--indicators", ind, "--units", un,
				"--county-scope", "mandatory", "--out", filepath.Join(dir, "t2")); code != exitOK {
				t.Fatal(stderr)
			}
			st, err := store.Open(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			_, a, err := st.Round(context.Background(), "2021")
			if err != nil {
				t.Fatal(err)
			}
			_, b, err := st.Round(context.Background(), "2022")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a.Indicators, b.Indicators) || !reflect.DeepEqual(a.Units.All(), b.Units.All()) || a.Scope != b.Scope {
				t.Errorf("next year's catalog differs from this year's")
			}
			if code, _, stderr := runAt(t, now, "indicators", "--db", db, "--out", filepath.Join(dir, "x.txt")); code != exitFailed || !strings.Contains(stderr, ".xlsx 或 .csv") {
				t.Errorf("bad extension: exit %d, %s", code, stderr)
			}
		})
	}
}
