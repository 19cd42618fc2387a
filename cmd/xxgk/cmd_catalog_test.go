package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"xxgk/termtable"
)

// runCatalogCmd runs xxgk with args and returns exit code, stdout and stderr.
func runCatalogCmd(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := newEnv(strings.NewReader(""), &out, &errb)
	code := run(context.Background(), append([]string{"xxgk"}, args...), e)
	return code, out.String(), errb.String()
}

// lineStarting returns the first output line starting with prefix followed by a space.
func lineStarting(t testing.TB, out, prefix string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, prefix+" ") {
			return l
		}
	}
	t.Fatalf("no line starting with %q in\n%s", prefix, out)
	return ""
}

// fields splits a table line on runs of two or more spaces.
func fields(line string) []string {
	return regexp.MustCompile(` {2,}`).Split(strings.TrimSpace(line), -1)
}

func TestIndicatorsCommand(t *testing.T) {
	code, out, errs := runCatalogCmd(t, "indicators")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if got := fields(lines[0]); strings.Join(got, "|") != "编码|一级指标|二级指标|需报送|建设单位" {
		t.Errorf("header %q", lines[0])
	}
	if n := len(lines); n != 2+44+1 {
		t.Errorf("%d lines, want header, rule, 44 rows and a total", n)
	}
	if last := lines[len(lines)-1]; last != "共 44 项指标，涉及 12 个一级指标。" {
		t.Errorf("last line %q", last)
	}
	for prefix, want := range map[string][]string{
		"CZ-01-1":   {"CZ-01-1", "财政信息", "预决算公开", "否", "市财政局、各部门、各县区"},
		"CZ-03-2":   {"CZ-03-2", "财政信息", "公开财政收支信息（每月）", "否", "市财政局、各县区"},
		"ZDXM-05-1": {"ZDXM-05-1", "重大建设项目批准实施领域信息", "重大设计变更信息", "是", "市发改委、市自然资源局、市住建局、市交通局、市水利局等"},
		"GGWS-01-1": {"GGWS-01-1", "公共卫生信息", "（专题）", "是", "市卫健委"},
		"JCGK-03-1": {"JCGK-03-1", "决策公开", "部门文件", "否", "各部门"},
	} {
		if got := fields(lineStarting(t, out, prefix)); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("row %s = %q, want %q", prefix, got, want)
		}
	}
	// columns line up in terminal columns: 建设单位 starts at the same width on every row
	col := termtable.Width(lines[0][:strings.Index(lines[0], "建设单位")])
	for _, l := range lines[2 : len(lines)-1] {
		f := fields(l)
		last := f[len(f)-1]
		if w := termtable.Width(l[:strings.LastIndex(l, last)]); w != col {
			t.Errorf("建设单位 starts at column %d, want %d: %q", w, col, l)
		}
	}
}

func TestIndicatorsForUnit(t *testing.T) {
	code, out, _ := runCatalogCmd(t, "indicators", "--unit", "市自然资源")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if first := strings.SplitN(out, "\n", 2)[0]; first != "市自然资源局（安康市自然资源局）应建 19 项指标：" {
		t.Errorf("first line %q", first)
	}
	lineStarting(t, out, "ZDXM-05-1")
	if strings.Contains(out, "ZDXM-03-1 ") {
		t.Errorf("市自然资源局 listed with 招标投标信息")
	}

	code, out, _ = runCatalogCmd(t, "indicators", "--unit", "汉滨区", "--county-scope", "full")
	if code != exitOK || !strings.HasPrefix(out, "汉滨区（汉滨区人民政府）应建 44 项指标：\n") {
		t.Errorf("exit %d, out %.80q", code, out)
	}

	code, out, errs := runCatalogCmd(t, "indicators", "--unit", "市财政厅")
	if code != exitFailed || out != "" || errs != "xxgk: 单位“市财政厅”不在单位名单中，最接近的是“市财政局”；用 xxgk units 查看全部单位\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestUnitsCommand(t *testing.T) {
	code, out, errs := runCatalogCmd(t, "units")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for prefix, want := range map[string]string{
		"CZJ":    "CZJ|市财政局|安康市财政局|市级部门|19",
		"ZRZYJ":  "ZRZYJ|市自然资源局|安康市自然资源局|市级部门|19",
		"SJJ":    "SJJ|市审计局|安康市审计局|市级部门|11",
		"JRB":    "JRB|市金融办|安康市人民政府金融工作办公室|市级部门|10",
		"610902": "610902|汉滨区|汉滨区人民政府|县区|44", // county portals follow the whole table
	} {
		if got := strings.Join(fields(lineStarting(t, out, prefix)), "|"); got != want {
			t.Errorf("row %s = %q, want %q", prefix, got, want)
		}
	}
	if !strings.Contains(out, "\n共 36 个单位：市级部门 26 个，县区 10 个；县区参照整张指标表建设（--county-scope full）。\n") {
		t.Errorf("no total line in\n%s", out)
	}

	_, out, _ = runCatalogCmd(t, "units", "--county-scope", "mandatory")
	if got := strings.Join(fields(lineStarting(t, out, "610929")), "|"); got != "610929|白河县|白河县人民政府|县区|9" {
		t.Errorf("mandatory scope: %q", got)
	}

	code, _, errs = runCatalogCmd(t, "units", "--county-scope", "all")
	if code != exitFailed || errs != "xxgk: --county-scope 只能是 mandatory 或 full，不能是“all”\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

func TestCatalogFlagsBadFiles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "2021.csv")
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.WriteAll([][]string{
		{"指标编码", "一级指标", "二级指标", "信息公开内容", "需报送信息", "建设单位"},
		{"A-01-1", "财政信息", "预算", "内容", "", "市财政局、市自然资源厅"},
		{"A-01-1", "财政信息", "决算", "内容", "", ""},
	})
	if err := os.WriteFile(bad, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	wantErr := "xxgk: 指标表或单位名单有 2 处问题，整表未载入：\n" +
		"指标表 2021.csv 第 2 行：建设单位“市自然资源厅”不在单位名单中，最接近的是“市自然资源局”\n" +
		"指标表 2021.csv 第 3 行：指标编码“A-01-1”与第 2 行重复\n"
	for _, args := range [][]string{
		{"indicators", "--indicators", bad},
		{"--indicators", bad, "units"},
	} {
		code, out, errs := runCatalogCmd(t, args...)
		if code != exitFailed || out != "" || errs != wantErr {
			t.Errorf("%v: exit %d, stdout %q, stderr\n%s", args, code, out, errs)
		}
	}

	missing := filepath.Join(dir, "nope.xlsx")
	code, _, errs := runCatalogCmd(t, "units", "--units", missing)
	if code != exitFailed || errs != "xxgk: 无法读取单位名单文件 "+missing+"：文件不存在\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}

	good := filepath.Join(dir, "good.csv")
	if err := os.WriteFile(good, []byte("编码,一级指标,信息公开内容,建设单位\nX-01-1,新指标,内容,市财政局、各县区\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCatalogCmd(t, "units", "--indicators", good)
	if code != exitOK || strings.Join(fields(lineStarting(t, out, "CZJ")), "|") != "CZJ|市财政局|安康市财政局|市级部门|1" {
		t.Errorf("exit %d\n%s", code, out)
	}
}
