package importer

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk/samples"
)

// savedOn sets the workbook's own saved time (docProps/core.xml dcterms:modified).
func savedOn(t testing.TB, data []byte, at string) []byte {
	t.Helper()
	return editBook(t, data, func(f *excelize.File) {
		if err := f.SetDocProps(&excelize.DocProperties{Modified: at}); err != nil {
			t.Fatal(err)
		}
	})
}

// soon is an RFC 3339 time h hours from now, after any round the test creates.
func soon(h int) string {
	return time.Now().Add(time.Duration(h) * time.Hour).UTC().Format(time.RFC3339)
}

// withoutProps drops docProps/core.xml, as some writers do.
func withoutProps(t testing.TB, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "docProps/core.xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// When one import holds two files of a unit, the one saved last is current whatever the
// argument order, by the workbook's saved time or, without one, the file's; the output
// says which won and why. Both engines.
func TestNewestFileOfUnitWins(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		cat := testCatalog(t)
		older := filled(t, cat, "市财政局", samples.Good, 1)
		newer := filled(t, cat, "市财政局", samples.WithWarnings, 2)
		cases := []struct {
			name         string
			older, newer []byte
			mtime        bool
		}{
			// Saved by an office program after the round was created (the store dates it
			// now), both after the file times below.
			{name: "props", older: savedOn(t, older, soon(1)), newer: savedOn(t, newer, soon(2))},
			// Without document properties the file times decide.
			{name: "mtime", older: withoutProps(t, older), newer: withoutProps(t, newer), mtime: true},
			// So they do when both still carry the template's properties (excelize writes
			// a fixed 2006 date; a script that fills the template keeps it).
			{name: "same props", older: older, newer: newer, mtime: true},
			// A time from before the round was created is the library's default, not the
			// unit's: here it would otherwise make the older file win.
			{name: "default props", older: savedOn(t, older, soon(1)), newer: newer, mtime: true},
		}
		for _, tc := range cases {
			for _, newerFirst := range []bool{false, true} {
				a := openStore(t, e.fresh(t), cat)
				dir := t.TempDir()
				op := writeFile(t, filepath.Join(dir, "first", "财政局.xlsx"), tc.older)
				np := writeFile(t, filepath.Join(dir, "second", "财政局（修改）.xlsx"), tc.newer)
				if tc.mtime {
					for p, day := range map[string]int{op: 15, np: 17} {
						at := time.Date(2020, 9, day, 10, 0, 0, 0, time.UTC)
						if err := os.Chtimes(p, at, at); err != nil {
							t.Fatal(err)
						}
					}
				}
				// The older file is never stored, whichever comes first.
				paths, want := []string{op, np}, "财政局.xlsx=older 财政局（修改）.xlsx=accepted"
				if newerFirst {
					paths, want = []string{np, op}, "财政局（修改）.xlsx=accepted 财政局.xlsx=older"
				}
				res, tot, err := runImport(t, storeOptions(a), paths...)
				if err != nil {
					t.Fatal(err)
				}
				if got := outcomes(res); got != want {
					t.Errorf("%s newer first %v: %s, want %s", tc.name, newerFirst, got, want)
				}
				cur, err := a.st.Current(context.Background(), "2020")
				if err != nil {
					t.Fatal(err)
				}
				if len(cur) != 1 || cur[0].FileName != "财政局（修改）.xlsx" {
					t.Errorf("%s newer first %v: current %+v, want the newer file", tc.name, newerFirst, cur)
				}
				from := savedFromProps
				if tc.mtime {
					from = savedFromMtime
				}
				last := res[len(res)-1]
				if !strings.Contains(last.Note, "为准") || !strings.Contains(last.Note, "按"+from) || !strings.Contains(last.Note, "财政局") {
					t.Errorf("%s newer first %v: note %q", tc.name, newerFirst, last.Note)
				}
				olderRes := res[0]
				if newerFirst {
					olderRes = last
				}
				if tot.Older != 1 || tot.Accepted != 1 || !strings.Contains(olderRes.Note, "还有文件 "+np+"，按"+from+"它较晚") {
					t.Errorf("%s newer first %v: older file's note %q, totals %+v", tc.name, newerFirst, olderRes.Note, tot)
				}
			}
		}
	})
}

// The newer of two files of a unit may say what an earlier version already says (the
// unit sent its first file again, saved anew): it is unchanged, and the older file is
// not stored either, so the current version stays what it was, in either order. Were the
// older file stored first, it would be current although the unit's newest file says
// otherwise.
func TestNewestFileSameAsEarlierVersion(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		cat := testCatalog(t)
		first := filled(t, cat, "市财政局", samples.Good, 1)
		second := filled(t, cat, "市财政局", samples.WithWarnings, 2)
		stale := filled(t, cat, "市财政局", samples.Good, 3)
		for _, newerFirst := range []bool{false, true} {
			a := openStore(t, e.fresh(t), cat)
			dir := t.TempDir()
			v1 := writeFile(t, filepath.Join(dir, "v1", "财政局.xlsx"), first)
			v2 := writeFile(t, filepath.Join(dir, "v2", "财政局.xlsx"), second)
			if _, _, err := runImport(t, storeOptions(a), v1); err != nil {
				t.Fatal(err)
			}
			if _, _, err := runImport(t, storeOptions(a), v2); err != nil {
				t.Fatal(err)
			}
			op := writeFile(t, filepath.Join(dir, "in", "旧.xlsx"), savedOn(t, stale, soon(1)))
			np := writeFile(t, filepath.Join(dir, "in", "新.xlsx"), savedOn(t, first, soon(2)))
			paths, want := []string{op, np}, "旧.xlsx=older 新.xlsx=unchanged"
			if newerFirst {
				paths, want = []string{np, op}, "新.xlsx=unchanged 旧.xlsx=older"
			}
			res, _, err := runImport(t, storeOptions(a), paths...)
			if err != nil {
				t.Fatal(err)
			}
			if got := outcomes(res); got != want {
				t.Errorf("newer first %v: %s, want %s", newerFirst, got, want)
			}
			cur, err := a.st.Current(context.Background(), "2020")
			if err != nil {
				t.Fatal(err)
			}
			if len(cur) != 1 || cur[0].Version != 2 {
				t.Errorf("newer first %v: current %+v, want version 2 still", newerFirst, cur)
			}
		}
	})
}

// Two files of a unit more than a batch apart: the first is stored before the second is
// met, and stays in the history as the version before it; the newest is still current.
func TestNewestFileBatchesApart(t *testing.T) {
	cat := testCatalog(t)
	a := openStore(t, "sqlite:"+filepath.Join(t.TempDir(), "x.db"), cat)
	dir := t.TempDir()
	op := writeFile(t, filepath.Join(dir, "a", "财政局.xlsx"), savedOn(t, filled(t, cat, "市财政局", samples.Good, 1), soon(1)))
	hp := writeFile(t, filepath.Join(dir, "b", "汉滨区.xlsx"), filled(t, cat, "汉滨区", samples.Good, 2))
	np := writeFile(t, filepath.Join(dir, "c", "财政局（修改）.xlsx"), savedOn(t, filled(t, cat, "市财政局", samples.WithWarnings, 3), soon(2)))
	opts := storeOptions(a)
	opts.BatchSize = 1
	res, _, err := runImport(t, opts, op, hp, np)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := outcomes(res), "财政局.xlsx=accepted 汉滨区.xlsx=accepted 财政局（修改）.xlsx=accepted"; got != want {
		t.Errorf("%s, want %s", got, want)
	}
	if r := res[2]; r.Version != 2 || !strings.Contains(r.Note, "以此文件为准") {
		t.Errorf("newer file: version %d, note %q", r.Version, r.Note)
	}
	if res[0].Note != "" {
		t.Errorf("the file stored before the newer one was met has a note: %q", res[0].Note)
	}
}
