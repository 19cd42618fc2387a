package importer

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/internal/oserr"
)

// SheetProblems is the first sheet of an annotated copy: every problem in one list.
const SheetProblems = "问题清单"

// errorCopies writes annotated copies of rejected workbooks into one folder.
type errorCopies struct{ dir string }

func newErrorCopies(dir string) (*errorCopies, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建退回文件夹 %s：%w", dir, oserr.Error(err))
	}
	return &errorCopies{dir: dir}, nil
}

// copyNames gives every source a distinct copy name, in input order so that reruns give
// the same names: two units may send files with the same name from different folders,
// and the second becomes name(2).xlsx. A file left by an earlier run is overwritten.
func copyNames(srcs []source) {
	used := map[string]bool{}
	for i := range srcs {
		name := srcs[i].copyName
		if name == "" {
			name = baseName(srcs[i].name)
		}
		name = xxgk.SafeFileName(name)
		ext := filepath.Ext(name)
		if !strings.EqualFold(ext, ".xlsx") && !strings.EqualFold(ext, ".xlsm") {
			name, ext = name+".xlsx", ".xlsx"
		}
		stem := strings.TrimSuffix(name, ext)
		for n := 1; ; n++ {
			cand := name
			if n > 1 {
				cand = fmt.Sprintf("%s(%d)%s", stem, n, ext)
			}
			if !used[strings.ToLower(cand)] {
				used[strings.ToLower(cand)] = true
				srcs[i].copyName = cand
				break
			}
		}
	}
}

// Colours of annotated cells: errors red, warnings amber.
const (
	fillError   = "FF8080"
	fillWarning = "FFE699"
)

// CopyInfo says who returns an annotated copy and when: its document properties name
// the office as maker (zero: xxgk.DefaultContact.Office) and the time (zero: now).
type CopyInfo struct {
	Office string
	Now    time.Time
	// ReplyBy, when set, replaces the round's 截止日期 in the copy's 填报说明, legend and
	// page footer: a copy returned beside a letter asks to be sent back by the letter's
	// deadline, not by a day already past.
	ReplyBy time.Time
}

// Annotate returns a copy of a workbook with each located problem's cell filled (red for
// errors, amber for warnings) and commented, and a first sheet 问题清单 listing every
// problem — ready to send back to the unit. It is ReturnedCopy made by the default
// office now: a workbook too large to annotate, or with too many problems, gets the
// short copy holding the list alone.
func Annotate(data []byte, ps xxgk.Problems) ([]byte, error) {
	out, _, err := ReturnedCopy(data, ps, CopyInfo{})
	return out, err
}

// annotateFull is the full annotated copy: the workbook itself, cells marked.
func annotateFull(data []byte, ps xxgk.Problems, info CopyInfo) ([]byte, error) {
	lim := DefaultLimits()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: lim.MaxUnzipped, UnzipXMLSizeLimit: lim.MaxPart})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	type key struct{ sheet, cell string }
	notes := map[key][]xxgk.Problem{}
	var order []key
	for _, p := range ps {
		if p.Sheet == "" || p.Cell == "" {
			continue
		}
		if _, _, err := excelize.CellNameToCoordinates(p.Cell); err != nil {
			continue
		}
		if idx, _ := f.GetSheetIndex(p.Sheet); idx < 0 {
			continue
		}
		k := key{p.Sheet, p.Cell}
		if notes[k] == nil {
			order = append(order, k)
		}
		notes[k] = append(notes[k], p)
	}
	styles := map[[2]int]int{}           // (original style, severity) → filled style
	theirs := map[key]excelize.Comment{} // comments already in the workbook
	loaded := map[string]bool{}
	for _, k := range order {
		if loaded[k.sheet] {
			continue
		}
		loaded[k.sheet] = true
		cs, err := f.GetComments(k.sheet)
		if err != nil {
			return nil, fmt.Errorf("读取工作表“%s”的批注：%w", k.sheet, err)
		}
		for _, c := range cs {
			theirs[key{k.sheet, c.Cell}] = c
		}
	}
	for _, k := range order {
		list := notes[k]
		sev := 1
		if xxgk.Problems(list).HasErrors() {
			sev = 0
		}
		orig, err := f.GetCellStyle(k.sheet, k.cell)
		if err != nil {
			return nil, fmt.Errorf("单元格 %s!%s 的样式：%w", k.sheet, k.cell, err)
		}
		id, ok := styles[[2]int{orig, sev}]
		if !ok {
			st, err := f.GetStyle(orig)
			if err != nil || st == nil {
				st = &excelize.Style{}
			}
			cleanColors(st)
			color := fillError
			if sev == 1 {
				color = fillWarning
			}
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
			if id, err = f.NewStyle(st); err != nil {
				return nil, err
			}
			styles[[2]int{orig, sev}] = id
		}
		if err := f.SetCellStyle(k.sheet, k.cell, k.cell, id); err != nil {
			return nil, err
		}
		var text []string
		for _, p := range list {
			text = append(text, p.Severity.Label()+"："+p.Message)
		}
		// A cell holds one comment: a unit's own comment is kept below ours, in one note.
		if c, ok := theirs[k]; ok {
			if t := commentText(c); t != "" {
				text = append(text, "——原批注——", t)
			}
			if err := f.DeleteComment(k.sheet, k.cell); err != nil {
				return nil, fmt.Errorf("批注 %s!%s：%w", k.sheet, k.cell, err)
			}
		}
		if err := f.AddComment(k.sheet, excelize.Comment{Cell: k.cell, Author: "xxgk", Text: strings.Join(text, "\n"), Width: 300, Height: 120}); err != nil {
			return nil, fmt.Errorf("批注 %s!%s：%w", k.sheet, k.cell, err)
		}
	}
	if err := redate(f, info.ReplyBy); err != nil {
		return nil, err
	}
	if err := problemSheet(f, ps, info.office()); err != nil {
		return nil, err
	}
	if err := copyProps(f, info); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// commentText is a comment's words, plain or rich text.
func commentText(c excelize.Comment) string {
	t := c.Text
	for _, p := range c.Paragraph {
		t += p.Text
	}
	return strings.TrimSpace(t)
}
