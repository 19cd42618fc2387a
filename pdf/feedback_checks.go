package pdf

import (
	"fmt"
	"strings"

	"xxgk"
)

// problemItems are the numbered items of a letter's 需要整改的问题: one per column, in the
// order of the unit's indicators, with what its own entries show (findings) and what the
// website check found (a check the office could not make is said apart, once).
func (l letter) problemItems(findings []xxgk.Finding) []string {
	byCode := map[string][]xxgk.Finding{}
	for _, f := range findings {
		byCode[f.Indicator.Code] = append(byCode[f.Indicator.Code], f)
	}
	checks := map[string]xxgk.Check{}
	for _, c := range l.u.FailedChecks() {
		checks[c.Code] = c
	}
	asOf := l.opt.asOf()
	var items []string
	for _, ind := range l.inds {
		fs, c := byCode[ind.Code], checks[ind.Code]
		if len(fs) == 0 && c.Code == "" {
			continue
		}
		name := l.d.indName(ind)
		if len(fs) == 1 && c.Code == "" {
			items = append(items, findingText(fs[0], name, asOf))
			continue
		}
		parts := make([]string, 0, len(fs)+1)
		for _, f := range fs {
			parts = append(parts, findingPart(f, asOf))
		}
		text := ind.Code + " " + name + "：" + strings.Join(parts, "；")
		if c.Code != "" {
			if len(parts) > 0 {
				text += "；"
			}
			text += checkText(c, saysAlready(fs, c.Result))
		} else {
			text += "。"
		}
		items = append(items, text)
	}
	return items
}

// checkText is what the website check found of one column and what to do, with the
// address last, so that a long one breaks at its own / and . rather than mid-sentence.
func checkText(c xxgk.Check, noAdvice bool) string {
	s := "经网站核查，" + c.PaperFinding()
	if a := c.Result.Advice(); a != "" && !noAdvice {
		s += "，" + a
	}
	s += "。网址：" + c.URL
	if c.Rushed != "" {
		s += "。另：" + c.Rushed
	}
	return s
}

// sameAdvice pairs a check result with the finding whose sentence already asks the same.
var sameAdvice = map[xxgk.CheckResult]xxgk.FindingKind{
	xxgk.CheckStale: xxgk.FindStale,
	xxgk.CheckEmpty: xxgk.FindEmpty,
}

// saysAlready tells whether one of fs already asks what the check's advice would.
func saysAlready(fs []xxgk.Finding, r xxgk.CheckResult) bool {
	k, ok := sameAdvice[r]
	if !ok {
		return false
	}
	for _, f := range fs {
		if f.Kind == k {
			return true
		}
	}
	return false
}

// uncheckedText says once, in plain words, which of the unit's addresses the office
// could not open and what the unit should look at; "" when there are none.
func uncheckedText(u xxgk.UnitSummary) string {
	cs := u.UncheckedChecks()
	if len(cs) == 0 {
		return ""
	}
	hosts := xxgk.CheckHosts(cs)
	where := ""
	if len(hosts) > 0 && len(hosts) <= 3 {
		where = "（" + strings.Join(hosts, "、") + "）"
	}
	return fmt.Sprintf("你单位填报的%d个栏目网址%s从互联网无法打开，未能核查，不计入问题。请确认网站已向公众开放，所填网址是公众可以访问的互联网地址，而不是内网地址或 IP 地址；如有误，请在重新报送时改正。",
		len(cs), where)
}

// checkedText opens the list with what was checked, or says all was well.
func checkedText(u xxgk.UnitSummary) (when string, judged int) {
	js := u.JudgedChecks()
	if len(js) == 0 {
		return "", 0
	}
	return xxgk.CheckDays(xxgk.CheckSpan(js)), len(js)
}

// uncertainText says, in one paragraph each, which of the unit's columns the check could
// not judge (lists drawn by script) and which look like a rushed update (a warning, not a
// problem); nothing when there are none.
func uncertainText(u xxgk.UnitSummary, name func(code string) string) []string {
	var unjudged, rushed []string
	for _, c := range u.Checks {
		switch {
		case c.Result.Unjudged():
			unjudged = append(unjudged, c.Code+" "+name(c.Code))
		case !c.Result.Failed() && c.Rushed != "":
			rushed = append(rushed, c.Code+" "+name(c.Code)+"："+c.Rushed+"。网址："+c.URL)
		}
	}
	var out []string
	if len(unjudged) > 0 {
		out = append(out, fmt.Sprintf("另有%d个栏目（%s）的信息列表由网页脚本加载，本次核查未能判断其是否空白、是否按时更新，不作为问题；请确保栏目内容在常用浏览器中能正常显示。",
			len(unjudged), strings.Join(unjudged, "、")))
	}
	if len(rushed) > 0 {
		out = append(out, fmt.Sprintf("以下%d个栏目在核查前集中发布信息而此前长期未更新，疑似突击更新（仅作提示，不作为问题），请注意日常及时更新：%s。",
			len(rushed), strings.Join(rushed, "；")))
	}
	return out
}
