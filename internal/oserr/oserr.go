// Package oserr puts the operating system's file errors into the Chinese that office staff
// read, on every platform: the one place that knows what a sharing violation, a full disk
// or a path too long is called. Messages name no path; the caller's message names the file.
package oserr

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// Reasons, without a path: the caller says which file and what it was doing.
const (
	// InUseReason is a file opened without sharing by another program, as Excel and WPS
	// open a workbook: it can be neither read nor replaced until that program closes it.
	InUseReason    = "文件正被其他程序（如 Excel 或 WPS）打开，请先在该程序中关闭此文件，再重新运行"
	DeniedReason   = "没有权限（文件或文件夹是只读的，或当前用户无权访问）"
	NotFoundReason = "文件或文件夹不存在"
	DiskFullReason = "磁盘空间不足，请清理磁盘或换一个位置"
	TooLongReason  = "路径太长，请换一个层级较浅的文件夹或缩短文件名"
	NotDirReason   = "路径中的某一级是文件而不是文件夹"
	IsDirReason    = "这是一个文件夹，不是文件"
	ReadOnlyReason = "所在磁盘是只读的"
	IOReason       = "读写磁盘出错（磁盘或网络盘可能有故障）"
)

// InUse tells a file held open by another program (Windows sharing or lock violation,
// a busy file elsewhere).
func InUse(err error) bool { return err != nil && inUse(err) }

// Reason says in Chinese why a file operation failed, or "" when err is not one of the
// operating system's file errors.
func Reason(err error) string {
	switch {
	case err == nil:
		return ""
	case inUse(err):
		return InUseReason
	case errors.Is(err, syscall.EROFS):
		return ReadOnlyReason
	case errors.Is(err, fs.ErrPermission):
		return DeniedReason
	case tooLong(err):
		return TooLongReason
	case errors.Is(err, fs.ErrNotExist):
		return NotFoundReason
	case diskFull(err):
		return DiskFullReason
	case errors.Is(err, syscall.ENOTDIR):
		return NotDirReason
	case errors.Is(err, syscall.EISDIR):
		return IsDirReason
	case errors.Is(err, syscall.EIO):
		return IOReason
	}
	return ""
}

// Describe is Reason, or for an error it does not know the system's own words without
// the operation and path that *fs.PathError and *os.LinkError put in front ("open C:\…:"),
// so that no message repeats a path in the system's syntax.
func Describe(err error) string {
	if r := Reason(err); r != "" {
		return r
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	var se *os.SyscallError
	if errors.As(err, &se) {
		return se.Err.Error()
	}
	return err.Error()
}

// Error is err with Describe's words as its message, still matching err with errors.Is.
func Error(err error) error {
	if err == nil {
		return nil
	}
	return &explained{msg: Describe(err), err: err}
}

type explained struct {
	msg string
	err error
}

func (e *explained) Error() string { return e.msg }
func (e *explained) Unwrap() error { return e.err }

// Known tells an error Reason has words for.
func Known(err error) bool { return Reason(err) != "" }

// Blame refines the error of replacing or creating the file at path: Windows answers
// "access denied" when the file is held open by another program without sharing, and only
// an attempt to open it tells the two apart. It returns err itself in every other case.
func Blame(path string, err error) error {
	if err == nil || !errors.Is(err, fs.ErrPermission) {
		return err
	}
	if held := heldOpen(path); held != nil {
		return held
	}
	return err
}
