package xxgk

import (
	"regexp"
	"strings"
)

// Several indicators may share one 二级指标 (the 2020 table's 预决算公开 has two content
// rows, 三公经费公开 four): printed by that name alone, CZ-01-1 and CZ-01-2 read as the same
// column. Their content tells them apart, and one rule here shortens it, so that the
// 通报, the letters and the Excel report name them alike: 预决算公开（预算）.

// contentSubject is the list of bodies a content row opens with ("市政府、市政府各部门、
// 各县区政府…"): it is the same for every sibling and says nothing about which one it is.
var contentSubject = regexp.MustCompile(`^(?:[^、，；]{0,10}?(?:政府|部门)、)*[^、，；]{0,10}?政府(?:各部门)?`)

// Trimmed off the short form: words every such item carries.
var (
	shortLead  = []string{"因公"}
	shortTrail = []string{"经费", "信息", "说明", "情况"}
)

// maxShort is the longest short form, in characters.
const maxShort = 10

// ShortContent is ind's content in a few words — 预算, 出国（境）, 公务用车, 增减原因:
// the bodies it opens with dropped, cut at its first list mark (、，；及), the 二级指标's
// own words and general words (经费, 信息, 说明, 情况) trimmed.
func (ind Indicator) ShortContent() string {
	s := strings.TrimSpace(ind.Content)
	if m := contentSubject.FindString(s); m != "" && m != s {
		s = s[len(m):]
	}
	if i := strings.IndexAny(s, "、，；;,及"); i > 0 {
		s = s[:i]
	}
	stem := ind.SubArea
	for _, suf := range []string{"公开", "信息"} {
		stem = strings.TrimSuffix(stem, suf)
	}
	if rest, ok := strings.CutPrefix(s, stem); ok && stem != "" && rest != "" {
		s = rest
	}
	for _, w := range shortLead {
		if rest, ok := strings.CutPrefix(s, w); ok && rest != "" {
			s = rest
		}
	}
	for changed := true; changed; {
		changed = false
		for _, w := range shortTrail {
			if rest, ok := strings.CutSuffix(s, w); ok && rest != "" {
				s, changed = rest, true
			}
		}
	}
	if rs := []rune(s); len(rs) > maxShort {
		s = string(rs[:maxShort])
	}
	return s
}

// IndicatorNames names each indicator of inds for papers by its 二级指标 (一级指标 where
// it has none), adding its short content in brackets where indicators share that name:
// 预决算公开（预算）, 三公经费公开（公务用车）. inds is the whole table (a catalog's
// Indicators), so that a letter listing only one of two siblings still says which.
func IndicatorNames(inds []Indicator) map[string]string {
	count := map[[2]string]int{}
	for _, ind := range inds {
		count[[2]string{ind.Area, ind.Title()}]++
	}
	out := make(map[string]string, len(inds))
	for _, ind := range inds {
		name := ind.Title()
		if count[[2]string{ind.Area, name}] > 1 {
			if s := ind.ShortContent(); s != "" {
				name += "（" + s + "）"
			}
		}
		out[ind.Code] = name
	}
	return out
}

// Names is IndicatorNames of the catalog's table.
func (c *Catalog) Names() map[string]string {
	if c == nil {
		return map[string]string{}
	}
	return IndicatorNames(c.Indicators)
}
