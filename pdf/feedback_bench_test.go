package pdf

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"xxgk/fonts"
)

// BenchmarkFeedback writes one feedback PDF for each of 1,000 units on every core, as
// `xxgk feedback` does, from one shared font set: WenQuanYi for every role, and the
// per-role faces found on this system (each face embedded costs every letter gofpdf's
// per-font work). Issue 7 asks for under 3 s on 2 cores.
func BenchmarkFeedback(b *testing.B) {
	s, cat := fixture(b, 1000, 0)
	system, _, err := fonts.Find(fonts.SystemDirs())
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		set  *fonts.Set
	}{{"fonts=one", testFonts(b)}, {"fonts=system", system}} {
		b.Run(bc.name, func(b *testing.B) {
			opt := Options{Fonts: bc.set, Date: testDate}
			var bytes atomic.Int64
			b.ResetTimer()
			cpu := cpuTime()
			for n := 0; n < b.N; n++ {
				bytes.Store(0)
				jobs := make(chan int)
				var wg sync.WaitGroup
				var failed atomic.Value
				for w := 0; w < runtime.GOMAXPROCS(0); w++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for i := range jobs {
							var cw countWriter
							if err := Feedback(&cw, s, s.Units[i], cat, opt); err != nil {
								failed.Store(err)
							}
							bytes.Add(int64(cw))
						}
					}()
				}
				for i := range s.Units {
					jobs <- i
				}
				close(jobs)
				wg.Wait()
				if err, _ := failed.Load().(error); err != nil {
					b.Fatal(err)
				}
			}
			// CPU time is the steadier figure on a shared machine: wall time there
			// depends on what else runs, CPU time on 2 idle cores is about twice the wall.
			b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(bytes.Load())/float64(len(s.Units))/1024, "KB/pdf")
		})
	}
}
