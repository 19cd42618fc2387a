package xxgk

import "testing"

func TestSafeFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"市财政局", "市财政局"},
		{"2020_市财政局_填报表.xlsx", "2020_市财政局_填报表.xlsx"},
		{`a\b/c:d*e?f"g<h>i|j`, "a_b_c_d_e_f_g_h_i_j"},
		{"tab\there\nnew", "tab_here_new"},
		{"  .hidden. ", "hidden"},
		{"trailing...", "trailing"},
		{"", "_"},
		{" . ", "_"},
		{"CON", "_CON"},
		{"con.xlsx", "_con.xlsx"},
		{"Lpt1.pdf", "_Lpt1.pdf"},
		{"COM0", "COM0"},
		{"CONSOLE", "CONSOLE"},
		{"１：２", "１：２"}, // a full-width colon is allowed on Windows
	}
	for _, tt := range tests {
		if got := SafeFileName(tt.in); got != tt.want {
			t.Errorf("SafeFileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"市财政局", "市财政局"},
		{" 市 财政局 ", "市财政局"},
		{"市\n财政局", "市财政局"},
		{"　市财政局　", "市财政局"},
		{"ＣＺＪ", "CZJ"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := FoldName(tt.in); got != tt.want {
			t.Errorf("FoldName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSafeFileNameHidesReordering(t *testing.T) {
	for in, want := range map[string]string{
		"汉阴县\u202Eslx.exe": "汉阴县_slx.exe",
		"a\u2066b\u2069c":  "a_b_c",
		"c1\u009b31m":      "c1_31m",
		"line\u2028sep":    "line_sep",
		"bad\xffname":      "bad_name",
	} {
		if got := SafeFileName(in); got != want {
			t.Errorf("SafeFileName(%q) = %q, want %q", in, got, want)
		}
	}
}
