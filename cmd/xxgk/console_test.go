package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// The decision is tested with injected facts: wine cannot start a Go 1.22+ Windows
// executable here (DESIGN.md §9), so the Windows call itself is only cross-compiled.
func TestOwnsConsole(t *testing.T) {
	for _, tc := range []struct {
		f    consoleFacts
		want bool
	}{
		{consoleFacts{GOOS: "windows", ConsoleProcesses: 1, StdinTTY: true}, true},   // double-clicked in Explorer
		{consoleFacts{GOOS: "windows", ConsoleProcesses: 2, StdinTTY: true}, false},  // started from cmd.exe or PowerShell
		{consoleFacts{GOOS: "windows", ConsoleProcesses: 1, StdinTTY: false}, false}, // input piped: nobody to press Enter
		{consoleFacts{GOOS: "windows", ConsoleProcesses: 0, StdinTTY: true}, false},  // no console, or the call failed
		{consoleFacts{GOOS: "linux", ConsoleProcesses: 1, StdinTTY: true}, false},
	} {
		if got := ownsConsole(tc.f); got != tc.want {
			t.Errorf("%+v: %v", tc.f, got)
		}
	}
}

// TestDoubleClick: with a console of its own and no arguments, xxgk explains where to
// run it, shows the help and waits for Enter; with arguments it runs them and waits.
func TestDoubleClick(t *testing.T) {
	var out, errb bytes.Buffer
	stdin := strings.NewReader("\n")
	e := newEnv(stdin, &out, &errb)
	e.OwnConsole = true
	if code := run(context.Background(), []string{`C:\xxgk\xxgk.exe`}, e); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := out.String()
	if !strings.HasPrefix(s, doubleClickNote) || !strings.Contains(s, "命令 COMMANDS:") || !strings.HasSuffix(s, "\n按回车键退出……") {
		t.Errorf("output:\n%s", s)
	}
	if stdin.Len() != 0 {
		t.Error("did not wait for Enter")
	}
	if e.OwnConsole {
		t.Error("OwnConsole still set: demo's inner runs would each wait for Enter")
	}

	out.Reset()
	stdin = strings.NewReader("\n")
	e = newEnv(stdin, &out, &errb)
	e.OwnConsole = true
	if code := run(context.Background(), []string{"xxgk.exe", "version"}, e); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if s := out.String(); strings.Contains(s, "命令提示符") || !strings.HasPrefix(s, "xxgk 版本") || !strings.HasSuffix(s, "按回车键退出……") {
		t.Errorf("with arguments:\n%s", s)
	}

	// From a terminal nothing waits.
	out.Reset()
	if code := run(context.Background(), []string{"xxgk"}, newEnv(strings.NewReader(""), &out, &errb)); code != exitOK || strings.Contains(out.String(), "按回车键") {
		t.Errorf("exit %d\n%s", code, out.String())
	}
}
