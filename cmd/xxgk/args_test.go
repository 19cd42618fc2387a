package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"xxgk/samples"
)

func TestNormalizeArgs(t *testing.T) {
	app := newApp(newEnv(strings.NewReader(""), &strings.Builder{}, &strings.Builder{}))
	for _, tc := range []struct{ in, want string }{
		// Options after the paths move in front of them; a value stays with its option.
		{"import 收到的文件/ --errors-dir 退回/", "import --errors-dir 退回/ 收到的文件/"},
		{"import a.xlsx --dry-run b.xlsx", "import --dry-run a.xlsx b.xlsx"},
		{"import a.xlsx --db=sqlite:x.db -q", "import --db=sqlite:x.db -q a.xlsx"},
		// A boolean option does not swallow the next word; a value may start with "-".
		{"import --dry-run a.xlsx --round -1", "import --dry-run --round -1 a.xlsx"},
		// After "--" nothing is an option, and "--" is kept for the arguments.
		{"import a.xlsx -- --errors-dir", "import -- a.xlsx --errors-dir"},
		{"import -- -q.xlsx", "import -- -q.xlsx"},
		// Global options before the command stay there.
		{"--db sqlite:x.db import a --errors-dir e", "--db sqlite:x.db import --errors-dir e a"},
		{"status --db sqlite:x.db --format json", "status --db sqlite:x.db --format json"},
		// (An unknown option is refused here, by name: see TestExtraArguments.)
		{"", ""},
		{"--help", "--help"},
		{"status 2021 --help", "status --help 2021"},
		// A command's options typed before its name move after it.
		{"-q import a", "import -q a"},
		{"--errors-dir 退回 import a", "import --errors-dir 退回 a"},
		{"--dry-run import a --db x", "import --dry-run --db x a"},
		{"--db x --format json status", "--db x status --format json"},
		{"--round import import a", "import --round import a"},
	} {
		args := append([]string{"xxgk"}, strings.Fields(tc.in)...)
		got, err := normalizeArgs(app, args)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if g := strings.Join(got[1:], " "); g != tc.want {
			t.Errorf("%q\n got %q\nwant %q", tc.in, g, tc.want)
		}
	}
}

// TestOptionsAfterPaths runs the README's example with the option after the folder.
func TestOptionsAfterPaths(t *testing.T) {
	db, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.Good, "市民政局": samples.WithErrors})
	errs := filepath.Join(t.TempDir(), "退回")
	code, out, stderr := runImportTest(t, "import", dir, "--errors-dir", errs, "--db", db)
	if code != exitRejected {
		t.Fatalf("exit %d; stderr %s\n%s", code, stderr, out)
	}
	if _, err := os.Stat(filepath.Join(errs, "2020_市民政局_信息公开栏目建设情况填报表.xlsx")); err != nil {
		t.Errorf("no annotated copy in --errors-dir given after the folder: %v\n%s", err, out)
	}
	if !strings.Contains(out, "共 2 个文件：已接收 1，已退回 1") || !strings.HasSuffix(out, "；退回副本在 "+errs+"\n") {
		t.Errorf("summary missing in\n%s", out)
	}
}

func TestExtraArguments(t *testing.T) {
	db := emptyDB(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"status", "2021", "--db", db}, "xxgk: 多余的参数“2021”：xxgk status 不接受这样的参数，它也不是参数名。参数要写成“--名称 值”，例如 --round 2021。用法见 xxgk status --help\n"},
		{[]string{"report", "--out", "a.xlsx", "b.xlsx", "c"}, "xxgk: 多余的参数“b.xlsx”“c”：xxgk report 不接受这样的参数，它也不是参数名。参数要写成“--名称 值”。用法见 xxgk report --help\n"},
		{[]string{"demo", "out"}, "xxgk: 多余的参数“out”：xxgk demo 不接受这样的参数，它也不是参数名。参数要写成“--名称 值”。用法见 xxgk demo --help\n"},
		// An unknown option is the mistake, not the word after it (which it would take).
		{[]string{"feedback", "--out", "fb", "--unit", "市财政局"}, "xxgk: 没有参数 --unit：xxgk feedback 没有这个参数。用法见 xxgk feedback --help\n"},
		{[]string{"rejections", "clear", "汉阴县", "--bogus=1"}, "xxgk: 没有参数 --bogus：xxgk rejections clear 没有这个参数。用法见 xxgk rejections clear --help\n"},
		// A word that is not a round is not offered as one.
		{[]string{"rejections", "汉阴县", "--db", db}, "xxgk: 多余的参数“汉阴县”：xxgk rejections 不接受这样的参数，它也不是参数名。参数要写成“--名称 值”。用法见 xxgk rejections --help\n"},
		// A subcommand typed wrong is a typo of it, even where the command runs alone.
		{[]string{"rejections", "clera", "--all"}, "xxgk: 没有命令“clera”。您是不是要输入 clear？用法见 xxgk rejections --help\n"},
	} {
		code, out, stderr := runCmd(t, tc.args...)
		if code != exitFailed || stderr != tc.want || out != "" {
			t.Errorf("%v: exit %d, stdout %q\nstderr %q\n  want %q", tc.args, code, out, stderr, tc.want)
		}
	}
}

func TestUnknownCommandSuggestsNearest(t *testing.T) {
	for _, tc := range []struct{ typed, want string }{
		{"improt", "xxgk: 没有命令“improt”。您是不是要输入 import？用法见 xxgk --help\n"},
		{"staus", "xxgk: 没有命令“staus”。您是不是要输入 status？用法见 xxgk --help\n"},
		{"feedbak", "xxgk: 没有命令“feedbak”。您是不是要输入 feedback？用法见 xxgk --help\n"},
		{"temp", "xxgk: 没有命令“temp”。您是不是要输入 templates？用法见 xxgk --help\n"},
		{`D:\收到的文件\汉滨区 报送.xlsx`, `xxgk: “D:\收到的文件\汉滨区 报送.xlsx”不是命令。要导入它，请运行：xxgk import "D:\收到的文件\汉滨区 报送.xlsx"` + "\n"},
		{"收到的文件/", "xxgk: “收到的文件/”不是命令。要导入它，请运行：xxgk import 收到的文件/\n"},
		{"hello", "xxgk: 没有命令“hello”。可用的命令：" + commandList() + "；用法见 xxgk --help\n"},
	} {
		code, _, stderr := runCmd(t, tc.typed)
		if code != exitFailed || stderr != tc.want {
			t.Errorf("%s: exit %d\n got %q\nwant %q", tc.typed, code, stderr, tc.want)
		}
	}
}

func TestTakesArgs(t *testing.T) {
	e := newEnv(strings.NewReader(""), &strings.Builder{}, &strings.Builder{})
	for _, c := range commands(e) {
		want := map[string]bool{"import": true, "history": true, "revert": true, "withdraw": true, "review": true, "access": true}[c.Name]
		if got := takesArgs(c, "xxgk "+c.Name); got != want {
			t.Errorf("%s: takesArgs %v", c.Name, got)
		}
	}
	// Commands written later declare arguments in their usage text.
	for usage, want := range map[string]bool{
		"xxgk history 单位 [--round 轮次] [--format json]": true,
		"xxgk revert UNIT --to N":                      true,
		"xxgk rounds [--format json]":                  false,
		"xxgk verify [--round R] [--unit 单位 ...]":      false,
	} {
		name := strings.Fields(usage)[1]
		c := importCommand(e)
		c.Name, c.ArgsUsage, c.UsageText = name, "", usage
		if got := takesArgs(c, "xxgk "+name); got != want {
			t.Errorf("%q: takesArgs %v", usage, got)
		}
	}
}

// commandList is what an unknown command's message lists: every visible command, so that
// commands added on other branches need no change here.
func commandList() string {
	var names []string
	for _, c := range newApp(newEnv(nil, nil, nil)).Commands {
		if !c.Hidden {
			names = append(names, c.Name)
		}
	}
	return strings.Join(names, "、")
}

func TestCommandOptionBeforeCommand(t *testing.T) {
	code, _, stderr := runCmd(t, "-q")
	if want := "xxgk: 没有参数 -q（如果它是某个命令的参数，请写在命令名之后）。用法见 xxgk --help 或 xxgk 命令 --help\n"; code != exitFailed || stderr != want {
		t.Errorf("exit %d, %q", code, stderr)
	}
}
