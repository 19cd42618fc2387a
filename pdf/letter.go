package pdf

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"xxgk"
)

// letter writes the body of one unit's letter.
type letter struct {
	d    *doc
	s    xxgk.Summary
	u    xxgk.UnitSummary
	inds []xxgk.Indicator
	opt  Options
	n    *int // headings so far: a refused file's errors get a part of their own
}

// head sets the next numbered heading (一、二、…); table is the height (mm) the table
// that follows it needs to start under it, 0 when no table follows.
func (l letter) head(title string, table float64) {
	*l.n++
	s := chineseNumber(*l.n) + "、" + title
	if table > 0 {
		l.d.tableHeading(s, table+0.3*bodyGap)
		return
	}
	l.d.heading(s)
}

// maxHints is how many auto-corrected entries the 填报提示 paragraph names.
const maxHints = 5

// reminder is the 催报 of a unit with no accepted submission.
func (l letter) reminder() {
	d, s, u := l.d, l.s, l.u
	today := xxgk.ChineseDate(l.opt.asOf())
	if u.WasRejected() {
		last := u.Rejected.Last
		d.para(fmt.Sprintf("你单位于%s报送的文件“%s”因有%d处填写错误，未能通过审核，已退回。截至%s，你单位尚未报送改正后的文件。",
			xxgk.ChineseDate(china(last.At)), last.FileName, last.Errors, today))
	} else {
		d.para(fmt.Sprintf("截至%s，你单位尚未报送%s%s。", today, s.Round.YearLabel(), theme(s.Round)))
	}
	d.para(fmt.Sprintf("按要求，你单位应建设%d个栏目（见应建栏目清单），并按模板逐项填报。", len(l.inds)))
	if s.Round.IsLate(l.opt.asOf()) {
		// With a reply-by day, 二、报送要求 says by when: not 请尽快 here as well.
		if l.opt.Notice.HasReplyBy() {
			d.para(fmt.Sprintf("报送截止日期（%s）已过，逾期报送情况将在通报中注明。", xxgk.ChineseDate(s.Round.Deadline)))
		} else {
			d.para(fmt.Sprintf("报送截止日期（%s）已过，请尽快补报；逾期报送情况将在通报中注明。", xxgk.ChineseDate(s.Round.Deadline)))
		}
	}
	if u.WasRejected() {
		l.refusal(u.Rejected.Last)
	}
	l.head("应建栏目清单", tableStart)
	d.gap(0.3)
	d.todoTable(l.inds)
	d.gap(0.5)
	l.head("报送要求", 0)
	l.deadline(false)
	l.howToSend()
	d.para(contactText(s.Round.Contact))
}

// feedback is the letter of a unit with an accepted submission.
func (l letter) feedback() {
	d, u := l.d, l.u
	d.para(statusText(l.s, u))
	returned := u.ReturnedReview()
	if returned != nil {
		d.para(fmt.Sprintf("经审核，你单位第%d次报送的文件需修改后重新报送（退回修改）。审核意见：%s",
			returned.Version, strings.TrimRight(returned.Comment, "。.")+"。"))
	}
	if u.RefusedLatest() {
		last := u.Rejected.Last
		d.para(fmt.Sprintf("你单位于%s报送的文件“%s”因有%d处填写错误已退回，本反馈仍按你单位第%d次报送的文件统计。",
			xxgk.ChineseDate(china(last.At)), last.FileName, last.Errors, u.Version))
		l.refusal(last)
	}
	findings := xxgk.Findings(l.inds, u.Submission, l.opt.asOf())
	failedChecks := len(u.FailedChecks())
	items := l.problemItems(findings)
	l.head("需要整改的问题", 0)
	checked := "经核对填报内容"
	if when, n := checkedText(u); n > 0 {
		checked += fmt.Sprintf("，并于%s对你单位填报为“已开设”的%d个栏目进行网站核查", when, n)
	}
	allWell := ""
	if _, n := checkedText(u); n > 0 && failedChecks == 0 {
		allWell = "核查的栏目均可正常访问，栏目名称相符，且按时更新"
		for _, c := range u.Checks {
			if c.Result.Unjudged() { // not seen: nothing may be said to be in order
				allWell = "网站核查未发现问题"
				break
			}
		}
	}
	switch {
	case len(items) == 0 && returned != nil:
		d.para(checked + "，你单位应建栏目均已开设并按要求填报。")
	case len(items) == 0 && allWell != "":
		d.para(checked + "，你单位应建栏目均已开设并按要求填报，" + allWell + "，未发现需要整改的问题。请保持栏目内容及时更新。")
	case len(items) == 0:
		d.para(checked + "，你单位应建栏目均已开设并按要求填报，未发现需要整改的问题。请保持栏目内容及时更新。")
	default:
		d.para(fmt.Sprintf("%s，你单位以下%d个栏目存在问题，请逐项整改：", checked, len(items)))
		d.numbered(items)
		if allWell != "" {
			d.para(allWell + "。")
		}
	}
	if s := uncheckedText(u); s != "" {
		d.para(s)
	}
	for _, s := range uncertainText(u, func(code string) string {
		for _, ind := range l.inds {
			if ind.Code == code {
				return d.indName(ind)
			}
		}
		return ""
	}) {
		d.para(s)
	}
	if hints := hintTexts(u.Submission.Warnings); len(hints) > 0 {
		d.para(hints[0])
	}
	d.itemTable(u, l.inds, func(start float64) {
		l.head("填报明细", start)
		d.gap(0.3)
	})
	d.gap(0.5)
	l.head("整改与报送要求", 0)
	l.deadline(len(findings) > 0 || failedChecks > 0 || u.RefusedLatest() || returned != nil)
	l.howToSend()
	d.para(contactText(l.s.Round.Contact))
}

// refusal lists the errors of a refused file and points to its annotated copy.
func (l letter) refusal(r xxgk.Rejection) {
	errs := r.Problems.Only(xxgk.Error)
	if len(errs) > 0 {
		l.head("退回原因", 0)
		texts := make([]string, len(errs))
		for i, p := range errs {
			texts[i] = located(p) + "。"
		}
		l.d.numbered(texts)
	}
	switch {
	case l.opt.Beside != "" && l.opt.BesideListOnly:
		l.d.para(fmt.Sprintf("原文件过大，未附退回的表格；随本通知附上的《%s》逐条列出了上述问题。", l.opt.Beside))
	case l.opt.Beside != "":
		l.d.para(fmt.Sprintf("退回的文件随本通知附上（《%s》），问题单元格已标红并加批注，首页“问题清单”逐条列出了上述问题。", l.opt.Beside))
	}
}

// deadline says by when to 补报 (no submission) or 整改 (problems to fix).
func (l letter) deadline(fix bool) {
	n, r := l.opt.Notice, l.s.Round
	missing := l.u.State == xxgk.Missing
	switch {
	case n.HasReplyBy() && missing:
		l.d.para(fmt.Sprintf("请于%s前补报。", xxgk.ChineseDate(n.ReplyBy)))
	case n.HasReplyBy() && fix:
		l.d.para(fmt.Sprintf("请于%s前完成上述问题的整改，并重新报送修改后的填报表，以最新一版为准。", xxgk.ChineseDate(n.ReplyBy)))
	case n.HasReplyBy():
		l.d.para(fmt.Sprintf("如栏目情况有变化，请于%s前重新报送修改后的填报表，以最新一版为准。", xxgk.ChineseDate(n.ReplyBy)))
	case missing && !r.IsLate(l.opt.asOf()):
		l.d.para(fmt.Sprintf("报送截止日期为%s，请按时报送。", xxgk.ChineseDate(r.Deadline)))
	case missing:
		l.d.para("请尽快补报。")
	case fix:
		l.d.para("请尽快完成上述问题的整改，并重新报送修改后的填报表，以最新一版为准。")
	default:
		l.d.para("如栏目情况有变化，可重新报送修改后的填报表，以最新一版为准。")
	}
}

// howToSend says how to send the workbook back, naming the file to use.
func (l letter) howToSend() {
	const reply = "回复办公室的通知邮件，将工作簿作为附件发回（请保持文件名不变，不要另存为其他格式）。"
	switch {
	case (l.u.WasRejected() || l.u.RefusedLatest()) && l.opt.Beside != "" && l.opt.BesideListOnly:
		l.d.para(fmt.Sprintf("报送方式：按《%s》所列问题修改原文件（删除多余内容）并保存，%s", l.opt.Beside, reply))
	case l.u.State == xxgk.Missing && l.u.WasRejected() && l.opt.Beside != "":
		l.d.para(fmt.Sprintf("报送方式：在退回的《%s》中按批注修改标红的单元格并保存，%s", l.opt.Beside, reply))
	case l.u.State == xxgk.Missing && l.opt.Beside != "":
		l.d.para(fmt.Sprintf("报送方式：填报模板随本通知附上（《%s》），请用 Excel 或 WPS 打开，在“填报表”中逐项填写并保存，%s", l.opt.Beside, reply))
	case l.u.State == xxgk.Missing:
		l.d.para("报送方式：在下发的填报模板中逐项填写并保存，" + reply)
	case l.u.RefusedLatest() && l.opt.Beside != "":
		l.d.para(fmt.Sprintf("报送方式：在退回的《%s》中按批注修改标红的单元格并保存，%s", l.opt.Beside, reply))
	default:
		l.d.para("报送方式：在你单位报送的" + submittedFile(l.u.Submission.FileName) + "中修改并保存，" + reply)
	}
	l.portal()
}

// portal says how to hand in through the web portal when the round has one: its address,
// and the unit's access code when this letter carries one (only ever the unit's own).
func (l letter) portal() {
	link := l.opt.Notice.PortalLink()
	if link == "" {
		return
	}
	if l.opt.AccessCode == "" {
		l.d.para(fmt.Sprintf("也可网上报送：在浏览器中打开 %s ，用办公室发给你单位的访问码登录，上传填好的工作簿，即可看到检查结果。", link))
		return
	}
	l.d.para(fmt.Sprintf("也可网上报送：在浏览器中打开 %s ，用你单位的访问码 %s 登录，上传填好的工作簿，即可看到检查结果。"+
		"此访问码随本通知新发，此前的访问码已停用；请妥善保管，勿转告其他单位。", link, l.opt.AccessCode))
}

// submittedFile names the unit's own file: 文件“市财政局.xlsx”, or 填报表 when its
// name is not known.
func submittedFile(name string) string {
	if name == "" {
		return "填报表"
	}
	return "文件“" + name + "”"
}

// statusText is a submitted unit's standing: when it reported, which version counts, and
// its columns, which add up to what it must build.
func statusText(s xxgk.Summary, u xxgk.UnitSummary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "你单位于%s报送了%s%s", xxgk.ChineseDate(china(u.FirstAt)), s.Round.YearLabel(), theme(s.Round))
	if u.Version > 1 {
		fmt.Fprintf(&b, "，现以%s报送的文件（第%d次报送）为准", xxgk.ChineseDate(china(u.SubmittedAt)), u.Version)
	}
	if u.State == xxgk.Late {
		fmt.Fprintf(&b, "，晚于截止日期%s，属逾期报送", xxgk.ChineseDate(s.Round.Deadline))
	}
	fmt.Fprintf(&b, "。你单位应建栏目%d个，已开设%d个，未开设%d个，不适用%d个", u.Assigned, u.Opened, u.NotOpened, u.NotApplicable)
	if u.NotReported > 0 {
		fmt.Fprintf(&b, "，未填报%d个", u.NotReported)
	}
	fmt.Fprintf(&b, "，完成率%s。", u.Rate())
	return b.String()
}

// findingText says one substantive problem and what to do about it, as of day asOf.
func findingText(f xxgk.Finding, name string, asOf time.Time) string {
	return f.Indicator.Code + " " + name + "：" + findingPart(f, asOf) + "。"
}

// findingPart is findingText without the indicator and the full stop.
func findingPart(f xxgk.Finding, asOf time.Time) string {
	col := ""
	if f.Item.ColumnName != "" {
		col = "栏目“" + f.Item.ColumnName + "”"
	}
	if w, ok := findingWords[f.Kind]; ok {
		return w(f, col, asOf)
	}
	return f.Kind.Label()
}

// findingWords say each kind of finding and what to do, given the column's name ("" when
// none was reported) and the as-of day: one entry per kind, so a new kind is one more.
var findingWords = map[xxgk.FindingKind]func(f xxgk.Finding, col string, asOf time.Time) string{
	xxgk.FindNotAnswered: func(xxgk.Finding, string, time.Time) string { return "未填报，请补充填写" },
	xxgk.FindNotOpened: func(f xxgk.Finding, _ string, _ time.Time) string {
		if f.Item.Remark != "" {
			return "未开设（你单位说明：" + strings.TrimRight(f.Item.Remark, "。.") + "），请尽快开设栏目并发布信息"
		}
		return "未开设，请尽快开设栏目并发布信息"
	},
	xxgk.FindEmpty: func(_ xxgk.Finding, col string, _ time.Time) string {
		return col + "已开设但发布信息为0条，属“空白栏目”，请及时发布信息"
	},
	xxgk.FindStale: func(f xxgk.Finding, col string, asOf time.Time) string {
		return fmt.Sprintf("%s填报的最近更新日期为%s，截至%s已超过%s未更新，请及时更新", col,
			xxgk.ChineseDate(f.Item.LastUpdate), xxgk.ChineseDate(asOf), f.Indicator.StaleRule())
	},
	xxgk.FindMissingReport: func(f xxgk.Finding, _ string, _ time.Time) string {
		if f.Indicator.Report == xxgk.ReportSameAsContent {
			return "已开设但未填写报送内容（本指标需报送栏目公开的信息），请补充"
		}
		return "已开设但未填写报送内容（本指标需报送：" + strings.TrimRight(f.Indicator.Report, "。") + "），请补充"
	},
}

// hintTexts is the 填报提示 paragraph: the import warnings that are not findings (entries
// read by the import's own judgement, addresses outside gov.cn), in one short paragraph.
func hintTexts(ws []xxgk.Problem) []string {
	var parts []string
	for _, p := range ws {
		if p.Severity != xxgk.Warning || xxgk.IsFindingWarning(p) {
			continue
		}
		parts = append(parts, located(p))
	}
	if len(parts) == 0 {
		return nil
	}
	n := len(parts)
	if n > maxHints {
		parts = append(parts[:maxHints], "等共"+strconv.Itoa(n)+"处")
	}
	return []string{"填报提示：以下填写已由系统识别处理，不影响本次统计，今后请按模板下拉选项和说明填写——" + strings.Join(parts, "；") + "。"}
}

// located is a problem with where it is, in words a clerk reads without Excel's
// notation: 填报表 I5 单元格（CZ-01-1 栏目网址）：值“…”：message.
func located(p xxgk.Problem) string {
	loc := p.Sheet
	if p.Cell != "" {
		loc += " " + p.Cell + " 单元格"
	}
	if what := strings.TrimSpace(p.Code + " " + p.Field); what != "" {
		loc += "（" + what + "）"
	}
	if loc != "" {
		loc += "："
	}
	if p.Value != "" {
		loc += "值“" + p.Value + "”："
	}
	return loc + strings.TrimSuffix(p.Message, "。")
}
