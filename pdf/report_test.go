package pdf

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"xxgk"
	"xxgk/fonts"
)

const unitHeader = "单位类型报送状态版本应建栏目已开设未开设不适用完成率最后报送时间"

// traced renders with a trace that checks every run has a glyph for each of its
// characters and returns everything drawn, in order.
func traced(tb testing.TB, opt Options) (Options, *strings.Builder) {
	tb.Helper()
	var drawn strings.Builder
	opt.trace = func(r fonts.Run) {
		for _, c := range r.Text {
			if !r.Face.Has(c) {
				tb.Errorf("%q drawn with %s, which has no glyph for it", c, r.Face.Name)
			}
		}
		drawn.WriteString(r.Text)
		drawn.WriteString(" ")
	}
	return opt, &drawn
}

func TestReport40(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	opt, drawn := traced(t, Options{Fonts: testFonts(t), Date: testDate})
	path := render(t, s, cat, opt)

	if st, _ := os.Stat(path); st.Size() >= 1<<20 {
		t.Errorf("40-unit report is %d bytes, want < 1 MB", st.Size())
	}
	raw := squash(poppler(t, "pdftotext", "-raw", path, "-"))
	if got := squash(drawn.String()); got != raw {
		t.Errorf("pdftotext does not give back exactly the text drawn:\n%s", firstDiff(got, raw))
	}

	// every unit's row, with its completion rate (— for units that have not submitted)
	for _, u := range s.Units {
		want := xxgk.Percent(float64(u.Opened) / float64(u.Assigned-u.NotApplicable))
		if u.State == xxgk.Missing {
			want = "—"
		}
		row := u.Unit.Short + u.Unit.Kind.Label() + u.State.Label()
		i := strings.Index(raw, row)
		if i < 0 {
			t.Errorf("no table row for %s (%q)", u.Unit.Short, row)
			continue
		}
		if rest := []rune(raw[i+len(row):]); !strings.Contains(string(rest[:min(40, len(rest))]), want) {
			t.Errorf("row of %s lacks its rate %s: %s", u.Unit.Short, want, string(rest[:min(40, len(rest))]))
		}
	}
	if s.Missing == 0 || s.Late == 0 || s.Warnings == 0 {
		t.Fatalf("fixture lacks missing/late/warned units: %+v", s.Total)
	}
	for _, want := range []string{
		"关于安康市政府网站重点领域信息公开栏目建设情况的通报",
		fmt.Sprintf("应报送单位40个，已报送%d个（其中逾期报送%d个），未报送%d个", s.Submitted, s.Late, s.Missing),
		fmt.Sprintf("各单位应建栏目共%d个，已开设%d个，未开设%d个，不适用%d个，总体完成率%s", s.Total.Assigned, s.Total.Opened,
			s.Total.NotOpened, s.Total.NotApplicable, xxgk.Percent(float64(s.Total.Opened)/float64(s.Total.Assigned-s.Total.NotApplicable))),
		fmt.Sprintf("导入时发现需关注的问题%d条", s.Warnings),
		"统计截至2020年9月25日", "安康市电子政务办公室2020年9月25日",
		"编码一级／二级指标应建单位数已开设覆盖率", "CZ-01-1财政信息／预决算公开",
		"附件导入问题清单单位位置问题",
		"市12345热线办", "http://www.example.com/xxgk",
	} {
		if !strings.Contains(raw, squash(want)) {
			t.Errorf("report lacks %q", want)
		}
	}

	// page numbers on every page; the unit table's header on every page it runs onto
	pages := strings.Split(strings.TrimSuffix(poppler(t, "pdftotext", "-raw", path, "-"), "\f"), "\f")
	tablePages := 0
	for i, p := range pages {
		if !strings.HasSuffix(squash(p), fmt.Sprintf("—%d—", i+1)) {
			t.Errorf("page %d has no page number “— %d —”", i+1, i+1)
		}
		sp := squash(p)
		hasRow := false
		for _, u := range s.Units {
			if strings.Contains(sp, u.Unit.Short+u.Unit.Kind.Label()+u.State.Label()) {
				hasRow = true
				break
			}
		}
		if hasRow {
			tablePages++
			if !strings.Contains(sp, unitHeader) {
				t.Errorf("page %d carries unit rows without the table header", i+1)
			}
		}
	}
	if tablePages < 2 {
		t.Errorf("unit table on %d pages; the fixture should make it run onto a second page", tablePages)
	}
	assertFonts(t, path, 1)
}

// assertFonts checks with pdffonts that every font is embedded as a subset with a
// Unicode map, and that there are at least n of them.
func assertFonts(tb testing.TB, path string, n int) []string {
	tb.Helper()
	out := poppler(tb, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 2+n {
		tb.Fatalf("pdffonts lists %d fonts, want at least %d:\n%s", len(lines)-2, n, out)
	}
	var names []string
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type… encoding emb sub uni object ID
		emb, sub, uni := f[len(f)-5], f[len(f)-4], f[len(f)-3]
		if emb != "yes" || sub != "yes" || uni != "yes" {
			tb.Errorf("font not embedded as a subset with a Unicode map: %s", l)
		}
		names = append(names, f[0])
	}
	return names
}

// firstDiff shows where two strings part.
func firstDiff(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		if ra[i] != rb[i] {
			lo := max(0, i-20)
			return fmt.Sprintf("drawn:     …%s\npdftotext: …%s", string(ra[lo:min(len(ra), i+30)]), string(rb[lo:min(len(rb), i+30)]))
		}
	}
	return fmt.Sprintf("lengths differ: drawn %d runes, pdftotext %d", len(ra), len(rb))
}

// TestReportFontWithoutLatin prints with a Chinese font that has no Latin letters or
// digits: they come from the Go fonts, and the text reads back whole.
func TestReportFontWithoutLatin(t *testing.T) {
	full := testFonts(t).Face(fonts.Body)
	cjk, err := fonts.Subset(full, func(r rune) bool { return r >= 0x2E80 })
	if err != nil {
		t.Fatal(err)
	}
	set, err := fonts.Single(cjk)
	if err != nil {
		t.Fatal(err)
	}
	s, cat := fixture(t, 40, 0)
	opt, drawn := traced(t, Options{Fonts: set, Date: testDate})
	path := render(t, s, cat, opt)
	raw := squash(poppler(t, "pdftotext", "-raw", path, "-"))
	if got := squash(drawn.String()); got != raw {
		t.Errorf("pdftotext does not give back exactly the text drawn:\n%s", firstDiff(got, raw))
	}
	for _, want := range []string{"市12345热线办", "2020年9月25日", "87.5%", "CZ-01-1"} {
		if !strings.Contains(raw, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	names := strings.Join(assertFonts(t, path, 3), " ")
	for _, want := range []string{"WenQuanYiMicroHei", "GoRegular", "Go-Bold"} {
		if !strings.Contains(names, want) {
			t.Errorf("fonts %s lack %s", names, want)
		}
	}
}

func TestReportNoFonts(t *testing.T) {
	s, cat := fixture(t, 3, 5)
	if err := Report(io.Discard, s, cat, Options{}); err != ErrNoFonts {
		t.Errorf("err = %v, want ErrNoFonts", err)
	}
}

func BenchmarkReport(b *testing.B) {
	for _, bc := range []struct{ units, inds int }{{40, 0}, {1000, 60}} {
		b.Run(fmt.Sprintf("units=%d/indicators=%d", bc.units, bc.inds), func(b *testing.B) {
			s, cat := fixture(b, bc.units, bc.inds)
			opt := Options{Fonts: testFonts(b), Date: testDate}
			var size int
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				var w countWriter
				if err := Report(&w, s, cat, opt); err != nil {
					b.Fatal(err)
				}
				size = int(w)
			}
			b.ReportMetric(float64(size)/1024, "KB/pdf")
		})
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
