package importer

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"xxgk"
	"xxgk/samples"
	"xxgk/templates"
)

// BenchmarkImport imports N generated filled workbooks of 60 rows end to end (walk,
// read, check, store in batches) into a fresh database per iteration, and reports
// workbooks/s and the peak heap in use while importing.
//
//	go test -run '^$' -bench Import -benchtime 1x ./importer                   # N=1000
//	XXGK_BENCH_N=10000 go test -run '^$' -bench Import -benchtime 1x ./importer
//	XXGK_BENCH_N=10000 XXGK_BENCH_UNITS=10000 …   # as many distinct units as files
//	XXGK_TEST_MYSQL='mysql://root@tcp(127.0.0.1:3306)/xxgk_test' … for the MySQL engine
//
// The files are generated once per N into a cache folder under the system temp dir
// (xxgk-bench-N), so repeated runs skip the generation.
func BenchmarkImport(b *testing.B) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("XXGK_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	units := 100
	if v, err := strconv.Atoi(os.Getenv("XXGK_BENCH_UNITS")); err == nil && v > 0 {
		units = v
	}
	cat := benchCatalog(b, units, 60)
	dir := benchFiles(b, cat, n)
	for _, e := range engines() {
		b.Run(e.name, func(b *testing.B) {
			var peak uint64
			var rss int64
			for b.Loop() {
				b.StopTimer()
				a := openStore(b, e.fresh(b), cat)
				runtime.GC()
				resetPeakRSS(b)
				stop := sampleHeap(&peak)
				b.StartTimer()
				tot, err := Import(context.Background(), storeOptions(a), []string{dir}, nil)
				b.StopTimer()
				stop()
				rss = max(rss, peakRSS(b))
				if err != nil || tot.Accepted != n {
					b.Fatalf("err %v totals %+v", err, tot)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "workbooks/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(rss)/(1<<10), "peak-RSS-MB")
		})
	}
}

// sampleHeap records the largest HeapInuse seen until stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		var ms runtime.MemStats
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > atomic.LoadUint64(peak) {
				atomic.StoreUint64(peak, ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() { close(done); wg.Wait() }
}

// benchCatalog is a synthetic table of k indicators, every one assigned to each of u
// departments: the real 2020 table gives a unit at most 19 rows.
func benchCatalog(tb testing.TB, u, k int) *xxgk.Catalog {
	tb.Helper()
	var list []xxgk.Unit
	for i := range u {
		list = append(list, xxgk.Unit{Code: fmt.Sprintf("D%03d", i), Name: fmt.Sprintf("安康市第%d局", i), Short: fmt.Sprintf("市第%d局", i), Kind: xxgk.Department})
	}
	units, err := xxgk.NewUnits(list)
	if err != nil {
		tb.Fatal(err)
	}
	cat := &xxgk.Catalog{Units: units}
	areas := []string{"财政信息", "重大建设项目", "公共资源配置", "社会公益事业", "生态环境", "食品药品安全"}
	for i := range k {
		ind := xxgk.Indicator{
			Code:     fmt.Sprintf("ZB-%02d-%d", i/3+1, i%3+1),
			Area:     areas[i%len(areas)],
			SubArea:  fmt.Sprintf("第%d类信息", i/3+1),
			Content:  fmt.Sprintf("按规定应当主动公开的第%d项信息，包括办事依据、条件、程序和结果", i+1),
			AllDepts: true,
		}
		if i%4 == 0 {
			ind.Report = xxgk.ReportSameAsContent
		}
		cat.Indicators = append(cat.Indicators, ind)
	}
	return cat
}

// benchFiles writes n distinct Good workbooks spread over the catalog's units.
func benchFiles(tb testing.TB, cat *xxgk.Catalog, n int) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("xxgk-bench-%d", n))
	if u := cat.Units.Len(); u != 100 {
		dir += fmt.Sprintf("-u%d", u)
	}
	if es, err := os.ReadDir(dir); err == nil && len(es) == n {
		return dir
	}
	os.RemoveAll(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	units := cat.Units.All()
	tpls := make([][]byte, len(units))
	for i, u := range units {
		// A catalog of this unit alone writes the same template and keeps the cost of
		// writing 10,000 units' templates linear.
		one, err := xxgk.NewUnits([]xxgk.Unit{u})
		if err != nil {
			tb.Fatal(err)
		}
		var buf bytes.Buffer
		if err := templates.Write(&buf, testRound(), &xxgk.Catalog{Units: one, Indicators: cat.Indicators}, u); err != nil {
			tb.Fatal(err)
		}
		tpls[i] = buf.Bytes()
	}
	var wg sync.WaitGroup
	jobs := make(chan int)
	errs := make(chan error, 1)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range jobs {
				u := units[i%len(units)]
				b, err := samples.Fill(tpls[i%len(units)], samples.Good, rand.New(rand.NewPCG(uint64(i), 42)))
				if err == nil {
					err = os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d_%s.xlsx", i, u.Short)), b, 0o644)
				}
				if err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		})
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		tb.Fatal(err)
	default:
	}
	return dir
}
