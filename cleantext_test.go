package xxgk

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCheckText(t *testing.T) {
	tests := []struct {
		name, field, raw string
		text, err, warn  string
	}{
		{name: "plain", field: LabelFiller, raw: "张三", text: "张三"},
		{name: "tab and newline kept", field: "备注", raw: "甲\t乙\n丙", text: "甲\t乙\n丙"},
		{name: "windows line ends folded silently", field: "备注", raw: "甲\r\n乙\r丙", text: "甲\n乙\n丙"},
		{name: "word line break folded with a warning", field: "备注", raw: "甲\v乙\f丙\u2028丁", text: "甲\n乙\n丙\n丁",
			warn: "含有分页符、软回车等特殊换行符，已换成普通换行，请核对内容"},
		{name: "escape sequence", field: "栏目名称", raw: "预算\x1b[2J公开",
			err: "含有不可见的控制字符（U+001B），请删除后重新输入；从其他软件复制的内容请以纯文本粘贴"},
		{name: "NUL", field: "备注", raw: "a\x00b",
			err: "含有不可见的控制字符（U+0000），请删除后重新输入；从其他软件复制的内容请以纯文本粘贴"},
		{name: "C1 control", field: "备注", raw: "a\u009bb",
			err: "含有不可见的控制字符（U+009B），请删除后重新输入；从其他软件复制的内容请以纯文本粘贴"},
		{name: "invalid UTF-8", field: "备注", raw: "a\xff\xfeb",
			err: "含有无法识别的字符（不是有效的 UTF-8 文本），请删除后重新输入；从其他软件复制的内容请以纯文本粘贴"},
		{name: "at the limit in 4-byte characters", field: LabelFiller, raw: " " + strings.Repeat("𠀀", 50) + " ", text: " " + strings.Repeat("𠀀", 50) + " "},
		{name: "one over", field: LabelFiller, raw: strings.Repeat("𠀀", 51),
			err: "内容过长：共 51 个字符，“填报人”最多 50 个字符，请精简后再报送"},
		{name: "huge", field: LabelFiller, raw: strings.Repeat("张", 350000),
			err: "内容过长：共 350000 个字符，“填报人”最多 50 个字符，请精简后再报送"},
		{name: "no limit for parsed fields", field: "最近更新日期", raw: strings.Repeat("1", 5000), text: strings.Repeat("1", 5000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckText(tt.field, tt.raw)
			if got.Text != tt.text || got.Error != tt.err || got.Warning != tt.warn {
				t.Errorf("CheckText(%q) = %+v, want text %q err %q warn %q", clip(tt.raw, 20), got, tt.text, tt.err, tt.warn)
			}
		})
	}
}

func TestTextLimitsCoverEveryFreeTextField(t *testing.T) {
	want := map[string]int{"栏目名称": 200, "栏目网址": 2000, "报送内容": 10000, "备注": 2000, "填报人": 50, "联系电话": 50}
	got := map[string]int{}
	for _, l := range TextLimits() {
		got[l.Field] = l.Max
		if l.Column >= 0 && FormColumns[l.Column] != l.Field {
			t.Errorf("limit %s names column %d (%s)", l.Field, l.Column, FormColumns[l.Column])
		}
	}
	if len(got) != len(want) {
		t.Fatalf("limits %v, want %v", got, want)
	}
	for f, n := range want {
		if got[f] != n || MaxTextLen(f) != n {
			t.Errorf("%s: limit %d (MaxTextLen %d), want %d", f, got[f], MaxTextLen(f), n)
		}
	}
}

func TestVisible(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"预算\x1b[2J公开", 30, `预算\x1b[2J公开`},
		{"a\xffb", 30, `a\xffb`},
		{"甲\n乙", 30, "甲 乙"},
		{"一二三四五六", 3, "一二三…"},
		{"一二三", 3, "一二三"},
	}
	for _, tt := range tests {
		if got := Visible(tt.in, tt.n); got != tt.want {
			t.Errorf("Visible(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestCheckRowRefusesHostileText(t *testing.T) {
	ind := Indicator{Code: "CZ-01-1", Area: "财政信息", SubArea: "预决算公开"}
	in := RowInput{Status: "已开设", ColumnName: "预算\x1b[2J", URL: "http://a.gov.cn/" + strings.Repeat("a", 2000),
		LastUpdate: "2020-09-01", Count: "3", Remark: "见\v附件"}
	it, ps := testChecker().CheckRow(ind, in)
	var got []string
	for _, p := range ps {
		got = append(got, string(p.Severity)+" "+p.Field+" "+p.Message)
	}
	want := []string{
		"error 栏目名称 含有不可见的控制字符（U+001B），请删除后重新输入；从其他软件复制的内容请以纯文本粘贴",
		"error 栏目网址 内容过长：共 2016 个字符，“栏目网址”最多 2000 个字符，请精简后再报送",
		"warning 备注 含有分页符、软回车等特殊换行符，已换成普通换行，请核对内容",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if it.Remark != "见\n附件" || it.ColumnName != "" || it.URL != "" {
		t.Errorf("item %+v: refused text must not be kept, folded text must be", it)
	}
	if ps[0].Value != `预算\x1b[2J` {
		t.Errorf("value %q, want the escape shown escaped", ps[0].Value)
	}
}

// TestEchoedValuesAreBounded: a value pasted into a parsed column is cut short in the
// problem that repeats it.
func TestEchoedValuesAreBounded(t *testing.T) {
	_, ps := testChecker().CheckRow(Indicator{Code: "A-01"}, RowInput{Status: strings.Repeat("开", 5000), Count: "x"})
	if len(ps) != 1 || ps[0].Value != strings.Repeat("开", maxEcho)+"…" {
		t.Errorf("problems %d, value of %d characters", len(ps), len([]rune(ps[0].Value)))
	}
}

// FuzzCheckText: whatever a cell holds, text that passes is valid UTF-8 within its limit
// and holds no control character but tab and newline.
func FuzzCheckText(f *testing.F) {
	for _, s := range []string{"", "张三", "a\r\nb", "\v\f\u0085", "\x1b[2J", "\xff", strings.Repeat("𠀀", 51)} {
		f.Add(LabelFiller, s)
		f.Add("备注", s)
	}
	f.Fuzz(func(t *testing.T, field, raw string) {
		c := CheckText(field, raw)
		if c.Error != "" {
			if c.Text != "" || c.Warning != "" {
				t.Fatalf("refused text kept: %+v", c)
			}
			return
		}
		if !utf8.ValidString(c.Text) {
			t.Fatalf("invalid UTF-8 passed: %q", c.Text)
		}
		for _, r := range c.Text {
			if (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7F && r < 0xA0) {
				t.Fatalf("control character %U passed in %q", r, c.Text)
			}
		}
		if max := MaxTextLen(field); max > 0 && utf8.RuneCountInString(strings.TrimSpace(c.Text)) > max {
			t.Fatalf("%d characters passed the limit %d", utf8.RuneCountInString(c.Text), max)
		}
	})
}
