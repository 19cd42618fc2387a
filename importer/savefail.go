package importer

import (
	"errors"
	"fmt"

	"xxgk"
)

// DataRefusal is what a Saver's error implements when the database refused what a
// submission holds (a value too long for its column, text it cannot store) rather than
// failing to answer. Storing the file again would fail again, so the file is refused
// like one with cell errors: an annotated copy, and a refusal the caller records. Any
// other save error is taken as the database's trouble, and the file is Failed: rerunning
// will store it. store.DataError implements it.
type DataRefusal interface {
	error
	// RefusedField is the label of the refused field (填报人, 栏目名称…), or "".
	RefusedField() string
}

// refusedData tells a data refusal among save errors.
func refusedData(err error) (DataRefusal, bool) {
	var dr DataRefusal
	ok := errors.As(err, &dr)
	return dr, ok
}

// refuse turns a file whose submission the database refused for its content into a
// rejected one. It runs on the writer goroutine, after the worker let go of the file's
// bytes, so the annotated copy reads the file again.
func (b *batch) refuse(p *parsed, dr DataRefusal) {
	p.res.Outcome, p.res.Err, p.sub = Rejected, nil, nil
	p.res.Problems = append(p.res.Problems, xxgk.Problem{
		Severity: xxgk.Error, File: p.res.Name, Field: dr.RefusedField(),
		Message: fmt.Sprintf("%v。文件未保存，请检查并修改该内容后重新报送", dr),
	})
	src := b.srcs[p.idx]
	data, err := src.open()
	if err == nil && len(data) <= xxgk.RejectionKeepMax {
		// Kept with the refusal like any refused file, so that feedback can return it
		// annotated beside the letter.
		p.res.File = data
	}
	if b.copy == nil {
		return
	}
	if err == nil {
		var path string
		if path, err = b.copy.writeWithin(src, data, p.res.Problems); err == nil {
			p.res.ErrorCopy = path
			return
		}
	}
	p.res.NoCopy = fmt.Sprintf("未能生成批注副本：%v", err)
}

// safeAnnotate is annotateFull that survives a panic inside the spreadsheet library: a
// crafted workbook (a sheet name longer than Excel allows) made it panic while
// annotating, which took down the whole import. The file is still refused; it gets no
// copy, with the reason.
func safeAnnotate(data []byte, ps xxgk.Problems, info CopyInfo) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			out, err = nil, fmt.Errorf("表格库内部错误（%v）", v)
		}
	}()
	return annotateFull(data, ps, info)
}
