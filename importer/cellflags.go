package importer

import (
	"xxgk"
)

// A formula cell is not what a person typed: a formula error (#N/A, #REF!…) must not be
// stored as if it were text, and a formula without a cached result has no value this
// reader can see (only a spreadsheet program can calculate it). Both are reported on the
// cell with what to do, in place of the generic "请填写…" the empty value would earn.

// flagProblem is the problem for a flagged cell, or false when the cell is a plain value.
func (rd *read) flagProblem(g grid, r, c int) (xxgk.Problem, bool) {
	p := xxgk.Problem{Severity: xxgk.Error, File: rd.c.Name, Sheet: g.sheet, Cell: addr(r, c)}
	switch g.flagAt(r, c) {
	case flagFormulaError:
		p.Value = g.cell(r, c)
		p.Message = "单元格是公式错误 " + p.Value + "，请改为实际内容"
	case flagNoCachedValue:
		p.Message = "公式没有计算结果，请在 Excel 或 WPS 中打开、保存后再报送"
	default:
		return p, false
	}
	return p, true
}

// flaggedInputs reports the flagged input cells of row r and returns the form columns
// (by label, as Problem.Field names them) whose other problems are now beside the point.
func (rd *read) flaggedInputs(g grid, lay layout, r int, code string) map[string]bool {
	if len(g.flags) == 0 {
		return nil
	}
	var out map[string]bool
	for i := xxgk.FirstInputCol; i < xxgk.NumCols; i++ {
		c := lay.col[i]
		if c < 0 {
			continue
		}
		if p, ok := rd.flagProblem(g, r, c); ok {
			p.Code, p.Field = code, xxgk.FormColumns[i]
			rd.c.Problems = append(rd.c.Problems, p)
			if out == nil {
				out = map[string]bool{}
			}
			out[p.Field] = true
		}
	}
	return out
}

// dropFields removes the problems about the given fields.
func dropFields(ps xxgk.Problems, fields map[string]bool) xxgk.Problems {
	if len(fields) == 0 {
		return ps
	}
	out := ps[:0]
	for _, p := range ps {
		if !fields[p.Field] {
			out = append(out, p)
		}
	}
	return out
}
