package importer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"xxgk"
	"xxgk/internal/testdb"
	"xxgk/samples"
	"xxgk/store"
)

// The importer against the real store, on every engine: SQLite in a temp file always,
// MariaDB/MySQL when XXGK_TEST_MYSQL is set (required under CI=true).

const mysqlTestDB = "xxgk_import_test"

type engine struct {
	name  string
	fresh func(tb testing.TB) string
}

func engines() []engine {
	return []engine{
		{"sqlite", testdb.SQLite},
		{"mysql", freshMySQL},
	}
}

func freshMySQL(tb testing.TB) string { return testdb.MySQL(tb, mysqlTestDB) }

func forEngine(t *testing.T, fn func(t *testing.T, e engine)) {
	for _, e := range engines() {
		t.Run(e.name, func(t *testing.T) { fn(t, e) })
	}
}

// storeAdapter is what cmd/xxgk does: the store behind the importer's interfaces.
type storeAdapter struct{ st *store.Store }

func (a storeAdapter) Round(ctx context.Context, id string) (xxgk.Round, *xxgk.Catalog, error) {
	r, cat, err := a.st.Round(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		err = fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	return r, cat, err
}

func (a storeAdapter) SaveSubmissions(ctx context.Context, subs []*xxgk.Submission) ([]Saved, error) {
	res, err := a.st.SaveSubmissions(ctx, subs)
	out := make([]Saved, len(res))
	for i, r := range res {
		out[i] = Saved{Version: r.Version, Unchanged: r.Unchanged, ID: r.ID, FirstAt: r.FirstAt, Current: r.Current}
	}
	return out, err
}

// openStore opens a fresh database holding round 2020 of cat.
func openStore(tb testing.TB, dsn string, cat *xxgk.Catalog) storeAdapter {
	tb.Helper()
	st, err := store.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatalf("open %s: %v", store.Redact(dsn), err)
	}
	tb.Cleanup(func() { st.Close() })
	if err := st.SaveRound(context.Background(), testRound(), cat); err != nil {
		tb.Fatal(err)
	}
	return storeAdapter{st}
}

func storeOptions(a storeAdapter) Options {
	return Options{Rounds: a, Saver: a, Now: func() time.Time { return testNow }, User: "tester"}
}

func TestStoreRoundTrip(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		cat := testCatalog(t)
		a := openStore(t, e.fresh(t), cat)
		dir := t.TempDir()
		files := map[string][]byte{
			"a.xlsx": filled(t, cat, "市财政局", samples.Good, 1),
			"b.xlsx": filled(t, cat, "市卫健委", samples.WithWarnings, 2),
			"c.xlsx": filled(t, cat, "汉滨区", samples.WithErrors, 3),
			"d.xlsx": filled(t, cat, "汉阴县", samples.TextDates, 4),
		}
		for n, b := range files {
			writeFile(t, filepath.Join(dir, n), b)
		}
		res, _, err := runImport(t, storeOptions(a), dir)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := outcomes(res), "a.xlsx=accepted b.xlsx=accepted c.xlsx=rejected d.xlsx=accepted"; got != want {
			t.Fatalf("got %s want %s", got, want)
		}
		cur, err := a.st.Current(context.Background(), "2020")
		if err != nil {
			t.Fatal(err)
		}
		if len(cur) != 3 {
			t.Fatalf("%d current submissions, want 3 (the rejected file stores nothing)", len(cur))
		}
		for _, sub := range cur {
			if sub.Unit == "610902" {
				t.Error("rejected unit stored")
			}
			name := map[string]string{"CZJ": "a.xlsx", "WJW": "b.xlsx", "610921": "d.xlsx"}[sub.Unit]
			want := readBook(t, filepath.Join(dir, name), files[name]).Submission
			if sub.SHA256 != want.SHA256 || sub.Filler != want.Filler || sub.Phone != want.Phone || sub.ImportedBy != "tester" || sub.FileName != name {
				t.Errorf("%s: header %+v", name, sub)
			}
			if len(sub.Items) != len(want.Items) {
				t.Fatalf("%s: %d items, want %d", name, len(sub.Items), len(want.Items))
			}
			for i := range want.Items {
				g, w := sub.Items[i], want.Items[i]
				if g.Code != w.Code || g.Status != w.Status || g.ColumnName != w.ColumnName || g.URL != w.URL || !g.LastUpdate.Equal(w.LastUpdate) || g.Count != w.Count || g.Reported != w.Reported || g.Remark != w.Remark {
					t.Errorf("%s item %d\n got %+v\nwant %+v", name, i, g, w)
				}
			}
			if name == "b.xlsx" && len(sub.Warnings) != 5 {
				t.Errorf("warnings stored: %d", len(sub.Warnings))
			}
		}

		// Reimport: unchanged. A changed file for 市财政局: version 2, version 1 kept.
		res, _, _ = runImport(t, storeOptions(a), dir)
		if got, want := outcomes(res), "a.xlsx=unchanged b.xlsx=unchanged c.xlsx=rejected d.xlsx=unchanged"; got != want {
			t.Errorf("reimport %s", got)
		}
		p := writeFile(t, filepath.Join(t.TempDir(), "a2.xlsx"), filled(t, cat, "市财政局", samples.Good, 99))
		res, _, _ = runImport(t, storeOptions(a), p)
		if res[0].Outcome != Accepted || res[0].Version != 2 {
			t.Errorf("new version: %+v", res[0])
		}
		vs, err := a.st.Versions(context.Background(), "2020", "CZJ")
		if err != nil || len(vs) != 2 {
			t.Errorf("versions %d %v", len(vs), err)
		}
	})
}

// TestStoreOldFileAgain: the office re-imports its whole inbox, which still holds a unit's
// first file after a corrected one was accepted. The old file gives way to the corrected
// one, saved later, which matches version 2 and is unchanged: version 2 stays current and
// nothing is written.
func TestStoreOldFileAgain(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		cat := testCatalog(t)
		a := openStore(t, e.fresh(t), cat)
		inbox := t.TempDir()
		first := writeFile(t, filepath.Join(inbox, "市财政局.xlsx"), filled(t, cat, "市财政局", samples.Good, 1))
		fixed := writeFile(t, filepath.Join(inbox, "市财政局（修改）.xlsx"), filled(t, cat, "市财政局", samples.Good, 2))
		for _, p := range []string{first, fixed} {
			if res, _, err := runImport(t, storeOptions(a), p); err != nil || res[0].Outcome != Accepted {
				t.Fatalf("%s: %+v %v", p, res, err)
			}
		}
		for p, day := range map[string]int{first: 15, fixed: 17} {
			at := time.Date(2020, 9, day, 10, 0, 0, 0, time.UTC)
			if err := os.Chtimes(p, at, at); err != nil {
				t.Fatal(err)
			}
		}
		res, _, err := runImport(t, storeOptions(a), inbox)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := outcomes(res), "市财政局.xlsx=older 市财政局（修改）.xlsx=unchanged"; got != want {
			t.Fatalf("whole inbox again: %s, want %s", got, want)
		}
		if r := res[1]; r.Version != 2 || r.Current != 2 {
			t.Errorf("%s: version %d current %d, want version 2 current 2", r.Name, r.Version, r.Current)
		}
		if r := res[0]; !strings.Contains(r.Note, "还有文件 "+fixed+"，按文件修改时间它较晚") {
			t.Errorf("%s: note %q", r.Name, r.Note)
		}
		vs, err := a.st.Versions(context.Background(), "2020", "CZJ")
		if err != nil || len(vs) != 2 {
			t.Fatalf("versions %d %v, want 2", len(vs), err)
		}
		cur, err := a.st.Current(context.Background(), "2020")
		if err != nil || len(cur) != 1 || cur[0].Version != 2 || cur[0].SHA256 != vs[1].SHA256 {
			t.Errorf("current after re-import: %+v %v", cur, err)
		}
	})
}

// TestStoreConcurrentImports runs the same import four times at once: each unit ends with
// exactly one version, whoever wins.
func TestStoreConcurrentImports(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		cat := testCatalog(t)
		a := openStore(t, e.fresh(t), cat)
		dir := fourUnitsFilled(t, cat)
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for range 4 {
			wg.Go(func() {
				opts := storeOptions(a)
				opts.BatchSize = 1
				tot, err := Import(context.Background(), opts, []string{dir}, nil)
				if err == nil && tot.Accepted+tot.Unchanged != 4 {
					err = fmt.Errorf("totals %+v", tot)
				}
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		for _, u := range cat.Units.All() {
			vs, err := a.st.Versions(context.Background(), "2020", u.Code)
			if err != nil || len(vs) != 1 {
				t.Errorf("%s: %d versions (%v), want 1", u.Short, len(vs), err)
			}
		}
	})
}

// flakySaver fails every call from the n-th on, as a database that went away mid-batch.
type flakySaver struct {
	Saver
	mu       sync.Mutex
	calls    int
	failFrom int
}

func (f *flakySaver) SaveSubmissions(ctx context.Context, subs []*xxgk.Submission) ([]Saved, error) {
	f.mu.Lock()
	f.calls++
	down := f.failFrom > 0 && f.calls >= f.failFrom
	f.mu.Unlock()
	if down {
		return nil, errors.New("dial tcp 127.0.0.1:3306: connect: connection refused")
	}
	return f.Saver.SaveSubmissions(ctx, subs)
}

func TestStoreFailureMidBatch(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		cat := testCatalog(t)
		a := openStore(t, e.fresh(t), cat)
		dir := fourUnitsFilled(t, cat)
		opts := storeOptions(a)
		opts.BatchSize = 2
		opts.Saver = &flakySaver{Saver: a, failFrom: 2}
		_, tot, err := runImport(t, opts, dir)
		if err == nil || tot.Accepted != 2 || tot.Failed != 2 {
			t.Fatalf("err %v totals %+v", err, tot)
		}
		cur, _ := a.st.Current(context.Background(), "2020")
		if len(cur) != 2 {
			t.Fatalf("%d stored after the failure, want the first batch (2)", len(cur))
		}
		opts.Saver = a
		res, _, err := runImport(t, opts, dir)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := outcomes(res), "0.xlsx=unchanged 1.xlsx=unchanged 2.xlsx=accepted 3.xlsx=accepted"; got != want {
			t.Errorf("rerun %s", got)
		}
		cur, _ = a.st.Current(context.Background(), "2020")
		for _, s := range cur {
			if s.Version != 1 || len(s.Items) == 0 {
				t.Errorf("%s: version %d, %d items", s.Unit, s.Version, len(s.Items))
			}
		}
		if len(cur) != 4 {
			t.Errorf("%d current after rerun", len(cur))
		}
	})
}

func TestStoreUnknownRound(t *testing.T) {
	cat := testCatalog(t)
	st, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := writeFile(t, filepath.Join(t.TempDir(), "x.xlsx"), filled(t, cat, "市财政局", samples.Good, 1))
	res, _, err := runImport(t, storeOptions(storeAdapter{st}), p)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Outcome != Rejected || res[0].Problems[0].Message != "数据库中没有轮次“2020”，无法导入。请确认该轮模板是由本系统生成的，或先创建该轮次" {
		t.Errorf("%+v", res)
	}
}

// fourUnitsFilled writes good workbooks of four units into a new folder.
func fourUnitsFilled(t testing.TB, cat *xxgk.Catalog) string {
	t.Helper()
	dir := t.TempDir()
	for i, u := range []string{"市财政局", "市卫健委", "汉滨区", "汉阴县"} {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("%d.xlsx", i)), filled(t, cat, u, samples.Good, uint64(i)))
	}
	return dir
}
