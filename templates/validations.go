package templates

import (
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// The range accepted by 最近更新日期 is xxgk.MinDate() to xxgk.MaxDate(), shared with
// the import rules. Anything outside is a typo (a year of 20 or 2200).

// validations adds the dropdown, the type checks and the input prompts to the input
// columns of rows rowFirst..lastRow. Excel limits a prompt's title to 32 characters and
// its text to 255; the messages below stay within that.
func (b *book) validations(lastRow int) error {
	col := func(c int) string { return cell(c+1, rowFirst) + ":" + cell(c+1, lastRow) }
	statuses := make([]string, len(xxgk.OpenStatuses))
	for i, s := range xxgk.OpenStatuses {
		statuses[i] = string(s)
	}
	choices := "“" + strings.Join(statuses, "”“") + "”"

	// add collects validations; the first error stops the rest and is returned below.
	var dvs []*excelize.DataValidation
	var addErr error
	add := func(sqref, promptTitle, prompt, errTitle, errMsg string, set func(*excelize.DataValidation) error) {
		if addErr != nil {
			return
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = sqref
		if set != nil {
			if addErr = set(dv); addErr != nil {
				return
			}
		}
		dv.SetInput(promptTitle, prompt)
		if errMsg != "" {
			dv.SetError(excelize.DataValidationErrorStyleStop, errTitle, errMsg)
		}
		dvs = append(dvs, dv)
	}

	add(col(xxgk.ColStatus), "是否开设栏目",
		"请点击右侧箭头，从列表中选择"+choices+"之一。选择“"+string(xxgk.NotOpened)+"”或“"+string(xxgk.NotApplicable)+"”时，请在“备注”中说明原因。",
		"请从列表中选择", "只能选择"+choices+"之一，请点击单元格右侧的箭头从列表中选择。",
		func(dv *excelize.DataValidation) error { return dv.SetDropList(statuses) })
	add(col(xxgk.ColName), "栏目名称", "请填写本单位网站上该栏目的实际名称，如“预决算公开”。", "内容过长", tooLong(xxgk.ColName), maxLen(xxgk.ColName))

	urlCell := cell(xxgk.ColURL+1, rowFirst)
	add(col(xxgk.ColURL), "栏目网址",
		"请填写该栏目页面的完整网址，以 http:// 或 https:// 开头，例如 http://www.ankang.gov.cn/xxgk/。可从浏览器地址栏复制。",
		"网址格式不正确", "网址应以 http:// 或 https:// 开头，"+most(xxgk.ColURL)+"，请从浏览器地址栏复制完整网址。",
		func(dv *excelize.DataValidation) error {
			// One validation per cell: the length bound joins the scheme check. excelize
			// writes the formula unescaped, so it holds no '<'.
			dv.Type = "custom"
			dv.Formula1 = `AND(OR(LEFT(` + urlCell + `,7)="http://",LEFT(` + urlCell + `,8)="https://"),NOT(LEN(` + urlCell + `)>` + strconv.Itoa(xxgk.MaxTextLen(xxgk.FormColumns[xxgk.ColURL])) + `))`
			return nil
		})

	add(col(xxgk.ColUpdated), "最近更新日期",
		"请填写栏目最近一次发布信息的日期，格式如 "+b.round.ExampleDate()+"。",
		"日期不正确", "请填写 "+xxgk.FormatDate(xxgk.MinDate())+" 至 "+xxgk.FormatDate(xxgk.MaxDate())+" 之间的日期，格式如 "+b.round.ExampleDate()+"。",
		func(dv *excelize.DataValidation) error {
			return dv.SetRange(strconv.Itoa(serial(xxgk.MinDate())), strconv.Itoa(serial(xxgk.MaxDate())),
				excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween)
		})
	add(col(xxgk.ColCount), "发布信息条数",
		"请填写栏目中已发布信息的条数，为大于或等于 0 的整数，如 12。",
		"条数不正确", "发布信息条数应为大于或等于 0 的整数，如 12，不要带“条”字。",
		func(dv *excelize.DataValidation) error {
			if err := dv.SetRange(0, 0, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorGreaterThanOrEqual); err != nil {
				return err
			}
			dv.Formula2 = ""
			return nil
		})
	if ref := b.reportRefs(true); ref != "" {
		add(ref, "报送内容（必填）",
			"本行需报送信息（见“需报送信息”列）。选择“已开设”时必须填写报送的内容，可写明信息名称、数量、网址或文号等。",
			"内容过长", tooLong(xxgk.ColReported), maxLen(xxgk.ColReported))
	}
	if ref := b.reportRefs(false); ref != "" {
		add(ref, "报送内容", "本行无需报送信息，可不填写。", "内容过长", tooLong(xxgk.ColReported), maxLen(xxgk.ColReported))
	}
	add(col(xxgk.ColRemark), "备注",
		"选择“"+string(xxgk.NotOpened)+"”或“"+string(xxgk.NotApplicable)+"”时必须在此说明原因；其他需要说明的情况也可写在这里。",
		"内容过长", tooLong(xxgk.ColRemark), maxLen(xxgk.ColRemark))
	// 填报人 and 联系电话, above the table: bounded by the same table as the columns.
	add(cell(colFillerLabel+1, rowLabels), xxgk.LabelFiller, "请填写负责填报的工作人员姓名。",
		"内容过长", tooLongField(xxgk.LabelFiller), maxLenField(xxgk.LabelFiller))
	add(cell(colPhoneLabel+1, rowLabels), xxgk.LabelPhone, "请填写填报人的联系电话，如 0915-3201058 或 13800000000。",
		"内容过长", tooLongField(xxgk.LabelPhone), maxLenField(xxgk.LabelPhone))
	if addErr != nil {
		return addErr
	}

	for _, dv := range dvs {
		if err := b.f.AddDataValidation(xxgk.SheetForm, dv); err != nil {
			return err
		}
	}
	return nil
}

// maxLen bounds a free-text column's length by xxgk's limits table, which the import
// checks too; Excel and WPS then refuse an over-long value as it is typed.
func maxLen(col int) func(*excelize.DataValidation) error { return maxLenField(xxgk.FormColumns[col]) }

// maxLenField is maxLen for a field named by its label.
func maxLenField(field string) func(*excelize.DataValidation) error {
	return func(dv *excelize.DataValidation) error {
		return dv.SetRange(0, xxgk.MaxTextLen(field), excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween)
	}
}

// tooLong is the message shown when maxLen refuses a value.
func tooLong(col int) string { return tooLongField(xxgk.FormColumns[col]) }

func tooLongField(field string) string {
	return "“" + field + "”" + mostField(field) + "，请精简后再填写。"
}

// reportRefs lists the 报送内容 cells of indicators that ask for a report (required) or
// do not, consecutive rows joined into ranges, as a space-separated sqref.
func (b *book) reportRefs(required bool) string {
	c := xxgk.ColReported + 1
	var refs []string
	for i := 0; i < len(b.inds); {
		if b.inds[i].NeedsReport() != required {
			i++
			continue
		}
		j := i
		for j+1 < len(b.inds) && b.inds[j+1].NeedsReport() == required {
			j++
		}
		ref := cell(c, rowFirst+i)
		if j > i {
			ref += ":" + cell(c, rowFirst+j)
		}
		refs = append(refs, ref)
		i = j + 1
	}
	return strings.Join(refs, " ")
}

// serial is the Excel (1900 system) serial number of a date.
func serial(t time.Time) int {
	return int(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}
