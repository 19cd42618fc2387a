package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"

	"xxgk/termtable"
)

// TestHelpInChinese looks at the help of every command, including ones added later:
// none of urfave/cli's English words, every environment variable written one way, and
// the exit codes that command really has.
func TestHelpInChinese(t *testing.T) {
	english := regexp.MustCompile(`\[command options\]|\[arguments\.\.\.\]|\(default: |\[\$|%XXGK|\bvalue\b|\nOPTIONS:|\nUSAGE:|\nCOMMANDS:|GLOBAL OPTIONS:\n`)
	var paths [][]string
	var walk func(prefix []string, cmds []*cli.Command)
	walk = func(prefix []string, cmds []*cli.Command) {
		for _, c := range cmds {
			p := append(append([]string(nil), prefix...), c.Name)
			paths = append(paths, p)
			walk(p, c.Subcommands)
		}
	}
	walk(nil, newApp(newEnv(nil, nil, nil)).Commands)
	paths = append(paths, nil) // xxgk --help
	for _, p := range paths {
		code, out, stderr := runCmd(t, append(p, "--help")...)
		name := strings.Join(append([]string{"xxgk"}, p...), " ")
		if code != exitOK || stderr != "" {
			t.Errorf("%s --help: exit %d, stderr %q", name, code, stderr)
			continue
		}
		if m := english.FindString(out); m != "" {
			t.Errorf("%s --help says %q:\n%s", name, m, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "   -") && strings.Contains(line, "XXGK_") && !regexp.MustCompile(`（(默认：[^；）]*；)?环境变量 XXGK_[A-Z_]+）`).MatchString(line) {
				t.Errorf("%s --help: environment variable not written the usual way: %q", name, line)
			}
		}
		if !strings.Contains(out, exitCodesHeading) {
			t.Errorf("%s --help has no exit codes", name)
		}
		rejects := regexp.MustCompile(`(?m)^\s+1\s+\S`).MatchString(out)
		if len(p) > 0 && rejects != (p[0] == "import") {
			t.Errorf("%s --help: lists exit code 1 = %v; only import finishes with files refused:\n%s", name, rejects, out)
		}
	}
}

// TestHelpAlignsChineseColumns: the option column is aligned on screen, where 值 is two
// columns wide.
func TestHelpAlignsChineseColumns(t *testing.T) {
	_, out, _ := runCmd(t, "import", "--help")
	var starts []int
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "   --") {
			i := strings.Index(line, "  只") // usage of --round and --dry-run both start with 只
			if i > 0 {
				starts = append(starts, termtable.Width(line[:i]))
			}
		}
	}
	if len(starts) < 2 || starts[0] != starts[1] || starts[1] != starts[len(starts)-1] {
		t.Errorf("usage columns start at %v in\n%s", starts, out)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-v"}, {"version"}} {
		code, out, _ := runCmd(t, args...)
		if code != exitOK || !strings.HasPrefix(out, "xxgk 版本 ") || strings.Count(out, "\n") != 1 {
			t.Errorf("%v: exit %d, %q", args, code, out)
		}
	}
	b := buildInfo{Version: "1.2.0", Commit: "0123456789abcdef0", Date: "2026-11-30T16:00:00Z", Go: "go1.26.8", Platform: "windows/386"}.withDefaults()
	if got, want := b.String(), "xxgk 版本 1.2.0（提交 0123456789ab，构建于 2026-12-01 00:00（北京时间），go1.26.8 windows/386）"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	if got := (buildInfo{Go: "go1.26.8", Platform: "linux/amd64"}).withDefaults().String(); got != "xxgk 版本 开发版（go1.26.8 linux/amd64）" {
		t.Errorf("without build info: %s", got)
	}
}

// TestVersionFromLinker builds the binary the way scripts/release.sh does.
func TestVersionFromLinker(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "xxgk")
	// Without -trimpath and CGO_ENABLED=0, unlike a release, so that the build cache serves
	// it: only the linker's -X is under test.
	cmd := exec.Command("go", "build", "-o", bin,
		"-ldflags", "-X main.version=9.8.7 -X main.commit=abc1234 -X main.date=2026-11-30T16:00:00Z", ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "xxgk 版本 9.8.7（提交 abc1234，构建于 2026-12-01 00:00（北京时间），go") {
		t.Errorf("--version: %s", out)
	}
}

func TestNearestCommand(t *testing.T) {
	cmds := commands(newEnv(nil, nil, nil))
	for typed, want := range map[string]string{
		"improt": "import", "IMPORT": "import", "stauts": "status", "reprot": "report", "exprot": "export",
		"templtes": "templates", "uints": "units", "indicator": "indicators", "de": "demo",
		"xyz": "", "s": "", "impart": "import", "帮助": "",
	} {
		if got := nearestCommand(cmds, typed); got != want {
			t.Errorf("%s: got %q want %q", typed, got, want)
		}
	}
}

// TestEnvironmentVariablesWrittenOneWay: messages name a variable as "环境变量 XXGK_DB",
// as the help does, never "XXGK_DB 环境变量" or "$XXGK_DB".
func TestEnvironmentVariablesWrittenOneWay(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	bad := regexp.MustCompile(`XXGK_[A-Z_]+ ?环境变量|\$XXGK_|%XXGK_`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if m := bad.Find(b); m != nil {
			t.Errorf("%s: %q", f, m)
		}
	}
}
