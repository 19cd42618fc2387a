package exporter

import (
	"context"
	"strconv"
	"testing"
	"time"

	"xxgk"
	"xxgk/catalog"
	"xxgk/internal/testdb"
	"xxgk/store"
)

// seedSubmissions are the demo's shape on the built-in 2020 table: every unit but a few
// reports, with every kind of answer.
func seedSubmissions(t testing.TB) (*xxgk.Catalog, []xxgk.Submission) {
	t.Helper()
	cat, err := catalog.Load("", "")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2020, 9, 18, 9, 30, 0, 0, xxgk.ChinaTime)
	var subs []xxgk.Submission
	for k, u := range cat.Units.All() {
		if k%7 == 3 {
			continue // missing
		}
		subs = append(subs, submission(t, cat, u.Code, 1, at, func(i int, it *xxgk.Item) {
			switch (i + k) % 5 {
			case 0:
				it.Status, it.Remark = xxgk.NotOpened, "正在建设"
			case 1:
				it.Status, it.Remark = xxgk.NotApplicable, "本单位无此职能"
			default:
				it.Status = xxgk.Opened
			}
		}))
	}
	return cat, subs
}

// TestReportPartition: in 汇总 and 指标覆盖, 应建 = 已开设 + 未开设 + 不适用 + 未报送 on every
// row and in 合计, and the workbook's totals are the summary's.
func TestReportPartition(t *testing.T) {
	seedCat, seedSubs := seedSubmissions(t)
	fixCat := fixtureCatalog(t)
	tests := []struct {
		name string
		s    xxgk.Summary
		cat  *xxgk.Catalog
	}{
		{"seed table, some units missing", xxgk.Summarize(fixtureRound, seedCat, seedSubs), seedCat},
		{"fixture", xxgk.Summarize(fixtureRound, fixCat, fixtureSubmissions(t, fixCat)), fixCat},
		{"nobody reported", xxgk.Summarize(fixtureRound, seedCat, nil), seedCat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.s.Missing == 0 {
				t.Fatal("the case needs missing units")
			}
			checkPartition(t, writeReport(t, tt.s, tt.cat), tt.s)
		})
	}
}

// TestReportPartitionFromStores reads the seed round back from both real stores.
func TestReportPartitionFromStores(t *testing.T) {
	cat, subs := seedSubmissions(t)
	engines := map[string]func(testing.TB) string{
		"sqlite": testdb.SQLite,
		"mysql":  func(tb testing.TB) string { return testdb.MySQL(tb, "xxgk_exporter_test") },
	}
	for name, dsn := range engines {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, dsn(t))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := st.SaveRound(ctx, fixtureRound, cat); err != nil {
				t.Fatal(err)
			}
			batch := make([]*xxgk.Submission, len(subs))
			for i := range subs {
				batch[i] = &subs[i]
			}
			if _, err := st.SaveSubmissions(ctx, batch); err != nil {
				t.Fatal(err)
			}
			r, storedCat, err := st.Round(ctx, fixtureRound.ID)
			if err != nil {
				t.Fatal(err)
			}
			current, err := st.Current(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			s := xxgk.Summarize(r, storedCat, current)
			if s.Missing != len(cat.Units.All())-len(subs) {
				t.Fatalf("%d missing units, want %d", s.Missing, len(cat.Units.All())-len(subs))
			}
			checkPartition(t, writeReport(t, s, storedCat), s)
		})
	}
}

// checkPartition reads the report back and checks every count row of 汇总 and 指标覆盖.
func checkPartition(t *testing.T, path string, s xxgk.Summary) {
	t.Helper()
	if err := s.CheckPartition(); err != nil {
		t.Fatalf("summary: %v", err)
	}
	f := openXLSX(t, path)
	num := func(sheet string, row []string, i int) int {
		if i >= len(row) || row[i] == "" {
			t.Errorf("%s %q: column %d empty, want a count", sheet, row, i+1)
			return 0
		}
		n, err := strconv.Atoi(row[i])
		if err != nil {
			t.Errorf("%s %q: column %d not a count", sheet, row, i+1)
		}
		return n
	}
	// counts reads 应建 and its four parts starting at column first (0-based).
	counts := func(sheet string, row []string, first int) xxgk.Counts {
		c := xxgk.Counts{Assigned: num(sheet, row, first), Opened: num(sheet, row, first+1),
			NotOpened: num(sheet, row, first+2), NotApplicable: num(sheet, row, first+3), NotReported: num(sheet, row, first+4)}
		if err := c.CheckPartition(); err != nil {
			t.Errorf("%s row %q: %v", sheet, row, err)
		}
		return c
	}
	sum := rows(t, f, SheetSummary)
	if len(sum) != summaryHeaderRow+len(s.Units)+1 {
		t.Fatalf("汇总 has %d rows, want %d", len(sum), summaryHeaderRow+len(s.Units)+1)
	}
	var byUnit xxgk.Counts
	for i, u := range s.ProblemsFirst() {
		row := sum[summaryHeaderRow+i]
		if row[0] != u.Unit.Label() {
			t.Fatalf("汇总 row %d is %s, want %s", summaryHeaderRow+i+1, row[0], u.Unit.Label())
		}
		c := counts(SheetSummary, row, 4)
		if c != u.Counts {
			t.Errorf("汇总 %s: %+v, summary says %+v", row[0], c, u.Counts)
		}
		byUnit = byUnit.Plus(c)
	}
	total := sum[len(sum)-1]
	if total[0] != "合计" || counts(SheetSummary, total, 4) != s.Total || byUnit != s.Total {
		t.Errorf("汇总 合计 %q; rows add up to %+v; summary total %+v", total, byUnit, s.Total)
	}
	if len(total) > 10 && total[10] != "" {
		t.Errorf("合计 has 最后报送时间 %q, want none", total[10])
	}
	cov := rows(t, f, SheetCoverage)
	if len(cov) != 1+len(s.Indicators)+1 {
		t.Fatalf("指标覆盖 has %d rows, want %d", len(cov), len(s.Indicators)+2)
	}
	var byIndicator xxgk.Counts
	for i, ind := range s.Indicators {
		row := cov[1+i]
		c := counts(SheetCoverage, row, 3)
		if row[0] != ind.Code || c != ind.Counts {
			t.Errorf("指标覆盖 %s: %+v, summary says %s %+v", row[0], c, ind.Code, ind.Counts)
		}
		byIndicator = byIndicator.Plus(c)
	}
	total = cov[len(cov)-1]
	if total[0] != "合计" || counts(SheetCoverage, total, 3) != s.Total || byIndicator != s.Total {
		t.Errorf("指标覆盖 合计 %q; rows add up to %+v; summary total %+v", total, byIndicator, s.Total)
	}
}
