//go:build linux

package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// wineEnv runs the real Windows build of xxgk under wine, in a prefix of its own made by
// scripts/wine/prefix.sh (ProcessPrng stand-in, fonts-wqy-microhei in C:\Windows\Fonts,
// holdopen.exe). Everything lives in the test's temporary folder.
type wineEnv struct {
	exe    string // host path of xxgk.exe
	prefix string // WINEPREFIX
	holder string // host path of holdopen.exe
	env    []string
}

// newWine builds the windows/amd64 xxgk.exe (or takes XXGK_WINE_EXE) and makes a prefix.
// The prefix's wineserver is stopped when the test ends.
func newWine(t *testing.T) *wineEnv {
	t.Helper()
	for _, tool := range []string{"wine", "wineboot", "wineserver", "x86_64-w64-mingw32-gcc"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("XXGK_WINE is set but %s is missing (bash .ci/windows.sh installs it): %v", tool, err)
		}
	}
	root := t.TempDir()
	w := &wineEnv{prefix: filepath.Join(root, "prefix")}
	w.env = append(os.Environ(), "WINEPREFIX="+w.prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml,winemenubuilder.exe=d")
	start := time.Now()
	script, err := filepath.Abs(filepath.Join("..", "..", "scripts", "wine", "prefix.sh"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", script, w.prefix)
	cmd.Env = w.env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("prefix.sh: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		k := exec.Command("wineserver", "-k")
		k.Env = w.env
		k.Run() // no wineserver left is fine
	})
	w.holder = filepath.Join(w.prefix, "holdopen.exe")
	// On drive C: like an installed copy, so that cmd.exe can run it by its C:\ path.
	w.exe = filepath.Join(w.prefix, "drive_c", "xxgk", "xxgk.exe")
	if built := os.Getenv("XXGK_WINE_EXE"); built != "" {
		b, err := os.ReadFile(built)
		if err == nil {
			os.MkdirAll(filepath.Dir(w.exe), 0o755)
			err = os.WriteFile(w.exe, b, 0o755)
		}
		if err != nil {
			t.Fatalf("XXGK_WINE_EXE: %v", err)
		}
	} else {
		b := exec.Command("go", "build", "-o", w.exe, ".")
		b.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
		if out, err := b.CombinedOutput(); err != nil {
			t.Fatalf("go build windows/amd64: %v\n%s", err, out)
		}
	}
	t.Logf("wine prefix and windows/amd64 build ready in %v", time.Since(start).Round(time.Millisecond))
	return w
}

// c is the host path of C:\rel (rel with backslashes or slashes, with or without C:\).
func (w *wineEnv) c(rel string) string {
	rel = strings.TrimPrefix(rel, `C:\`)
	return filepath.Join(w.prefix, "drive_c", filepath.FromSlash(strings.ReplaceAll(rel, `\`, "/")))
}

// win is the Windows path (C:\…) of a host path inside drive_c.
func (w *wineEnv) win(t testing.TB, host string) string {
	t.Helper()
	rel, err := filepath.Rel(filepath.Join(w.prefix, "drive_c"), host)
	if err != nil || strings.HasPrefix(rel, "..") {
		t.Fatalf("%s is not on drive C: of the prefix", host)
	}
	return `C:\` + strings.ReplaceAll(rel, "/", `\`)
}

func (w *wineEnv) command(args ...string) *exec.Cmd {
	cmd := exec.Command("wine", append([]string{w.exe}, args...)...)
	cmd.Env = w.env
	return cmd
}

// run runs xxgk.exe with args and returns its exit code and output.
func (w *wineEnv) run(t testing.TB, args ...string) (int, string, string) {
	t.Helper()
	return w.wait(t, w.command(args...), args)
}

// wait runs or finishes cmd (started or not) and returns its exit code and output.
func (w *wineEnv) wait(t testing.TB, cmd *exec.Cmd, args []string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	if cmd.Stdout == nil {
		cmd.Stdout, cmd.Stderr = &out, &errb
	}
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return ee.ExitCode(), out.String(), errb.String()
	case err != nil:
		t.Fatalf("wine xxgk.exe %s: %v", strings.Join(args, " "), err)
	}
	return 0, out.String(), errb.String()
}

// hold opens the host file as Excel does (no sharing) until the returned release is called.
func (w *wineEnv) hold(t *testing.T, host string) (release func()) {
	t.Helper()
	cmd := exec.Command("wine", w.holder, w.win(t, host), "600")
	cmd.Env = w.env
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "holding" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("holdopen %s: %q %v %s", host, line, err, errb.String())
	}
	done := false
	release = func() {
		if done {
			return
		}
		done = true
		stdin.Close() // holdopen lets go at end of input
		go io.Copy(io.Discard, stdout)
		ch := make(chan error, 1)
		go func() { ch <- cmd.Wait() }()
		select {
		case <-ch:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-ch
		}
	}
	t.Cleanup(release)
	return release
}

// leftovers lists the temporary files (.xxgk-*) in dir.
func leftovers(t testing.TB, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var tmp []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".xxgk-") {
			tmp = append(tmp, e.Name())
		}
	}
	return tmp
}
