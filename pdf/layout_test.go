package pdf

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"xxgk"
	"xxgk/internal/pdfcheck"
)

// The box poppler gives a WenQuanYi Micro Hei word (its ascent and descent), in ems
// from the baseline: what turns a -bbox reading back into the em box the layout places.
const wqyAscent, wqyDescent = 0.9363, 0.2347

// emBox is the em box (0.88 em above the baseline to 0.12 below) of a line poppler read.
func emBox(l pdfcheck.Line) (top, bottom, size float64) {
	em := l.Height() / (wqyAscent + wqyDescent)
	base := l.YMin + wqyAscent*em
	return base - emAbove*em, base + emBelow*em, em
}

var (
	testNotice = xxgk.Notice{DocNumber: "安电政办字〔2020〕6号", ReplyBy: time.Date(2020, 10, 9, 0, 0, 0, 0, xxgk.ChinaTime),
		Date: time.Date(2020, 9, 26, 0, 0, 0, 0, xxgk.ChinaTime), CC: "市政府办公室，各县区人民政府办公室"}
	block = pdfcheck.GBT9704
)

// readPDF reads back a PDF's lines with pdftotext -bbox.
func readPDF(tb testing.TB, path string) []pdfcheck.Page {
	tb.Helper()
	_, err := exec.LookPath("pdftotext")
	need(tb, "pdftotext", err == nil)
	pages, err := pdfcheck.Read(path)
	if err != nil {
		tb.Fatal(err)
	}
	return pages
}

// letterFile writes u's letter and returns its path.
func letterFile(tb testing.TB, s xxgk.Summary, u xxgk.UnitSummary, cat *xxgk.Catalog, opt Options) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), FeedbackFileName(s.Round, u.Unit))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := Feedback(f, s, u, cat, opt); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// papers writes the 通报 and every letter of a 40-unit round.
func papers(tb testing.TB) (report string, letters []string) {
	s, cat := fixture(tb, 40, 0)
	opt := Options{Fonts: testFonts(tb), Date: testDate, Notice: testNotice}
	report = render(tb, s, cat, opt)
	for _, u := range s.Units {
		letters = append(letters, letterFile(tb, s, u, cat, opt))
	}
	return report, letters
}

// checkJustified: every line that is not the last of its paragraph ends within 0.5 mm
// of the right edge of the text block, none runs past it, and a line of Chinese holds
// the standard's 28 characters (29 when closing punctuation was drawn in closer, 27 when a
// bracket or a date had to go down whole, 25 when the next line starts with a year such
// as 2020年, which stays whole with its 年).
func checkJustified(t *testing.T, name string, pages []pdfcheck.Page) (lines int, worst float64) {
	t.Helper()
	full, over := pdfcheck.FullLines(pages, block, 0.5)
	for _, o := range over {
		t.Errorf("%s: %s", name, o)
	}
	for _, f := range full {
		dev := math.Abs(f.Line.XMax - block.Right)
		worst = max(worst, dev)
		if dev > 0.5 {
			t.Errorf("%s page %d: full line %q ends at %.2f mm, %.2f mm from the right edge", name, f.Page, f.Line.Text(), f.Line.XMax, dev)
		}
		text := f.Line.Text()
		if strings.IndexFunc(text, func(r rune) bool { return r < 0x2E80 }) < 0 {
			n := utf8.RuneCountInString(text)
			want := perLine - int(math.Round((f.Line.XMin-block.Left)/pitch)) // a first line is indented
			low := want - 1
			if next := []rune(f.Next.Text()); len(next) > 4 && isDigit(next[0]) && isDigit(next[3]) && next[4] == '年' {
				low = want - 3
			}
			if n < low || n > want+1 {
				t.Errorf("%s page %d: full line %q has %d characters, want %d", name, f.Page, text, n, want)
			}
		}
	}
	return len(full), worst
}

// checkFilled: a letter's pages but the last are at least 60% full (a 催报 once left
// 40% of its first page empty under a table row sent on whole).
func checkFilled(t *testing.T, name string, pages []pdfcheck.Page) {
	t.Helper()
	for i, p := range pages[:len(pages)-1] {
		if f := pdfcheck.Filled(p, block); f < 0.6 {
			t.Errorf("%s page %d is only %.0f%% full", name, i+1, 100*f)
		}
	}
}

// TestPapersLayout reads back the 通报 and every letter of a 40-unit round: their lines
// fill the text block (checkJustified), a letter fills its pages (checkFilled), and the page of the 署名 carries text with room
// for a 4 cm seal that touches none of it (GB/T 9704 7.3.5).
func TestPapersLayout(t *testing.T) {
	report, letters := papers(t)
	total, worst := 0, 0.0
	for _, p := range append([]string{report}, letters...) {
		pages := readPDF(t, p)
		n, w := checkJustified(t, filepath.Base(p), pages)
		total, worst = total+n, max(worst, w)
		for _, prob := range pdfcheck.SignatureProblems(pages, block, 40) {
			t.Errorf("%s: %s", filepath.Base(p), prob)
		}
		if p != report {
			checkFilled(t, filepath.Base(p), pages)
		}
	}
	if total < 500 {
		t.Errorf("only %d full lines checked", total)
	}
	t.Logf("%d papers, %d full lines, worst %.3f mm from the right edge", 1+len(letters), total, worst)
}

// A line of 28 Chinese characters fills the line exactly; 27 and a date are spread to it.
func TestWrapBodyGrid(t *testing.T) {
	d := newDoc(Options{Fonts: testFonts(t)}, "")
	text := strings.Repeat("政", 28) + strings.Repeat("务", 10)
	lines := d.wrapBody(text, 0, textW, 0)
	if len(lines) != 2 || utf8.RuneCountInString(lines[0].text) != 28 || lines[0].last || !lines[1].last {
		t.Errorf("28+10 characters wrap as %+v", lines)
	}
	// Closing punctuation after a full line is drawn in closer, not sent down with the
	// character before it.
	lines = d.wrapBody(strings.Repeat("政", 28)+"。"+"下一行", 0, textW, 0)
	if !strings.HasSuffix(lines[0].text, "。") || utf8.RuneCountInString(lines[0].text) != 29 {
		t.Errorf("closing punctuation after 28 characters: %+v", lines)
	}
	// A date that does not fit parts after its 年 rather than leave a short line.
	lines = d.wrapBody(strings.Repeat("政", 24)+"2020年9月20日前报送", 0, textW, 0)
	if got := lines[0].text; !strings.HasSuffix(got, "2020年") {
		t.Errorf("date at the end of a line: first line %q", got)
	}
	// A number and its unit stay together.
	lines = d.wrapBody(strings.Repeat("政", 27)+"36个单位", 0, textW, 0)
	if got := lines[1].text; !strings.HasPrefix(got, "36个") {
		t.Errorf("36个 split: %+v", lines)
	}
}

// TestRedHead: the mark starts 35 mm below the top of the text block, the 发文字号 two
// blank lines under it, the red rule 4 mm under the 文号, as wide as the text block.
func TestRedHead(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	path := render(t, s, cat, Options{Fonts: testFonts(t), Date: testDate, Notice: testNotice})
	lines := readPDF(t, path)[0].Lines
	if lines[0].Text() != "安康市电子政务办公室" || lines[1].Text() != "安电政办字〔2020〕6号" {
		t.Fatalf("page 1 starts %q, %q", lines[0].Text(), lines[1].Text())
	}
	markTop, markBottom, _ := emBox(lines[0])
	if want := block.Top + 35; math.Abs(markTop-want) > 0.2 {
		t.Errorf("mark starts %.2f mm from the page top, want %.2f (35 mm below the text block)", markTop, want)
	}
	numTop, numBottom, em := emBox(lines[1])
	// two blank lines: the 文号's line box starts two pitches under the mark
	lineTop := numTop - (block.Pitch-em)/2
	if gap := lineTop - markBottom; math.Abs(gap-2*block.Pitch) > 0.3 {
		t.Errorf("文号 line starts %.2f mm under the mark, want two blank lines (%.2f mm)", gap, 2*block.Pitch)
	}
	rules, err := pdfcheck.Rules(path, pageH)
	if err != nil {
		t.Fatal(err)
	}
	var red []pdfcheck.Rule
	for _, r := range rules[1] {
		if r.Red {
			red = append(red, r)
		}
	}
	if len(red) != 1 {
		t.Fatalf("page 1 draws %d red rules, want 1: %+v", len(red), rules[1])
	}
	r := red[0]
	if gap := r.Y1 - r.Width/2 - numBottom; math.Abs(gap-4) > 0.2 {
		t.Errorf("red rule %.2f mm under the 文号, want 4", gap)
	}
	if math.Abs(r.X1-block.Left) > 0.1 || math.Abs(r.X2-block.Right) > 0.1 {
		t.Errorf("red rule from %.1f to %.1f mm, want the text block", r.X1, r.X2)
	}
	t.Logf("mark em box top %.2f mm from the page edge (poppler's box %.2f), 文号 line %.2f mm under it, rule %.2f mm under the 文号",
		markTop, lines[0].YMin, lineTop-markBottom, r.Y1-r.Width/2-numBottom)
}

// fill lays out a document of pages full pages of text (22 lines each) and extra more
// lines (fewer when negative), followed by end.
func fill(t *testing.T, pages, extra int, end func(d *doc)) []pdfcheck.Page {
	t.Helper()
	line := strings.Repeat("政", 27) + "。"
	d := layoutDoc(Options{Fonts: testFonts(t), Date: testDate}, "t", func(d *doc) {
		d.newPage()
		for i := 0; i < 22*pages+extra; i++ {
			d.flush(line)
		}
		end(d)
	})
	path := filepath.Join(t.TempDir(), "fill.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.finish(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return readPDF(t, path)
}

// The signature of a document whose text fills its last page takes text with it to the
// next page rather than stand there alone.
func TestSignatureTakesTextAlong(t *testing.T) {
	for _, lines := range []int{0, 1, 2} {
		pages := fill(t, 1, 0, func(d *doc) {
			for i := 0; i < lines; i++ {
				d.para(strings.Repeat("务", 40)) // two-line paragraphs
			}
			d.signature("安康市电子政务办公室", testDate)
		})
		if probs := pdfcheck.SignatureProblems(pages, block, 40); len(probs) > 0 {
			t.Errorf("%d paragraphs after a full page: %v", lines, probs)
		}
	}
}

// TestColophon: the 版记 sits at the foot of an even page between three rules (thick,
// thin, thick) as wide as the text block, the last on its bottom edge; 抄送 ends with 。.
func TestColophon(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	for _, cc := range []string{testNotice.CC, ""} {
		n := testNotice
		n.CC = cc
		path := render(t, s, cat, Options{Fonts: testFonts(t), Date: testDate, Notice: n})
		pages := readPDF(t, path)
		last := pages[len(pages)-1]
		if len(pages)%2 != 0 {
			t.Errorf("the 版记 is on page %d, an odd page", len(pages))
		}
		text := last.Text()
		wantLines := []string{"安康市电子政务办公室2020年9月26日印发"}
		if cc != "" {
			wantLines = append([]string{"抄送：市政府办公室，各县区人民政府办公室。"}, wantLines...)
		} else if strings.Contains(text, "抄送") {
			t.Errorf("抄送 printed without --cc:\n%s", text)
		}
		for _, w := range wantLines {
			if !strings.Contains(text, w) {
				t.Errorf("last page lacks %q:\n%s", w, text)
			}
		}
		rules, err := pdfcheck.Rules(path, pageH)
		if err != nil {
			t.Fatal(err)
		}
		rs := rules[len(pages)]
		want := []float64{0.35, 0.25, 0.35} // GB/T 9704 7.4.1's recommended heights
		if cc == "" {
			want = []float64{0.35, 0.35}
		}
		if len(rs) != len(want) {
			t.Fatalf("CC %q: last page draws %d rules, want %d: %+v", cc, len(rs), len(want), rs)
		}
		for i, r := range rs {
			if math.Abs(r.Width-want[i]) > 0.01 || math.Abs(r.X1-block.Left) > 0.1 || math.Abs(r.X2-block.Right) > 0.1 || r.Red {
				t.Errorf("rule %d: %+v, want %.2f mm black across the text block", i, r, want[i])
			}
		}
		if bottom := rs[len(rs)-1].Y1 + rs[len(rs)-1].Width/2; math.Abs(bottom-block.Bottom) > 0.05 {
			t.Errorf("last rule's bottom edge at %.2f mm, want the text block's %.2f", bottom, block.Bottom)
		}
		for _, l := range last.Lines {
			if strings.HasSuffix(l.Text(), "印发") && (l.YMin < rs[len(rs)-2].Y1 || l.YMax > rs[len(rs)-1].Y1) {
				t.Errorf("印发 line %.1f–%.1f mm is not between the last two rules", l.YMin, l.YMax)
			}
		}
	}
}

// The 版记 stays under the text of an even last page with room, takes the next page when
// the text ends on an odd one, and when an even last page is full goes to the even page
// after a blank one, neither of them numbered.
func TestColophonPlacement(t *testing.T) {
	colophon := func(d *doc) {
		d.signature("安康市电子政务办公室", testDate)
		d.colophon("", "安康市电子政务办公室", testDate)
	}
	tests := []struct {
		pages, extra int
		want         int  // pages of the document
		numbered     bool // is the last page numbered
	}{
		{1, 0, 2, true},   // the signature takes two lines to page 2, which has room
		{2, -8, 2, true},  // even with room: under the text
		{2, -5, 4, false}, // even and full (the signature in its last lines, its seal still on the page): blank page, then the 版记 page
		{2, -4, 4, true},  // the seal would run off the page: the last lines go down to page 3, the 版记 on page 4
		{3, -12, 4, true}, // odd: the 版记 on the next page
	}
	for _, tt := range tests {
		pages := fill(t, tt.pages, tt.extra, colophon)
		if len(pages) != tt.want {
			t.Errorf("%d pages of text: %d pages, want %d", tt.pages, len(pages), tt.want)
			continue
		}
		last := pages[len(pages)-1].Text()
		if !strings.Contains(last, "印发") {
			t.Errorf("%d pages of text: the last page has no 版记:\n%s", tt.pages, last)
		}
		if numbered := pageNumbers.MatchString(strings.ReplaceAll(last, " ", "")); numbered != tt.numbered {
			t.Errorf("%d pages of text: last page numbered %v, want %v:\n%s", tt.pages, numbered, tt.numbered, last)
		}
		if !tt.numbered && len(pages[len(pages)-2].Lines) != 0 {
			t.Errorf("%d pages of text: the page before the 版记 page is not blank:\n%s", tt.pages, pages[len(pages)-2].Text())
		}
	}
}

// TestNumberedItems: a numbered item is a paragraph with its number inside: the number
// indented two characters, continuation lines at the left margin.
func TestNumberedItems(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	pages := readPDF(t, render(t, s, cat, Options{Fonts: testFonts(t), Date: testDate, Notice: testNotice}))
	found := 0
	for _, p := range pages {
		for i, l := range p.Lines {
			if !strings.HasPrefix(l.Text(), "2．") {
				continue
			}
			found++
			if math.Abs(l.XMin-(block.Left+2*pitch)) > 0.3 {
				t.Errorf("item %q starts at %.1f mm, want two characters in (%.1f)", l.Text(), l.XMin, block.Left+2*pitch)
			}
			if i+1 < len(p.Lines) && math.Abs(p.Lines[i+1].XMin-block.Left) > 0.3 {
				t.Errorf("item %q continues at %.1f mm, want the left margin", l.Text(), p.Lines[i+1].XMin)
			}
		}
	}
	if found == 0 {
		t.Error("no numbered item found")
	}
}

// TestLetterHead: a letter opens with the office's mark in the 版头, the title, the unit
// as 主送 and the 通报 it follows, with its 发文字号.
func TestLetterHead(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	opt := Options{Fonts: testFonts(t), Date: testDate, Notice: testNotice}
	for _, u := range []xxgk.UnitSummary{s.Units[0], s.Units[4]} {
		pages := readPDF(t, letterFile(t, s, u, cat, opt))
		lines := pages[0].Lines
		top, _, _ := emBox(lines[0])
		if lines[0].Text() != "安康市电子政务办公室" || math.Abs(top-(block.Top+35)) > 0.2 {
			t.Errorf("%s: letter starts %q at %.1f mm", u.Unit.Short, lines[0].Text(), top)
		}
		text := squash(pages[0].Text())
		what := "现将你单位报送情况反馈如下："
		if u.State == xxgk.Missing {
			what = "现将你单位补报有关事项通知如下："
		}
		for _, w := range []string{FeedbackTitle(s.Round, u) + u.Unit.Name + "：",
			"根据《关于2020年度安康市政府网站重点领域信息公开栏目建设情况的通报》（安电政办字〔2020〕6号），" + what} {
			if !strings.Contains(text, w) {
				t.Errorf("%s: first page lacks %q:\n%s", u.Unit.Short, w, text)
			}
		}
	}
}
