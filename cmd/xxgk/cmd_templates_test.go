package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/catalog"
	"xxgk/store"
	"xxgk/templates"
)

// templatesArgs runs `xxgk templates` against a fresh SQLite database in a temp dir.
func templatesArgs(t *testing.T, extra ...string) []string {
	t.Helper()
	db := "sqlite:" + filepath.Join(t.TempDir(), "xxgk.db")
	return append([]string{"templates", "--db", db}, extra...)
}

func TestTemplatesCommandAllUnits(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out", "2020")
	code, stdout, stderr := runCatalogCmd(t, templatesArgs(t, "--out", out, "--round", "2020", "--deadline", "2020-09-20")...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	cat, err := catalog.Load("", "")
	if err != nil {
		t.Fatal(err)
	}
	r := xxgk.Round{ID: "2020"}
	var want []string
	for _, u := range cat.Units.All() {
		if len(cat.For(u)) > 0 {
			want = append(want, templates.FileName(r, u))
		}
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("files = %v\nwant %v", got, want)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != len(want)+1 {
		t.Errorf("%d output lines, want one per file and a summary:\n%s", len(lines), stdout)
	}
	if last, wantLast := lines[len(lines)-1], len(want); !strings.HasPrefix(last, strconv.Itoa(wantLast)+" 个单位模板已生成到 "+out) {
		t.Errorf("summary %q", last)
	}
	// One workbook read back: it is the unit's, for round 2020.
	u, _ := cat.Units.Lookup("市财政局")
	f, err := excelize.OpenFile(filepath.Join(out, templates.FileName(r, u)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(xxgk.SheetMeta)
	if err != nil {
		t.Fatal(err)
	}
	m, err := xxgk.ParseTemplateMeta(rows)
	if err != nil || m.Round != "2020" || m.Unit != u.Code || len(m.Codes) != len(cat.For(u)) {
		t.Errorf("meta %+v, %v", m, err)
	}
}

func TestTemplatesCommandOptions(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runCatalogCmd(t, templatesArgs(t, "--out", out, "--unit", "市卫健委", "--unit", "汉滨区",
		"--round", "2021", "--deadline", "2021/9/30", "--title", "测试标题", "--county-scope", "full",
		"--contact-email", "test@example.gov.cn")...)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "2 个单位模板已生成到 "+out) || !strings.Contains(stdout, "2021年9月30日") {
		t.Errorf("stdout %q", stdout)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 {
		t.Fatalf("%d files, want 2", len(entries))
	}
	cat, _ := catalog.Load("", "")
	cat.Scope = xxgk.CountyFull
	county, _ := cat.Units.Lookup("汉滨区")
	f, err := excelize.OpenFile(filepath.Join(out, templates.FileName(xxgk.Round{ID: "2021"}, county)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	guide, _ := f.GetRows(xxgk.SheetGuide)
	var text strings.Builder
	for _, r := range guide {
		text.WriteString(strings.Join(r, " "))
	}
	for _, w := range []string{"测试标题", "2021年9月30日", "test@example.gov.cn"} {
		if !strings.Contains(text.String(), w) {
			t.Errorf("guide lacks %q", w)
		}
	}
	meta, _ := f.GetRows(xxgk.SheetMeta)
	if m, err := xxgk.ParseTemplateMeta(meta); err != nil || len(m.Codes) != len(cat.Indicators) {
		t.Errorf("county in full scope: meta %+v, %v; want all %d indicators", m, err, len(cat.Indicators))
	}
}

func TestTemplatesCommandErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown unit", []string{"--out", t.TempDir(), "--round", "2020", "--deadline", "2020-09-20", "--unit", "市财政"},
			"xxgk: 单位“市财政”不在单位名单中，最接近的是“市财政局”；用 xxgk units 查看全部单位\n"},
		{"unwritable out", []string{"--out", filepath.Join(file, "sub"), "--round", "2020", "--deadline", "2020-09-20"}, "无法创建输出目录 " + filepath.Join(file, "sub")},
		{"bad deadline", []string{"--out", t.TempDir(), "--deadline", "9月底"}, "截止日期“9月底”无法识别"},
		{"bad scope", []string{"--out", t.TempDir(), "--county-scope", "all"}, "--county-scope 只能是 mandatory 或 full"},
		{"missing out", nil, "out"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCatalogCmd(t, templatesArgs(t, tt.args...)...)
			if code != exitFailed {
				t.Errorf("exit %d, want %d; stdout %q", code, exitFailed, stdout)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q, want it to contain %q", stderr, tt.want)
			}
		})
	}
}

func TestTemplatesCommandUnreachableDB(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr := runCatalogCmd(t, "templates", "--db", "mysql://root:secret@tcp(127.0.0.1:1)/xxgk", "--out", out)
	if code != exitFailed || !strings.Contains(stderr, "无法打开数据库") || strings.Contains(stderr, "secret") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output directory created although nothing was done (%v)", err)
	}
}

// TestTemplatesCommandRound checks the round is recorded as given, can be re-issued
// unchanged, and refuses a different catalog once a unit has submitted.
func TestTemplatesCommandRound(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "xxgk.db")
	db := "sqlite:" + dbPath
	args := []string{"templates", "--db", db, "--out", filepath.Join(dir, "out"), "--round", "2021", "--deadline", "2021-10-08", "--title", "第二轮"}
	if code, _, stderr := runCatalogCmd(t, args...); code != exitOK {
		t.Fatalf("first run: exit %d, %s", code, stderr)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	r, cat, err := st.Round(ctx, "2021")
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "第二轮" || xxgk.FormatDate(r.Deadline) != "2021-10-08" || r.Contact != xxgk.DefaultContact || len(cat.Indicators) == 0 {
		t.Errorf("stored round %+v with %d indicators", r, len(cat.Indicators))
	}
	u, _ := cat.Units.Lookup("市财政局")
	if _, err := st.SaveSubmissions(ctx, []*xxgk.Submission{{Round: "2021", Unit: u.Code, FileName: "a.xlsx", SHA256: strings.Repeat("0", 64)}}); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// The same catalog again: fine (a lost file is re-issued).
	if code, _, stderr := runCatalogCmd(t, append(args, "--unit", "市财政局")...); code != exitOK {
		t.Errorf("re-issue: exit %d, %s", code, stderr)
	}
	// A different scope for counties changes what was sent out: refused.
	code, _, stderr := runCatalogCmd(t, append(args, "--county-scope", "mandatory")...)
	if code != exitFailed || !strings.Contains(stderr, "请使用新的轮次编号：用 --round 指定，例如 --round 2021-2。") {
		t.Errorf("changed catalog: exit %d, stderr %q", code, stderr)
	}
}

// Re-issuing one unit's template keeps the round's deadline; changing it is announced.
func TestTemplatesReissueKeepsDeadline(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "x.db")
	out := t.TempDir()
	if code, _, errOut := runCmd(t, "--db", db, "templates", "--out", out, "--round", "2020", "--deadline", "2020-09-30"); code != exitOK {
		t.Fatalf("templates: %s", errOut)
	}
	if code, _, errOut := runCmd(t, "--db", db, "templates", "--out", out, "--round", "2020", "--unit", "市气象局"); code != exitOK {
		t.Fatalf("reissue: %s", errOut)
	}
	if code, stdout, _ := runCmd(t, "--db", db, "status"); code != exitOK || !strings.Contains(stdout, "截止日期 2020年9月30日") {
		t.Errorf("deadline not kept:\n%s", stdout)
	}
	code, _, errOut := runCmd(t, "--db", db, "templates", "--out", out, "--round", "2020", "--unit", "市气象局", "--deadline", "2020-10-08")
	if code != exitOK || !strings.Contains(errOut, "轮次 2020 的截止日期由 2020年9月30日 改为 2020年10月8日") {
		t.Errorf("deadline change not announced: exit %d, %s", code, errOut)
	}
}
