package xxgk

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
)

// RowInput is one row of 填报表 as read from the cells, before any checking. Values are
// the cells' raw text: for a date cell, the serial number, never the display text.
type RowInput struct {
	Status, ColumnName, URL, LastUpdate, Count, Reported, Remark string
	// LastUpdateNumeric says the 最近更新日期 cell is a number in the sheet XML (no t="s",
	// "str" or "inlineStr"): only then may LastUpdate be an Excel serial. Typed text such
	// as "9.15" or "2020" must read as a full text date or is an error.
	LastUpdateNumeric bool
}

// Checker applies the rules a filled row must follow for one round.
type Checker struct {
	Round    Round
	Today    time.Time // the import day; a later 最近更新日期 is an error
	Date1904 bool      // the workbook uses the 1904 date system
}

// CheckRow checks one row against its indicator and returns the normalised item and the
// problems found, each naming its column in Field. Cell and file are for the caller to fill.
func (c Checker) CheckRow(ind Indicator, in RowInput) (Item, Problems) {
	var ps Problems
	add := func(sev Severity, col int, value, msg string, args ...any) {
		// A value is echoed to help find the cell, not to reproduce it: a pasted page
		// would bury the message.
		ps = append(ps, Problem{Severity: sev, Code: ind.Code, Field: FormColumns[col], Value: clip(value, maxEcho), Message: fmt.Sprintf(msg, args...)})
	}
	// Free text is checked first (length, control characters, bytes that are not
	// UTF-8); a refused value counts as given, so that no "请填写" follows its error.
	bad := map[int]bool{}
	text := func(col int, raw string) string {
		tc := CheckText(FormColumns[col], raw)
		switch {
		case tc.Error != "":
			add(Error, col, Visible(raw, 30), "%s", tc.Error)
			bad[col] = true
		case tc.Warning != "":
			add(Warning, col, Visible(tc.Text, 30), "%s", tc.Warning)
		}
		return tc.Text
	}
	it := Item{
		Code:       ind.Code,
		ColumnName: Normalize(text(ColName, in.ColumnName)),
		URL:        Normalize(text(ColURL, in.URL)),
		Reported:   strings.TrimSpace(text(ColReported, in.Reported)),
		Remark:     strings.TrimSpace(text(ColRemark, in.Remark)),
		Count:      -1,
	}

	st, guessed, ok := ParseOpenStatus(in.Status)
	switch {
	case Normalize(in.Status) == "":
		add(Error, ColStatus, "", "未填写，请从下拉列表选择“已开设”“未开设”或“不适用”")
		return it, ps
	case !ok:
		add(Error, ColStatus, in.Status, "不是有效选项，请从下拉列表选择“已开设”“未开设”或“不适用”")
		return it, ps
	case guessed:
		add(Warning, ColStatus, in.Status, "已按“%s”处理，请今后从下拉列表选择", st)
	}
	it.Status = st

	if v := Normalize(in.LastUpdate); v != "" {
		d, err := ParseCellDate(v, in.LastUpdateNumeric, c.Date1904)
		var noDay *NoSuchDay
		today := c.Today.In(ChinaTime)
		todayDate := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
		switch {
		case errors.As(err, &noDay):
			add(Error, ColUpdated, in.LastUpdate, "日期不存在：%v，请填写栏目实际最近更新的日期", noDay)
		case err != nil:
			add(Error, ColUpdated, in.LastUpdate, "不是有效日期，请填写如 %s 的完整日期（年-月-日）", c.Round.ExampleDate())
		case d.Before(MinDate()):
			add(Error, ColUpdated, in.LastUpdate, "读作 %s，早于 %s，不是有效的最近更新日期，请填写如 %s 的完整日期（年-月-日）", FormatDate(d), FormatDate(MinDate()), c.Round.ExampleDate())
		case d.After(todayDate):
			add(Error, ColUpdated, in.LastUpdate, "晚于今天（%s），请填写栏目实际最近更新的日期", FormatDate(todayDate))
		default:
			it.LastUpdate = d
		}
	}
	if v := Normalize(in.Count); v != "" {
		if n, worded, ok := ReadCount(v); ok {
			it.Count = n
			if worded {
				add(Warning, ColCount, in.Count, "已按 %d 处理，请今后只填写数字，不要带“条”“约”等文字", n)
			}
		} else {
			add(Error, ColCount, in.Count, "应为大于或等于 0 的整数")
		}
	}
	if it.URL != "" {
		if msg := urlProblem(it.URL); msg != "" {
			add(Error, ColURL, in.URL, "%s", msg)
		}
	}

	switch st {
	case Opened:
		if it.ColumnName == "" && !bad[ColName] {
			add(Error, ColName, "", "栏目已开设，请填写栏目名称")
		}
		if it.URL == "" && !bad[ColURL] {
			add(Error, ColURL, "", "栏目已开设，请填写栏目网址（以 http:// 或 https:// 开头）")
		}
		if Normalize(in.LastUpdate) == "" {
			add(Error, ColUpdated, "", "栏目已开设，请填写最近更新日期")
		}
		if Normalize(in.Count) == "" {
			add(Error, ColCount, "", "栏目已开设，请填写发布信息条数")
		}
		if ind.NeedsReport() && it.Reported == "" && !bad[ColReported] {
			add(Error, ColReported, "", "本指标需报送信息（%s），请填写报送内容", clip(ind.Report, 40))
		}
		if it.URL != "" && validURL(it.URL) && !govHost(it.URL) {
			add(Warning, ColURL, it.URL, "网址不在 gov.cn 域名下，请确认是否为本单位政府网站栏目")
		}
		if ind.IsStale(it.LastUpdate, c.Round.Deadline) {
			add(Warning, ColUpdated, FormatDate(it.LastUpdate), "栏目已超过 %s未更新（以截止日期 %s 计），存在“不更新”风险", ind.StaleRule(), FormatDate(c.Round.Deadline))
		}
		if it.Count == 0 {
			add(Warning, ColCount, "0", "栏目已开设但发布信息为 0 条，属于“空白栏目”风险")
		}
	case NotOpened, NotApplicable:
		if it.Remark == "" && !bad[ColRemark] {
			add(Error, ColRemark, "", "选择“%s”时请在备注中说明原因", st)
		}
	}
	return it, ps
}

// CheckContact checks 填报人 and 联系电话 and returns them normalised, to be stored; the
// problems name the label in Field.
func (c Checker) CheckContact(filler, phone string) (string, string, Problems) {
	var ps Problems
	bad := map[string]bool{}
	for _, f := range [...]struct {
		label string
		raw   *string
	}{{LabelFiller, &filler}, {LabelPhone, &phone}} {
		raw := *f.raw
		tc := CheckText(f.label, raw)
		*f.raw = tc.Text
		switch {
		case tc.Error != "":
			ps = append(ps, Problem{Severity: Error, Field: f.label, Value: Visible(raw, 30), Message: tc.Error})
			bad[f.label] = true
		case tc.Warning != "":
			ps = append(ps, Problem{Severity: Warning, Field: f.label, Value: Visible(tc.Text, 30), Message: tc.Warning})
		}
	}
	if Normalize(filler) == "" && !bad[LabelFiller] {
		ps = append(ps, Problem{Severity: Error, Field: LabelFiller, Message: "未填写填报人"})
	}
	switch {
	case bad[LabelPhone]:
	case Normalize(phone) == "":
		ps = append(ps, Problem{Severity: Error, Field: LabelPhone, Message: "未填写联系电话"})
	case !ValidPhone(phone):
		ps = append(ps, Problem{Severity: Error, Field: LabelPhone, Value: phone, Message: "不像电话号码，请填写如 0915-3201058 或 13800000000"})
	}
	return Normalize(filler), Normalize(phone), ps
}

// FormatDate writes a date as YYYY-MM-DD, the form used in exports.
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// ChineseDate writes a date as 2020年9月20日, the form of official documents.
func ChineseDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

func validURL(s string) bool { return urlProblem(s) == "" }

// urlProblem says what is wrong with a (normalised) 栏目网址, or "" when it is a single
// complete http(s) address. The messages name the actual fault: "https://" alone does
// start with https://, it is incomplete; two addresses in one cell are not one bad one.
func urlProblem(s string) string {
	const example = "例如 http://www.ankang.gov.cn/xxgk/"
	const one = "一个单元格只填写一个网址（网址中不能有空格或换行），请只保留本栏目的网址"
	lower := strings.ToLower(s)
	if strings.Count(lower, "http://")+strings.Count(lower, "https://") > 1 {
		return one
	}
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return "不是有效网址，应以 http:// 或 https:// 开头，" + example
	}
	if strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return one
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return "网址有误，请从浏览器地址栏复制完整网址，" + example
	}
	h := u.Hostname()
	if h == "" || strings.ContainsAny(h, "，。、") || !(strings.Contains(h, ".") || h == "localhost") ||
		strings.HasPrefix(h, ".") || strings.HasSuffix(h, ".") || strings.Contains(h, "..") {
		return "网址不完整，缺少完整的域名，请从浏览器地址栏复制完整网址，" + example
	}
	return ""
}

// govHost tells whether a reported address is on a government domain (GovDomain).
func govHost(s string) bool {
	u, err := url.Parse(s)
	return err == nil && GovDomain(u.Hostname())
}

// maxEcho bounds the characters of a cell value repeated in a problem.
const maxEcho = 100

// clip is how a value is repeated in a message: escaped where it cannot be shown, cut
// to n characters (Visible).
func clip(s string, n int) string { return Visible(s, n) }
