//go:build windows

package oserr

import (
	"errors"
	"os"
	"syscall"
)

// Windows error numbers (winerror.h), named here so that no other package needs them.
const (
	errorAccessDenied       = syscall.Errno(5)
	errorSharingViolation   = syscall.Errno(32)
	errorLockViolation      = syscall.Errno(33)
	errorHandleDiskFull     = syscall.Errno(39)
	errorDiskFull           = syscall.Errno(112)
	errorFilenameExcedRange = syscall.Errno(206)
	errorUserMappedFile     = syscall.Errno(1224)
)

func inUse(err error) bool {
	return errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation) || errors.Is(err, errorUserMappedFile)
}

func diskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull) || errors.Is(err, syscall.ENOSPC)
}

func tooLong(err error) bool {
	return errors.Is(err, errorFilenameExcedRange) || errors.Is(err, syscall.ENAMETOOLONG)
}

// heldOpen opens an existing path for writing: a sharing or lock violation means another
// program has it open. It returns that error, or nil.
func heldOpen(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err == nil {
		f.Close()
		return nil
	}
	if inUse(err) {
		return err
	}
	return nil
}
