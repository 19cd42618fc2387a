package web

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"xxgk"
	"xxgk/catalog"
	"xxgk/samples"
	"xxgk/seeds"
)

// manyUnits is the 2020 catalog with extra departments, up to n units in all.
func manyUnits(t testing.TB, n int) *xxgk.Catalog {
	t.Helper()
	csv := strings.TrimRight(string(seeds.Units()), "\n") + "\n"
	have := strings.Count(csv, "\n") - 1
	for i := have; i < n; i++ {
		csv += fmt.Sprintf("T%03d,安康市测试局%03d,市测试局%03d,department,\n", i, i, i)
	}
	path := filepath.Join(t.TempDir(), "units.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load("", path)
	if err != nil {
		t.Fatal(err)
	}
	if cat.Units.Len() != n {
		t.Fatalf("%d units, want %d", cat.Units.Len(), n)
	}
	return cat
}

// uploadAll posts one file per unit at once and returns each answer's outcome and
// version, and each request's latency.
func uploadAll(f *fixture, files map[string][]byte) (map[string]string, []time.Duration) {
	var mu sync.Mutex
	out := map[string]string{}
	var lat []time.Duration
	var wg sync.WaitGroup
	start := make(chan struct{})
	for _, u := range f.cat.Units.All() {
		wg.Go(func() {
			<-start
			t0 := time.Now()
			a := f.apiUpload(f.codes[u.Code], fileName(u), files[u.Code])
			d := time.Since(t0)
			res := fmt.Sprintf("%d", a.StatusCode)
			if a.StatusCode == 200 {
				j := decodeResult(f.t, a)
				res = fmt.Sprintf("%s v%d", j.Outcome, j.Version)
			}
			mu.Lock()
			out[u.Code], lat = res, append(lat, d)
			mu.Unlock()
		})
	}
	close(start)
	wg.Wait()
	return out, lat
}

// Test200Uploads: 200 units upload at once, twice; every file is stored, as versions 1
// and 2 of its unit, none lost and none twice, on SQLite and MariaDB.
func Test200Uploads(t *testing.T) {
	if testing.Short() {
		t.Skip("200 workbooks")
	}
	forEngine(t, func(t *testing.T, dsn string) {
		const n = 200
		f := newFixtureWith(t, dsn, manyUnits(t, n))
		for wave, p := range []samples.Profile{samples.Good, samples.WithWarnings} {
			files := map[string][]byte{}
			for i, u := range f.cat.Units.All() {
				files[u.Code] = f.workbook(u, p, uint64(i+1000*wave))
			}
			got, _ := uploadAll(f, files)
			want := fmt.Sprintf("accepted v%d", wave+1)
			for code, res := range got {
				if res != want {
					t.Errorf("wave %d, %s: %s, want %s", wave+1, code, res, want)
				}
			}
		}
		if t.Failed() {
			t.Logf("server log:\n%s", f.logs.String())
		}
		ctx := context.Background()
		cur, err := f.st.Current(ctx, f.round.ID)
		if err != nil || len(cur) != n {
			t.Fatalf("%d current submissions, want %d (%v)", len(cur), n, err)
		}
		for _, u := range f.cat.Units.All() {
			vs, err := f.st.Versions(ctx, f.round.ID, u.Code)
			if err != nil {
				t.Fatal(err)
			}
			var nums []int
			for _, v := range vs {
				nums = append(nums, v.Version)
			}
			if !slices.Equal(nums, []int{1, 2}) {
				t.Errorf("%s: versions %v", u.Code, nums)
			}
		}
	})
}

// BenchmarkConcurrentUploads posts 200 distinct workbooks at once through the API (each
// costing an argon2id check of its code and a full import) and reports uploads per
// second, the 95th percentile latency and the peak heap.
func BenchmarkConcurrentUploads(b *testing.B) {
	for _, e := range engines() {
		b.Run(e.name, func(b *testing.B) {
			const n = 200
			cat := manyUnits(b, n)
			var all []time.Duration
			var elapsed time.Duration
			var peak uint64
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				f := newFixtureWith(b, e.dsn(b), cat)
				files := map[string][]byte{}
				for j, u := range f.cat.Units.All() {
					files[u.Code] = f.workbook(u, samples.Good, uint64(j))
				}
				runtime.GC()
				stop := make(chan struct{})
				done := make(chan uint64)
				go func() { // sample the heap while the uploads run
					var max uint64
					var ms runtime.MemStats
					for {
						runtime.ReadMemStats(&ms)
						max = maxU(max, ms.HeapInuse)
						select {
						case <-stop:
							done <- max
							return
						case <-time.After(20 * time.Millisecond):
						}
					}
				}()
				b.StartTimer()
				t0 := time.Now()
				got, lat := uploadAll(f, files)
				elapsed += time.Since(t0)
				b.StopTimer()
				close(stop)
				peak = maxU(peak, <-done)
				for code, res := range got {
					if res != "accepted v1" {
						b.Fatalf("%s: %s", code, res)
					}
				}
				all = append(all, lat...)
				b.StartTimer()
			}
			slices.Sort(all)
			b.ReportMetric(float64(len(all))/elapsed.Seconds(), "uploads/s")
			b.ReportMetric(float64(all[len(all)*95/100].Milliseconds()), "p95-ms")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

func maxU(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}
