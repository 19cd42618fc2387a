package templates

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/xlsxlayout"
)

// Widths of 填报说明's two columns: a narrow key column and a wide text column, together
// about the width of A4 portrait.
const (
	guideKeyWidth  = 15
	guideTextWidth = 72
)

// guideLine is one row of 填报说明: a heading spanning both columns, or a key and its text.
type guideLine struct {
	heading   bool
	key, text string
}

// most says a column's length limit, from the limits table the import applies: the
// guide, the input messages and the error messages all word it so.
func most(col int) string { return mostField(xxgk.FormColumns[col]) }

// mostField is most for a field named by its label.
func mostField(field string) string {
	return fmt.Sprintf("最多 %d 个字符", xxgk.MaxTextLen(field))
}

// guideLines is what the unit reads first: who it is for, when it is due, what to fill
// and how, and whom to ask.
func (b *book) guideLines() []guideLine {
	r, u := b.round, b.unit
	reports := 0
	for _, ind := range b.inds {
		if ind.NeedsReport() {
			reports++
		}
	}
	due := xxgk.ChineseDate(b.due())
	unit := u.Short
	if u.Name != "" && u.Name != u.Short {
		unit += "（" + u.Name + "）"
	}
	c := r.Contact
	var contact []string
	if c.Email != "" {
		contact = append(contact, "电子邮箱 "+c.Email)
	}
	if c.Phone != "" {
		contact = append(contact, "电话 "+c.Phone)
	}
	sendTo := c.Office
	if len(contact) > 0 {
		sendTo += "（" + strings.Join(contact, "，") + "）"
	}
	col := func(i int) string { return "“" + xxgk.FormColumns[i] + "”" }
	opened, notOpened, na := string(xxgk.Opened), string(xxgk.NotOpened), string(xxgk.NotApplicable)

	lines := []guideLine{
		{key: "填报单位", text: unit},
		{key: "填报轮次", text: r.ID},
		{key: "截止日期", text: due + "（请在此日期前报送）"},
		{key: "指标数量", text: fmt.Sprintf("本单位共 %d 项指标，其中 %d 项需报送信息（“%s”表中黄色底纹的“报送内容”）。", len(b.inds), reports, xxgk.SheetForm)},
		{heading: true, text: "一、填写什么"},
		{key: "1.", text: fmt.Sprintf("在“%s”工作表顶部的白色单元格中填写%s和%s。", xxgk.SheetForm, xxgk.LabelFiller, xxgk.LabelPhone)},
		{key: "2.", text: "表中每一行是本单位需在政府网站信息公开栏目中建设的一个栏目。左侧灰色六列（" + xxgk.FormColumns[xxgk.ColSeq] + "至" + xxgk.FormColumns[xxgk.ColReport] + "）是指标内容，已锁定，无需也不能修改。请逐行填写右侧白色七列："},
		{key: xxgk.FormColumns[xxgk.ColStatus], text: "点击单元格右侧箭头，从列表中选择“" + opened + "”“" + notOpened + "”或“" + na + "”。“" + notOpened + "”和“" + na + "”必须在" + col(xxgk.ColRemark) + "中说明原因。"},
		{key: xxgk.FormColumns[xxgk.ColName], text: "网站上该栏目的实际名称，" + most(xxgk.ColName) + "。"},
		{key: xxgk.FormColumns[xxgk.ColURL], text: "该栏目页面的完整网址，以 http:// 或 https:// 开头，可从浏览器地址栏复制，例如 http://www.ankang.gov.cn/xxgk/，" + most(xxgk.ColURL) + "。"},
		{key: xxgk.FormColumns[xxgk.ColUpdated], text: "栏目最近一次发布信息的日期，按 " + r.ExampleDate() + " 的格式填写。"},
		{key: xxgk.FormColumns[xxgk.ColCount], text: "栏目中已发布信息的条数，填大于或等于 0 的整数，如 12，不要带“条”字。"},
		{key: xxgk.FormColumns[xxgk.ColReported], text: "按" + col(xxgk.ColReport) + "列的要求填写报送的信息（可写明信息名称、数量、网址或文号）；该列写“" + xxgk.ReportSameAsContent + "”的，报送本行公开的信息本身。黄色底纹的单元格在选择“" + opened + "”时必须填写；其他行可不填。" + most(xxgk.ColReported) + "。"},
		{key: xxgk.FormColumns[xxgk.ColRemark], text: "选择“" + notOpened + "”或“" + na + "”时必须说明原因；其他需要说明的情况也写在这里，" + most(xxgk.ColRemark) + "。"},
		{key: "3.", text: "选择“" + opened + "”的行，" + col(xxgk.ColName) + col(xxgk.ColURL) + col(xxgk.ColUpdated) + col(xxgk.ColCount) + "都要填写。"},
		{heading: true, text: "二、注意事项"},
		{key: "1.", text: "不要插入、删除或移动行，不要修改或删除工作表，也不要修改工作表名称。表格已设置保护（无密码），只为防止误改。"},
		{key: "2.", text: "请直接输入或从下拉列表选择。从其他表格复制粘贴会清除下拉列表和输入检查；确需粘贴时，请使用“选择性粘贴 → 数值”。从 Word、网页复制的文字请以纯文本粘贴，其中的不可见控制字符会导致退回。"},
		{key: "3.", text: "日期请按 " + r.ExampleDate() + " 的格式填写；网址请填写完整。"},
		{key: "4.", text: "保存时请保持 Excel 工作簿（*.xlsx）格式，不要另存为 .xls 或 WPS 的 .et 格式；文件名可保持不变。"},
		{key: "5.", text: "请于" + due + "前将填好的文件报送" + sendTo + "。"},
		{key: portalKey(b.portal), text: portalText(b.portal)},
		{heading: true, text: "三、联系方式"},
		{key: "联系单位", text: c.Office},
		{key: "联系人", text: c.People},
		{key: "联系电话", text: c.Phone},
		{key: "电子邮箱", text: c.Email},
	}
	out := lines[:0]
	for _, l := range lines {
		if l.heading || l.text != "" {
			out = append(out, l)
		}
	}
	return out
}

// guide writes 填报说明, the sheet a unit sees first.
func (b *book) guide() error {
	const sh = xxgk.SheetGuide
	f, st := b.f, b.st
	if err := f.SetColWidth(sh, "A", "A", guideKeyWidth); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", "B", guideTextWidth); err != nil {
		return err
	}
	row := 1
	title := b.round.Title
	if err := b.merged(sh, 1, row, 2, title, st.guideTitle); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, row, xlsxlayout.Height(xlsxlayout.Lines(title, guideKeyWidth+guideTextWidth, 18), 18)); err != nil {
		return err
	}
	row++
	if err := b.merged(sh, 1, row, 2, xxgk.SheetGuide, st.guideSub); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, row, 24); err != nil {
		return err
	}
	for _, l := range b.guideLines() {
		row++
		if l.heading {
			if err := b.merged(sh, 1, row, 2, l.text, st.guideHead); err != nil {
				return err
			}
			if err := f.SetRowHeight(sh, row, 28); err != nil {
				return err
			}
			continue
		}
		// The text carries its own line breaks (xlsxlayout.Wrap), so LibreOffice, whose
		// cell wrapping ignores 避头点, starts no line with “、” or “）”.
		text := xlsxlayout.Wrap(l.text, guideTextWidth, guideFont)
		for i, v := range [2]string{l.key, text} {
			if err := f.SetCellStr(sh, cell(i+1, row), v); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sh, cell(1, row), cell(1, row), st.guideKey); err != nil {
			return err
		}
		if err := f.SetCellStyle(sh, cell(2, row), cell(2, row), st.guideText); err != nil {
			return err
		}
		n := max(xlsxlayout.Lines(text, guideTextWidth, guideFont), xlsxlayout.Lines(l.key, guideKeyWidth, guideFont))
		if err := f.SetRowHeight(sh, row, xlsxlayout.Height(n, guideFont)); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(sh, "A1:B"+itoa(row)); err != nil {
		return err
	}
	show := false
	if err := f.SetSheetView(sh, 0, &excelize.ViewOptions{ShowGridLines: &show}); err != nil {
		return err
	}
	if err := b.protect(sh); err != nil {
		return err
	}
	if err := b.page(sh, "portrait", 0.7); err != nil {
		return err
	}
	return f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{
		OddFooter: "&L" + footerText(b.unit.Name) + "&R第 &P 页，共 &N 页",
	})
}

// portalKey and portalText are 注意事项 6: the portal's address when the round has one
// (the access code itself is never in a template: it goes to the unit by letter).
func portalKey(link string) string {
	if link == "" {
		return ""
	}
	return "6."
}

func portalText(link string) string {
	if link == "" {
		return ""
	}
	return "也可网上报送：在浏览器中打开 " + link + " ，用办公室发给本单位的访问码登录，上传填好的本文件，即可看到检查结果；发现问题可改正后再次上传，以最后一次接收的为准。"
}
