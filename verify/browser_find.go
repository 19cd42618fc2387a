package verify

import (
	"os"
	"os/exec"
	"strings"
)

// BrowserCandidates are the places a Chromium-family browser usually lives on goos, in the
// order they are tried: Edge first on Windows (every Windows 10/11 PC has it), Chromium
// first on Linux (Debian, 统信 UOS and 麒麟 package it), then Chrome. getenv reads the
// environment (ProgramFiles and LocalAppData on Windows). Names without a directory are
// looked up on PATH.
func BrowserCandidates(goos string, getenv func(string) string) []string {
	switch goos {
	case "windows":
		var out []string
		for _, base := range []string{getenv("ProgramFiles(x86)"), getenv("ProgramFiles"), getenv("LocalAppData")} {
			if base != "" {
				out = append(out, base+`\Microsoft\Edge\Application\msedge.exe`)
			}
		}
		for _, base := range []string{getenv("ProgramFiles"), getenv("ProgramFiles(x86)"), getenv("LocalAppData")} {
			if base != "" {
				out = append(out, base+`\Google\Chrome\Application\chrome.exe`)
			}
		}
		if base := getenv("LocalAppData"); base != "" {
			out = append(out, base+`\Chromium\Application\chrome.exe`)
		}
		return out
	case "darwin":
		return []string{
			"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
			"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
			"/Applications/Chromium.app/Contents/MacOS/Chromium",
		}
	}
	return []string{
		"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable",
		"/usr/bin/chromium", "/usr/lib/chromium/chromium", "/snap/bin/chromium",
		"/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge",
	}
}

// FindBrowser returns the first candidate that exists and the list it looked through, so
// that a failure can say where it looked.
func FindBrowser(goos string, getenv func(string) string) (path string, looked []string) {
	looked = BrowserCandidates(goos, getenv)
	for _, c := range looked {
		if !strings.ContainsAny(c, `/\`) {
			if p, err := exec.LookPath(c); err == nil {
				return p, looked
			}
			continue
		}
		if fi, err := os.Stat(c); err == nil && !fi.IsDir() {
			return c, looked
		}
	}
	return "", looked
}
