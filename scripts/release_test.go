package scripts_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// release runs release.sh VERSION OUT for one platform and returns its exit code and output.
func release(t *testing.T, out string) (int, string) {
	t.Helper()
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash not found")
	}
	cmd := exec.Command("bash", "release.sh", "0.0.0-test", out)
	cmd.Env = append(os.Environ(), "XXGK_TARGETS=linux/amd64", "SOURCE_DATE_EPOCH=1600000000")
	b, err := cmd.CombinedOutput()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(b)
		}
		t.Fatal(err)
	}
	return 0, string(b)
}

// TestReleaseRefusesForeignFolder: release.sh given a folder of other files (., a
// mistyped path) refuses it and removes nothing.
func TestReleaseRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	keep := filepath.Join(out, "重要文件.docx")
	if err := os.WriteFile(keep, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, msg := release(t, out)
	if code != 2 || !strings.Contains(msg, "输出文件夹 "+out+" 不是空的，也不是本脚本以前生成的") {
		t.Errorf("exit %d\n%s", code, msg)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("the folder's file is gone: %v", err)
	}
}

// TestReleaseIntoItsOwnFolder: a fresh folder (as .ci/run passes) is made, and a folder
// an earlier run made is emptied of that run's zips only. It builds a release (minutes on
// a busy machine), so it runs when XXGK_TEST_RELEASE=1; .ci/run builds into a fresh
// folder every time.
func TestReleaseIntoItsOwnFolder(t *testing.T) {
	if os.Getenv("XXGK_TEST_RELEASE") != "1" {
		t.Skip("builds a release: set XXGK_TEST_RELEASE=1 to run it")
	}
	out := filepath.Join(t.TempDir(), "dist")
	if code, msg := release(t, out); code != 0 {
		t.Fatalf("fresh folder: exit %d\n%s", code, msg)
	}
	stale := filepath.Join(out, "xxgk-old-linux-amd64.zip")
	other := filepath.Join(out, "说明.txt")
	os.WriteFile(stale, []byte("old"), 0o644)
	os.WriteFile(other, []byte("kept"), 0o644)
	if code, msg := release(t, out); code != 0 {
		t.Fatalf("again: exit %d\n%s", code, msg)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("an old zip of the script is left: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file the script did not write is gone: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "xxgk-0.0.0-test-linux-amd64.zip")); err != nil {
		t.Errorf("no zip: %v", err)
	}
	sums, _ := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
	if !strings.Contains(string(sums), "xxgk-0.0.0-test-linux-amd64.zip") || strings.Contains(string(sums), "old") {
		t.Errorf("SHA256SUMS:\n%s", sums)
	}
}
