package pdf

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"xxgk"
)

// topCheckUnits is how many units the 核查情况 section names, most findings first.
const topCheckUnits = 10

// checks writes 网站核查情况 (the website check): counts by result with the criteria,
// then the units with most findings. The sections list has it only once a check exists.
func (d *doc) checks(r *report) {
	s := r.s
	t := s.CheckTally()
	var b strings.Builder
	fmt.Fprintf(&b, "%s，对各单位填报为“已开设”并填写了网址的%d个栏目逐一访问核查。", xxgk.CheckDays(t.First, t.Last), t.Checked)
	if t.Unchecked > 0 {
		fmt.Fprintf(&b, "其中%d个栏目未能核查（网址为 IP 地址或内网地址，从互联网无法打开），不计入问题率，已在各单位反馈意见中说明。", t.Unchecked)
	}
	if n := t.ByResult[xxgk.CheckScripted]; n > 0 {
		fmt.Fprintf(&b, "%d个栏目的信息列表由网页脚本加载，未能判断是否空白、是否按时更新，不计入问题率。", n)
	}
	if t.Judged() < t.Checked {
		fmt.Fprintf(&b, "其余%d个栏目中，", t.Judged())
	}
	rate := xxgk.NoRate
	if t.Judged() > 0 {
		rate = xxgk.Percent(float64(t.Failed) / float64(t.Judged()))
	}
	fmt.Fprintf(&b, "正常%d个，发现问题%d个，问题率%s。各类结果的数量和判定标准见下表（每个栏目只计第一个适用的结果）。经网站核查的“长期未更新”以网页上最新信息的日期为准，与第三部分据各单位填报的最近更新日期统计的结果不同。",
		t.ByResult[xxgk.CheckOK], t.Failed, rate)
	d.para(b.String())
	d.gap(0.3)
	var rows []row
	for _, r := range xxgk.CheckResults {
		if r.Unchecked() || r.Unjudged() { // said above, outside the 问题率 and this table
			continue
		}
		rows = append(rows, row{cells: []string{r.Label(), strconv.Itoa(t.ByResult[r]), r.Criterion()},
			shaded: r.Failed() && t.ByResult[r] > 0})
	}
	rows = append(rows, row{strong: true, shaded: true, keep: true, cells: []string{"合计", strconv.Itoa(t.Judged()), ""}})
	cols := []column{{head: "核查结果", align: 'L'}, {head: "栏目数", align: 'C'}, {head: "判定标准", align: 'L'}}
	d.table(d.fit(cols, rows, 2), rows)
	d.gap(0.5)

	units := make([]xxgk.UnitSummary, 0, len(s.Units))
	for _, u := range s.Units {
		if len(u.FailedChecks()) > 0 {
			units = append(units, u)
		}
	}
	if len(units) == 0 {
		d.para("核查的栏目均未发现问题。")
		return
	}
	sort.SliceStable(units, func(i, j int) bool { return len(units[i].FailedChecks()) > len(units[j].FailedChecks()) })
	shown := units[:min(len(units), topCheckUnits)]
	lead := fmt.Sprintf("%d个单位的栏目存在问题", len(units))
	if len(units) > len(shown) {
		lead += fmt.Sprintf("，问题最多的%d个单位如下", len(shown))
	} else {
		lead += "，按问题数由多到少排列如下"
	}
	d.para(lead + "。各单位问题栏目的网址和具体情况已列入各单位的反馈意见。")
	d.gap(0.3)
	rows = rows[:0]
	for _, u := range shown {
		failed := u.FailedChecks()
		rows = append(rows, row{cells: []string{u.Unit.Short, strconv.Itoa(len(u.JudgedChecks())), strconv.Itoa(len(failed)), resultCounts(failed)}})
	}
	cols = []column{{head: "单位", align: 'L'}, {head: "核查\n栏目数", align: 'C'}, {head: "问题\n栏目数", align: 'C'}, {head: "问题类型", align: 'L'}}
	d.table(d.fit(cols, rows, 3), rows)
	d.gap(0.5)
}

// resultCounts is "无法访问 2，空白栏目 1", in result order.
func resultCounts(cs []xxgk.Check) string {
	n := map[xxgk.CheckResult]int{}
	for _, c := range cs {
		n[c.Result]++
	}
	var parts []string
	for _, r := range xxgk.CheckResults {
		if n[r] > 0 {
			parts = append(parts, fmt.Sprintf("%s%d个", r.Label(), n[r]))
		}
	}
	return strings.Join(parts, "，")
}
