//go:build !windows

package oserr

import (
	"errors"
	"syscall"
)

// inUse: a busy file or an executable being written (ETXTBSY); Unix has no sharing modes.
func inUse(err error) bool {
	return errors.Is(err, syscall.ETXTBSY) || errors.Is(err, syscall.EBUSY)
}

func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}

func tooLong(err error) bool { return errors.Is(err, syscall.ENAMETOOLONG) }

// heldOpen: only Windows holds files against others.
func heldOpen(string) error { return nil }
