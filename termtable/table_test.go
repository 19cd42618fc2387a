package termtable

import (
	"errors"
	"strings"
	"testing"
)

func TestWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"市财政局", 8},
		{"CZ-01-1", 7},
		{"（专题）", 8},
		{"市政府、各县区", 14},
		{"ＡＢ", 4},
		{"e\u0301", 1},  // combining accent
		{"a\u200bb", 2}, // zero-width space
		{"“六稳”", 6},     // curly quotes are ambiguous: one column
		{"…", 1},
	}
	for _, tt := range tests {
		if got := Width(tt.s); got != tt.want {
			t.Errorf("Width(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want string
	}{
		{"市财政局", 8, "市财政局"},
		{"市财政局", 7, "市财政…"},
		{"市财政局", 6, "市财…"}, // 市财政 would need 6 plus the mark
		{"abcdef", 4, "abc…"},
		{"a市b", 3, "a…"},
		{"abc", 0, ""},
	}
	for _, tt := range tests {
		got := Truncate(tt.s, tt.max)
		if got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
		if Width(got) > tt.max {
			t.Errorf("Truncate(%q, %d) is %d wide", tt.s, tt.max, Width(got))
		}
	}
}

func TestRender(t *testing.T) {
	tb := New("编码", "简称", "应建指标数").AlignRight(2)
	tb.Row("CZJ", "市财政局", "19")
	tb.Row("610902", "汉滨区", "9")
	tb.Row("JRB", "市金融办\n第二行", "10")
	var b strings.Builder
	if err := tb.Render(&b); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"编码    简称             应建指标数\n" +
		"------  ---------------  ----------\n" +
		"CZJ     市财政局                 19\n" +
		"610902  汉滨区                    9\n" +
		"JRB     市金融办 第二行          10\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestRenderMaxWidthAndRaggedRows(t *testing.T) {
	tb := New("a", "二级指标").MaxWidth(1, 10)
	tb.Row("1", "行政事业性收费目录和涉企行政事业性收费目录信息")
	tb.Row("2")
	tb.Row("3", "短", "extra")
	var b strings.Builder
	if err := tb.Render(&b); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"a  二级指标\n" +
		"-  ---------  -----\n" +
		"1  行政事业…\n" +
		"2\n" +
		"3  短         extra\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	for i, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if Width(l) > 19 {
			t.Errorf("line %d is %d wide: %q", i, Width(l), l)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRenderReportsWriteError(t *testing.T) {
	tb := New("a")
	tb.Row("1")
	if err := tb.Render(failWriter{}); err == nil || err.Error() != "disk full" {
		t.Errorf("Render = %v, want disk full", err)
	}
}

func BenchmarkRender(b *testing.B) {
	tb := New("编码", "一级指标", "二级指标", "需报送", "建设单位").MaxWidth(2, 30)
	for range 44 {
		tb.Row("ZDXM-01-1", "重大建设项目批准实施领域信息", "批准服务信息", "是", "市发改委、市自然资源局、市生态环境局、市住建局等")
	}
	for b.Loop() {
		var sb strings.Builder
		if err := tb.Render(&sb); err != nil {
			b.Fatal(err)
		}
	}
}

func TestRenderLongLastColumnRule(t *testing.T) {
	tb := New("编码", "建设单位")
	tb.Row("X", strings.Repeat("市财政局、", 20))
	var b strings.Builder
	if err := tb.Render(&b); err != nil {
		t.Fatal(err)
	}
	rule := strings.Split(b.String(), "\n")[1]
	if rule != "----  "+strings.Repeat("-", 40) {
		t.Errorf("rule %q", rule)
	}
}
