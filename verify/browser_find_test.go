package verify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBrowserCandidates(t *testing.T) {
	env := map[string]string{`ProgramFiles(x86)`: `C:\Program Files (x86)`, "ProgramFiles": `C:\Program Files`, "LocalAppData": `C:\Users\张三\AppData\Local`}
	got := BrowserCandidates("windows", func(k string) string { return env[k] })
	if got[0] != `C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe` {
		t.Errorf("Windows tries %q first, want Edge under Program Files (x86)", got[0])
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{`C:\Program Files\Google\Chrome\Application\chrome.exe`, `C:\Users\张三\AppData\Local\Google\Chrome\Application\chrome.exe`} {
		if !strings.Contains(all, want) {
			t.Errorf("Windows candidates lack %s:\n%s", want, all)
		}
	}
	linux := BrowserCandidates("linux", os.Getenv)
	if linux[0] != "chromium" || !strings.Contains(strings.Join(linux, " "), "/usr/bin/chromium") {
		t.Errorf("Linux candidates %v", linux)
	}
}

func TestFindBrowserOnPath(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "chromium-browser")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	got, _ := FindBrowser("linux", os.Getenv)
	if got != fake {
		t.Errorf("FindBrowser = %q, want %q", got, fake)
	}
}
