package main

import (
	"fmt"
	"strings"

	"xxgk/importer"
)

// interrupted is import's answer to Ctrl-C: what was stored, what was not, and that
// running the same command again finishes the job (stored files come back unchanged).
func interrupted(t importer.Totals) error {
	parts := []string{fmt.Sprintf("已接收 %d", t.Accepted)}
	if t.Unchanged > 0 {
		parts = append(parts, fmt.Sprintf("未变化 %d", t.Unchanged))
	}
	if t.Rejected > 0 {
		parts = append(parts, fmt.Sprintf("已退回 %d", t.Rejected))
	}
	if t.Failed > 0 {
		parts = append(parts, fmt.Sprintf("保存失败 %d", t.Failed))
	}
	if t.Unreadable > 0 {
		parts = append(parts, fmt.Sprintf("未能读取 %d", t.Unreadable))
	}
	// The outcomes that store nothing either: every processed file is counted somewhere.
	if t.Valid > 0 {
		parts = append(parts, fmt.Sprintf("检查通过 %d", t.Valid))
	}
	if t.Blank > 0 {
		parts = append(parts, fmt.Sprintf("空白模板 %d", t.Blank))
	}
	if t.Older > 0 {
		parts = append(parts, fmt.Sprintf("未采用 %d", t.Older))
	}
	parts = append(parts, fmt.Sprintf("未处理 %d", t.NotProcessed))
	return &exitError{code: exitInterrupted, err: fmt.Errorf("已中断：%s；重新运行同一命令即可继续", strings.Join(parts, "，"))}
}
