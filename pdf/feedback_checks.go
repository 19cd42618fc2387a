package pdf

import (
	"fmt"

	"xxgk"
)

// checkFindings tells a unit what the website check found: each column with a finding,
// its address and what was seen, so the webmaster can go straight to the page. Nothing
// is written for a unit none of whose columns was checked.
func (d *doc) checkFindings(u xxgk.UnitSummary, inds []xxgk.Indicator) {
	if len(u.Checks) == 0 {
		return
	}
	names := map[string]string{}
	for _, ind := range inds {
		names[ind.Code] = indName(ind)
	}
	when := xxgk.CheckDays(xxgk.CheckSpan(u.Checks))
	failed := u.FailedChecks()
	if len(failed) == 0 {
		d.para(fmt.Sprintf("%s对你单位填报为“已开设”的%d个栏目进行了网站核查，均可正常访问，栏目名称相符，且按时更新。",
			when, len(u.Checks)))
		return
	}
	d.para(fmt.Sprintf("%s对你单位填报为“已开设”的%d个栏目进行了网站核查，以下%d个栏目存在问题，请逐项整改：",
		when, len(u.Checks), len(failed)))
	items := make([]string, len(failed))
	for i, c := range failed {
		name := names[c.Code]
		if name == "" {
			name = c.Code
		}
		items[i] = fmt.Sprintf("%s %s【%s】网址 %s ：%s。", c.Code, name, c.Result.Label(), c.URL, c.Finding)
	}
	d.numbered(items)
}
