package oserr

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// Real failures of the system, not constructed errors: the translation must hold for what
// the os package actually returns.
func TestReasonOfRealErrors(t *testing.T) {
	dir := tempDir(t)
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, notFound := os.Open(filepath.Join(dir, "none.xlsx"))
	_, notDir := os.Open(filepath.Join(file, "b.xlsx"))
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"not found", notFound, NotFoundReason},
	}
	if runtime.GOOS != "windows" { // Windows says "path not found" to both
		_, tooLong := os.Create(filepath.Join(dir, strings.Repeat("长", 200)+".xlsx"))
		cases = append(cases, struct {
			name string
			err  error
			want string
		}{"not a folder", notDir, NotDirReason}, struct {
			name string
			err  error
			want string
		}{"name too long", tooLong, TooLongReason})
	} else if Reason(notDir) != NotFoundReason {
		t.Errorf("Windows, a file as a folder: %q", Reason(notDir))
	}
	if runtime.GOOS == "linux" {
		f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, full := f.Write([]byte("x"))
		f.Close()
		cases = append(cases, struct {
			name string
			err  error
			want string
		}{"disk full", full, DiskFullReason})
	}
	for _, c := range cases {
		if c.err == nil {
			t.Fatalf("%s: no error", c.name)
		}
		if got := Reason(c.err); got != c.want {
			t.Errorf("%s: Reason(%v) = %q, want %q", c.name, c.err, got, c.want)
		}
		e := Error(c.err)
		if e.Error() != c.want || !errors.Is(e, c.err) {
			t.Errorf("%s: Error = %q, unwraps %v", c.name, e, errors.Is(e, c.err))
		}
		if strings.Contains(e.Error(), dir) {
			t.Errorf("%s: message repeats the path: %q", c.name, e)
		}
	}
}

func TestReasonOfErrnos(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, DeniedReason},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, ReadOnlyReason},
		{&fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, DiskFullReason},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.ENOENT}, NotFoundReason},
		{&fs.PathError{Op: "read", Path: "x", Err: syscall.EIO}, IOReason},
		{&fs.PathError{Op: "read", Path: "x", Err: syscall.EISDIR}, IsDirReason},
		{errors.New("something else"), ""},
	} {
		if got := Reason(c.err); got != c.want {
			t.Errorf("Reason(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}

// What Reason does not know keeps the system's words, but never the "open C:\…:" before them.
func TestDescribeDropsOperationAndPath(t *testing.T) {
	err := &fs.PathError{Op: "open", Path: `C:\报送\a.xlsx`, Err: errors.New("The device is not ready.")}
	if got := Describe(err); got != "The device is not ready." {
		t.Errorf("Describe = %q", got)
	}
	if got := Describe(&os.LinkError{Op: "rename", Old: "a", New: "b", Err: errors.New("odd")}); got != "odd" {
		t.Errorf("Describe(link) = %q", got)
	}
	if Error(nil) != nil || Reason(nil) != "" || InUse(nil) {
		t.Error("nil is no error")
	}
}

// Blame leaves every error alone on a system without sharing modes, and any error that is
// not "access denied" everywhere.
func TestBlameOnlyAccessDenied(t *testing.T) {
	other := &fs.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}
	if Blame("x", other) != other {
		t.Error("Blame changed a not-found error")
	}
	if runtime.GOOS != "windows" {
		denied := &fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}
		if Blame(filepath.Join(tempDir(t), "x"), denied) != denied {
			t.Error("Blame changed access denied without a holder")
		}
	}
}

// tempDir is t.TempDir, but its removal may fail: wine 8 cannot run os.RemoveAll
// ("Invalid function"), and these tests also run there.
func tempDir(t *testing.T) string {
	dir, err := os.MkdirTemp("", "oserr")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}
