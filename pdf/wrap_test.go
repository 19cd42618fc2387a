package pdf

import (
	"strings"
	"testing"

	"xxgk/fonts"
)

// TestBreakKeepsDatesWhole: a line never breaks inside a date or a count written with
// digits (2020年9\n月20日 is what a reader trips over), nor inside a Latin word.
func TestBreakKeepsDatesWhole(t *testing.T) {
	tests := []struct {
		text  string
		start int // where the run that must stay whole begins
	}{
		{"报送截止日期为2020年9月20日。", 7},
		{"应建栏目共36个", 5},
		{"网址 http://www.ankang.gov.cn", 3},
		{"最近更新日期为2019-05-20", 7},
		{"于 2020-09-25 15:30 报送", 2},
		{"指标CZ-01-1", 2},
	}
	for _, tt := range tests {
		rs := []rune(tt.text)
		end := tt.start
		for end < len(rs) && (end == tt.start || joined(rs[end-1], rs[end])) {
			end++
		}
		for n := tt.start + 1; n < end; n++ {
			if got := breakAt(rs, n); got != tt.start {
				t.Errorf("%s: break before %q moved to %d (%q), want %d", tt.text, rs[n], got, string(rs[got:]), tt.start)
			}
		}
	}
	// An opening bracket goes to the next line with the date it opens.
	if got := breakAt([]rune("市自然资源局（9月25日报送）"), 8); got != 6 {
		t.Errorf("break inside （9月 moved to %d, want 6", got)
	}
	// Closing punctuation never starts a line, even after a run of it: the word before
	// it goes down too (a line starting "，" is what a reader trips over).
	text := []rune("附上（《汉阴县_退回修改.xlsx》），问题单元格")
	comma := strings.IndexRune(string(text), '，')
	if got := breakAt(text, len([]rune(string(text)[:comma]))); got != len([]rune("附上（《汉阴县_退回修改.")) {
		t.Errorf("break before ， moved to %d (%q)", got, string(text[got:]))
	}
	// A run longer than the line (it starts the line) must break somewhere.
	if got := breakAt([]rune("2020年9月25日"), 5); got != 5 {
		t.Errorf("a run that starts the line is broken where it must be: got %d", got)
	}
}

// TestTitleBreaksAtWords: the 通报's title is set in two balanced lines broken between
// words, never inside 重点领域 or 信息公开.
func TestTitleBreaksAtWords(t *testing.T) {
	d := newDoc(Options{Fonts: testFonts(t)}, "")
	got := d.balance(reportTitle(testRound()), fonts.Title, size2, textW-2*size2*ptMM)
	want := []string{"关于2020年度安康市政府网站", "重点领域信息公开栏目建设情况的通报"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("title lines %q, want %q", got, want)
	}
}

// TestRankingColumnsFitNames: with the real unit list plus three zones (all but the
// fixture's 14-character name), every cell of the ranked table fits its column on one
// line: unit names, states with （第N次报送）, numbers.
func TestRankingColumnsFitNames(t *testing.T) {
	s, _ := fixture(t, 40, 0)
	units := s.Units[:0:0]
	for _, u := range s.Units {
		if u.Unit.Code != "GXQ" {
			units = append(units, u)
		}
	}
	s.Units = units
	d := newDoc(Options{Fonts: testFonts(t)}, "")
	cols, rows := d.rankingTable(s)
	total := 0.0
	for _, c := range cols {
		total += c.w
	}
	if total > textW+0.01 {
		t.Errorf("table is %.1f mm wide, text block %.1f mm", total, textW)
	}
	for _, r := range rows {
		for i, cell := range r.cells {
			for _, line := range strings.Split(cell, "\n") {
				if w := d.width(line, fonts.Body, cellSize) + 2*padX; w > cols[i].w {
					t.Errorf("%q (%.1f mm) wraps in column %q (%.1f mm)", line, w, cols[i].head, cols[i].w)
				}
			}
		}
	}
}

// TestNoWidow: a lone last character takes one from the line above; dates, punctuation
// and short lines are left alone.
func TestNoWidow(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"财政信息／三公经费公", "开"}, []string{"财政信息／三公经费", "公开"}},
		{[]string{"数），未报送单位的栏目按未开设计", "算。"}, []string{"数），未报送单位的栏目按未开设", "计算。"}},
		{[]string{"截至2020年9月28", "日"}, []string{"截至2020年9月28", "日"}},
		{[]string{"决策公开（", "开"}, []string{"决策公开（", "开"}},
		{[]string{"三公", "开"}, []string{"三公", "开"}},
		{[]string{"一行"}, []string{"一行"}},
		{[]string{"第一行字数足够", "两字"}, []string{"第一行字数足够", "两字"}},
	}
	for _, tt := range tests {
		if got := noWidow(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("noWidow(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestURLBreak: an address breaks only after / ? & or ., never inside "http://".
func TestURLBreak(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want int
		ok   bool
	}{
		{"网址：http://www.ankang.gov.cn/xxgk/czxx/index.html", 12, 3, true},  // inside "http://www": the whole address moves
		{"网址：http://www.ankang.gov.cn/xxgk/czxx/index.html", 30, 28, true}, // after "gov.cn/"
		{"网址：http://www.ankang.gov.cn/xxgk/czxx/index.html", 22, 21, true}, // after "www.ankang."
		{"http://www.ankang.gov.cn/a", 5, 5, false},                        // the scheme starts the line: ordinary rules
		{"网址：www.ankang.gov.cn", 8, 8, false},                              // no scheme: not an address
		{"【无法访问】", 3, 3, false},
	} {
		got, ok := urlBreak([]rune(tc.s), tc.n)
		if got != tc.want || ok != tc.ok {
			t.Errorf("urlBreak(%q, %d) = %d, %v; want %d, %v", tc.s, tc.n, got, ok, tc.want, tc.ok)
		}
	}
}
