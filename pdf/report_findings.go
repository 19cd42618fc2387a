package pdf

import (
	"fmt"
	"sort"
	"strconv"

	"xxgk"
)

// The 未开设 table lists at most maxIndicators indicators, each naming at most maxNamed
// units before "等N个单位": the 通报 shows where the gaps are; the 附件 lists them all.
const (
	maxIndicators = 10
	maxNamed      = 12
)

// findings is 存在的主要问题, from the current submissions only (never the checks the
// office's working list holds): columns not opened, grouped by indicator; opened columns
// not updated within the staleness rule; opened columns without the 报送内容 the table
// asks for.
func (d *doc) findings(r *report) {
	if r.s.Submitted == 0 {
		d.para("截至" + xxgk.ChineseDate(r.asOf) + "，尚无单位报送，栏目建设中存在的问题待各单位报送后通报。")
		return
	}
	d.subheading("（一）部分应建栏目尚未开设")
	d.notOpened(r)
	d.subheading("（二）部分栏目更新不及时")
	d.stale(r)
	d.subheading("（三）部分栏目未报送需报送的信息")
	d.unreported(r)
	if units := r.s.ReturnedUnits(); len(units) > 0 {
		d.subheading("（四）部分单位报送内容经审核需修改")
		d.returned(units)
	}
}

// found walks the findings of kind k of every submitted unit, in catalog order: the
// same rule (xxgk.Findings) as each unit's letter, judged on the same day.
func (r *report) found(k xxgk.FindingKind, fn func(u xxgk.UnitSummary, f xxgk.Finding)) {
	for _, u := range r.s.Units {
		for _, f := range xxgk.Findings(r.cat.For(u.Unit), u.Submission, r.asOf) {
			if f.Kind == k {
				fn(u, f)
			}
		}
	}
}

func (d *doc) notOpened(r *report) {
	byCode := map[string][]string{}
	units := map[string]bool{}
	total := 0
	r.found(xxgk.FindNotOpened, func(u xxgk.UnitSummary, f xxgk.Finding) {
		byCode[f.Indicator.Code] = append(byCode[f.Indicator.Code], u.Unit.Short)
		units[u.Unit.Code] = true
		total++
	})
	if total == 0 {
		d.para("已报送单位的应建栏目均已开设。")
		return
	}
	inds := append([]xxgk.IndicatorCoverage(nil), r.s.Indicators...)
	sort.SliceStable(inds, func(i, j int) bool { return len(byCode[inds[i].Code]) > len(byCode[inds[j].Code]) })
	which := "按指标看，未开设的单位数由多到少依次是："
	if len(byCode) > maxIndicators {
		which = fmt.Sprintf("按指标看，未开设单位最多的%d项指标是：", maxIndicators)
	}
	d.para(fmt.Sprintf("已报送的单位中，有%d个单位的%d个应建栏目尚未开设（各单位未开设的栏目及原因见附件）。%s",
		len(units), total, which))
	var rows []row
	var lists [][]string
	for _, ic := range inds {
		us := byCode[ic.Code]
		if len(us) == 0 || len(rows) == maxIndicators {
			break
		}
		rows = append(rows, row{cells: []string{ic.Code, indName(ic.Indicator), strconv.Itoa(len(us)), ""}})
		lists = append(lists, us)
	}
	cols := []column{{head: "编码", align: 'L'}, {head: "指标", align: 'L', w: 42}, {head: "未开设\n单位数", align: 'C'}, {head: "未开设的单位", align: 'L'}}
	cols = d.fit(cols, rows, 3)
	for i, us := range lists {
		if len(us) > maxNamed {
			us = append(us[:maxNamed:maxNamed], fmt.Sprintf("等%d个单位", len(us)))
		}
		rows[i].cells[3] = d.pack(us, cols[3].w-2*padX)
	}
	d.gap(0.3)
	d.table(cols, rows)
	d.gap(0.5)
}

// byUnit gathers the findings of kind k by unit: the units that have any, in catalog
// order, the indicator codes of each, and how many in all.
func (r *report) byUnit(k xxgk.FindingKind) (order []xxgk.UnitSummary, codes map[string][]string, total int) {
	codes = map[string][]string{}
	r.found(k, func(u xxgk.UnitSummary, f xxgk.Finding) {
		if codes[u.Unit.Code] == nil {
			order = append(order, u)
		}
		codes[u.Unit.Code] = append(codes[u.Unit.Code], f.Indicator.Code)
		total++
	})
	return order, codes, total
}

func (d *doc) stale(r *report) {
	rule := fmt.Sprintf("按照按月公开的栏目%d天内、其他栏目%d个月内应有更新的要求", xxgk.StaleMonthlyDays, xxgk.StaleAfter)
	order, byUnit, total := r.byUnit(xxgk.FindStale)
	if total == 0 {
		d.para(rule + "，截至" + xxgk.ChineseDate(r.asOf) + "，已开设栏目均在要求期限内有更新。")
		return
	}
	d.para(fmt.Sprintf("%s，截至%s，有%d个单位的%d个已开设栏目超期未更新，存在被认定为“不更新”栏目的风险（各栏目的最近更新日期见各单位反馈意见），具体如下：",
		rule, xxgk.ChineseDate(r.asOf), len(order), total))
	d.unitListTable(order, byUnit, "超期未更新的栏目（指标编码）")
}

func (d *doc) unreported(r *report) {
	order, byUnit, total := r.byUnit(xxgk.FindMissingReport)
	if total == 0 {
		d.para("已开设栏目中，指标要求报送的信息均已报送。")
		return
	}
	d.para(fmt.Sprintf("有%d个单位的%d个已开设栏目未填写指标要求报送的信息：", len(order), total))
	d.unitListTable(order, byUnit, "未报送信息的栏目（指标编码）")
}

// unitListTable is a table of units with their items packed into lines, units with
// the most items first. At province scale it lists the maxInText units with the most and
// says how many more there are: each unit's own letter lists its items.
func (d *doc) unitListTable(order []xxgk.UnitSummary, items map[string][]string, head string) {
	order = append([]xxgk.UnitSummary(nil), order...)
	sort.SliceStable(order, func(i, j int) bool { return len(items[order[i].Unit.Code]) > len(items[order[j].Unit.Code]) })
	rest := 0
	if len(order) > maxInText {
		order, rest = order[:maxInText], len(order)-maxInText
	}
	rows := make([]row, len(order))
	for i, u := range order {
		rows[i] = row{cells: []string{u.Unit.Short, strconv.Itoa(len(items[u.Unit.Code])), ""}}
	}
	cols := d.fit([]column{{head: "单位", align: 'L'}, {head: "个数", align: 'C'}, {head: head, align: 'L'}}, rows, 2)
	for i, u := range order {
		rows[i].cells[2] = d.pack(items[u.Unit.Code], cols[2].w-2*padX)
	}
	d.gap(0.3)
	d.table(cols, rows)
	if rest > 0 {
		d.gap(0.3)
		d.para(fmt.Sprintf("以上为问题最多的%d个单位，其余%d个单位见各单位反馈意见。", maxInText, rest))
	}
	d.gap(0.5)
}
