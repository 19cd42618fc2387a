package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk/samples"
)

func writeFile(tb testing.TB, p string, data []byte) string {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

func testOptions(tb testing.TB, s Saver) Options {
	tb.Helper()
	return Options{Rounds: &fakeRounds{round: testRound(), cat: testCatalog(tb)}, Saver: s, Now: func() time.Time { return testNow }, User: "tester"}
}

// runImport imports paths and returns the results in the order emitted.
func runImport(tb testing.TB, opts Options, paths ...string) ([]Result, Totals, error) {
	tb.Helper()
	var res []Result
	tot, err := Import(context.Background(), opts, paths, func(r Result) { res = append(res, r) })
	return res, tot, err
}

func outcomes(rs []Result) string {
	var s []string
	for _, r := range rs {
		s = append(s, filepath.Base(r.Name)+"="+r.Outcome.String())
	}
	return strings.Join(s, " ")
}

func TestImportFolder(t *testing.T) {
	cat := testCatalog(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a_市财政局.xlsx"), filled(t, cat, "市财政局", samples.Good, 1))
	writeFile(t, filepath.Join(dir, "b_市卫健委.xlsx"), filled(t, cat, "市卫健委", samples.WithWarnings, 2))
	writeFile(t, filepath.Join(dir, "sub", "c_汉滨区.xlsx"), filled(t, cat, "汉滨区", samples.WithErrors, 3))
	writeFile(t, filepath.Join(dir, "sub", "d_汉阴县.xlsx"), filled(t, cat, "汉阴县", samples.TextDates, 4))
	writeFile(t, filepath.Join(dir, "~$a_市财政局.xlsx"), []byte("lock"))
	writeFile(t, filepath.Join(dir, ".hidden.xlsx"), []byte("junk"))
	writeFile(t, filepath.Join(dir, "通知.txt"), []byte("not a workbook"))
	writeFile(t, filepath.Join(dir, "e_old.xls"), append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...))

	m := &memSaver{}
	var progress []int
	opts := testOptions(t, m)
	opts.Progress = func(done, total int) { progress = append(progress, done*100+total) }
	opts.BatchSize = 2
	res, tot, err := runImport(t, opts, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := "a_市财政局.xlsx=accepted b_市卫健委.xlsx=accepted e_old.xls=rejected c_汉滨区.xlsx=rejected d_汉阴县.xlsx=accepted"
	if got := outcomes(res); got != want {
		t.Errorf("outcomes\n got %s\nwant %s", got, want)
	}
	if tot.Files != 5 || tot.Accepted != 3 || tot.Rejected != 2 || len(tot.Skipped) != 1 || tot.Warnings != 5 || tot.NotProcessed != 0 {
		t.Errorf("totals %+v", tot)
	}
	if len(progress) != 5 || progress[4] != 505 {
		t.Errorf("progress %v", progress)
	}
	if r := res[0]; r.Unit.Code != "CZJ" || r.Version != 1 || r.Counts.Assigned != 4 || r.Round != "2020" {
		t.Errorf("first result %+v", r)
	}
	if !strings.Contains(res[2].Problems[0].Message, "另存为") {
		t.Errorf(".xls message %q", res[2].Problems[0].Message)
	}
	if m.stored() != 3 {
		t.Errorf("stored %d versions, want 3", m.stored())
	}

	// Importing the same files again changes nothing.
	res, tot, err = runImport(t, opts, dir)
	if err != nil {
		t.Fatal(err)
	}
	if tot.Unchanged != 3 || tot.Accepted != 0 || m.stored() != 3 {
		t.Errorf("reimport: %s, stored %d", outcomes(res), m.stored())
	}
}

func TestImportNewVersion(t *testing.T) {
	cat := testCatalog(t)
	dir := t.TempDir()
	p := writeFile(t, filepath.Join(dir, "x.xlsx"), filled(t, cat, "市财政局", samples.Good, 1))
	m := &memSaver{}
	opts := testOptions(t, m)
	if _, _, err := runImport(t, opts, p); err != nil {
		t.Fatal(err)
	}
	writeFile(t, p, filled(t, cat, "市财政局", samples.Good, 2))
	res, _, err := runImport(t, opts, p)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Outcome != Accepted || res[0].Version != 2 {
		t.Errorf("second file: %+v", res[0])
	}
}

func TestImportDryRun(t *testing.T) {
	cat := testCatalog(t)
	p := writeFile(t, filepath.Join(t.TempDir(), "x.xlsx"), filled(t, cat, "市财政局", samples.Good, 1))
	opts := testOptions(t, nil)
	opts.DryRun = true
	res, tot, err := runImport(t, opts, p)
	if err != nil || tot.Valid != 1 || res[0].Outcome != Valid {
		t.Fatalf("dry run: %v %+v", err, tot)
	}
}

// TestImportDatabaseDown: the database fails on the second batch and stays down. The
// first batch is stored and reported, the rest is reported failed or not processed, and
// nothing partial is stored; a rerun against the working database completes the batch.
func TestImportDatabaseDown(t *testing.T) {
	cat := testCatalog(t)
	dir := t.TempDir()
	for i, u := range []string{"市财政局", "市卫健委", "汉滨区", "汉阴县"} {
		writeFile(t, filepath.Join(dir, string(rune('a'+i))+".xlsx"), filled(t, cat, u, samples.Good, uint64(i)))
	}
	m := &memSaver{failFrom: 2}
	opts := testOptions(t, m)
	opts.BatchSize = 2
	res, tot, err := runImport(t, opts, dir)
	if err == nil || !strings.Contains(err.Error(), "数据库写入失败") {
		t.Fatalf("err = %v", err)
	}
	if got, want := outcomes(res), "a.xlsx=accepted b.xlsx=accepted c.xlsx=failed d.xlsx=failed"; got != want {
		t.Errorf("outcomes\n got %s\nwant %s", got, want)
	}
	if tot.Accepted != 2 || tot.Failed != 2 || m.stored() != 2 {
		t.Errorf("totals %+v stored %d", tot, m.stored())
	}
	m.failFrom = 0
	res, tot, err = runImport(t, opts, dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outcomes(res), "a.xlsx=unchanged b.xlsx=unchanged c.xlsx=accepted d.xlsx=accepted"; got != want {
		t.Errorf("rerun\n got %s\nwant %s", got, want)
	}
	if m.stored() != 4 {
		t.Errorf("stored %d", m.stored())
	}
}

// TestImportOneBadSubmission: a batch failing because of one submission is retried file
// by file; the others are stored and the run goes on.
func TestImportOneBadSubmission(t *testing.T) {
	cat := testCatalog(t)
	dir := t.TempDir()
	var bad string
	for i, u := range []string{"市财政局", "市卫健委", "汉滨区"} {
		b := filled(t, cat, u, samples.Good, uint64(i))
		if i == 1 {
			s := sha256.Sum256(b)
			bad = hex.EncodeToString(s[:])
		}
		writeFile(t, filepath.Join(dir, string(rune('a'+i))+".xlsx"), b)
	}
	m := &memSaver{failSHA: bad}
	res, _, err := runImport(t, testOptions(t, m), dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outcomes(res), "a.xlsx=accepted b.xlsx=failed c.xlsx=accepted"; got != want {
		t.Errorf("got %s want %s", got, want)
	}
	if res[1].Err == nil {
		t.Error("failed result without error")
	}
}

func TestImportRoundsDown(t *testing.T) {
	cat := testCatalog(t)
	p := writeFile(t, filepath.Join(t.TempDir(), "x.xlsx"), filled(t, cat, "市财政局", samples.Good, 1))
	opts := testOptions(t, &memSaver{})
	opts.Rounds = &fakeRounds{err: errDown}
	_, tot, err := runImport(t, opts, p)
	if err == nil || tot.NotProcessed != 1 {
		t.Fatalf("err %v totals %+v", err, tot)
	}
}

func TestImportBadPaths(t *testing.T) {
	opts := testOptions(t, &memSaver{})
	if _, _, err := runImport(t, opts); err == nil {
		t.Error("no paths: no error")
	}
	_, _, err := runImport(t, opts, filepath.Join(t.TempDir(), "nope.xlsx"))
	if err == nil || !strings.Contains(err.Error(), "不存在") {
		t.Errorf("missing path: %v", err)
	}
	if _, _, err := runImport(t, opts, t.TempDir()); err == nil || !strings.Contains(err.Error(), "没有找到") {
		t.Errorf("empty folder: %v", err)
	}
}
