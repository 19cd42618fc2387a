package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBashCompletion sources the script in a real bash and asks it for completions.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	code, script, stderr := runCmd(t, "completion", "bash")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	file := filepath.Join(t.TempDir(), "xxgk.bash")
	if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	for line, want := range map[string]string{
		"xxgk imp":                        "import",
		"xxgk import --err":               "--errors-dir",
		"xxgk import 收到的文件/ --dry":        "--dry-run",
		"xxgk --db sqlite:x.db sta":       "status",
		"xxgk --d":                        "--db",
		"xxgk status --format json --rou": "--round",
		"xxgk comp":                       "completion",
		"xxgk report --out 汇总.pdf --f":    "--font --format",
		"xxgk report --out 汇总.pdf --fo":   "--font",
		"xxgk status --round 2020 --fo":   "--format",
		"xxgk demo --di":                  "--dir",
		// The commands of the undo, rounds and verification work, once each.
		"xxgk his":             "history",
		"xxgk rejections cl":   "clear",
		"xxgk revert 市财政局 --t": "--to",
		"xxgk ver":             "verify version",
		"xxgk completion --h":  "--help",
		"xxgk --vers":          "--version",
	} {
		words := strings.Fields(line)
		if strings.HasSuffix(line, " ") {
			words = append(words, "")
		}
		sh := `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _xxgk; echo "${COMPREPLY[*]}"`
		out, err := exec.Command(bash, append([]string{"-c", sh, "bash", file}, words...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", line, err, out)
		}
		if got := strings.TrimSpace(string(out)); got != want && !(want == "--font --format" && strings.Contains(got, "--font")) {
			t.Errorf("%q → %q, want %q", line, got, want)
		}
	}
}

func TestPowerShellCompletion(t *testing.T) {
	code, script, _ := runCmd(t, "completion", "powershell")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		"Register-ArgumentCompleter -Native -CommandName 'xxgk', 'xxgk.exe'",
		"'import' = @('--round', '--dry-run', '--errors-dir', '--quiet', '--format', '--db', '--indicators', '--units', '--help')",
		"'--db', '--deadline',",
	} {
		if !strings.Contains(script, want) {
			t.Errorf("missing %q in\n%s", want, script)
		}
	}
	// Every command, including those added later, is offered and has its own entry.
	for _, name := range strings.Split(commandList(), "、") {
		if !strings.Contains(script, "'"+name+"' = @(") || !strings.Contains(script, "'"+name+"', ") {
			t.Errorf("command %s missing from the PowerShell completion", name)
		}
	}
	if !strings.Contains(script, "'rejections clear' = @(") || !strings.Contains(script, "'--help', '--version')") {
		t.Errorf("subcommand or root options wrong in\n%s", script)
	}
	if pwsh, err := exec.LookPath("pwsh"); err == nil {
		out, err := exec.Command(pwsh, "-NoProfile", "-Command", script+"\n(TabExpansion2 'xxgk imp' 8).CompletionMatches[0].CompletionText").CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != "import" {
			t.Errorf("pwsh: %v %s", err, out)
		}
	}
	if code, _, stderr := runCmd(t, "completion", "fish"); code != exitFailed || !strings.Contains(stderr, "不支持“fish”的补全，只支持 bash 和 powershell") {
		t.Errorf("fish: exit %d %q", code, stderr)
	}
}
