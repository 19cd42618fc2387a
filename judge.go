package xxgk

import (
	"fmt"
	"strings"
	"time"
)

// Judge applies the check rules to what a fetch found for one reported column, on day
// asOf: refused → unreachable → not a web page → page not found → home page → search page
// → article → drawn by script → name mismatch → empty or no dates → stale → date mismatch → ok. The
// staleness rule is the indicator's own (IsStale), the one the reports use.
func Judge(p Page, it Item, ind Indicator, asOf time.Time) (CheckResult, string) {
	const askColumn = "，请填写栏目列表页面的网址"
	switch {
	case p.Refused:
		return CheckRefused, p.Error
	case p.ErrorKind != "":
		return CheckUnreachable, p.Error
	case p.NotHTML != "":
		return CheckNameMismatch, fmt.Sprintf("网址打开的不是网页（%s），不是栏目页面", p.NotHTML)
	case p.Kind == PageNotFound:
		return CheckNotFound, "网站应答正常，但页面显示“页面不存在”，请核实栏目网址"
	case p.Kind == PageHome:
		return CheckHomePage, "网址是网站首页，不是栏目页面" + askColumn
	case p.Kind == PageSearch:
		return CheckSearchPage, "网址是站内搜索结果页面，不是栏目页面" + askColumn
	case p.Kind == PageArticle:
		text := "网址是一篇文章，不是栏目页面"
		if !p.Newest.IsZero() {
			text = fmt.Sprintf("网址是一篇文章（发布于%s），不是栏目页面", ChineseDate(p.Newest))
		}
		return CheckArticle, text + askColumn
	case p.Scripted != "":
		// Before the name: a shell's breadcrumb is often drawn by the same script.
		return CheckScripted, ScriptedFinding(p)
	}
	names := ColumnNames(it, ind)
	own := OwnNames(p)
	if !NameMatches(names, own) {
		title := p.Title
		if title == "" {
			title = "（无标题）"
		}
		text := fmt.Sprintf("页面标题“%s”、当前位置和列表标题中没有“%s”", clip(title, 40), strings.Join(names, "”或“"))
		if len(own) > 0 {
			text += fmt.Sprintf("，页面所示栏目为“%s”", clip(own[0], 30))
		}
		return CheckNameMismatch, text
	}
	outside := ""
	if p.DatesOutside {
		outside = "（页面上没有找到信息列表，日期取自页面其他部分）"
	}
	switch {
	case p.Entries == 0 && (p.Kind == PageList || p.Kind == ""):
		return CheckEmpty, "栏目列表中没有信息条目"
	case p.Entries == 0 || p.Newest.IsZero():
		return CheckNoDates, "页面上没有发布日期，按检查规则视为未更新"
	case ind.IsStale(p.Newest, asOf):
		return CheckStale, fmt.Sprintf("最新信息日期为%s，已超过%s未更新%s", ChineseDate(p.Newest), ind.StaleRule(), outside)
	case !it.LastUpdate.IsZero() && dayOf(it.LastUpdate).After(dayOf(p.Newest)):
		return CheckDateMismatch, fmt.Sprintf("填报的最近更新日期为%s，页面上最新信息日期为%s%s", ChineseDate(it.LastUpdate), ChineseDate(p.Newest), outside)
	}
	return CheckOK, fmt.Sprintf("共%d条带日期的信息，最新%s%s", p.Entries, ChineseDate(p.Newest), outside)
}

// OwnNames are the names a page gives itself, most specific first: its headings (the
// breadcrumb's last element, the main list's heading) and the column part of its title.
func OwnNames(p Page) []string {
	var out []string
	for _, h := range append(append([]string{}, p.Headings...), TitleColumn(p.Title)) {
		if h = strings.TrimSpace(h); h != "" {
			out = append(out, h)
		}
	}
	return out
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
var nameSuffixes = []string{"专栏", "专题", "栏目", "公开", "信息", "列表"}

// nameBase is a folded name without its trailing 公开/专栏/…, as long as two characters
// remain.
func nameBase(f string) string {
	for {
		cut := false
		for _, suf := range nameSuffixes {
			if base, ok := strings.CutSuffix(f, suf); ok && len([]rune(base)) >= 2 {
				f, cut = base, true
			}
		}
		if !cut {
			return f
		}
	}
}

// NameMatches tells whether any of names is the column one of own names (the page's own
// names for itself: breadcrumb's last element, list heading, title's column part), once
// spaces, full-width forms and Latin case are folded: the same name, the same without a
// trailing 公开/专栏/…, or one ending with the other with only a qualifier before it
// (预决算公开 and 财政预决算公开). A name the page's name merely begins with or contains
// is a broader column — the ancestor 信息公开 of 信息公开年报 — and does not match.
func NameMatches(names, own []string) bool {
	for _, n := range names {
		f := foldTitle(n)
		if f == "" {
			continue
		}
		for _, o := range own {
			if sameColumn(f, foldTitle(o)) {
				return true
			}
		}
	}
	return false
}

func sameColumn(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b || nameBase(a) == nameBase(b) {
		return true
	}
	endsWith := func(long, short string) bool {
		return len([]rune(short)) >= 3 && strings.HasSuffix(long, short)
	}
	return endsWith(a, b) || endsWith(b, a) || endsWith(nameBase(a), nameBase(b)) || endsWith(nameBase(b), nameBase(a))
}

// dayOf is t's calendar day at midnight UTC, the form dates read from pages and cells take.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
