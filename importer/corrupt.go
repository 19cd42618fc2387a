package importer

import (
	"errors"
	"fmt"
)

// partError says which part of the package could not be read and why, in words the
// office can pass on: a part that is not well-formed XML, declares a DOCTYPE, holds a bad
// cell reference or does not match the zip directory was not written by a spreadsheet
// program, or was damaged after.
type partError struct {
	part   string // the part name inside the package, e.g. xl/worksheets/sheet2.xml
	reason string // Chinese, what is wrong with it
	err    error
}

func (e *partError) Error() string { return fmt.Sprintf("part %s: %v", e.part, e.err) }
func (e *partError) Unwrap() error { return e.err }

// Reasons a part is refused, each wrapped in a partError with the part's name.
var (
	errDoctype  = errors.New("DOCTYPE declaration")
	errBadRef   = errors.New("bad cell reference")
	errEncoding = errors.New("unsupported encoding")
	// errSizeMismatch: the part inflates to more or fewer bytes than the zip directory
	// declares, or fails its checksum.
	errSizeMismatch = errors.New("size or checksum differs from the zip directory")
	errMissingPart  = errors.New("missing part")
	errBadSSTIndex  = errors.New("shared string index out of range")
	errPartTooLarge = errors.New("part too large")
	// errDuplicatePart: two zip entries name the same part, or names differing only in
	// case (OPC compares them case-insensitively).
	errDuplicatePart = errors.New("duplicate part name")
)

// corrupt wraps err, from reading or scanning part, in a partError with a reason.
func corrupt(part string, err error) error {
	if err == nil {
		return nil
	}
	var pe *partError
	if errors.As(err, &pe) {
		return err
	}
	reason := "XML 格式错误"
	switch {
	case errors.Is(err, errDoctype):
		reason = "含有 DOCTYPE 声明"
	case errors.Is(err, errBadRef):
		reason = "单元格引用或行号无效"
	case errors.Is(err, errEncoding):
		reason = "字符编码无法识别"
	case errors.Is(err, errSizeMismatch):
		reason = "实际大小与压缩包目录记载的不符"
	case errors.Is(err, errBadSSTIndex):
		reason = "引用了不存在的共享字符串"
	case errors.Is(err, errMissingPart):
		reason = "缺失"
	case errors.Is(err, errPartTooLarge):
		reason = "过大，超出读取上限"
	case errors.Is(err, errBadXML):
	default:
		reason = "无法解压"
	}
	return &partError{part: part, reason: reason, err: err}
}

// corruptMessage is the problem text for a part that could not be read.
func corruptMessage(pe *partError) string {
	return fmt.Sprintf("文件已损坏或不是由表格软件保存的（内部部件 %s %s），无法读取。请在 Excel 或 WPS 中打开、另存为 .xlsx 后再报送；若无法打开，请使用下发的模板重新填写", pe.part, pe.reason)
}

// failCorrupt reports a workbook that could not be read: the part and what is wrong with
// it when known, otherwise that the workbook structure is broken. The problem is about
// the whole file: a part such as the shared strings belongs to no one sheet.
func (rd *read) failCorrupt(err error) {
	var pe *partError
	switch {
	case errors.As(err, &pe) && errors.Is(err, errPartTooLarge):
		// Not damage: sniff bounds the same sizes, this is the reader's own guard.
		rd.fail("", "", "", "文件内部部件 %s 解压后超过 %s，已拒绝读取。请检查是否报送错了文件", pe.part, size(rd.lim.MaxPart))
		return
	case errors.As(err, &pe):
		rd.fail("", "", "", "%s", corruptMessage(pe))
		return
	}
	rd.fail("", "", "", "无法作为 Excel 工作簿打开（工作簿结构错误），文件可能已损坏。请在 Excel 或 WPS 中重新保存为 .xlsx 后再报送")
}
