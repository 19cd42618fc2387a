package importer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkRead measures reading and checking one 60-row workbook, without the database.
func BenchmarkRead(b *testing.B) {
	cat := benchCatalog(b, 100, 60)
	dir := benchFiles(b, cat, 100)
	data, err := os.ReadFile(filepath.Join(dir, "00000_市第0局.xlsx"))
	if err != nil {
		b.Fatal(err)
	}
	r := &Reader{Rounds: &fakeRounds{round: testRound(), cat: cat}, Now: func() time.Time { return testNow }}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		c, err := r.Read(context.Background(), "x.xlsx", data)
		if err != nil || !c.Accepted() {
			b.Fatal(err, c.Problems)
		}
	}
}
