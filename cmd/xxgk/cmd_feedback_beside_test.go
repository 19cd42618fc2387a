package main

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/importer"
	"xxgk/internal/openpyxl"
	"xxgk/internal/testdb"
	"xxgk/samples"
)

// feedback puts beside each letter what the unit needs to answer it: a unit that never
// reported gets its blank template, a unit whose file was refused gets that file back
// annotated, and its letter lists the errors — on both engines, from what import kept.
func TestFeedbackBesideFiles(t *testing.T) {
	if _, err := os.Stat(feedbackFont); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("fonts-wqy-microhei is required in CI")
		}
		t.Skip("skipping: fonts-wqy-microhei not installed")
	}
	for _, en := range []struct {
		name string
		db   func(testing.TB) string
	}{
		{"sqlite", testdb.SQLite},
		{"mysql", func(tb testing.TB) string { return testdb.MySQL(tb, "xxgk_feedback_test") }},
	} {
		t.Run(en.name, func(t *testing.T) {
			db, in := importFixtureDB(t, en.db(t), map[string]samples.Profile{"市财政局": samples.Good, "市民政局": samples.WithErrors})
			if code, out, stderr := runImportTest(t, "import", "--db", db, in); code != exitRejected {
				t.Fatalf("import: exit %d\n%s\n%s", code, out, stderr)
			}
			out := filepath.Join(t.TempDir(), "反馈")
			code, stdout, stderr := runImportTest(t, "feedback", "--db", db, "--out", out, "--font", feedbackFont)
			if code != exitOK {
				t.Fatalf("feedback: exit %d\n%s\n%s", code, stdout, stderr)
			}

			// The refused unit: its file back, annotated, and the errors in its letter.
			returned := filepath.Join(out, "市民政局_退回修改.xlsx")
			if !strings.Contains(stdout, "市民政局\t未报送\t—\t"+filepath.Join(out, "2020_市民政局_反馈.pdf")+"\t"+returned+"\n") {
				t.Errorf("stdout does not name the returned copy beside the letter:\n%s", stdout)
			}
			f, err := excelize.OpenFile(returned)
			if err != nil {
				t.Fatalf("returned copy: %v", err)
			}
			if list, err := f.GetRows(importer.SheetProblems); err != nil || len(list) < 5 {
				t.Errorf("returned copy's %s: %d rows, %v", importer.SheetProblems, len(list), err)
			}
			f.Close()
			letter := pdfText(t, filepath.Join(out, "2020_市民政局_反馈.pdf"))
			for _, w := range []string{"因有5处填写错误，未能通过审核", "一、退回原因", "不是有效网址", "选择“未开设”时请在备注中说明原因",
				"退回的文件随本通知附上（《市民政局_退回修改.xlsx》）"} {
				if !strings.Contains(letter, w) {
					t.Errorf("refused unit's letter lacks %q", w)
				}
			}

			// A unit that never reported: its own blank template.
			tpl := filepath.Join(out, "市住建局_填报模板.xlsx")
			f, err = excelize.OpenFile(tpl)
			if err != nil {
				t.Fatalf("template beside the reminder: %v", err)
			}
			rows, err := f.GetRows(xxgk.SheetMeta)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			meta, err := xxgk.ParseTemplateMeta(rows)
			if err != nil || meta.Unit != "ZJJ" || meta.Round != "2020" {
				t.Errorf("template beside 市住建局's reminder is for %+v, %v", meta, err)
			}
			if letter := pdfText(t, filepath.Join(out, "2020_市住建局_反馈.pdf")); !strings.Contains(letter, "填报模板随本通知附上（《市住建局_填报模板.xlsx》）") {
				t.Errorf("reminder does not point to the template:\n%s", letter)
			}
			// ... signed like the templates sent out, so the unit's answer on it is accepted.
			blank, err := os.ReadFile(tpl)
			if err != nil {
				t.Fatal(err)
			}
			filled, err := samples.Fill(blank, samples.Good, rand.New(rand.NewPCG(1, 2)))
			if err != nil {
				t.Fatal(err)
			}
			answer := filepath.Join(t.TempDir(), "市住建局_填报模板.xlsx")
			if err := os.WriteFile(answer, filled, 0o644); err != nil {
				t.Fatal(err)
			}
			if code, out, stderr := runImportTest(t, "import", "--db", db, answer); code != exitOK || !strings.Contains(out, "✔ 已接收") || strings.Contains(out, "警告") {
				t.Errorf("the template beside the reminder, filled in, is not accepted cleanly: exit %d\n%s\n%s", code, out, stderr)
			}

			// What goes beside the letters opens in a strict second reader, named as the
			// office's.
			for _, b := range openpyxl.Load(t, returned, tpl) {
				if b.Error == "" && b.Props.Creator != xxgk.DefaultContact.Office {
					t.Errorf("%s: creator %q", filepath.Base(b.Path), b.Props.Creator)
				}
			}

			// A unit that reported has nothing beside its letter.
			if _, err := os.Stat(filepath.Join(out, "市财政局_填报模板.xlsx")); !os.IsNotExist(err) {
				t.Errorf("a unit that reported got a template: %v", err)
			}
		})
	}
}
