package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"xxgk"
	"xxgk/exporter"
	"xxgk/termtable"
)

// checkEntry is the JSON and CSV form of a check; its keys are a documented interface:
// the twelve in the order, then the Chinese label, the error's kind and
// the finding sentence, so that a script reading the CSV by position finds what the
// issue promised where it promised it.
type checkEntry struct {
	Unit       string  `json:"unit"`
	Code       string  `json:"code"`
	URL        string  `json:"url"`
	FinalURL   string  `json:"final_url"`
	HTTPStatus int     `json:"http_status"`
	Result     string  `json:"result"`
	NewestDate *string `json:"newest_date"`
	Entries    int     `json:"entries"`
	Title      string  `json:"title"`
	GovDomain  bool    `json:"gov_domain"`
	Error      string  `json:"error"`
	CheckedAt  string  `json:"checked_at"`
	Label      string  `json:"label"`
	ErrorKind  string  `json:"error_kind"`
	Finding    string  `json:"finding"`
	Rendered   bool    `json:"rendered"`      // judged on the page as a browser drew it (--browser)
	Rushed     string  `json:"rushed_update"` // the 突击更新 warning, "" when none
}

var checkCSVHeader = []string{"unit", "code", "url", "final_url", "http_status", "result", "newest_date",
	"entries", "title", "gov_domain", "error", "checked_at", "label", "error_kind", "finding", "rendered", "rushed_update"}

func checkEntries(cs []xxgk.Check, names map[string]string) []checkEntry {
	out := make([]checkEntry, 0, len(cs))
	for _, c := range cs {
		en := checkEntry{
			Unit: names[c.Unit], Code: c.Code, URL: c.URL, FinalURL: c.FinalURL, HTTPStatus: c.HTTPStatus,
			Result: string(c.Result), Label: c.Result.Label(), Entries: c.Entries, Title: c.Title,
			GovDomain: c.GovDomain, Error: c.Error, ErrorKind: c.ErrorKind, Finding: c.Finding,
			CheckedAt: jsonTime(c.CheckedAt), Rendered: c.Rendered, Rushed: c.Rushed,
		}
		if !c.Newest.IsZero() {
			d := xxgk.FormatDate(c.Newest)
			en.NewestDate = &d
		}
		out = append(out, en)
	}
	return out
}

func writeChecksJSON(w io.Writer, cs []xxgk.Check, names map[string]string) error {
	return encodeJSON(w, checkEntries(cs, names))
}

func writeChecksCSV(w io.Writer, cs []xxgk.Check, names map[string]string) error {
	cw, err := excelCSV(w) // cw keeps its first error; cw.Error() reports it below
	if err != nil {
		return err
	}
	_ = cw.Write(checkCSVHeader)
	for _, en := range checkEntries(cs, names) {
		newest := ""
		if en.NewestDate != nil {
			newest = *en.NewestDate
		}
		// Addresses, titles and messages come from units and websites: none may run as a
		// formula when the file is opened in Excel.
		n := exporter.Neutralize
		_ = cw.Write([]string{n(en.Unit), en.Code, n(en.URL), n(en.FinalURL), strconv.Itoa(en.HTTPStatus), en.Result,
			newest, strconv.Itoa(en.Entries), n(en.Title), strconv.FormatBool(en.GovDomain), n(en.Error), en.CheckedAt,
			en.Label, en.ErrorKind, n(en.Finding), strconv.FormatBool(en.Rendered), n(en.Rushed)})
	}
	cw.Flush()
	return cw.Error()
}

// writeChecksTable is for people: one line for the run, then the findings of each unit
// (units with most findings first) with its subtotal; the columns found in order are
// only counted, they are in the CSV and JSON forms and in the reports.
func writeChecksTable(w io.Writer, s xxgk.Summary, cs []xxgk.Check, names map[string]string, took time.Duration) error {
	byResult := map[xxgk.CheckResult]int{}
	byUnit := map[string][]xxgk.Check{}
	var order []string
	offGov := 0
	for _, c := range cs {
		byResult[c.Result]++
		if !c.GovDomain {
			offGov++
		}
		if _, ok := byUnit[c.Unit]; !ok {
			order = append(order, c.Unit)
		}
		byUnit[c.Unit] = append(byUnit[c.Unit], c)
	}
	failed := failures(cs)
	var parts []string
	for _, r := range xxgk.CheckResults {
		if n := byResult[r]; n > 0 && r.Failed() {
			parts = append(parts, fmt.Sprintf("%s %d", r.Label(), n))
		}
	}
	detail := ""
	if len(parts) > 0 {
		detail = "（" + strings.Join(parts, "，") + "）"
	}
	if n := byResult[xxgk.CheckScripted]; n > 0 {
		detail += fmt.Sprintf("，未能判断 %d（%s）", n, xxgk.CheckScripted.Label())
	}
	if n := byResult[xxgk.CheckRefused]; n > 0 {
		detail += fmt.Sprintf("，%s %d（网址是 IP 地址或解析到内网，未打开）", xxgk.CheckRefused.Label(), n)
	}
	fmt.Fprintf(w, "轮次 %s 核查：%d 个单位的 %d 个栏目，正常 %d，异常 %d%s，用时 %s\n",
		s.Round.ID, len(order), len(cs), byResult[xxgk.CheckOK], failed, detail, took.Round(100*time.Millisecond))
	rushed, rendered := 0, 0
	for _, c := range cs {
		if c.Rushed != "" {
			rushed++
		}
		if c.Rendered {
			rendered++
		}
	}
	if rendered > 0 {
		fmt.Fprintf(w, "其中 %d 个栏目页面用浏览器打开后核查\n", rendered)
	}
	if offGov > 0 {
		fmt.Fprintf(w, "另有 %d 个栏目网址不在 .gov.cn 域名下（表中标 !，仅提示）\n", offGov)
	}
	// Units with most findings first; among equals, those with more rows to look at.
	sort.SliceStable(order, func(i, j int) bool {
		a, b := byUnit[order[i]], byUnit[order[j]]
		if fa, fb := failures(a), failures(b); fa != fb {
			return fa > fb
		}
		return notable(a) > notable(b)
	})
	t := termtable.New("", "单位", "指标编码", "核查结果", "最新日期", "栏目网址", "说明")
	t.MaxWidth(5, 46).MaxWidth(6, 64)
	clean := 0
	for _, unit := range order {
		list := byUnit[unit]
		n := failures(list)
		if notable(list) == 0 {
			clean++
			continue
		}
		first := true
		for _, c := range list {
			if !shown(c) {
				continue
			}
			mark, name := "✘", ""
			finding := c.Finding
			switch {
			case c.Result.Unchecked():
				mark = "–"
			case c.Result.Unjudged():
				mark = "?"
			case !c.Result.Failed():
				mark, finding = "△", c.Rushed
			case c.Rushed != "":
				finding += "；" + c.Rushed
			}
			if !c.GovDomain {
				mark += "!"
			}
			if first {
				name, first = names[unit], false
			}
			newest := "-"
			if !c.Newest.IsZero() {
				newest = xxgk.FormatDate(c.Newest)
			}
			t.Row(mark, name, c.Code, c.Result.Label(), newest, c.URL, finding)
		}
		t.Row("", "", "", fmt.Sprintf("小计 异常 %d/%d", n, len(list)), "", "", notCounted(list))
	}
	if t.Len() > 0 {
		fmt.Fprintln(w)
		if err := t.Render(w); err != nil {
			return err
		}
	}
	if clean > 0 {
		fmt.Fprintf(w, "\n其余 %d 个单位核查的栏目全部正常。\n", clean)
	}
	if n := byResult[xxgk.CheckScripted]; n > 0 {
		fmt.Fprintf(w, "\n? %s：页面的信息列表由网页脚本加载，未能判断，不计为异常", xxgk.CheckScripted.Label())
		if rendered == 0 {
			fmt.Fprint(w, "；加 --browser 用本机的 Edge、Chrome 或 Chromium 打开这些页面后再核查")
		}
		fmt.Fprintln(w)
	}
	if refused := refusedChecks(cs); len(refused) > 0 {
		allow := ""
		for i, h := range xxgk.CheckHosts(refused) {
			if i == 3 {
				allow += " …"
				break
			}
			allow += " --allow-host " + h
		}
		fmt.Fprintf(w, "\n– %s %d 个：网址是 IP 地址或解析到本机、内网地址，未打开，不计为异常；确认网站可以从互联网访问后，用 xxgk verify%s 放行再核查\n",
			xxgk.CheckRefused.Label(), len(refused), allow)
	}
	if rushed > 0 {
		fmt.Fprintf(w, "\n△ 疑似突击更新 %d 个：%s\n", rushed, xxgk.RushedCriterion())
	}
	if failed+byResult[xxgk.CheckRefused]+byResult[xxgk.CheckScripted] > 0 {
		var order []string // the judging order, as xxgk.CheckResults lists it
		for _, r := range xxgk.CheckResults {
			if r != xxgk.CheckOK {
				order = append(order, r.Label())
			}
		}
		fmt.Fprintln(w, "\n✘ 核查异常，结果取第一个适用的："+strings.Join(order, " → ")+"　! 网址不在 .gov.cn 域名下")
		fmt.Fprintln(w, "全部结果（含正常栏目）：xxgk verify --format csv 或 json；结果已保存，status、export、report、feedback 会列出。")
	}
	return nil
}

// shown tells a check the table lists: a finding, a column not checked or not judged (the
// operator must see those, though they count for no unit), or a warning.
func shown(c xxgk.Check) bool {
	return c.Result.Failed() || c.Result.Unchecked() || c.Result.Unjudged() || c.Rushed != ""
}

// notCounted says, on a unit's subtotal line, how many of its columns were not checked or
// not judged: listed above, they are no findings of the unit.
func notCounted(cs []xxgk.Check) string {
	var unchecked, unjudged int
	for _, c := range cs {
		switch {
		case c.Result.Unchecked():
			unchecked++
		case c.Result.Unjudged():
			unjudged++
		}
	}
	var parts []string
	if unchecked > 0 {
		parts = append(parts, fmt.Sprintf("%s %d 个", xxgk.CheckRefused.Label(), unchecked))
	}
	if unjudged > 0 {
		parts = append(parts, fmt.Sprintf("未能判断 %d 个", unjudged))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "，") + "，不计为异常"
}

func refusedChecks(cs []xxgk.Check) []xxgk.Check {
	var out []xxgk.Check
	for _, c := range cs {
		if c.Result.Unchecked() {
			out = append(out, c)
		}
	}
	return out
}

func notable(cs []xxgk.Check) int {
	n := 0
	for _, c := range cs {
		if shown(c) {
			n++
		}
	}
	return n
}

// failures counts the findings a unit must act on (xxgk.CheckResult.Failed): not the
// columns the office could not open or judge.
func failures(cs []xxgk.Check) int {
	n := 0
	for _, c := range cs {
		if c.Result.Failed() {
			n++
		}
	}
	return n
}
