package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"xxgk"
)

// overview is 总体情况: who reported on time, late (named, with the day) and not at all
// (named, with those whose file was sent back), and the column counts, which add up:
// 应建 = 已开设 + 未开设 + 不适用 + 未报送单位的栏目.
func (d *doc) overview(r *report) {
	s := r.s
	var late, missing, refused, resubmitted []xxgk.UnitSummary
	for _, u := range s.Units {
		switch {
		case u.State == xxgk.Late:
			late = append(late, u)
		case u.State == xxgk.Missing:
			missing = append(missing, u)
			if u.WasRejected() {
				refused = append(refused, u)
			}
		}
		if u.Version > 1 {
			resubmitted = append(resubmitted, u)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "截至%s，应报送单位%d个，已报送%d个，其中按时报送%d个、逾期报送%d个；未报送%d个。",
		xxgk.ChineseDate(r.asOf), len(s.Units), s.Submitted, s.Submitted-s.Late, s.Late, s.Missing)
	if len(late) > 0 {
		fmt.Fprintf(&b, "逾期报送的单位是：%s。", names(late, func(u xxgk.UnitSummary) string {
			return u.Unit.Short + "（" + monthDay(u.FirstAt) + "报送）"
		}))
	}
	if len(missing) > 0 {
		fmt.Fprintf(&b, "未报送的单位是：%s", names(missing, short))
		if len(refused) > 0 {
			fmt.Fprintf(&b, "，其中%s报送的表格因填写错误被退回，尚未改正并重新报送", names(refused, short))
		}
		b.WriteString("。")
	}
	if len(resubmitted) > 0 {
		fmt.Fprintf(&b, "%d个单位报送后又报送了修改后的表格，统计以最后一次报送为准。", len(resubmitted))
	}
	d.para(b.String())

	t := s.Total
	b.Reset()
	fmt.Fprintf(&b, "%d个单位应建栏目共%d个，其中已开设%d个、未开设%d个、不适用%d个",
		len(s.Units), t.Assigned, t.Opened, t.NotOpened, t.NotApplicable)
	if t.NotReported > 0 {
		fmt.Fprintf(&b, "，未报送单位的%d个栏目情况不明", t.NotReported)
	}
	fmt.Fprintf(&b, "。总体完成率为%s（已开设栏目数÷（应建栏目数－不适用栏目数）", xxgk.Percent(t.Completion()))
	if t.NotReported > 0 {
		b.WriteString("，未报送单位的栏目按未开设计算")
	}
	b.WriteString("）。")
	d.para(b.String())
}

// monthDay is 9月25日, China time.
func monthDay(t time.Time) string {
	t = china(t)
	return fmt.Sprintf("%d月%d日", int(t.Month()), t.Day())
}

// ranking is 各单位栏目建设情况: a table ranked by completion rate, ties sharing a rank,
// units that have not reported last and unranked, with a 合计 row; then the chart.
func (d *doc) ranking(r *report) {
	s := r.s
	d.para("各单位栏目建设完成率及排名见下表。完成率相同的并列同一名次；未报送单位列于最后，不计名次，其应建栏目计入“未报送”栏。")
	d.gap(0.3)
	d.table(d.rankingTable(s))
	d.gap(0.5)
	// The chart and its sentence go to a fresh page when they fit on one there but not
	// in what is left of this one: a chart cut after three bars reads badly.
	if h := bodyGap*1.3 + axisH + float64(len(s.Units))*barRow; d.y+h > bottomY && h <= bottomY-marginTop {
		d.newPage()
	}
	d.para("各单位完成率如下图所示。")
	d.gap(0.3)
	d.chart(s)
	d.gap(0.5)
}

// rankingTable lays out the ranked table: columns sized so that no unit name, state or
// number wraps.
func (d *doc) rankingTable(s xxgk.Summary) ([]column, []row) {
	var rows []row
	for _, ru := range ranked(s.Units) {
		u := ru.u
		rank := xxgk.NoRate
		if ru.rank > 0 {
			rank = strconv.Itoa(ru.rank)
		}
		state := u.State.Label()
		switch {
		case u.WasRejected():
			state = "未报送\n（已退回）"
		case u.Version > 1:
			state += fmt.Sprintf("\n（第%d次报送）", u.Version)
		}
		rows = append(rows, row{shaded: u.State == xxgk.Missing, cells: append([]string{rank, u.Unit.Short, state}, countCells(u.Counts, u.Rate())...)})
	}
	rows = append(rows, row{strong: true, shaded: true, keep: true,
		cells: append([]string{"", "合计", fmt.Sprintf("已报送\n%d/%d", s.Submitted, len(s.Units))}, countCells(s.Total, xxgk.Percent(s.Total.Completion()))...)})
	cols := []column{{head: "名次", align: 'C'}, {head: "单位", align: 'L'}, {head: "报送情况", align: 'C'},
		{head: "应建\n栏目", align: 'C'}, {head: "已开设", align: 'C'}, {head: "未开设", align: 'C'}, {head: "不适用", align: 'C'},
		{head: "未报送", align: 'C'}, {head: "完成率", align: 'C'}}
	return d.spread(cols, rows), rows
}

// countCells are the partition's cells: 应建, 已开设, 未开设, 不适用, 未报送, then rate.
func countCells(c xxgk.Counts, rate string) []string {
	return []string{strconv.Itoa(c.Assigned), strconv.Itoa(c.Opened), strconv.Itoa(c.NotOpened),
		strconv.Itoa(c.NotApplicable), strconv.Itoa(c.NotReported), rate}
}

// rankedUnit is a unit with its place; rank 0 means not ranked (not reported).
type rankedUnit struct {
	u    xxgk.UnitSummary
	rank int
}

// ranked is xxgk.Ranked, the one ranking every paper uses.
func ranked(units []xxgk.UnitSummary) []rankedUnit {
	rs := xxgk.Ranked(units)
	out := make([]rankedUnit, len(rs))
	for i, r := range rs {
		out[i] = rankedUnit{u: r.UnitSummary, rank: r.Rank}
	}
	return out
}
