package templates

import (
	"io"
	"testing"
)

// BenchmarkWriteAll writes every unit's workbook from the built-in catalog, one
// iteration per full set, and reports the time per unit workbook.
func BenchmarkWriteAll(b *testing.B) {
	cat := realCatalog(b)
	r := testRound()
	units := cat.Units.All()
	w := NewWriter()
	b.ReportAllocs()
	for b.Loop() {
		for _, u := range units {
			if len(cat.For(u)) == 0 {
				continue
			}
			if err := w.Write(io.Discard, r, cat, u); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(units)), "ms/unit")
}
