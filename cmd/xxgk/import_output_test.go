package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"xxgk"
	"xxgk/importer"
	"xxgk/internal/testdb"
	"xxgk/samples"
	"xxgk/store"
)

func TestImportQuiet(t *testing.T) {
	db, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.Good, "汉滨区": samples.WithWarnings, "市民政局": samples.WithErrors})
	code, out, _ := runImportTest(t, "import", dir, "-q", "--db", db)
	if code != exitRejected {
		t.Fatalf("exit %d\n%s", code, out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "✘ 已退回 ") || !strings.Contains(lines[0], "市民政局") {
		t.Errorf("first line %q, want the refused file", lines[0])
	}
	for _, l := range lines[1 : len(lines)-1] {
		if !strings.HasPrefix(l, "    ") {
			t.Errorf("-q printed %q", l)
		}
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "共 3 个文件：已接收 2，已退回 1") {
		t.Errorf("summary %q", last)
	}
	if strings.Contains(out, "警告") {
		t.Errorf("-q printed warnings of accepted files:\n%s", out)
	}
}

func TestImportJSON(t *testing.T) {
	db, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.Good, "汉滨区": samples.WithWarnings, "市民政局": samples.WithErrors})
	code, out, stderr := runImportTest(t, "import", "--format", "json", "--db", db, dir)
	if code != exitRejected {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := map[string]importer.JSON{}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var j importer.JSON
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&j); err != nil {
			t.Fatalf("not one JSON object per line: %q: %v", line, err)
		}
		got[j.Unit] = j
	}
	if len(got) != 3 {
		t.Fatalf("%d objects:\n%s", len(got), out)
	}
	if j := got["市财政局"]; j.Outcome != "accepted" || j.Version != 1 || !strings.HasSuffix(j.File, "2020_市财政局_信息公开栏目建设情况填报表.xlsx") {
		t.Errorf("accepted: %+v", j)
	}
	if j := got["汉滨区"]; j.Outcome != "accepted" || len(j.Problems) < 5 || j.Problems[0] != (importer.ProblemJSON{Severity: "warning", Sheet: "填报表", Cell: "G5", Code: "CZ-01-1", Value: "是", Message: "已按“已开设”处理，请今后从下拉列表选择"}) {
		t.Errorf("warnings: %+v", j)
	}
	j := got["市民政局"]
	if j.Outcome != "rejected" || j.Version != 0 || len(j.Problems) != 5 {
		t.Fatalf("rejected: %+v", j)
	}
	if p := j.Problems[0]; p.Severity != "error" || p.Sheet != "填报表" || p.Cell != "K2" || p.Message != "未填写联系电话" {
		t.Errorf("problem %+v", p)
	}
	if !strings.Contains(stderr, "共 3 个文件：已接收 2，已退回 1") {
		t.Errorf("summary not on stderr: %q", stderr)
	}
	if _, _, stderr := runImportTest(t, "import", "--format", "xml", "--db", db, dir); !strings.Contains(stderr, "--format 只能是 text 或 json，而不是“xml”") {
		t.Errorf("bad format: %q", stderr)
	}
}

// TestImportUnchangedWarningsOnce: the warnings of a file were shown when it was
// accepted; importing the same file again does not repeat them.
func TestImportUnchangedWarningsOnce(t *testing.T) {
	db, dir := importFixture(t, map[string]samples.Profile{"汉滨区": samples.WithWarnings})
	_, first, _ := runImportTest(t, "import", "--db", db, dir)
	if strings.Count(first, "    警告 ") != 5 || !strings.Contains(first, "；警告 5 条") {
		t.Fatalf("first import:\n%s", first)
	}
	code, again, _ := runImportTest(t, "import", "--db", db, dir)
	if code != exitOK || strings.Contains(again, "警告") || !strings.Contains(again, "与已存的第 1 版相同，未写入\n") {
		t.Errorf("re-import repeats the warnings or is not unchanged (exit %d):\n%s", code, again)
	}
}

// cancelAfter cancels a run once its output shows n accepted files, as Ctrl-C would.
type cancelAfter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	n      int
	cancel context.CancelFunc
}

func (w *cancelAfter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if strings.Count(w.buf.String(), "✔ 已接收") >= w.n {
		w.cancel()
	}
	return len(p), nil
}

// TestImportInterrupted stops an import halfway on both engines: exit 130, a message
// saying how many files were stored and how many were not, and exactly that many
// versions in the database; the same command run again finishes the job.
func TestImportInterrupted(t *testing.T) {
	for name, db := range map[string]func(t *testing.T) string{
		"sqlite": func(t *testing.T) string { return testdb.SQLite(t) },
		"mysql":  func(t *testing.T) string { return testdb.MySQL(t, "xxgk_cmd_interrupt_test") },
	} {
		t.Run(name, func(t *testing.T) {
			dsn := db(t)
			units := []string{"市财政局", "市审计局", "市民政局", "汉滨区", "汉阴县", "石泉县", "宁陕县", "紫阳县", "岚皋县", "平利县"}
			dir := fillForRound(t, dsn, units)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			out := &cancelAfter{n: 2, cancel: cancel}
			var errb bytes.Buffer
			e := newEnv(strings.NewReader(""), out, &errb)
			e.Now = func() time.Time { return time.Date(2020, 9, 18, 9, 0, 0, 0, xxgk.ChinaTime) }
			e.ImportBatch = 1 // one file per transaction, so that the stop falls between files
			code := run(ctx, []string{"xxgk", "import", "--db", dsn, dir}, e)
			if code != exitInterrupted {
				t.Fatalf("exit %d, want 130; stderr %s\n%s", code, errb.String(), out.buf.String())
			}
			accepted := strings.Count(out.buf.String(), "✔ 已接收")
			stored := countVersions(t, dsn)
			want := "xxgk: 已中断：已接收 " + strconv.Itoa(stored) + "，未处理 " + strconv.Itoa(len(units)-stored) + "；重新运行同一命令即可继续\n"
			if accepted != stored || !strings.HasSuffix(errb.String(), want) {
				t.Errorf("printed %d accepted, stored %d; stderr %q, want suffix %q", accepted, stored, errb.String(), want)
			}
			if stored == len(units) {
				t.Errorf("nothing was left to interrupt")
			}
			code, again, stderr := runImportTest(t, "import", "--db", dsn, dir)
			if code != exitOK || strings.Count(again, "✔ 已接收") != len(units)-stored || strings.Count(again, "= 未变化") != stored {
				t.Errorf("rerun: exit %d %s\n%s", code, stderr, again)
			}
		})
	}
}

// fillForRound registers the 2020 round in dsn and fills the templates of units.
func fillForRound(t *testing.T, dsn string, units []string) string {
	t.Helper()
	tpl := filepath.Join(t.TempDir(), "tpl")
	if code, _, stderr := runImportTest(t, "templates", "--db", dsn, "--out", tpl, "--round", "2020", "--deadline", "2020-09-20"); code != exitOK {
		t.Fatalf("templates: exit %d: %s", code, stderr)
	}
	dir := filepath.Join(t.TempDir(), "in")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i, u := range units {
		b, err := os.ReadFile(filepath.Join(tpl, "2020_"+u+"_信息公开栏目建设情况填报表.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		out, err := samples.Fill(b, samples.Good, rand.New(rand.NewPCG(uint64(i+1), 7)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, u+".xlsx"), out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// countVersions counts the stored versions of the 2020 round.
func countVersions(t *testing.T, dsn string) int {
	t.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cur, err := st.Current(context.Background(), "2020")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range cur {
		n += s.Version
	}
	return n
}

// TestImportJSONNewOutcomes: a blank template and the older of two files of a unit have
// their own outcomes in the NDJSON, and the note says which file of the unit won and why,
// whichever order the paths are given in.
func TestImportJSONNewOutcomes(t *testing.T) {
	for _, newerFirst := range []bool{false, true} {
		db, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.Good})
		blank := filepath.Join(filepath.Dir(dir), "tpl", "2020_汉滨区_信息公开栏目建设情况填报表.xlsx")
		older := filepath.Join(dir, "2020_市财政局_信息公开栏目建设情况填报表.xlsx")
		newer := filepath.Join(t.TempDir(), "市财政局（修改版）.xlsx")
		b, err := os.ReadFile(older)
		if err != nil {
			t.Fatal(err)
		}
		if b, err = samples.Fill(b, samples.WithWarnings, rand.New(rand.NewPCG(9, 9))); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(newer, b, 0o644); err != nil {
			t.Fatal(err)
		}
		for p, day := range map[string]int{older: 15, newer: 17} {
			at := time.Date(2020, 9, day, 10, 0, 0, 0, time.UTC)
			if err := os.Chtimes(p, at, at); err != nil {
				t.Fatal(err)
			}
		}
		args := []string{"import", "--format", "json", "--db", db, blank, older, newer}
		if newerFirst {
			args = []string{"import", "--format", "json", "--db", db, blank, newer, older}
		}
		code, out, stderr := runImportTest(t, args...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		got := map[string]importer.JSON{}
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			var j importer.JSON
			dec := json.NewDecoder(strings.NewReader(line))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&j); err != nil {
				t.Fatalf("not one JSON object per line: %q: %v", line, err)
			}
			got[j.File] = j
		}
		if j := got[blank]; j.Outcome != "blank" || j.Unit != "汉滨区" || j.Version != 0 || j.Note != "" {
			t.Errorf("blank template: %+v", j)
		}
		wantNote := "本次导入中市财政局还有文件 " + newer + "，按文件修改时间它较晚（2020-09-17 18:00:00，此文件为 2020-09-15 18:00:00），以该文件为准；此文件未写入"
		if j := got[older]; j.Outcome != "older" || j.Version != 0 || j.Note != wantNote {
			t.Errorf("newer first %v: older file: %+v\nwant note %q", newerFirst, j, wantNote)
		}
		if j := got[newer]; j.Outcome != "accepted" || j.Version != 1 || j.Current != 1 || !strings.Contains(j.Note, "以此文件为准") {
			t.Errorf("newer first %v: newer file: %+v", newerFirst, j)
		}
	}
}
