package pdf

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"xxgk"
)

// withChecks gives the fixture's first submitted units website checks: every opened
// column of unit k gets result k (refused, unreachable, …), so units have different counts.
func withChecks(t testing.TB, s xxgk.Summary) xxgk.Summary {
	t.Helper()
	at := time.Date(2020, 9, 28, 9, 0, 0, 0, xxgk.ChinaTime)
	var cs []xxgk.Check
	k := 0
	for _, u := range s.Units {
		if u.Submission == nil || k >= len(xxgk.CheckResults) {
			continue
		}
		r := xxgk.CheckResults[k]
		for i, it := range u.Submission.Items {
			if it.Status != xxgk.Opened {
				continue
			}
			res := r
			if i%2 == 1 {
				res = xxgk.CheckOK
			}
			cs = append(cs, xxgk.Check{Round: s.Round.ID, Unit: u.Unit.Code, Code: it.Code, URL: it.URL,
				Result: res, Finding: "发现" + res.Label() + "情况", CheckedAt: at})
		}
		k++
	}
	s.AddChecks(cs)
	if !s.Checked() {
		t.Fatal("no checks attached")
	}
	return s
}

func TestReportChecksSection(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	plain := squash(poppler(t, "pdftotext", "-raw", render(t, s, cat, Options{Fonts: testFonts(t), Date: testDate}), "-"))
	if strings.Contains(plain, "网站核查情况") || strings.Contains(plain, "网站核查发现问题") || !strings.Contains(plain, "四、工作要求") {
		t.Error("a round never checked has no 核查情况, asks nothing about it and keeps 四、工作要求")
	}
	s = withChecks(t, s)
	tally := s.CheckTally()
	raw := squash(pageNumbers.ReplaceAllString(poppler(t, "pdftotext", "-raw", render(t, s, cat, Options{Fonts: testFonts(t), Date: testDate}), "-"), ""))
	want := []string{
		"四、网站核查情况",
		"2020年9月28日，对各单位填报为“已开设”并填写了网址的" + itoa(tally.Checked) + "个栏目逐一访问核查",
		"核查结果栏目数判定标准",
		"其中" + itoa(tally.Unchecked) + "个栏目未能核查（网址为 IP 地址或内网地址，从互联网无法打开），不计入问题率",
		"其余" + itoa(tally.Judged()) + "个栏目中，正常" + itoa(tally.ByResult[xxgk.CheckOK]) + "个，发现问题" + itoa(tally.Failed) + "个，问题率" + xxgk.Percent(float64(tally.Failed)/float64(tally.Judged())),
		"长期未更新" + itoa(tally.ByResult[xxgk.CheckStale]),
		"合计" + itoa(tally.Judged()),
		"单位核查栏目数问题栏目数问题类型",
		"五、工作要求",
		"网站核查发现问题的单位，要对照本通报",
	}
	if tally.Unchecked == 0 || strings.Contains(raw, "未核查"+itoa(tally.Unchecked)) {
		t.Error("the unchecked columns are not counted apart, outside the results table")
	}
	// Columns drawn by script were not judged: said apart, outside the table, whose rows
	// add up to its 合计.
	scripted := tally.ByResult[xxgk.CheckScripted]
	if scripted == 0 || strings.Contains(raw, "栏目内容由脚本加载"+itoa(scripted)) ||
		!strings.Contains(raw, itoa(scripted)+"个栏目的信息列表由网页脚本加载，未能判断是否空白、是否按时更新，不计入问题率") {
		t.Error("the scripted columns are not counted apart, outside the results table")
	}
	for _, w := range want {
		if !strings.Contains(raw, squash(w)) {
			t.Errorf("report lacks %q", w)
		}
	}
	// The units with most findings come first, with their counts by result.
	worst := s.Units[0]
	for _, u := range s.Units {
		if len(u.FailedChecks()) > len(worst.FailedChecks()) {
			worst = u
		}
	}
	if !strings.Contains(raw, squash(worst.Unit.Short+itoa(len(worst.JudgedChecks()))+itoa(len(worst.FailedChecks())))) {
		t.Errorf("the unit with most findings (%s) is not listed with its counts", worst.Unit.Short)
	}
}

func TestFeedbackChecks(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	s = withChecks(t, s)
	var failing, clean, refused xxgk.UnitSummary
	for _, u := range s.Units {
		switch {
		case len(u.UncheckedChecks()) > 0 && refused.Submission == nil:
			refused = u
		case len(u.FailedChecks()) > 0 && failing.Submission == nil:
			failing = u
		case len(u.Checks) > 0 && len(u.FailedChecks()) == 0:
			clean = u
		}
	}
	if failing.Submission == nil || clean.Submission == nil || refused.Submission == nil {
		t.Fatal("fixture lacks a unit with findings, one without or one not checked")
	}
	raw := renderFeedback(t, s, failing, cat)
	if !strings.Contains(raw, squash("并于2020年9月28日对你单位填报为“已开设”的"+itoa(len(failing.Checks))+"个栏目进行网站核查，你单位以下")) {
		t.Errorf("feedback lacks the check lead:\n%s", raw)
	}
	for _, c := range failing.FailedChecks() {
		if !strings.Contains(raw, squash(c.Code)) || !strings.Contains(raw, squash("网址："+c.URL)) || !strings.Contains(raw, squash("经网站核查，"+c.PaperFinding())) {
			t.Errorf("feedback lacks %s %s %s", c.Code, c.URL, c.Result.Label())
		}
	}
	// The office's own failure to check is said once, in plain words, and is no finding.
	raw = renderFeedback(t, s, refused, cat)
	if n := strings.Count(raw, squash("从互联网无法打开，未能核查")); n != 1 || strings.Contains(raw, "经网站核查") || strings.Contains(raw, "未核查") {
		t.Errorf("letter of a unit whose addresses were refused (said %d times):\n%s", n, raw)
	}
	raw = renderFeedback(t, s, clean, cat)
	if !strings.Contains(raw, squash("均可正常访问，栏目名称相符，且按时更新")) {
		t.Error("a unit whose columns all passed is not told so")
	}
	// A unit re-checked later (--unit) has columns checked on two days: both are named.
	// failing.Checks shares its array with s, so the 通报 below sees the same times.
	for i := range failing.Checks {
		if i%2 == 0 {
			failing.Checks[i].CheckedAt = failing.Checks[i].CheckedAt.AddDate(0, 0, -8)
		}
	}
	raw = renderFeedback(t, s, failing, cat)
	if !strings.Contains(raw, squash("2020年9月20日至2020年9月28日对你单位填报为“已开设”的"+itoa(len(failing.Checks))+"个栏目进行网站核查")) {
		t.Errorf("feedback of columns checked on two days:\n%s", raw)
	}
	raw = squash(pageNumbers.ReplaceAllString(poppler(t, "pdftotext", "-raw", render(t, s, cat, Options{Fonts: testFonts(t), Date: testDate}), "-"), ""))
	if !strings.Contains(raw, squash("2020年9月20日至2020年9月28日，对各单位填报为“已开设”并填写了网址的")) {
		t.Errorf("通报 of columns checked on two days:\n%s", raw)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestFeedbackUnjudgedAndRushed: a column drawn by script is named as not judged, not as
// a problem, and a rushed update is a warning paragraph of its own.
func TestFeedbackUnjudgedAndRushed(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	at := time.Date(2020, 9, 28, 9, 0, 0, 0, xxgk.ChinaTime)
	var unit xxgk.UnitSummary
	var cs []xxgk.Check
	for _, u := range s.Units {
		if u.Submission == nil {
			continue
		}
		n := 0
		for _, it := range u.Submission.Items {
			if it.Status != xxgk.Opened {
				continue
			}
			c := xxgk.Check{Round: s.Round.ID, Unit: u.Unit.Code, Code: it.Code, URL: it.URL, Result: xxgk.CheckOK, Finding: "共8条", CheckedAt: at}
			switch n {
			case 0:
				c.Result, c.Finding = xxgk.CheckScripted, xxgk.ScriptedFinding(xxgk.Page{Scripted: "列表为空，由脚本请求数据后填充"})
			case 1:
				c.Rushed = "2020年9月21日至2020年9月27日集中发布了3条信息，此前6个月没有发布信息，疑似突击更新"
			}
			cs = append(cs, c)
			n++
		}
		if n >= 2 {
			unit = u
			break
		}
		cs = nil
	}
	s.AddChecks(cs)
	for _, u := range s.Units {
		if u.Unit.Code == unit.Unit.Code {
			unit = u
		}
	}
	raw := renderFeedback(t, s, unit, cat)
	for _, w := range []string{
		"网站核查未发现问题。",
		"另有1个栏目（" + cs[0].Code,
		"的信息列表由网页脚本加载，本次核查未能判断其是否空白、是否按时更新，不作为问题",
		"以下1个栏目在核查前集中发布信息而此前长期未更新，疑似突击更新（仅作提示，不作为问题）",
		"：2020年9月21日至2020年9月27日集中发布了3条信息，此前6个月没有发布信息，疑似突击更新。网址：" + cs[1].URL,
	} {
		if !strings.Contains(raw, squash(w)) {
			t.Errorf("feedback lacks %q:\n%s", w, raw)
		}
	}
	if strings.Contains(raw, squash("均可正常访问，栏目名称相符，且按时更新")) || strings.Contains(raw, squash("【栏目内容由脚本加载】")) {
		t.Errorf("a column not judged is called fine or a problem:\n%s", raw)
	}
}
