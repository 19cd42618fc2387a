package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/catalog"
	"xxgk/samples"
	"xxgk/store"
	"xxgk/templates"
)

// TestTemplatesAreSigned: `templates` signs every hidden sheet with the database's key,
// and `import` refuses a workbook whose hidden sheet was edited to claim another unit,
// with the message the unit can act on. The key itself is never printed.
func TestTemplatesAreSigned(t *testing.T) {
	db, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.Good, "汉滨区": samples.Good})
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	key, err := st.TemplateKey(context.Background())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	p := func(u string) string {
		return filepath.Join(dir, "2020_"+u+"_信息公开栏目建设情况填报表.xlsx")
	}
	f, err := excelize.OpenFile(p("市财政局"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(xxgk.SheetMeta)
	m, err := xxgk.ParseTemplateMeta(rows)
	if err != nil || !m.Intact(key.Secret) {
		t.Fatalf("meta %+v not signed with the database's key (%v)", m, err)
	}
	// 汉滨区 poses as 市审计局: its hidden sheet is edited, the visible unit cell too.
	g, err := excelize.OpenFile(p("汉滨区"))
	if err != nil {
		t.Fatal(err)
	}
	g.SetCellStr(xxgk.SheetMeta, "B3", "SJJ")
	g.SetCellStr(xxgk.SheetForm, "C2", "市审计局")
	var buf bytes.Buffer
	if _, err := g.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p("汉滨区"), buf.Bytes(), 0o644)

	code, out, stderr := runImportTest(t, "import", "--db", db, dir)
	if code != exitRejected {
		t.Fatalf("exit %d\n%s%s", code, out, stderr)
	}
	for _, line := range []string{
		"✘ 已退回 " + p("汉滨区") + " — 1 个错误\n",
		"    错误：" + xxgk.MetaTampered + "\n",
		"✔ 已接收 " + p("市财政局"),
	} {
		if !strings.Contains(out, line) {
			t.Errorf("no %q in\n%s", line, out)
		}
	}
	secret := hex.EncodeToString(key.Secret)
	if strings.Contains(out+stderr, secret) || strings.Contains(strings.ToUpper(out+stderr), strings.ToUpper(secret)) {
		t.Error("output shows the key")
	}
}

// TestUnsignedTemplatesAfterUpgrade: a round recorded before this version (no key yet)
// had its templates sent out without a code; they still import, with a warning. A
// template without a code for a round recorded later is refused.
func TestUnsignedTemplatesAfterUpgrade(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	db := "sqlite:" + filepath.Join(root, "xxgk.db")
	cat, err := catalog.Load("", "")
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	old := xxgk.Round{ID: "2020", Title: xxgk.DefaultRoundTitle, Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC), Contact: xxgk.DefaultContact}
	if err := st.SaveRound(ctx, old, cat); err != nil {
		t.Fatal(err)
	}
	st.Close()
	u, _ := cat.Units.Lookup("市财政局")
	unsigned := func(r xxgk.Round) string {
		var buf bytes.Buffer
		if err := templates.Write(&buf, r, cat, u); err != nil {
			t.Fatal(err)
		}
		data, err := samples.Fill(buf.Bytes(), samples.Good, rand.New(rand.NewPCG(1, 2)))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(root, r.ID, templates.FileName(r, u))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, data, 0o644)
		return p
	}
	p := unsigned(old)
	code, out, stderr := runImportTest(t, "import", "--db", db, p)
	if code != exitOK || !strings.Contains(out, "✔ 已接收 "+p) || !strings.Contains(out, "    警告：此模板由旧版本程序生成，没有防篡改校验码") {
		t.Fatalf("old round: exit %d\n%s%s", code, out, stderr)
	}

	// A new round is issued with this version; an unsigned template of it was tampered with.
	if code, _, stderr := runImportTest(t, "templates", "--db", db, "--round", "2021", "--deadline", "2021-09-20", "--out", filepath.Join(root, "tpl2021")); code != exitOK {
		t.Fatalf("templates: %s", stderr)
	}
	r := old
	r.ID = "2021"
	p = unsigned(r)
	code, out, _ = runImportTest(t, "import", "--db", db, p)
	if code != exitRejected || !strings.Contains(out, "    错误："+xxgk.MetaTampered+"\n") {
		t.Errorf("new round: exit %d\n%s", code, out)
	}
}
