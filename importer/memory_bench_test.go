package importer

import (
	"bufio"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkErrorsDirMemory imports eight 5 MB workbooks of a million rows each with an
// errors folder, at the default worker count, and reports the peak resident set of the
// process during the import (VmHWM, reset before it) and the peak heap in use. Target:
// under 300 MB.
//
//	go test -run '^$' -bench ErrorsDirMemory -benchtime 1x ./importer
func BenchmarkErrorsDirMemory(b *testing.B) {
	dir := millionFiles(b, 8)
	var peak uint64
	var rss int64
	for b.Loop() {
		b.StopTimer()
		opts := testOptions(b, &memSaver{})
		opts.ErrorsDir = filepath.Join(b.TempDir(), "退回")
		runtime.GC()
		resetPeakRSS(b)
		stop := sampleHeap(&peak)
		b.StartTimer()
		res, _, err := runImport(b, opts, dir)
		b.StopTimer()
		stop()
		rss = max(rss, peakRSS(b))
		if err != nil || len(res) != 8 {
			b.Fatalf("err %v, %d results", err, len(res))
		}
		for _, r := range res {
			if r.Outcome != Rejected || r.ErrorCopy == "" {
				b.Fatalf("%s: %v, copy %q %s", r.Name, r.Outcome, r.ErrorCopy, r.NoCopy)
			}
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(rss)/(1<<10), "peak-RSS-MB")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "workers")
}

// resetPeakRSS clears the kernel's high-water mark of this process (Linux 4.0+), so that
// peakRSS measures what follows rather than the generation of the test files.
func resetPeakRSS(tb testing.TB) {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		tb.Skipf("cannot reset the peak RSS: %v", err)
	}
}

// peakRSS is VmHWM in KB.
func peakRSS(tb testing.TB) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		tb.Skipf("no /proc: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	tb.Skip("no VmHWM")
	return 0
}
