package exporter

import "xxgk"

// addCheck fills a detail row's 核查结果 and 核查时间 from the unit's latest website check
// of that column (see xxgk.Summary.AddChecks: only checks of the address now reported),
// with a rushed update (突击更新) noted after the result: a warning, not a result.
func addCheck(d *Detail, u xxgk.UnitSummary) {
	if c, ok := u.Check(d.Code); ok {
		d.Check, d.CheckedAt = c.Result.Label(), c.CheckedAt
		if c.Rushed != "" {
			d.Check += "（疑似突击更新）"
		}
	}
}
