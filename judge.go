package xxgk

import (
	"fmt"
	"strings"
	"time"
)

// Judge applies the check rules to what a fetch found for one reported column, on day
// asOf: refused → unreachable → drawn by script → name mismatch → empty → stale → date mismatch → ok. The
// staleness rule is the indicator's own (IsStale), the one the reports use.
func Judge(p Page, it Item, ind Indicator, asOf time.Time) (CheckResult, string) {
	switch {
	case p.Refused:
		return CheckRefused, p.Error
	case p.ErrorKind != "":
		return CheckUnreachable, p.Error
	case p.NotHTML != "":
		return CheckNameMismatch, fmt.Sprintf("网址打开的不是网页（%s），不是栏目页面", p.NotHTML)
	case p.Scripted != "":
		// Before the name: a shell's breadcrumb is often drawn by the same script.
		return CheckScripted, ScriptedFinding(p)
	}
	names := ColumnNames(it, ind)
	if !NameMatches(names, append([]string{p.Title}, p.Headings...)) {
		title := p.Title
		if title == "" {
			title = "（无标题）"
		}
		return CheckNameMismatch, fmt.Sprintf("页面标题“%s”及栏目导航中没有“%s”", clip(title, 40), strings.Join(names, "”或“"))
	}
	if p.Entries == 0 || p.Newest.IsZero() {
		return CheckEmpty, "页面上没有带日期的信息条目"
	}
	if ind.IsStale(p.Newest, asOf) {
		return CheckStale, fmt.Sprintf("最新信息日期为%s，已超过%s未更新", ChineseDate(p.Newest), ind.StaleRule())
	}
	if !it.LastUpdate.IsZero() && dayOf(it.LastUpdate).After(dayOf(p.Newest)) {
		return CheckDateMismatch, fmt.Sprintf("填报的最近更新日期为%s，页面上最新信息日期为%s", ChineseDate(it.LastUpdate), ChineseDate(p.Newest))
	}
	return CheckOK, fmt.Sprintf("共%d条带日期的信息，最新%s", p.Entries, ChineseDate(p.Newest))
}

// ColumnNames are the names a column page may carry: the 栏目名称 the unit reported and
// the indicator's own name (二级指标, or 一级指标 where there is none).
func ColumnNames(it Item, ind Indicator) []string {
	var out []string
	for _, n := range []string{it.ColumnName, ind.Title()} {
		n = strings.TrimSpace(n)
		if n != "" && (len(out) == 0 || FoldName(out[0]) != FoldName(n)) {
			out = append(out, n)
		}
	}
	return out
}

// foldTitle is FoldName with Latin case folded too: page titles write "XXGK" or "xxgk".
func foldTitle(s string) string { return strings.ToLower(FoldName(s)) }

// nameSuffixes are words webmasters add to or drop from a column's name: 财政预决算公开 is
// the column 财政预决算 on a page titled "财政预决算 - 安康市人民政府".
var nameSuffixes = []string{"专栏", "专题", "栏目", "公开", "信息"}

// NameMatches tells whether any of names appears in any of texts (title, headings,
// breadcrumb) once spaces and full-width forms are folded; a name also matches without a
// trailing 公开/专栏/… as long as two characters remain.
func NameMatches(names, texts []string) bool {
	var all strings.Builder
	for _, t := range texts {
		all.WriteString(foldTitle(t))
		all.WriteByte('\n')
	}
	hay := all.String()
	for _, n := range names {
		f := foldTitle(n)
		if f == "" {
			continue
		}
		if strings.Contains(hay, f) {
			return true
		}
		for _, suf := range nameSuffixes {
			if base, ok := strings.CutSuffix(f, suf); ok && len([]rune(base)) >= 2 && strings.Contains(hay, base) {
				return true
			}
		}
	}
	return false
}

// dayOf is t's calendar day at midnight UTC, the form dates read from pages and cells take.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
