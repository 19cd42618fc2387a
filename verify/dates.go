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
)

// clockWords mark a segment showing today's date ("今天是2020年9月28日"), which says nothing
// about the column.
var clockWords = []string{"今天是", "今天", "今日", "当前时间", "现在时间", "北京时间"}

// dateFinder walks a page's text segments in document order.
type dateFinder struct {
	latest  time.Time // dates after this (the check day, plus a day of time zones) are ignored
	year    int       // the year context for month-day entries; 0 before one is seen
	pending [][2]int  // month-day entries seen before any year
	newest  time.Time
	entries int
	dates   []time.Time // each entry's date, for the rushed-update rule
}

func newDateFinder(asOf time.Time) *dateFinder {
	y, m, d := asOf.In(xxgk.ChinaTime).Date()
	return &dateFinder{latest: time.Date(y, m, d+1, 0, 0, 0, 0, time.UTC)}
}

// add reads one text segment.
func (f *dateFinder) add(seg string) {
	s := xxgk.Normalize(seg)
	if s == "" {
		return
	}
	for _, w := range clockWords {
		if strings.Contains(s, w) {
			return
		}
	}
	full := fullDate.FindAllStringSubmatchIndex(s, -1)
	for _, m := range full {
		if !bounded(s, m[0], m[1]) {
			continue
		}
		// The patterns capture one to four ASCII digits: Atoi cannot fail on them.
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[6]:m[7]])
		d, _ := strconv.Atoi(s[m[8]:m[9]])
		if f.found(y, mo, d) {
			f.setYear(y)
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
		if f.year == 0 {
			f.pending = append(f.pending, [2]int{mo, d})
			continue
		}
		f.found(f.year, mo, d)
	}
}

// setYear sets the year context; month-day entries waiting for one take it.
func (f *dateFinder) setYear(y int) {
	f.year = y
	for _, p := range f.pending {
		f.found(y, p[0], p[1])
	}
	f.pending = nil
}

// found counts a valid date no later than the check day.
func (f *dateFinder) found(y, m, d int) bool {
	if y < 1990 || m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.After(f.latest) {
		return false
	}
	f.entries++
	f.dates = append(f.dates, t)
	if t.After(f.newest) {
		f.newest = t
	}
	return true
}

// bounded tells that s[i:j] is not part of a longer number (a phone number 0915-3212345, a
// document number 2020-091501).
func bounded(s string, i, j int) bool {
	digit := func(b byte) bool { return b >= '0' && b <= '9' }
	return (i == 0 || !digit(s[i-1])) && (j == len(s) || !digit(s[j]))
}

// blank replaces the matched full dates with spaces so month-day patterns do not match
// inside them.
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
