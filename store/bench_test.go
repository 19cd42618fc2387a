package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"xxgk"
)

// BenchmarkSaveSubmissions stores 1,000 workbooks of 60 rows in batches of 100, the shape
// the importer writes; each iteration adds a new version for every unit. The target is
// ≥300 workbooks/s on both engines (issue 3).
func BenchmarkSaveSubmissions(b *testing.B) {
	const units, rows, batch = 1000, 60, 100
	for _, e := range engines() {
		b.Run(e.name, func(b *testing.B) {
			s := open(b, e.fresh(b))
			ctx := context.Background()
			if err := s.SaveRound(ctx, round2020, catalogOf(b, units, rows)); err != nil {
				b.Fatal(err)
			}
			// Build every iteration's submissions up front, so only storing is timed.
			iters := make([][]*xxgk.Submission, b.N)
			for n := range iters {
				for u := range units {
					iters[n] = append(iters[n], benchSub(fmt.Sprintf("U%04d", u), fmt.Sprint(n, "-", u), rows))
				}
			}
			b.ResetTimer()
			for n := range b.N {
				subs := iters[n]
				for i := 0; i < len(subs); i += batch {
					res, err := s.SaveSubmissions(ctx, subs[i:min(i+batch, len(subs))])
					if err != nil {
						b.Fatal(err)
					}
					if res[0].Version != n+1 {
						b.Fatalf("version %d, want %d", res[0].Version, n+1)
					}
				}
			}
			b.ReportMetric(float64(b.N*units)/b.Elapsed().Seconds(), "subs/s")
		})
	}
}

// benchSub is a workbook as units fill it: short names and remarks, a URL, a date and a
// count on opened rows, a reason on the others.
func benchSub(unit, tag string, rows int) *xxgk.Submission {
	sub := newSub("2020", unit, tag, rows, time.Now())
	for i := range sub.Items {
		if sub.Items[i].Remark == longText {
			sub.Items[i].Remark = "本单位无此职能"
		}
	}
	return sub
}

// BenchmarkCurrent reads a round of 1,000 units × 60 rows, as status and export do.
func BenchmarkCurrent(b *testing.B) {
	const units, rows = 1000, 60
	for _, e := range engines() {
		b.Run(e.name, func(b *testing.B) {
			s := open(b, e.fresh(b))
			ctx := context.Background()
			if err := s.SaveRound(ctx, round2020, catalogOf(b, units, rows)); err != nil {
				b.Fatal(err)
			}
			for v := range 2 { // two versions each, so Current must pick
				var subs []*xxgk.Submission
				for u := range units {
					subs = append(subs, benchSub(fmt.Sprintf("U%04d", u), fmt.Sprint(v, "-", u), rows))
				}
				if _, err := s.SaveSubmissions(ctx, subs); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			for range b.N {
				cur, err := s.Current(ctx, "2020")
				if err != nil {
					b.Fatal(err)
				}
				if len(cur) != units || len(cur[0].Items) != rows || cur[0].Version != 2 {
					b.Fatalf("Current: %d units", len(cur))
				}
			}
		})
	}
}
