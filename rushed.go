package xxgk

import (
	"fmt"
	"sort"
	"time"
)

// The rushed-update rule (突击更新): inspections look askance at a column that publishes
// several entries in the days just before a check after months of silence. It is a
// warning on the check, never a failure: the column is up to date, but the office wants
// to know that it was not kept so.
const (
	RushedEntries = 3 // at least this many entries ...
	RushedDays    = 7 // ... dated within this many days up to the check day ...
	RushedGap     = 6 // ... and none in this many months before them
)

// RushedUpdate tells whether a page's entry dates show a rushed update on day asOf and
// says it in a sentence, or returns "". Days count as calendar days in China time, as in
// the staleness rule. A column with nothing before the burst counts too: it stood empty
// for at least the gap.
func RushedUpdate(dates []time.Time, asOf time.Time) string {
	today := dayOf(asOf.In(ChinaTime))
	from := today.AddDate(0, 0, -RushedDays)
	gapFrom := from.AddDate(0, -RushedGap, 0)
	var recent []time.Time
	var before time.Time // the newest entry before the burst
	for _, d := range dates {
		d = dayOf(d)
		switch {
		case d.After(today):
		case !d.Before(from):
			recent = append(recent, d)
		case !d.Before(gapFrom):
			return "" // published within the gap: kept up to date
		case d.After(before):
			before = d
		}
	}
	if len(recent) < RushedEntries {
		return ""
	}
	sort.Slice(recent, func(i, j int) bool { return recent[i].Before(recent[j]) })
	prior := fmt.Sprintf("此前%d个月没有发布信息", RushedGap)
	if !before.IsZero() {
		prior = fmt.Sprintf("此前最近一条信息是%s，其后%d个月以上没有更新", ChineseDate(before), RushedGap)
	}
	span := ChineseDate(recent[0])
	if last := recent[len(recent)-1]; !last.Equal(recent[0]) {
		span += "至" + ChineseDate(last)
	}
	return fmt.Sprintf("%s集中发布了%d条信息，%s，疑似突击更新", span, len(recent), prior)
}

// RushedWarning is the rushed-update warning for a check judged r: only a page taken for
// the column and up to date can show one (a stale page has no recent entries, and a page
// that is not the column says nothing about it).
func RushedWarning(r CheckResult, dates []time.Time, asOf time.Time) string {
	if r != CheckOK && r != CheckDateMismatch {
		return ""
	}
	return RushedUpdate(dates, asOf)
}

// RushedCriterion says the rule in words, for legends.
func RushedCriterion() string {
	return fmt.Sprintf("%d天内集中发布%d条以上信息，而此前%d个月没有发布（仅提示，不计为问题）", RushedDays, RushedEntries, RushedGap)
}
