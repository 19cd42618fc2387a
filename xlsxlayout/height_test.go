package xlsxlayout

import (
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		want  int
	}{
		{"empty", "", 10, 1},
		{"short CJK", "财政预决算", 12, 1},
		// 10 pt: an em is 13.3 px; width 10 gives 71 px, room for 5 CJK characters.
		{"CJK wraps by character", "一二三四五六七八九十", 10, 2},
		{"CJK exact", "一二三四五", 10, 1},
		{"explicit breaks", "第一行\n第二行\r\n第三行", 30, 3},
		// A URL is one word: it moves whole to the next line, and is cut only when longer
		// than a line (width 40: 281 px, about 42 half-em characters).
		{"URL after text", "栏目网址见 http://www.ankang.gov.cn/xxgk/czxx/", 40, 2},
		{"long URL cut", "http://www.ankang.gov.cn/info/iList.jsp?cat_id=10884&cur_page=2", 40, 2},
		{"URL fits", "http://www.ankang.gov.cn/xxgk/czxx/", 40, 1},
		{"words", "the quick brown fox jumps over the lazy dog again and again", 20, 3},
		// 30 ems at 10 pt are 400 px; 30 units are 211 px.
		{"CJK over two lines", strings.Repeat("财", 30), 30, 2},
		{"ASCII fits", strings.Repeat("a", 30), 30, 1}, // half an em each: 200 px
		{"ASCII wraps", strings.Repeat("a", 40), 30, 2},
	}
	for _, tt := range tests {
		if got := Lines(tt.text, tt.width, 10); got != tt.want {
			t.Errorf("%s: Lines(%q, %v) = %d, want %d", tt.name, tt.text, tt.width, got, tt.want)
		}
	}
}

func TestLinesGrowWithText(t *testing.T) {
	prev := 0
	for n := 1; n <= 200; n += 7 {
		got := Lines(strings.Repeat("公", n), 20, 10)
		if got < prev {
			t.Fatalf("%d characters: %d lines, fewer than %d for less text", n, got, prev)
		}
		prev = got
	}
	if prev < 10 {
		t.Errorf("200 CJK characters in a 20-wide column: %d lines, want at least 10", prev)
	}
}

func TestRowHeight(t *testing.T) {
	one := Height(1, 10)
	if one < 15 || one > 20 {
		t.Errorf("one line of 10 pt: %v pt, want 15–20", one)
	}
	if got := RowHeight(10, 3); got != Height(3, 10) {
		t.Errorf("empty row with room for 3 lines: %v, want %v", got, Height(3, 10))
	}
	got := RowHeight(10, 1, Cell{"短", 10}, Cell{strings.Repeat("长", 25), 10})
	if got != Height(5, 10) {
		t.Errorf("tallest cell (25 characters, 5 a line) decides: %v, want %v", got, Height(5, 10))
	}
	if got := Height(1000, 10); got != 409 {
		t.Errorf("Height caps at Excel's 409 pt, got %v", got)
	}
}

// TestWrap: the explicit breaks keep closing punctuation off the start of a line and
// opening punctuation off its end, keep Latin words whole, and agree with Lines.
func TestWrap(t *testing.T) {
	// 10 pt, width 10: room for 5 CJK characters a line.
	tests := []struct{ text, want string }{
		{"一二三四五六七八九十", "一二三四五\n六七八九十"},
		{"一二三四五、六七八", "一二三四\n五、六七八"},
		{"一二三四五）、六七", "一二三四\n五）、六七"},
		{"一二三四（五六七", "一二三四\n（五六七"},
		{"一二三四五\n六", "一二三四五\n六"},
		{"一 words 二三四五", "一 words \n二三四五"},
		{"一二三四五六", "一二三四\n五六"},
		{"一二三于9月20日前", "一二三于\n9月20日前"},
		{"一二三 abc ，四", "一二三 \nabc ，四"},
		{"一二三四 .xls", "一二三四 \n.xls"},
		{"", ""},
	}
	for _, tt := range tests {
		got := Wrap(tt.text, 10, 10)
		if got != tt.want {
			t.Errorf("Wrap(%q) = %q, want %q", tt.text, got, tt.want)
		}
		if n := Lines(tt.text, 10, 10); n != max(1, strings.Count(got, "\n")+1) {
			t.Errorf("Lines(%q) = %d, Wrap gives %q", tt.text, n, got)
		}
		if strings.ReplaceAll(got, "\n", "") != strings.ReplaceAll(tt.text, "\n", "") {
			t.Errorf("Wrap(%q) = %q: not the text with line breaks added", tt.text, got)
		}
		if Wrap(got, 10, 10) != got {
			t.Errorf("Wrap is not stable on %q: %q", got, Wrap(got, 10, 10))
		}
	}
	long := strings.Repeat("公开财政收支信息、", 30)
	for _, line := range strings.Split(Wrap(long, 22, 10), "\n") {
		if strings.HasPrefix(line, "、") {
			t.Errorf("line starts with 、: %q", line)
		}
	}
}
