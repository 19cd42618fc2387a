package catalog

import (
	"testing"

	"xxgk/seeds"
)

// FuzzParseIndicators: whatever bytes arrive as a CSV, the loader either returns a catalog
// or an error; it never panics, and a catalog it returns has unique, non-empty codes.
func FuzzParseIndicators(f *testing.F) {
	f.Add(seeds.Indicators())
	f.Add([]byte("编码,一级指标,信息公开内容,建设单位\nA,财政信息,x,市财政局等\n,,y,\n"))
	f.Add([]byte("\xef\xbb\xbfcode,area\n\"unterminated\n"))
	f.Add([]byte{0xb2, 0xc6, 0xd5, 0xfe, 0x2c, 0x0a})
	_, units := seedRows(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := parseCSV(data)
		if err != nil {
			return
		}
		c, err := Parse(rows, units, "f.csv", "u.csv")
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, ind := range c.Indicators {
			if ind.Code == "" || seen[ind.Code] {
				t.Fatalf("bad code %q accepted", ind.Code)
			}
			seen[ind.Code] = true
		}
	})
}

func BenchmarkLoadBuiltin(b *testing.B) {
	for b.Loop() {
		if _, err := Load("", ""); err != nil {
			b.Fatal(err)
		}
	}
}
