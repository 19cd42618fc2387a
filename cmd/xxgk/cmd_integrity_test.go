package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/samples"
	"xxgk/store"
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
