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
