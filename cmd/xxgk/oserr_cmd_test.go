package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"xxgk/importer"
	"xxgk/internal/oserr"
	"xxgk/samples"
)

// A file the system will not let import read is no refusal of a unit: it is labelled
// 未能读取 in Chinese, records nothing, and the run says to rerun. (On Windows the usual
// cause is Excel holding the file: see TestWine.)
func TestImportUnreadableIsNoRefusal(t *testing.T) {
	db, dir := importFixture(t, map[string]samples.Profile{"市财政局": samples.Good})
	gone := filepath.Join(dir, "汉滨区.xlsx")
	if err := os.Symlink(filepath.Join(dir, "已删除.xlsx"), gone); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runImportTest(t, "import", "--db", db, dir)
	if code != exitRejected {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitRejected, out, stderr)
	}
	for _, want := range []string{
		"✘ 未能读取 " + gone + " — 文件未经检查，不算退回\n    错误：无法读取文件：文件或文件夹不存在。请处理后重新运行导入\n",
		"共 2 个文件：已接收 1，未能读取 1\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if want := "xxgk: 1 个文件未能导入，详见上面的结果；其中 1 个文件未能读取（未记为退回），处理后重新运行同一命令即可\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if strings.Contains(out, "open ") || strings.Contains(out, "no such file") {
		t.Errorf("raw system message:\n%s", out)
	}
	code, out, _ = runImportTest(t, "import", "--db", db, "--format", "json", dir)
	outcomes := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var j importer.JSON
		if err := json.Unmarshal([]byte(line), &j); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		outcomes[filepath.Base(j.File)] = j.Outcome
	}
	if code != exitRejected || outcomes["汉滨区.xlsx"] != "unreadable" || outcomes["2020_市财政局_信息公开栏目建设情况填报表.xlsx"] != "unchanged" {
		t.Errorf("json: exit %d, %v", code, outcomes)
	}
	entries, _ := statusJSON(t, db)
	for _, en := range entries {
		if en.Rejected != 0 {
			t.Errorf("%s: %d rejections recorded", en.Unit, en.Rejected)
		}
	}
}

// Writing fails in Chinese, naming the file, and leaves neither the old file changed nor a
// temporary file behind.
func TestWriteErrorsInChinese(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "通报.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := writeFileAtomic(path, func(f *os.File) error {
		return &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	})
	if err == nil || err.Error() != oserr.DiskFullReason {
		t.Errorf("disk full: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("old file changed: %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}

	db := exportDB(t)
	long := filepath.Join(dir, strings.Repeat("很长的文件名", 20)+".xlsx")
	notDir := filepath.Join(path, "明细.xlsx")
	for _, c := range []struct{ out, want string }{
		{long, "xxgk: 无法写入导出文件 " + long + "：" + oserr.TooLongReason + "\n"},
		{notDir, "xxgk: 无法写入导出文件 " + notDir + "：" + oserr.NotDirReason + "\n"},
	} {
		code, _, stderr := runCmd(t, "export", "--db", db, "--round", "2020", "--out", c.out)
		if code != exitFailed || stderr != c.want {
			t.Errorf("export --out %s: exit %d, %q, want %q", filepath.Base(c.out), code, stderr, c.want)
		}
	}
}

func TestPlainUserName(t *testing.T) {
	for in, want := range map[string]string{`VM\root`: "root", `ANKANG\张三`: "张三", "li": "li", `a\b\c`: "c", `VM\`: ""} {
		if got := plainUserName(in); got != want {
			t.Errorf("plainUserName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRemoveTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "4-报告")
	os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(dir, "a", "b", "x.pdf"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "y.csv"), []byte("y"), 0o644)
	if err := removeTree(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("%s still there: %v", dir, err)
	}
	if err := removeTree(dir); err != nil {
		t.Errorf("a folder that is gone: %v", err)
	}
}
