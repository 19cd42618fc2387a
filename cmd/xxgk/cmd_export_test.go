package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/exporter"
	"xxgk/store"
)

// exportDB stores two rounds in a fresh SQLite database: 2019 (older, empty) and 2020
// (newest) where 市财政局 submitted twice (version 2 is current), 汉滨区 once with a cell
// that Excel would run as a formula, and 市审计局 not at all.
func exportDB(t *testing.T) string {
	t.Helper()
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "xxgk.db")
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	units, err := xxgk.NewUnits([]xxgk.Unit{
		{Code: "CZJ", Name: "安康市财政局", Short: "市财政局", Kind: xxgk.Department},
		{Code: "SJJ", Name: "安康市审计局", Short: "市审计局", Kind: xxgk.Department},
		{Code: "HBQ", Name: "汉滨区人民政府", Short: "汉滨区", Kind: xxgk.County},
	})
	if err != nil {
		t.Fatal(err)
	}
	cat := &xxgk.Catalog{Units: units, Indicators: []xxgk.Indicator{
		{Code: "CZ-01-1", Area: "财政信息", SubArea: "预决算公开", Content: "预算", Units: []string{"CZJ"}, AllCounty: true},
		{Code: "CZ-01-2", Area: "财政信息", SubArea: "预决算公开", Content: "决算", Units: []string{"CZJ"}, AllCounty: true},
		{Code: "JC-01-1", Area: "决策公开", SubArea: "部门文件", Content: "文件", AllDepts: true},
	}}
	created := time.Date(2020, 9, 1, 8, 0, 0, 0, time.UTC)
	for _, r := range []xxgk.Round{
		{ID: "2019", Title: "2019年报送", Deadline: time.Date(2019, 9, 20, 0, 0, 0, 0, time.UTC), Created: created.AddDate(-1, 0, 0)},
		{ID: "2020", Title: xxgk.DefaultRoundTitle, Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC), Created: created},
	} {
		if err := st.SaveRound(ctx, r, cat); err != nil {
			t.Fatal(err)
		}
	}
	at := time.Date(2020, 9, 18, 1, 30, 0, 0, time.UTC) // 09:30 in China
	opened := func(code, name string) xxgk.Item {
		return xxgk.Item{Code: code, Status: xxgk.Opened, ColumnName: name, URL: "http://www.ankang.gov.cn/" + code,
			LastUpdate: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC), Count: 12}
	}
	sub := func(unit, tag string, at time.Time, items ...xxgk.Item) *xxgk.Submission {
		h := sha256.Sum256([]byte(tag))
		return &xxgk.Submission{Round: "2020", Unit: unit, Filler: "张三", Phone: "0915-3201058", FileName: tag + ".xlsx",
			SHA256: hex.EncodeToString(h[:]), ImportedAt: at, ImportedBy: "office", Items: items}
	}
	for _, batch := range [][]*xxgk.Submission{
		{sub("CZJ", "czj-1", at, opened("CZ-01-1", "旧名称"))},
		{sub("CZJ", "czj-2", at.Add(time.Hour),
			opened("JC-01-1", "部门文件"), opened("CZ-01-2", "决算公开"), opened("CZ-01-1", "预算公开")),
			sub("HBQ", "hbq-1", at, opened("CZ-01-1", "=HYPERLINK(\"http://evil\")"),
				xxgk.Item{Code: "CZ-01-2", Status: xxgk.NotOpened, Count: -1, Remark: "正在建设"})},
	} {
		if _, err := st.SaveSubmissions(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	return dsn
}

func TestExportCSV(t *testing.T) {
	db := exportDB(t)
	out := filepath.Join(t.TempDir(), "导出", "明细.csv")
	code, stdout, stderr := runCatalogCmd(t, "export", "--db", db, "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "已导出 5 行明细（轮次 2020，2 个单位已报送，1 个未报送）：" + out + "\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Error("no BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		exporter.DetailColumns,
		{"市财政局", "CZ-01-1", "财政信息", "预决算公开", "已开设", "预算公开", "http://www.ankang.gov.cn/CZ-01-1", "2020-09-01", "12", "", "", "2", "张三", "0915-3201058", "2020-09-18 10:30", "", ""},
		{"市财政局", "CZ-01-2", "财政信息", "预决算公开", "已开设", "决算公开", "http://www.ankang.gov.cn/CZ-01-2", "2020-09-01", "12", "", "", "2", "张三", "0915-3201058", "2020-09-18 10:30", "", ""},
		{"市财政局", "JC-01-1", "决策公开", "部门文件", "已开设", "部门文件", "http://www.ankang.gov.cn/JC-01-1", "2020-09-01", "12", "", "", "2", "张三", "0915-3201058", "2020-09-18 10:30", "", ""},
		{"汉滨区", "CZ-01-1", "财政信息", "预决算公开", "已开设", "'=HYPERLINK(\"http://evil\")", "http://www.ankang.gov.cn/CZ-01-1", "2020-09-01", "12", "", "", "1", "张三", "0915-3201058", "2020-09-18 09:30", "", ""},
		{"汉滨区", "CZ-01-2", "财政信息", "预决算公开", "未开设", "", "", "", "", "", "正在建设", "1", "张三", "0915-3201058", "2020-09-18 09:30", "", ""},
	}
	if !slices.EqualFunc(recs, want, slices.Equal) {
		t.Errorf("CSV:\n got %q\nwant %q", recs, want)
	}
}

func TestExportXLSX(t *testing.T) {
	db := exportDB(t)
	out := filepath.Join(t.TempDir(), "明细.XLSX")
	code, stdout, stderr := runCatalogCmd(t, "export", "--db", db, "--out", out, "--round", "2020")
	if code != exitOK || !strings.HasPrefix(stdout, "已导出 5 行明细") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(exporter.SheetDetails)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || !slices.Equal(rows[0], exporter.DetailColumns) || rows[4][5] != `=HYPERLINK("http://evil")` {
		t.Errorf("rows %q", rows)
	}
	if fm, _ := f.GetCellFormula(exporter.SheetDetails, "F5"); fm != "" {
		t.Errorf("F5 is a formula %q", fm)
	}
}

func TestExportEmptyRound(t *testing.T) {
	db := exportDB(t)
	out := filepath.Join(t.TempDir(), "2019.csv")
	code, stdout, stderr := runCatalogCmd(t, "export", "--db", db, "--out", out, "--round", "2019")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "已导出 0 行明细（轮次 2019，0 个单位已报送，3 个未报送）：" + out + "\n" +
		"提示：该轮次还没有任何报送数据，文件中只有表头。请先运行 xxgk import 导入填报的工作簿。\n"
	if stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	b, _ := os.ReadFile(out)
	if string(b) != "\ufeff"+strings.Join(exporter.DetailColumns, ",")+"\r\n" {
		t.Errorf("file %q", b)
	}
}

func TestExportErrors(t *testing.T) {
	db := exportDB(t)
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"bad extension", []string{"--out", filepath.Join(dir, "x.xls")}, "xxgk: --out 的扩展名应为 .csv 或 .xlsx，而不是“.xls”\n"},
		{"no extension", []string{"--out", filepath.Join(dir, "x")}, "xxgk: --out 的扩展名应为 .csv 或 .xlsx，而不是“”\n"},
		{"unknown round", []string{"--out", filepath.Join(dir, "x.csv"), "--round", "1999"},
			"xxgk: 数据库中没有轮次“1999”。请用 xxgk templates --round 1999 --deadline 截止日期 登记，或检查 --round 参数（已有的轮次见 xxgk rounds）\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCatalogCmd(t, append([]string{"export", "--db", db}, tt.args...)...)
			if code != exitFailed || stderr != tt.stderr || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 2 and %q", code, stdout, stderr, tt.stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.csv")); !os.IsNotExist(err) {
		t.Errorf("a failed export left a file behind: %v", err)
	}
	code, _, stderr := runCatalogCmd(t, "export", "--db", db)
	if code != exitFailed || !strings.Contains(stderr, "out") {
		t.Errorf("missing --out: exit %d, %q", code, stderr)
	}
}
