package samples

import (
	"fmt"
	"strings"
	"time"

	"xxgk"
)

// textDate writes d the ways people type dates, chosen by k.
func textDate(d time.Time, k int) string {
	y, m, day := d.Year(), int(d.Month()), d.Day()
	switch k % 7 {
	case 0:
		return d.Format("2006-01-02")
	case 1:
		return fmt.Sprintf("%d/%d/%d", y, m, day)
	case 2:
		return fmt.Sprintf("%d.%d.%d", y, m, day)
	case 3:
		return fmt.Sprintf("%d年%d月%d日", y, m, day)
	case 4:
		return fullWidth(fmt.Sprintf("%d年%d月%d日", y, m, day))
	case 5:
		return d.Format("20060102")
	}
	return " " + fullWidth(d.Format("2006-01-02")) + " "
}

func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' || r == '-' {
			return r + 0xFEE0
		}
		return r
	}, s)
}

// row fills indicator row r (the i-th indicator) according to the profile. Profiles
// with deliberate mistakes put them in the first rows so tests know where to look:
// WithWarnings rows 0–3 are 是, stale, non-gov.cn, 0 items (row 4 is 否 with a reason);
// WithErrors rows 0–3 are a bad address, 未开设 without reason, a nonsense date, −3 items.
func (w *filler) row(i, r int, cells []string) error {
	get := func(col int) string {
		if c := w.fm.col[col]; c < len(cells) {
			// The template breaks its descriptions into lines; a unit reads them whole.
			return strings.TrimSpace(strings.ReplaceAll(cells[c], "\n", ""))
		}
		return ""
	}
	status := xxgk.Opened
	switch n := w.rnd.IntN(100); {
	case i == 0:
	case n < 8:
		status = xxgk.NotApplicable
	case n < 20:
		status = xxgk.NotOpened
	}
	special := -1
	if w.p == WithWarnings || w.p == WithErrors {
		special = i
		if i < 4 {
			status = xxgk.Opened
		}
	}
	if w.p == WithErrors && special == 1 {
		status = xxgk.NotOpened
	}
	if w.p == WithWarnings && special == 4 {
		status = xxgk.NotOpened
	}
	set := func(col int, v any) error { return w.set(r, w.fm.col[col], v) }

	statusText := string(status)
	if w.p == WithWarnings && special == 0 {
		statusText = "是"
	}
	if w.p == WithWarnings && special == 4 {
		statusText = "否"
	}
	if err := set(xxgk.ColStatus, statusText); err != nil {
		return err
	}
	if status != xxgk.Opened {
		reasons := notOpenedReasons
		if status == xxgk.NotApplicable {
			reasons = notApplicableReasons
		}
		if w.p == WithErrors && special == 1 {
			return nil // no reason given
		}
		return set(xxgk.ColRemark, reasons[w.rnd.IntN(len(reasons))])
	}

	code := get(xxgk.ColCode)
	url := columnURL(w.host, code, w.rnd)
	switch {
	case w.p == WithWarnings && special == 2:
		url = "http://www.ankangnews.cn/" + strings.ToLower(code) + ".html"
	case w.p == WithErrors && special == 0:
		url = "www.ankang.gov.cn 信息公开栏目"
	}
	// Within 30 days of base: not stale even for a monthly item (45 days, xxgk.StaleMonthlyDays).
	var date any = w.base.AddDate(0, 0, -w.rnd.IntN(30))
	switch {
	case w.p == WithWarnings && special == 1:
		date = w.base.AddDate(-1, -2, -w.rnd.IntN(60))
	case w.p == WithErrors && special == 2:
		date = "九月中旬"
	case w.p == TextDates:
		date = textDate(date.(time.Time), i)
	}
	var count any = 3 + w.rnd.IntN(200)
	switch {
	case w.p == WithWarnings && special == 3:
		count = 0
	case w.p == WithErrors && special == 3:
		count = -3
	case w.rnd.IntN(5) == 0:
		count = fmt.Sprintf("%d", count) // typed as text; "12条" would be a warning
	}
	vals := []struct {
		col int
		v   any
	}{
		{xxgk.ColName, columnName(get(xxgk.ColSubArea), get(xxgk.ColArea), w.rnd)},
		{xxgk.ColURL, url},
		{xxgk.ColUpdated, date},
		{xxgk.ColCount, count},
	}
	if get(xxgk.ColReport) != "" {
		vals = append(vals, struct {
			col int
			v   any
		}{xxgk.ColReported, fmt.Sprintf("已于%d月%d日通过电子邮件报送%s。", int(w.base.Month()), w.base.Day()-w.rnd.IntN(5), reportSummary(get(xxgk.ColReport)))})
	}
	for _, v := range vals {
		if err := set(v.col, v.v); err != nil {
			return err
		}
	}
	return nil
}

// reportSummary names what a unit reports in a few whole words, as a clerk writes it:
// the first clause of the table's 需报送信息, at most three of its listed items, and 等信息
// when more were asked, so that a sample never stops mid-list ("申报要求、").
func reportSummary(req string) string {
	req = strings.TrimSpace(req)
	if req == "" || req == xxgk.ReportSameAsContent {
		return "本栏目公开的信息"
	}
	more := false
	if i := strings.IndexAny(req, "，；。,;"); i > 0 {
		req, more = req[:i], true
	}
	req = strings.TrimSuffix(strings.TrimSuffix(req, "等信息"), "信息")
	items := strings.Split(req, "、")
	if len(items) > 3 {
		items, more = items[:3], true
	}
	s := strings.Join(items, "、")
	if more {
		return s + "等信息"
	}
	return s + "信息"
}
