package pdf

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/fonts"
)

const unitHeader = "名次单位报送情况应建栏目已开设未开设不适用未报送完成率"

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
	opt, drawn := traced(t, Options{Fonts: testFonts(t), Date: testDate,
		Notice: xxgk.Notice{DocNumber: "安电政办字〔2020〕6号", ReplyBy: time.Date(2020, 10, 9, 0, 0, 0, 0, xxgk.ChinaTime),
			Date: time.Date(2020, 9, 26, 0, 0, 0, 0, xxgk.ChinaTime)}})
	path := render(t, s, cat, opt)

	if st, _ := os.Stat(path); st.Size() >= 1<<20 {
		t.Errorf("40-unit report is %d bytes, want < 1 MB", st.Size())
	}
	raw := squash(poppler(t, "pdftotext", "-raw", path, "-"))
	if got := squash(drawn.String()); got != raw {
		t.Errorf("pdftotext does not give back exactly the text drawn:\n%s", firstDiff(got, raw))
	}
	if err := s.CheckPartition(); err != nil {
		t.Fatal(err)
	}

	// Every unit's row of the ranked table: its rank (1 + the units whose printed rate is
	// higher; — for units that have not reported), name, state, the partition and rate.
	for _, u := range s.Units {
		rank := "—"
		if u.State != xxgk.Missing {
			n := 1
			for _, o := range s.Units {
				if o.State != xxgk.Missing && o.Rate() != u.Rate() && o.Completion() > u.Completion() {
					n++
				}
			}
			rank = strconv.Itoa(n)
		}
		state := u.State.Label()
		if u.Version > 1 {
			state += fmt.Sprintf("（第%d次报送）", u.Version)
		}
		want := fmt.Sprintf("%s%s%s%d%d%d%d%d%s", rank, u.Unit.Short, state, u.Assigned, u.Opened, u.NotOpened, u.NotApplicable, u.NotReported, u.Rate())
		if !strings.Contains(raw, want) {
			t.Errorf("no ranked row %q", want)
		}
	}
	if s.Missing == 0 || s.Late == 0 {
		t.Fatalf("fixture lacks missing/late units: %+v", s.Total)
	}
	var late, missing []string
	for _, u := range s.Units {
		switch u.State {
		case xxgk.Late:
			late = append(late, u.Unit.Short+"（"+monthDay(u.FirstAt)+"报送）")
		case xxgk.Missing:
			missing = append(missing, u.Unit.Short)
		}
	}
	tot := s.Total
	for _, want := range []string{
		"安康市电子政务办公室", "安电政办字〔2020〕6号",
		"关于2020年度安康市政府网站重点领域信息公开栏目建设情况的通报",
		fmt.Sprintf("应报送单位40个，已报送%d个，其中按时报送%d个、逾期报送%d个；未报送%d个", s.Submitted, s.Submitted-s.Late, s.Late, s.Missing),
		"逾期报送的单位是：" + strings.Join(late, "、"),
		"未报送的单位是：" + strings.Join(missing, "、"),
		// the totals add up: 应建 = 已开设 + 未开设 + 不适用 + 未报送
		fmt.Sprintf("40个单位应建栏目共%d个，其中已开设%d个、未开设%d个、不适用%d个，未报送单位的%d个栏目情况不明。总体完成率为%s",
			tot.Assigned, tot.Opened, tot.NotOpened, tot.NotApplicable, tot.NotReported,
			xxgk.Percent(float64(tot.Opened)/float64(tot.Assigned-tot.NotApplicable))),
		fmt.Sprintf("合计已报送%d/40%d%d%d%d%d%s", s.Submitted, tot.Assigned, tot.Opened, tot.NotOpened, tot.NotApplicable, tot.NotReported, xxgk.Percent(tot.Completion())),
		"一、总体情况", "二、各单位栏目建设情况", "三、存在的主要问题", "四、工作要求",
		"（一）部分应建栏目尚未开设", "（二）部分栏目更新不及时", "（三）部分栏目未报送需报送的信息",
		"未开设单位最多的10项指标是", "据各单位填报的最近更新日期，按每月公开的栏目45天内、其他栏目6个月内应有更新的要求，截至2020年9月26日",
		"请于2020年10月9日前按模板填报并报送", "请于2020年10月9日前完成整改",
		"附件：各单位未开设栏目清单安康市电子政务办公室2020年9月26日",
		"附件各单位未开设栏目清单单位编码指标未开设原因",
		"正在建设中，预计十月上线",
	} {
		if !strings.Contains(pageNumbers.ReplaceAllString(raw, ""), squash(want)) { // text may run across a page break
			t.Errorf("report lacks %q", want)
		}
	}
	// Leaders' words: no tool vocabulary, no import warnings (they are the office's list).
	for _, bad := range []string{"轮次", "导入", "版本", "http://www.example.com/xxgk", "空白栏目”风险"} {
		if strings.Contains(raw, bad) {
			t.Errorf("report says %q", bad)
		}
	}

	// page numbers on every page; the ranked table's header on every page it runs onto
	pages := strings.Split(strings.TrimSuffix(poppler(t, "pdftotext", "-raw", path, "-"), "\f"), "\f")
	tablePages := 0
	for i, p := range pages {
		if !strings.HasSuffix(squash(p), fmt.Sprintf("—%d—", i+1)) {
			t.Errorf("page %d has no page number “— %d —”", i+1, i+1)
		}
		sp := squash(p)
		hasRow := false
		for _, u := range s.Units {
			if u.Version <= 1 && strings.Contains(sp, u.Unit.Short+u.State.Label()+strconv.Itoa(u.Assigned)) {
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
	info := poppler(t, "pdfinfo", path)
	for _, want := range []string{"Title:           关于2020年度安康市政府网站重点领域信息公开栏目建设情况的通报", "Author:          安康市电子政务办公室", "Creator:         xxgk"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

// TestReportNothingSubmitted: a 通报 before any unit has reported still adds up and
// makes no claim about columns nobody has described.
func TestReportNothingSubmitted(t *testing.T) {
	_, cat := fixture(t, 10, 0)
	s := xxgk.Summarize(testRound(), cat, nil)
	path := render(t, s, cat, Options{Fonts: testFonts(t), Date: testDate})
	raw := squash(poppler(t, "pdftotext", "-raw", path, "-"))
	tot := s.Total
	for _, want := range []string{
		"应报送单位10个，已报送0个，其中按时报送0个、逾期报送0个；未报送10个",
		fmt.Sprintf("10个单位应建栏目共%d个，其中已开设0个、未开设0个、不适用0个，未报送单位的%d个栏目情况不明", tot.Assigned, tot.Assigned),
		fmt.Sprintf("合计已报送0/10%d000%d0.0%%", tot.Assigned, tot.Assigned),
		"尚无单位报送，栏目建设中存在的问题待各单位报送后通报",
	} {
		if !strings.Contains(raw, squash(want)) {
			t.Errorf("report lacks %q", want)
		}
	}
	for _, bad := range []string{"均已开设", "附件："} {
		if strings.Contains(raw, bad) {
			t.Errorf("report says %q with nothing submitted", bad)
		}
	}
}

// TestNamesAtScale: sentences name every unit of a city, and thirty of a province.
func TestNamesAtScale(t *testing.T) {
	us := make([]xxgk.UnitSummary, 31)
	for i := range us {
		us[i].Unit.Short = fmt.Sprintf("单位%d", i+1)
	}
	if got := names(us[:3], short); got != "单位1、单位2、单位3" {
		t.Errorf("names = %q", got)
	}
	if got := names(us, short); !strings.HasSuffix(got, "、单位20等31个单位") || strings.Contains(got, "单位21") {
		t.Errorf("names of 31 = %q", got)
	}
}

// TestReportAtScale: with 100 units the per-unit problem tables name twenty units and say
// how many more there are (sentences likewise, see TestNamesAtScale); the counts still add
// up.
func TestReportAtScale(t *testing.T) {
	s, cat := fixture(t, 100, 0)
	raw := squash(poppler(t, "pdftotext", "-raw", render(t, s, cat, Options{Fonts: testFonts(t), Date: testDate}), "-"))
	tot := s.Total
	for _, want := range []string{
		"以上为问题最多的20个单位，其余",
		fmt.Sprintf("合计已报送%d/100%d%d%d%d%d%s", s.Submitted, tot.Assigned, tot.Opened, tot.NotOpened, tot.NotApplicable, tot.NotReported, xxgk.Percent(tot.Completion())),
	} {
		if !strings.Contains(raw, squash(want)) {
			t.Errorf("100-unit report lacks %q", want)
		}
	}
}

// TestRanked: ties on the printed rate share a rank and the next rank is skipped; units
// that have not reported come last without a rank.
func TestRanked(t *testing.T) {
	u := func(name string, st xxgk.UnitState, opened, assigned int) xxgk.UnitSummary {
		return xxgk.UnitSummary{Unit: xxgk.Unit{Short: name}, State: st, Counts: xxgk.Counts{Assigned: assigned, Opened: opened}}
	}
	got := ranked([]xxgk.UnitSummary{
		u("甲", xxgk.Submitted, 1, 2), u("乙", xxgk.Missing, 0, 3), u("丙", xxgk.Late, 3, 3),
		u("丁", xxgk.Submitted, 2, 4), u("戊", xxgk.Submitted, 2, 3), u("己", xxgk.Missing, 0, 1),
	})
	var b strings.Builder
	for _, r := range got {
		fmt.Fprintf(&b, "%s%d ", r.u.Unit.Short, r.rank)
	}
	if want := "丙1 戊2 甲3 丁3 乙0 己0 "; b.String() != want {
		t.Errorf("ranked = %q, want %q", b.String(), want)
	}
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
