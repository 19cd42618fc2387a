package verify

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"xxgk"
)

// Dates on column pages: full dates (2020-09-15, 2020/09/15, 2020.09.15, 2020年9月15日) and
// list-style month-day entries ([09-15], 09-15, 9月15日) under a year given nearby (a
// 2020年 heading, or another full date earlier on the page).
var (
	fullDate  = regexp.MustCompile(`(\d{4})\s*([-/.年])\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:\s*日)?`)
	monthDay  = regexp.MustCompile(`\[\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*\]|(\d{2})-(\d{2})|(\d{1,2})月(\d{1,2})日`)
	yearAlone = regexp.MustCompile(`^(\d{4})\s*年?$|(\d{4})年`)
	// compactDate is a date written yyyyMMdd, as some provinces' list specifications ask
	// ("20230925"); taken only from a segment that is that date alone, never from a longer
	// number (索引号, 文号, telephone).
	compactDate = regexp.MustCompile(`^[\[(（【]?\s*((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\s*[\])）】]?$`)
	// weekday follows a clock's date: "2023年10月11日 星期三" is today, not an entry.
	weekday       = regexp.MustCompile(`^\s*(星期|礼拜|周)[一二三四五六日天]`)
	weekdayBefore = regexp.MustCompile(`(星期|礼拜)[一二三四五六日天]\s*$`)
	// dateLabel is what may stand beside a date in a publication line or list cell; a
	// segment that is its date and these only is the entry's own date, not a sentence
	// that mentions one (a search snippet, an article's text).
	dateLabel = regexp.MustCompile(`发布时间|发布日期|发文日期|成文日期|更新时间|更新日期|生成日期|录入时间|时间|日期|发布|更新|[0-9:：\s\[\]()（）【】<>《》/.,，、|｜-]+`)
	// pubLabel marks a publication line: 发布时间：2020-09-15.
	pubLabel = regexp.MustCompile(`发布时间|发布日期|发文日期|成文日期|更新时间|日期[:：]|时间[:：]|来源[:：]`)
	// pubBefore is a publication label standing alone before its date: <b>发布时间：</b>2020-09-15.
	pubBefore = regexp.MustCompile(`(发布时间|发布日期|发文日期|成文日期|更新时间|日期|时间)\s*[:：]?\s*$`)
)

// clockWords mark a segment showing today's date ("今天是2020年9月28日"), which says nothing
// about the column.
var clockWords = []string{"今天是", "今天", "今日", "当前时间", "现在时间", "北京时间", "农历"}

// dateHit is one date read from a page's text.
type dateHit struct {
	day      time.Time // zero for a month-day entry still waiting for its year
	future   bool      // after the check day: never counts
	clock    bool      // today's date shown by the page (a clock), not an entry
	dominant bool      // the segment is the date (and labels) only, as in a list cell
	pub      bool      // the segment is labelled as a publication date
	md       [2]int    // month and day of a month-day entry
}

// usable tells a date that can count as an entry's.
func (h *dateHit) usable() bool { return !h.day.IsZero() && !h.future && !h.clock }

// dateFinder reads a page's text segments in document order.
type dateFinder struct {
	latest  time.Time  // dates after this (the check day, plus a day of time zones) are future
	year    int        // the year context for month-day entries; 0 before one is seen
	pending []*dateHit // month-day entries seen before any year
	prev    string     // the previous segment: "今天是：" in one cell, the date in the next
}

func newDateFinder(asOf time.Time) *dateFinder {
	y, m, d := asOf.In(xxgk.ChinaTime).Date()
	return &dateFinder{latest: time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC)}
}

// add reads one text segment and returns its dates.
func (f *dateFinder) add(seg string) []*dateHit {
	s := xxgk.Normalize(seg)
	if s == "" {
		return nil
	}
	clock := false
	for _, w := range clockWords {
		if strings.Contains(s, w) || strings.HasSuffix(strings.TrimRight(f.prev, ":： "), w) {
			clock = true
		}
	}
	labelled := pubLabel.MatchString(s) || pubBefore.MatchString(f.prev)
	f.prev = s
	var out []*dateHit
	full := fullDate.FindAllStringSubmatchIndex(s, -1)
	for _, m := range full {
		if !bounded(s, m[0], m[1]) {
			continue
		}
		// The patterns capture one to four ASCII digits: Atoi cannot fail on them.
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[6]:m[7]])
		d, _ := strconv.Atoi(s[m[8]:m[9]])
		h := &dateHit{clock: clock || weekday.MatchString(s[m[1]:]) || weekdayBefore.MatchString(s[:m[0]])}
		if f.set(h, y, mo, d) {
			out = append(out, h)
			if !h.clock {
				f.setYear(y)
			}
		}
	}
	if m := compactDate.FindStringSubmatch(s); m != nil && len(full) == 0 {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		h := &dateHit{clock: clock, dominant: true, pub: labelled}
		if f.set(h, y, mo, d) {
			f.setYear(y)
			return []*dateHit{h}
		}
	}
	rest := blank(s, full)
	if len(full) == 0 {
		if m := yearAlone.FindStringSubmatch(rest); m != nil {
			y, _ := strconv.Atoi(m[1] + m[2])
			if y >= 1990 && y <= f.latest.Year() {
				f.setYear(y)
			}
		}
	}
	for _, m := range monthDay.FindAllStringSubmatchIndex(rest, -1) {
		if !bounded(rest, m[0], m[1]) {
			continue
		}
		var mo, d int
		for g := 2; g < len(m); g += 4 {
			if m[g] >= 0 {
				mo, _ = strconv.Atoi(rest[m[g]:m[g+1]])
				d, _ = strconv.Atoi(rest[m[g+2]:m[g+3]])
			}
		}
		h := &dateHit{clock: clock, md: [2]int{mo, d}}
		if f.year == 0 {
			if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
				f.pending = append(f.pending, h)
				out = append(out, h)
			}
			continue
		}
		if f.set(h, f.year, mo, d) {
			out = append(out, h)
		}
	}
	if len(out) > 0 {
		dominant := len([]rune(dateLabel.ReplaceAllString(blank(rest, monthDay.FindAllStringIndex(rest, -1)), ""))) <= 1
		for _, h := range out {
			h.dominant, h.pub = dominant, labelled
		}
	}
	return out
}

// finish dates the month-day entries of a page that never says its year: a list of this
// year's entries, as a reader takes it (the year before for a day after the check day).
func (f *dateFinder) finish() {
	y := f.latest.AddDate(0, 0, -1).Year()
	for _, h := range f.pending {
		if f.set(h, y, h.md[0], h.md[1]) && h.future {
			f.set(h, y-1, h.md[0], h.md[1])
		}
	}
	f.pending = nil
}

// setYear sets the year context; month-day entries waiting for one take it.
func (f *dateFinder) setYear(y int) {
	f.year = y
	for _, h := range f.pending {
		f.set(h, y, h.md[0], h.md[1])
	}
	f.pending = nil
}

// set gives h its day when y-m-d is a valid date; a day after the check day is marked
// future.
func (f *dateFinder) set(h *dateHit, y, m, d int) bool {
	if y < 1990 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return false
	}
	h.day, h.future = t, !t.Before(f.latest)
	return true
}

// bounded tells that s[i:j] is not part of a longer number (a phone number 0915-3212345, a
// document number 2020-091501).
func bounded(s string, i, j int) bool {
	digit := func(b byte) bool { return b >= '0' && b <= '9' }
	return (i == 0 || !digit(s[i-1])) && (j == len(s) || !digit(s[j]))
}

// blank replaces the matched dates with spaces so month-day patterns do not match inside
// them.
func blank(s string, ms [][]int) string {
	if len(ms) == 0 {
		return s
	}
	b := []byte(s)
	for _, m := range ms {
		for k := m[0]; k < m[1]; k++ {
			b[k] = ' '
		}
	}
	return string(b)
}
