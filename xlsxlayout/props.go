package xlsxlayout

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// Props are the document properties a workbook carries: who made it (the issuing
// office, never the library's "xuri"), what it is and for which round. A unit sees them
// in Excel's 属性 dialog and in Explorer's tooltip.
type Props struct {
	Creator string    // the issuing office
	Title   string    // what the workbook is, e.g. 市财政局 信息公开栏目建设情况填报表
	Subject string    // the round, e.g. 2020年度
	Created time.Time // zero keeps the file's own creation time, or now for a new file
	Now     time.Time // modification time; zero means time.Now()
}

// Set writes p into f's core properties, keeping anything p leaves empty (a unit's
// file keeps its own title when p.Title is empty).
func Set(f *excelize.File, p Props) error {
	cur, err := f.GetDocProps()
	if err != nil || cur == nil {
		// A unit's file with no readable docProps/core.xml (some writers drop it, or
		// damage it) simply gets new properties: they describe the file, not its data.
		cur = &excelize.DocProperties{}
	}
	now := p.Now
	if now.IsZero() {
		now = time.Now()
	}
	created := p.Created
	if created.IsZero() {
		created = now
		if t, err := time.Parse(time.RFC3339, cur.Created); err == nil && !isExcelizeDefault(t) {
			created = t
		}
	}
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	set(&cur.Creator, p.Creator)
	set(&cur.LastModifiedBy, p.Creator)
	set(&cur.Title, p.Title)
	set(&cur.Subject, p.Subject)
	cur.Created = created.UTC().Format(time.RFC3339)
	cur.Modified = now.UTC().Format(time.RFC3339)
	cur.Language = "zh-CN"
	if err := f.SetDocProps(cur); err != nil {
		return fmt.Errorf("document properties: %w", err)
	}
	return nil
}

// isExcelizeDefault tells excelize's template date (2006-09-16) from a real one.
func isExcelizeDefault(t time.Time) bool {
	return t.Year() == 2006 && t.Month() == time.September && t.Day() == 16
}
