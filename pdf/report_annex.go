package pdf

import (
	"xxgk"
)

// unopenedRows are the 附件's rows: every column a submitted unit has not opened, with
// the unit's stated reason, in catalog order.
func (r *report) unopenedRows(d *doc) []row {
	var rows []row
	r.found(xxgk.FindNotOpened, func(u xxgk.UnitSummary, f xxgk.Finding) {
		reason := f.Item.Remark
		if reason == "" {
			reason = "未说明"
		}
		rows = append(rows, row{cells: []string{u.Unit.Short, f.Indicator.Code, d.indName(f.Indicator), reason}})
	})
	return rows
}

// annexTable is 各单位未开设栏目清单: unit, code, indicator and reason. Unit names and
// codes are sized to stay on one line; the indicator and the reason wrap.
func (d *doc) annexTable(rows []row) {
	cols := []column{{head: "单位", align: 'L'}, {head: "编码", align: 'L'}, {head: "指标", align: 'L', w: 40}, {head: "未开设原因", align: 'L'}}
	d.table(d.fit(cols, rows, 3), rows)
}
