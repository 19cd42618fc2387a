package importer

import (
	"errors"
	"io/fs"

	"xxgk/internal/oserr"
)

// systemError tells a file the operating system would not let us read (held open without
// sharing by Excel or WPS, no permission, removed meanwhile) from one whose content is at
// fault (too large, a damaged archive entry): the first is Unreadable, no refusal.
func systemError(err error) bool {
	var tl *tooLargeError
	if errors.As(err, &tl) {
		return false
	}
	var pe *fs.PathError
	return errors.As(err, &pe) || oserr.Known(err)
}

// unreadableMessage says why a file could not be read and that rerunning once the cause is
// gone reads it: nothing was recorded against the unit.
func unreadableMessage(err error) string {
	msg := "无法读取文件：" + oserr.Describe(err)
	if !oserr.InUse(err) { // InUseReason already says to close it and rerun
		msg += "。请处理后重新运行导入"
	}
	return msg
}
