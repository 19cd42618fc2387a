package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/samples"
)

// TestMistypedFlag: a mistyped option gets a suggestion as a mistyped command does.
func TestMistypedFlag(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "--erors-dir", "退回", "a.xlsx"}, "xxgk: 没有参数 --erors-dir：xxgk import 没有这个参数。您是不是要输入 --errors-dir？用法见 xxgk import --help\n"},
		{[]string{"status", "--fromat", "json"}, "xxgk: 没有参数 --fromat：xxgk status 没有这个参数。您是不是要输入 --format？用法见 xxgk status --help\n"},
		{[]string{"report", "--out", "a.pdf", "--reply-bu", "2020-10-09"}, "xxgk: 没有参数 --reply-bu：xxgk report 没有这个参数。您是不是要输入 --reply-by？用法见 xxgk report --help\n"},
		// Nothing close: no suggestion.
		{[]string{"status", "--zzzzzz"}, "xxgk: 没有参数 --zzzzzz：xxgk status 没有这个参数。用法见 xxgk status --help\n"},
		// Not ASCII: what to type.
		{[]string{"status", "--格式", "json"}, "xxgk: 没有参数 --格式：参数名要用英文半角字符输入，以两个半角减号开头，例如 --out（请切换到英文输入法）。用法见 xxgk status --help\n"},
	} {
		code, out, stderr := runCatalogCmd(t, c.args...)
		if code != exitFailed || out != "" || stderr != c.want {
			t.Errorf("%v: exit %d\n got %q\nwant %q", c.args, code, stderr, c.want)
		}
	}
}

// TestIMEOptions: options typed with a Chinese input method are read as typed in ASCII.
func TestIMEOptions(t *testing.T) {
	for in, want := range map[string]string{
		"—out":        "--out",
		"——out":       "--out",
		"－－out":       "--out",
		"－out":        "--out",
		"–out":        "--out",
		"--out＝a.pdf": "--out=a.pdf",
		"—out＝a.pdf":  "--out=a.pdf",
		"—q":          "-q",
		"--out":       "--out",
		"—报送":         "—报送",
		"－1":          "－1",
		"a.xlsx":      "a.xlsx",
		"-":           "-",
	} {
		if got, _ := imeOption(in); got != want {
			t.Errorf("imeOption(%q) = %q, want %q", in, got, want)
		}
	}
	// End to end: a 通报 asked for with —out and ＝.
	code, out, stderr := runCatalogCmd(t, "units", "—county－scope＝mandatory")
	if code != exitOK || !strings.Contains(out, "（--county-scope mandatory）") {
		t.Errorf("units —county－scope＝mandatory: exit %d\n%s%s", code, out, stderr)
	}
	dir := t.TempDir()
	code, out, stderr = runCatalogCmd(t, "indicators", "——out", filepath.Join(dir, "指标.csv"))
	if code != exitOK || !strings.HasPrefix(out, "已把内置的 2020 年指标表（44 行）写到 ") {
		t.Errorf("indicators ——out: exit %d\n%s%s", code, out, stderr)
	}
}

// TestSplitPath: a folder whose name holds a space, typed without quotes, is two
// arguments that do not exist; import says to quote it and reads nothing.
func TestSplitPath(t *testing.T) {
	db, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.Good})
	spaced := filepath.Join(t.TempDir(), "报送 文件")
	if err := os.Rename(dir, spaced); err != nil {
		t.Fatal(err)
	}
	first, second, _ := strings.Cut(spaced, " ")
	code, out, stderr := runImportTest(t, "import", "--db", db, first, second)
	want := "xxgk: 路径“" + spaced + "”中有空格，被当成了 2 个参数。请用英文双引号把它括起来，例如：xxgk import \"" + spaced + "\"\n"
	if code != exitFailed || out != "" || stderr != want {
		t.Errorf("exit %d\n%s\n got %q\nwant %q", code, out, stderr, want)
	}
	if code, out, _ := runImportTest(t, "import", "--db", db, spaced); code != exitOK {
		t.Errorf("quoted: exit %d\n%s", code, out)
	}
}
