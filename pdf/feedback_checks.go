package pdf

import (
	"fmt"
	"strings"

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
	unjudged, rushed := uncertainChecks(u.Checks)
	label := func(c xxgk.Check) string {
		if name := names[c.Code]; name != "" {
			return c.Code + " " + name
		}
		return c.Code
	}
	switch {
	case len(failed) == 0 && len(unjudged) == 0:
		d.para(fmt.Sprintf("%s对你单位填报为“已开设”的%d个栏目进行了网站核查，均可正常访问，栏目名称相符，且按时更新。",
			when, len(u.Checks)))
	case len(failed) == 0:
		d.para(fmt.Sprintf("%s对你单位填报为“已开设”的%d个栏目进行了网站核查，未发现问题。", when, len(u.Checks)))
	default:
		d.para(fmt.Sprintf("%s对你单位填报为“已开设”的%d个栏目进行了网站核查，以下%d个栏目存在问题，请逐项整改：",
			when, len(u.Checks), len(failed)))
		items := make([]string, len(failed))
		for i, c := range failed {
			items[i] = fmt.Sprintf("%s【%s】网址 %s ：%s。", label(c), c.Result.Label(), c.URL, c.Finding)
			if c.Rushed != "" {
				items[i] += "另：" + c.Rushed + "。"
			}
		}
		d.numbered(items)
	}
	if len(unjudged) > 0 {
		codes := make([]string, len(unjudged))
		for i, c := range unjudged {
			codes[i] = label(c)
		}
		d.para(fmt.Sprintf("另有%d个栏目（%s）的信息列表由网页脚本加载，本次核查未能判断其是否空白、是否按时更新，不作为问题；请确保栏目内容在常用浏览器中能正常显示。",
			len(unjudged), strings.Join(codes, "、")))
	}
	if len(rushed) > 0 {
		d.para(fmt.Sprintf("以下%d个栏目在核查前集中发布信息而此前长期未更新，疑似突击更新（仅作提示），请注意日常及时更新：", len(rushed)))
		items := make([]string, len(rushed))
		for i, c := range rushed {
			items[i] = fmt.Sprintf("%s 网址 %s ：%s。", label(c), c.URL, c.Rushed)
		}
		d.numbered(items)
	}
}

// uncertainChecks are the unit's columns the check could not judge, and those judged
// fine but with a rushed update (a failed column's warning goes with its finding).
func uncertainChecks(cs []xxgk.Check) (unjudged, rushed []xxgk.Check) {
	for _, c := range cs {
		switch {
		case c.Result.Unjudged():
			unjudged = append(unjudged, c)
		case !c.Result.Failed() && c.Rushed != "":
			rushed = append(rushed, c)
		}
	}
	return unjudged, rushed
}
