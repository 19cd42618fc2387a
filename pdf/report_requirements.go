package pdf

import (
	"fmt"
	"strings"

	"xxgk"
)

// requirements is 工作要求: who must 补报 and 整改, by the reply-by date when the office
// gave one, and whom to call.
func (d *doc) requirements(r *report) {
	by := "请尽快"
	if n := r.opt.Notice; n.HasReplyBy() {
		by = "请于" + xxgk.ChineseDate(china(n.ReplyBy)) + "前"
	}
	var items []string
	var missing []xxgk.UnitSummary
	for _, u := range r.s.Units {
		if u.State == xxgk.Missing {
			missing = append(missing, u)
		}
	}
	switch {
	case len(missing) > 0 && r.s.Round.BeforeDeadline(r.asOf):
		// Not late yet: they are asked to report by the deadline, not to 补报.
		items = append(items, fmt.Sprintf("尚未报送的%s，请于%s前按模板填报并报送。", names(missing, short), xxgk.ChineseDate(r.s.Round.Deadline)))
	case len(missing) > 0:
		items = append(items, fmt.Sprintf("未报送的%s，%s按模板填报并报送。", names(missing, short), by))
	}
	// Only the problems the 通报 found are named.
	var problems []string
	for _, p := range []struct {
		k    xxgk.FindingKind
		name string
	}{{xxgk.FindNotOpened, "未开设栏目"}, {xxgk.FindStale, "栏目更新不及时"}, {xxgk.FindMissingReport, "未报送需报送信息"}} {
		if r.has(p.k) {
			problems = append(problems, p.name)
		}
	}
	if r.s.CheckTally().Failed > 0 { // the 网站核查情况 section lists them: they are to be put right too
		problems = append(problems, "网站核查发现问题")
	}
	if len(problems) > 0 {
		items = append(items, fmt.Sprintf("存在%s的单位，要对照本通报和本单位反馈意见逐项整改，%s完成整改，并将整改后的表格报送%s。",
			strings.Join(problems, "、"), by, r.opt.Office))
	}
	items = append(items, "各单位要建立健全栏目内容保障和更新机制，确保应建栏目全部开设、内容及时更新，杜绝空白栏目和长期不更新栏目。")
	d.numbered(items)
	if c := r.s.Round.Contact; c.People != "" || c.Phone != "" {
		d.para(contactText(c))
	}
}
