package exporter

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// MissingColumns and ProblemColumns are the headers of 未报送单位 and 问题清单.
var (
	MissingColumns = []string{"序号", "单位", "单位全称", "类型", "应建栏目", "退回情况"}
	ProblemColumns = []string{"单位", "位置", "指标编码", "值", "问题"}
)

// writeMissingSheet lists the units that have not submitted, in catalog order; with none,
// one line says so, so that an empty sheet is not mistaken for a failure.
func writeMissingSheet(f *excelize.File, st *styles, s xxgk.Summary, title string) error {
	cols := []column{
		st.column(MissingColumns[0], 6, st.center), st.column(MissingColumns[1], 20, st.text),
		st.column(MissingColumns[2], 30, st.wrap), st.column(MissingColumns[3], 10, st.center), st.column(MissingColumns[4], 10, st.number),
		st.column(MissingColumns[5], 46, st.wrap),
	}
	var missing []xxgk.UnitSummary
	for _, u := range s.Units {
		if u.State == xxgk.Missing {
			missing = append(missing, u)
		}
	}
	rows := max(len(missing), 1)
	sw, err := newSheetWriter(f, sheetSpec{Name: SheetMissing, Cols: cols, HeaderRow: 1, LastRow: 1 + rows, Freeze: "A2", Title: title})
	if err != nil {
		return err
	}
	if err := sw.header(st.header); err != nil {
		return err
	}
	if len(missing) == 0 {
		if err := sw.next([]any{nil, "（全部单位均已报送）"}); err != nil {
			return err
		}
		return sw.finish(0, nil)
	}
	vals := make([]any, len(cols))
	for i, u := range missing {
		row := []any{i + 1, u.Unit.Label(), str(u.Unit.Name), u.Unit.Kind.Label(), u.Assigned, rejectionNote(u)}
		for j, v := range row {
			vals[j] = excelize.Cell{Value: v, StyleID: cols[j].Style}
		}
		if err := sw.next(vals); err != nil {
			return err
		}
	}
	return sw.finish(len(missing), nil)
}

// writeProblemsSheet lists the warnings recorded when each unit's current submission was
// imported (errors reject a file, so only warnings reach the store), units in catalog order.
func writeProblemsSheet(f *excelize.File, st *styles, s xxgk.Summary, title string) error {
	cols := []column{
		st.column(ProblemColumns[0], 16, st.text), st.column(ProblemColumns[1], 13, st.text), st.column(ProblemColumns[2], 11, st.text),
		st.column(ProblemColumns[3], 30, st.wrap), st.column(ProblemColumns[4], 56, st.wrap),
	}
	n := len(s.ReturnedUnits())
	for _, u := range s.Units {
		if u.Submission != nil {
			n += len(u.Submission.Warnings)
		}
	}
	sw, err := newSheetWriter(f, sheetSpec{Name: SheetProblems, Cols: cols, HeaderRow: 1, LastRow: 1 + max(n, 1), Freeze: "A2", Title: title})
	if err != nil {
		return err
	}
	if err := sw.header(st.header); err != nil {
		return err
	}
	if n == 0 {
		if err := sw.next([]any{"（导入时未发现问题）"}); err != nil {
			return err
		}
		return sw.finish(0, nil)
	}
	vals := make([]any, len(cols))
	for _, u := range s.ReturnedUnits() { // the office's own verdicts first
		for j, v := range returnedRow(u) {
			vals[j] = excelize.Cell{Value: v, StyleID: cols[j].Style}
		}
		if err := sw.next(vals); err != nil {
			return err
		}
	}
	for _, u := range s.Units {
		if u.Submission == nil {
			continue
		}
		for _, p := range u.Submission.Warnings {
			row := []any{u.Unit.Label(), str(p.Where()), str(p.Code), str(p.Value), problemText(p)}
			for j, v := range row {
				vals[j] = excelize.Cell{Value: v, StyleID: cols[j].Style}
			}
			if err := sw.next(vals); err != nil {
				return err
			}
		}
	}
	return sw.finish(n, nil)
}

// returnedRow is a unit's line in 问题清单 when its current version was returned for
// changes (审核退回): where = 审核, value = the version, text = the office's comment.
func returnedRow(u xxgk.UnitSummary) []any {
	rv := u.ReturnedReview()
	return []any{u.Unit.Label(), "审核", nil, str(fmt.Sprintf("第 %d 版", rv.Version)),
		str("退回修改（" + rv.Operator + "，" + FormatTime(rv.At) + "）：" + rv.Comment)}
}

// problemText names the field when the message does not start with it.
func problemText(p xxgk.Problem) string {
	if p.Field == "" {
		return p.Message
	}
	return p.Field + "：" + p.Message
}

// rejectionNote says when a missing unit's file was sent back, so the office does not
// chase it as if it had never reported.
func rejectionNote(u xxgk.UnitSummary) any {
	if !u.WasRejected() {
		return nil
	}
	last := u.Rejected.Last
	return fmt.Sprintf("%s 报送的 %s 有 %d 处错误，已退回，待改正重报（共退回 %d 次）",
		FormatTime(last.At), last.FileName, last.Errors, u.Rejected.Count)
}
