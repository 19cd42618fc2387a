package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"xxgk"
)

// Feedback writes one unit's sheet: for a unit that submitted, its status, what is still
// missing or wrong and every row it reported; for a unit that has not, a reminder (催报)
// listing the indicators it must build. Both end with the deadline and the office's contact.
func Feedback(w io.Writer, s xxgk.Summary, u xxgk.UnitSummary, cat *xxgk.Catalog, opt Options) error {
	if opt.Fonts == nil {
		return ErrNoFonts
	}
	opt = defaults(opt, s.Round)
	title := FeedbackTitle(s.Round, u)
	d := newDoc(opt, title)
	d.newPage()
	d.title(title)
	d.centred(fmt.Sprintf("（%s　轮次 %s）", u.Unit.Short, s.Round.ID))
	d.gap(0.5)
	name := u.Unit.Name
	if name == "" {
		name = u.Unit.Short
	}
	d.flush(name + "：")
	inds := cat.For(u.Unit)
	today := xxgk.ChineseDate(china(opt.Date))
	deadline := xxgk.ChineseDate(s.Round.Deadline)
	if u.WasRejected() {
		last := u.Rejected.Last
		d.para(fmt.Sprintf("你单位于%s报送的《%s》因有%d处填写错误，未能通过审核，已退回（退回文件中已将问题单元格标红并加批注）。截至%s，你单位尚未报送改正后的文件。按要求，你单位应建设以下%d个栏目，请改正后重新报送，报送截止日期为%s。",
			xxgk.ChineseDate(china(last.At)), last.FileName, last.Errors, today, len(inds), deadline))
	} else if u.State == xxgk.Missing {
		d.para(fmt.Sprintf("截至%s，你单位尚未报送《%s》。按要求，你单位应建设以下%d个栏目，并按模板填报报送，报送截止日期为%s。",
			today, s.Round.Title, len(inds), deadline))
	}
	if u.State == xxgk.Missing {
		if s.Round.IsLate(opt.Date) {
			d.para("报送截止日期已过，请尽快补报；逾期报送情况将在通报中注明。")
		}
		d.heading("一、应建栏目清单")
		d.gap(0.3)
		d.todoTable(inds)
		d.gap(0.5)
		d.heading("二、报送要求与联系方式")
	} else {
		d.para(statusText(s, u))
		if u.RefusedLatest() {
			last := u.Rejected.Last
			d.para(fmt.Sprintf("你单位于%s报送的《%s》因有%d处填写错误已退回（问题单元格已标红并加批注），本反馈仍按第%d版统计。请改正后重新报送。",
				xxgk.ChineseDate(china(last.At)), last.FileName, last.Errors, u.Version))
		}
		problems := d.problems(u, inds)
		d.heading("一、需要整改的问题")
		if len(problems) == 0 {
			d.para("经核对，你单位应建栏目均已开设，导入时未发现需关注的问题。请保持栏目内容及时更新。")
		} else {
			d.para(fmt.Sprintf("经核对，你单位有以下%d项问题需要整改：", len(problems)))
			d.numbered(problems)
		}
		d.checkFindings(u, inds)
		d.heading("二、填报明细")
		d.gap(0.3)
		d.itemTable(u, inds)
		d.gap(0.5)
		d.heading("三、报送要求与联系方式")
	}
	d.para(fmt.Sprintf("报送截止日期：%s。整改后请重新填报模板并报送，以最新一版为准。", deadline))
	d.para(contactText(s.Round.Contact))
	d.signature(opt.Office, china(opt.Date))
	return d.finish(w)
}

// FeedbackTitle is …情况反馈 for a unit that submitted and …催报通知 for one that has not.
func FeedbackTitle(r xxgk.Round, u xxgk.UnitSummary) string {
	if u.State == xxgk.Missing {
		return theme(r) + "催报通知"
	}
	return theme(r) + "反馈"
}

// FeedbackFileName names a unit's feedback file after the round and the unit's short
// name, with characters Windows forbids in file names replaced.
func FeedbackFileName(r xxgk.Round, u xxgk.Unit) string {
	name := u.Short
	if name == "" {
		name = u.Name
	}
	if name == "" {
		name = u.Code
	}
	return xxgk.SafeFileName(r.ID) + "_" + xxgk.SafeFileName(name) + "_反馈.pdf"
}

func statusText(s xxgk.Summary, u xxgk.UnitSummary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "你单位于%s报送了《%s》", xxgk.ChineseDate(china(u.FirstAt)), s.Round.Title)
	if u.Version > 1 {
		fmt.Fprintf(&b, "，现以%s报送的第%d版为准", xxgk.ChineseDate(china(u.SubmittedAt)), u.Version)
	}
	if u.State == xxgk.Late {
		fmt.Fprintf(&b, "，晚于截止日期%s，属逾期报送", xxgk.ChineseDate(s.Round.Deadline))
	}
	fmt.Fprintf(&b, "。你单位应建栏目%d个，已开设%d个，未开设%d个，不适用%d个，完成率%s。",
		u.Assigned, u.Opened, u.NotOpened, u.NotApplicable, u.Rate())
	return b.String()
}

// problems lists what the unit must fix: each indicator not opened (or not answered)
// with its code and name, then each warning from the import.
func (d *doc) problems(u xxgk.UnitSummary, inds []xxgk.Indicator) []string {
	items := map[string]xxgk.Item{}
	for _, it := range u.Submission.Items {
		items[it.Code] = it
	}
	var out []string
	for _, ind := range inds {
		it, ok := items[ind.Code]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("%s %s：未填报，请补充填写。", ind.Code, indName(ind)))
		case it.Status == xxgk.NotOpened:
			s := fmt.Sprintf("%s %s：未开设，请尽快开设栏目并发布信息", ind.Code, indName(ind))
			if it.Remark != "" {
				s += "（你单位备注：" + it.Remark + "）"
			}
			out = append(out, s+"。")
		}
	}
	for _, p := range u.Submission.Warnings {
		loc := where(p)
		if loc != "" {
			loc = strings.ReplaceAll(loc, "\n", " ") + "："
		}
		out = append(out, loc+problemText(p))
	}
	return out
}

// indName is 一级指标／二级指标.
func indName(ind xxgk.Indicator) string {
	if ind.SubArea != "" {
		return ind.Area + "／" + ind.SubArea
	}
	return ind.Area
}

func (d *doc) itemTable(u xxgk.UnitSummary, inds []xxgk.Indicator) {
	items := map[string]xxgk.Item{}
	for _, it := range u.Submission.Items {
		items[it.Code] = it
	}
	var rows []row
	for _, ind := range inds {
		it, ok := items[ind.Code]
		if !ok {
			rows = append(rows, row{cells: []string{ind.Code, ind.Title(), "未填报"}, shaded: true})
			continue
		}
		count := ""
		if it.Count >= 0 {
			count = strconv.Itoa(it.Count)
		}
		rows = append(rows, row{cells: []string{ind.Code, ind.Title(), string(it.Status), it.ColumnName, it.URL, xxgk.FormatDate(it.LastUpdate), count},
			shaded: it.Status == xxgk.NotOpened})
	}
	cols := []column{{head: "编码", align: 'L'}, {head: "指标", align: 'L'}, {head: "是否\n开设", align: 'C'},
		{head: "栏目名称", align: 'L', w: 30}, {head: "网址", align: 'L', w: 34}, {head: "最近更新", align: 'C'}, {head: "条数", align: 'C'}}
	d.table(d.fit(cols, rows, 1), rows)
}

func (d *doc) todoTable(inds []xxgk.Indicator) {
	var rows []row
	for _, ind := range inds {
		rows = append(rows, row{cells: []string{ind.Code, indName(ind), ind.Content}})
	}
	cols := []column{{head: "编码", align: 'L'}, {head: "指标", align: 'L', w: 40}, {head: "信息公开内容", align: 'L'}}
	d.table(d.fit(cols, rows, 2), rows)
}
