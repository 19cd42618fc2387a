package exporter

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/store"
)

func openBytes(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestReportFromStore round-trips the fixture through a real (SQLite) store: the report
// built from what Current returns must match the one built from memory, sheet by sheet.
func TestReportFromStore(t *testing.T) {
	cat := fixtureCatalog(t)
	subs := fixtureSubmissions(t, cat)
	ctx := context.Background()
	st, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "xxgk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveRound(ctx, fixtureRound, cat); err != nil {
		t.Fatal(err)
	}
	// 市审计局 sends version 1 late, then version 2: its first acceptance decides lateness.
	audit := subs[1]
	v1 := audit
	v1.SHA256, v1.ImportedAt, v1.Items = strings.Repeat("a", 64), audit.FirstAt, audit.Items[:1]
	batches := [][]*xxgk.Submission{{&v1}, {&subs[0], &subs[1], &subs[2]}}
	for _, b := range batches {
		if _, err := st.SaveSubmissions(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	r, storedCat, err := st.Round(ctx, fixtureRound.ID)
	if err != nil {
		t.Fatal(err)
	}
	current, err := st.Current(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	fromStore := xxgk.Summarize(r, storedCat, current)
	fromMemory := xxgk.Summarize(fixtureRound, cat, fixtureSubmissions(t, cat))

	var a, b bytes.Buffer
	if err := ReportXLSX(&a, fromStore, storedCat, WithDate(reportDate)); err != nil {
		t.Fatal(err)
	}
	if err := ReportXLSX(&b, fromMemory, cat, WithDate(reportDate)); err != nil {
		t.Fatal(err)
	}
	fa, fb := openBytes(t, a.Bytes()), openBytes(t, b.Bytes())
	for _, sheet := range ReportSheets {
		ra, rb := rows(t, fa, sheet), rows(t, fb, sheet)
		if !slices.EqualFunc(ra, rb, slices.Equal) {
			t.Errorf("%s differs:\nstore  %q\nmemory %q", sheet, ra, rb)
		}
	}
	if got := rows(t, fa, SheetSummary)[5][2:4]; !slices.Equal(got, []string{"逾期报送", "2"}) {
		t.Errorf("市审计局 from the store: %q, want late, version 2", got)
	}
}
