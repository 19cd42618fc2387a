package exporter

import (
	"io"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"
)

// Benchmarks for the targets: the Excel report at 40 units and at 1,000 units ×
// 60 indicators (< 3 s, < 300 MB), and CSV at 60k rows. Each reports the live heap peak
// sampled during the run ("peak-heap-MB"), which B/op (total allocated) does not show.

func BenchmarkReportXLSX40(b *testing.B) { benchReport(b, 40, 60) }

func BenchmarkReportXLSX1000x60(b *testing.B) { benchReport(b, 1000, 60) }

func benchReport(b *testing.B, units, indicators int) {
	s, cat := bigSummary(b, units, indicators)
	b.ReportAllocs()
	peak := watchHeap(b)
	cpu := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		if err := ReportXLSX(io.Discard, s, cat); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	// CPU time is reported beside wall time: on a shared 2-core machine the wall
	// figure mostly measures the neighbours.
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
	peak()
}

func BenchmarkWriteCSV60k(b *testing.B) {
	s, cat := bigSummary(b, 1112, 60) // 1,000 submitting units × 60 rows ≈ 60k rows
	rows := Details(s, cat)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := WriteCSV(io.Discard, rows); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(rows)), "rows")
}

// watchHeap samples the live heap every millisecond until the returned func is called,
// which reports the peak as a metric.
func watchHeap(b *testing.B) func() {
	b.Helper()
	runtime.GC()
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		tick := func() {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
		}
		for {
			select {
			case <-done:
				tick()
				result <- peak
				return
			default:
				tick()
				runtimeSleep()
			}
		}
	}()
	return func() {
		close(done)
		b.ReportMetric(float64(<-result)/(1<<20), "peak-heap-MB")
	}
}

func runtimeSleep() { time.Sleep(time.Millisecond) }
