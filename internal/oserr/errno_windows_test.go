//go:build windows

package oserr

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// The Windows error numbers by value: a sharing violation is never "no permission".
func TestWindowsErrnos(t *testing.T) {
	for _, c := range []struct {
		errno syscall.Errno
		want  string
	}{
		{5, DeniedReason},
		{3, NotFoundReason},
		{32, InUseReason},
		{33, InUseReason},
		{112, DiskFullReason},
		{206, TooLongReason},
	} {
		err := &fs.PathError{Op: "open", Path: `C:\a.xlsx`, Err: c.errno}
		if got := Reason(err); got != c.want {
			t.Errorf("Reason(errno %d) = %q, want %q", c.errno, got, c.want)
		}
	}
}

// Blame finds out a file that is held: here by this very process, opened without sharing.
func TestBlameFindsHolder(t *testing.T) {
	path := filepath.Join(tempDir(t), "held.xlsx")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, _ := syscall.UTF16PtrFromString(path)
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ|syscall.GENERIC_WRITE, 0, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.CloseHandle(h)
	denied := &fs.PathError{Op: "rename", Path: path, Err: syscall.Errno(5)}
	if got := Reason(Blame(path, denied)); got != InUseReason {
		t.Errorf("Blame of a held file: %q", got)
	}
	free := filepath.Join(tempDir(t), "free.xlsx")
	os.WriteFile(free, []byte("x"), 0o644)
	if got := Blame(free, denied); got != denied {
		t.Errorf("Blame of a free file: %v", got)
	}
}
