package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoHelpNamesItsDatabase: demo --help names the database the demo really uses, not
// ./xxgk.db, and does not claim XXGK_DB.
func TestDemoHelpNamesItsDatabase(t *testing.T) {
	code, out, _ := runCatalogCmd(t, "demo", "--help")
	if code != exitOK {
		t.Fatal(code)
	}
	var line string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "--db ") {
			line = l
		}
	}
	if !strings.Contains(line, "默认：sqlite:"+filepath.Join("xxgk-demo", "xxgk-demo.db")) || strings.Contains(line, "默认：sqlite:xxgk.db") || strings.Contains(line, "环境变量 XXGK_DB）") {
		t.Errorf("demo --help --db line: %q", line)
	}
	if _, out, _ := runCatalogCmd(t, "status", "--help"); !strings.Contains(out, "默认：sqlite:xxgk.db；环境变量 XXGK_DB") {
		t.Errorf("status --help lost the global --db default:\n%s", out)
	}
}
