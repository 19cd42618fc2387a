package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"xxgk"
	"xxgk/fonts"
)

// Report writes the round's 通报: title, summary, per-unit table, units not submitted,
// indicator coverage, completion chart, requirements, issuer and date, and an appendix
// listing the problems found at import.
func Report(w io.Writer, s xxgk.Summary, cat *xxgk.Catalog, opt Options) error {
	if opt.Fonts == nil {
		return ErrNoFonts
	}
	opt = defaults(opt, s.Round)
	title := reportTitle(s.Round)
	d := newDoc(opt, title)
	d.newPage()
	d.title(title)
	d.centred(fmt.Sprintf("（轮次 %s　统计截至%s）", s.Round.ID, xxgk.ChineseDate(china(opt.Date))))
	d.gap(0.5)
	d.flush("各有关单位：")
	d.para(summaryText(s, opt.Date))

	d.heading("一、各单位报送情况")
	d.para("各单位报送情况见下表，按未报送、逾期报送、完成率由低到高排列。完成率＝已开设栏目数÷（应建栏目数－不适用数）；未报送单位不计算完成率，以“" + xxgk.NoRate + "”表示。")
	d.gap(0.3)
	d.unitTable(s)
	d.gap(0.5)

	d.heading("二、未报送单位")
	if missing := s.MissingUnits(); len(missing) == 0 {
		d.para("所有单位均已报送。")
	} else {
		names := make([]string, len(missing))
		for i, u := range missing {
			names[i] = u.Short
		}
		d.para(fmt.Sprintf("截至%s，以下%d个单位尚未报送：%s。", xxgk.ChineseDate(china(opt.Date)), len(missing), strings.Join(names, "、")))
		var sentBack []string
		for _, u := range s.Units {
			if u.WasRejected() {
				sentBack = append(sentBack, u.Unit.Short)
			}
		}
		if len(sentBack) > 0 {
			d.para(fmt.Sprintf("其中%s曾报送，但因填写错误被退回，尚未改正重报。", strings.Join(sentBack, "、")))
		}
	}

	d.heading("三、指标覆盖情况")
	d.para("各项指标的应建单位数、已开设单位数及覆盖率见下表。覆盖率＝已开设单位数÷（应建单位数－不适用单位数），未报送单位按未开设计。")
	d.gap(0.3)
	d.indicatorTable(s)
	d.gap(0.5)

	d.heading("四、各单位完成率")
	d.para("各单位栏目建设完成率由高到低排列如下，未报送单位列于最后。")
	d.gap(0.3)
	d.chart(s)
	d.gap(0.5)

	requirements := "五、工作要求"
	if d.checksSection(s, "五") {
		requirements = "六、工作要求"
	}
	d.heading(requirements)
	d.para("请未报送的单位抓紧按模板填报并报送；请逾期报送和存在未开设栏目的单位对照本单位反馈意见逐项整改，确保应建栏目全部开设、内容及时更新，避免出现空白栏目和长期不更新栏目。")
	if c := s.Round.Contact; c.People != "" || c.Phone != "" {
		d.para(contactText(c))
	}
	if s.Warnings > 0 {
		d.gap(0.5)
		d.para("附件：导入问题清单")
	}
	d.signature(opt.Office, china(opt.Date))

	if s.Warnings > 0 {
		d.newPage()
		d.paraRole("附件", fonts.Heading, 0)
		d.gap(0.5)
		d.title("导入问题清单")
		d.problemTable(s)
	}
	return d.finish(w)
}

// defaults fills the date and issuer.
func defaults(opt Options, r xxgk.Round) Options {
	if opt.Date.IsZero() {
		opt.Date = time.Now()
	}
	if opt.Office == "" {
		opt.Office = r.Contact.Office
	}
	return opt
}

// theme is the round's subject without a trailing 报送: "…栏目建设情况".
func theme(r xxgk.Round) string {
	t := strings.TrimSpace(r.Title)
	if t == "" {
		return r.ID + " 信息公开栏目建设情况"
	}
	return strings.TrimSuffix(t, "报送")
}

// reportTitle is the 通报's title: 关于…的通报.
func reportTitle(r xxgk.Round) string {
	return "关于" + theme(r) + "的通报"
}

func summaryText(s xxgk.Summary, date time.Time) string {
	var b strings.Builder
	fmt.Fprintf(&b, "本轮报送截止日期为%s。截至%s，应报送单位%d个，已报送%d个",
		xxgk.ChineseDate(s.Round.Deadline), xxgk.ChineseDate(china(date)), len(s.Units), s.Submitted)
	if s.Late > 0 {
		fmt.Fprintf(&b, "（其中逾期报送%d个）", s.Late)
	}
	fmt.Fprintf(&b, "，未报送%d个。各单位应建栏目共%d个，已开设%d个，未开设%d个，不适用%d个，总体完成率%s（未报送单位的应建栏目按未开设计）。",
		s.Missing, s.Total.Assigned, s.Total.Opened, s.Total.NotOpened, s.Total.NotApplicable, xxgk.Percent(s.Total.Completion()))
	if s.Warnings > 0 {
		fmt.Fprintf(&b, "导入时发现需关注的问题%d条，详见附件。", s.Warnings)
	} else {
		b.WriteString("导入时未发现需关注的问题。")
	}
	b.WriteString("现将有关情况通报如下。")
	return b.String()
}

func contactText(c xxgk.Contact) string {
	var parts []string
	if c.Office != "" {
		parts = append(parts, "联系单位："+c.Office)
	}
	if c.People != "" {
		parts = append(parts, "联系人："+strings.Join(strings.Fields(c.People), "、"))
	}
	if c.Phone != "" {
		parts = append(parts, "电话："+c.Phone)
	}
	if c.Email != "" {
		parts = append(parts, "邮箱："+c.Email)
	}
	return strings.Join(parts, "；") + "。"
}

// unitColumns are the 汇总 sheet's columns, in the same order.
var unitHeads = []string{"单位", "类型", "报送状态", "版本", "应建\n栏目", "已开设", "未开设", "不适用", "完成率", "最后报送\n时间"}

// UnitCells is one unit's row as both reports print it.
func unitCells(u xxgk.UnitSummary) []string {
	version := ""
	if u.Version > 0 {
		version = strconv.Itoa(u.Version)
	}
	if u.State == xxgk.Missing {
		return []string{u.Unit.Short, u.Unit.Kind.Label(), u.State.Label(), "", strconv.Itoa(u.Assigned), "", "", "", u.Rate(), ""}
	}
	return []string{u.Unit.Short, u.Unit.Kind.Label(), u.State.Label(), version,
		strconv.Itoa(u.Assigned), strconv.Itoa(u.Opened), strconv.Itoa(u.NotOpened), strconv.Itoa(u.NotApplicable),
		u.Rate(), stamp(u.SubmittedAt)}
}

func (d *doc) unitTable(s xxgk.Summary) {
	var rows []row
	for _, u := range s.ProblemsFirst() {
		rows = append(rows, row{cells: unitCells(u), shaded: u.State == xxgk.Missing})
	}
	t := s.Total
	rows = append(rows, row{strong: true, shaded: true, keep: true, cells: []string{"合计", "", fmt.Sprintf("已报送\n%d/%d", s.Submitted, len(s.Units)), "",
		strconv.Itoa(t.Assigned), strconv.Itoa(t.Opened), strconv.Itoa(t.NotOpened), strconv.Itoa(t.NotApplicable),
		xxgk.Percent(t.Completion()), ""}})
	cols := make([]column, len(unitHeads))
	for i, h := range unitHeads {
		cols[i] = column{head: h, align: 'C'}
	}
	cols[0].align = 'L'
	d.table(d.fit(cols, rows, 0), rows)
}

func (d *doc) indicatorTable(s xxgk.Summary) {
	var rows []row
	for _, ic := range s.Indicators {
		name := ic.Area
		if ic.SubArea != "" {
			name += "／" + ic.SubArea
		}
		if ic.Content != "" && len(s.Indicators) > 0 && sameTitle(s.Indicators, ic.Indicator) {
			name += "：" + ic.Content
		}
		rows = append(rows, row{cells: []string{ic.Code, name, strconv.Itoa(ic.Assigned), strconv.Itoa(ic.Opened), ic.Rate()},
			shaded: ic.Assigned > 0 && ic.Opened == 0})
	}
	cols := []column{{head: "编码", align: 'L'}, {head: "一级／二级指标", align: 'L'}, {head: "应建\n单位数", align: 'C'}, {head: "已开设", align: 'C'}, {head: "覆盖率", align: 'C'}}
	d.table(d.fit(cols, rows, 1), rows)
}

// sameTitle tells whether another indicator has the same 一级/二级 title, in which case
// the content tells them apart (预决算公开 has two content rows).
func sameTitle(all []xxgk.IndicatorCoverage, ind xxgk.Indicator) bool {
	n := 0
	for _, o := range all {
		if o.Area == ind.Area && o.SubArea == ind.SubArea {
			n++
		}
	}
	return n > 1
}

func (d *doc) problemTable(s xxgk.Summary) {
	var rows []row
	for _, u := range s.Units {
		if u.Submission == nil {
			continue
		}
		for _, p := range u.Submission.Warnings {
			rows = append(rows, row{cells: []string{u.Unit.Short, where(p), problemText(p)}})
		}
	}
	cols := []column{{head: "单位", align: 'L', w: 32}, {head: "位置", align: 'L', w: 40}, {head: "问题", align: 'L'}}
	d.table(d.fit(cols, rows, 2), rows)
}

// where locates a problem for a reader: sheet and cell, then indicator code and column.
func where(p xxgk.Problem) string {
	var parts []string
	if w := p.Where(); w != "" {
		parts = append(parts, w)
	}
	if p.Code != "" || p.Field != "" {
		parts = append(parts, strings.TrimSpace(p.Code+" "+p.Field))
	}
	return strings.Join(parts, "\n")
}

func problemText(p xxgk.Problem) string {
	if p.Value != "" {
		return "值“" + p.Value + "”：" + p.Message
	}
	return p.Message
}
