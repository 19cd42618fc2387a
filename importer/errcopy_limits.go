package importer

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/internal/oserr"
	"xxgk/xlsxlayout"
)

// An annotated copy is built with excelize, which holds the whole workbook in memory at
// about fifteen times its unzipped size: a 5 MB file with a million rows cost 825 MB. The
// reader itself stops at its row limit, so the copy must be bounded as well, and the
// decision is made before anything is built, from the zip directory alone.
const (
	// annotateMaxUnzipped is the largest workbook (all parts, unzipped) that gets a full
	// annotated copy. A filled template unzips to well under 1 MB.
	annotateMaxUnzipped = 4 << 20
	// listMaxProblems is how many problems a copy lists; a file past the reader's limits
	// could otherwise have one per cell.
	listMaxProblems = 2000
)

// copyUnzipFailed is planCopy's reason for data that is no zip at all.
const copyUnzipFailed = "文件无法解压"

// planCopy tells whether a rejected workbook may get a full annotated copy, and if not,
// why, in words for the unit.
func planCopy(data []byte) (full bool, reason string) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false, copyUnzipFailed
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	if total > annotateMaxUnzipped {
		return false, fmt.Sprintf("原文件解压后 %s，超过可批注的 %s", size(int64(min(total, 1<<62))), size(annotateMaxUnzipped))
	}
	return true, ""
}

// writeWithin writes the annotated copy of a rejected workbook within the limits of
// ReturnedCopy.
func (e *errorCopies) writeWithin(src source, data []byte, ps xxgk.Problems) (string, error) {
	out, err := Annotate(data, ps)
	if err != nil {
		return "", err
	}
	return e.save(src, out)
}

// ReturnedCopy is the copy of a refused workbook that goes back to the unit, whoever
// sends it (import --errors-dir, or feedback beside the unit's letter): the full
// annotated copy when the workbook is small enough, otherwise a short copy holding only
// the problem list (listOnly), which says why the unit's own sheets are not in it. A
// panic inside the spreadsheet library (a crafted workbook) is returned as an error,
// not raised.
func ReturnedCopy(data []byte, ps xxgk.Problems, info CopyInfo) (out []byte, listOnly bool, err error) {
	full, reason := planCopy(data)
	if (full && len(ps) <= listMaxProblems) || reason == copyUnzipFailed {
		out, err = safeAnnotate(data, ps, info) // which says why it cannot open a file that is no zip
		return out, false, err
	}
	if reason == "" {
		reason = fmt.Sprintf("问题多达 %d 个", len(ps))
	}
	out, err = problemsOnly(ps, reason, info)
	return out, true, err
}

// problemsOnly is a short copy: a new workbook with the sheet 问题清单 alone, listing at
// most listMaxProblems problems, with a line under the title saying why the unit's own
// sheets are not in it. Like a full copy it names the office as its maker.
func problemsOnly(ps xxgk.Problems, reason string, info CopyInfo) ([]byte, error) {
	list := ps
	if len(ps) > listMaxProblems {
		list = append(ps[:listMaxProblems:listMaxProblems], xxgk.Problem{Severity: xxgk.Error,
			Message: fmt.Sprintf("另有 %d 个问题未列出，请先修改以上问题后重新报送", len(ps)-listMaxProblems)})
	}
	note := "本副本只列出问题，未附原表格：" + reason + "。请在原文件中删除多余内容后重新报送"
	f := excelize.NewFile()
	defer f.Close()
	if err := problemSheet(f, list, info.office()); err != nil {
		return nil, err
	}
	// Row 2, between the title and the table, is free; should the list's layout ever
	// use it, the note leads the list instead.
	if v, err := f.GetCellValue(SheetProblems, "A2"); err != nil || v != "" {
		if err := problemSheet(f, append(xxgk.Problems{{Severity: xxgk.Warning, Message: note}}, list...), info.office()); err != nil {
			return nil, err
		}
	} else if err := f.SetCellStr(SheetProblems, "A2", note); err != nil {
		return nil, err
	}
	// The list's own title points to red cells and comments, which a short copy has
	// none of, and would count the "另有…未列出" line as an error.
	nErr := len(ps.Only(xxgk.Error))
	title := fmt.Sprintf("本文件有 %d 个错误、%d 个警告，已退回。请按下表在原文件中逐项修改，修改后重新报送。", nErr, len(ps)-nErr)
	if err := f.SetCellStr(SheetProblems, "A1", title); err != nil {
		return nil, err
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return nil, err
	}
	if err := xlsxlayout.Set(f, xlsxlayout.Props{Creator: info.office(), Title: "退回修改：问题清单", Now: info.Now}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// save stores a finished copy under the source's copy name, through a temporary file so
// that an interrupted run leaves no half-written workbook.
func (e *errorCopies) save(src source, out []byte) (string, error) {
	p := filepath.Join(e.dir, src.copyName)
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, out, 0o644); err != nil {
		os.Remove(tmp) // a full disk leaves part of it
		return "", fmt.Errorf("无法写入 %s：%w", p, oserr.Error(err))
	}
	if err := os.Rename(tmp, p); err != nil {
		os.Remove(tmp)
		// The copy of an earlier run may be open in Excel: say so, not "access denied".
		return "", fmt.Errorf("无法写入 %s：%w", p, oserr.Error(oserr.Blame(p, err)))
	}
	return p, nil
}
