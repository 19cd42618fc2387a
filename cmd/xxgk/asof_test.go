package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk/exporter"
	"xxgk/internal/testdb"
)

// staleCount is the 通报's count of columns 据各单位填报 not updated in time.
var staleCount = regexp.MustCompile(`有(\d+)个单位的(\d+)个已开设栏目`)

// TestAsOfDay: a 通报 printed years after its reporting day with --date states that day
// as its 截至 day and judges staleness on it, as a run on the day itself does; --as-of
// wins over --date; every paper of one run (通报, letters, Excel report) states the same
// day.
func TestAsOfDay(t *testing.T) {
	db := testdb.SQLite(t)
	partialRound(t, db)
	dir := t.TempDir()
	onTheDay := time.Date(2020, 9, 28, 9, 0, 0, 0, time.UTC)
	late := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	report := func(now time.Time, name string, flags ...string) string {
		t.Helper()
		path := filepath.Join(dir, name)
		if code, _, errOut := runAt(t, now, append([]string{"report", "--db", db, "--font", feedbackFont, "--out", path}, flags...)...); code != exitOK {
			t.Fatalf("report %v: exit %d\n%s", flags, code, errOut)
		}
		return pdfText(t, path)
	}
	want := report(onTheDay, "day.pdf")
	got := report(late, "late.pdf", "--date", "2020-09-28")
	if !strings.Contains(got, "截至2020年9月28日") || strings.Contains(got, "2026年") {
		t.Errorf("通报 with --date 2020-09-28 printed in 2026 does not count as of 2020年9月28日:\n%s", got)
	}
	w, g := staleCount.FindString(want), staleCount.FindString(got)
	if w == "" || w != g {
		t.Errorf("staleness judged on another day: on the day %q, later with --date %q", w, g)
	}
	asOf := report(late, "asof.pdf", "--as-of", "2020-09-27", "--date", "2020-09-30")
	if !strings.Contains(asOf, "截至2020年9月27日") || strings.Contains(asOf, "截至2020年9月30日") || !strings.Contains(asOf, "2020年9月30日") {
		t.Errorf("--as-of 2020-09-27 --date 2020-09-30: want 截至 the 27th, dated the 30th:\n%s", asOf)
	}

	// The same run's letters and Excel report: the remembered --as-of applies.
	fb := filepath.Join(dir, "反馈")
	if code, _, errOut := runAt(t, late, "feedback", "--db", db, "--font", feedbackFont, "--out", fb); code != exitOK {
		t.Fatalf("feedback: exit %d\n%s", code, errOut)
	}
	letters, _ := filepath.Glob(filepath.Join(fb, "*.pdf"))
	if len(letters) == 0 {
		t.Fatal("no letters")
	}
	for _, l := range letters {
		txt := pdfText(t, l)
		for _, m := range regexp.MustCompile(`截至(\d{4}年\d+月\d+日)`).FindAllStringSubmatch(txt, -1) {
			if m[1] != "2020年9月27日" {
				t.Errorf("%s states 截至%s, want 2020年9月27日", filepath.Base(l), m[1])
			}
		}
	}
	xlsx := filepath.Join(dir, "r.xlsx")
	if code, _, errOut := runAt(t, late, "report", "--db", db, "--out", xlsx); code != exitOK {
		t.Fatalf("report xlsx: exit %d\n%s", code, errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	line, err := f.GetCellValue(exporter.SheetSummary, "A2")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(line, "统计截至：2020年9月27日") {
		t.Errorf("Excel report's line %q does not state 统计截至：2020年9月27日", line)
	}
	_ = os.Remove(xlsx)
}
