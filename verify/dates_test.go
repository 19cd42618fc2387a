package verify

import (
	"testing"
	"time"

	"xxgk"
)

// TestDatesWithoutYear: a list that never says its year is this year's, the year before
// for a day after the check day.
func TestDatesWithoutYear(t *testing.T) {
	f := newDateFinder(asOf)
	hits := append(f.add("[09-15]"), f.add("[12-01]")...)
	f.finish()
	if len(hits) != 2 || hits[0].day != time.Date(2020, 9, 15, 0, 0, 0, 0, time.UTC) || hits[1].day != time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC) {
		t.Errorf("hits %v %v", hits[0].day, hits[1].day)
	}
}

func TestDates(t *testing.T) {
	asOf := time.Date(2020, 9, 28, 9, 0, 0, 0, xxgk.ChinaTime)
	cases := []struct {
		name    string
		segs    []string
		newest  string
		entries int
	}{
		{"dash", []string{"关于印发某某办法的通知", "2020-09-15"}, "2020-09-15", 1},
		{"slash", []string{"2020/09/15"}, "2020-09-15", 1},
		{"dot", []string{"2020.9.15"}, "2020-09-15", 1},
		{"chinese", []string{"发布时间：2020年9月15日"}, "2020-09-15", 1},
		{"full-width", []string{"２０２０－０９－１５"}, "2020-09-15", 1},
		{"several in one segment", []string{"2020-08-01 至 2020-09-01"}, "2020-09-01", 2},
		{"bracketed under a year heading", []string{"2020年", "通知一", "[09-15]", "通知二", "[08-20]"}, "2020-09-15", 2},
		{"month-day after a full date", []string{"2019-12-30", "09-15"}, "2019-12-30", 2},
		{"month-day before the year", []string{"[09-15]", "2020年"}, "2020-09-15", 1},
		{"month-day with no year waits", []string{"[09-15]", "[08-01]"}, "", 0},
		{"chinese month-day under a 年度 heading", []string{"2020年度", "9月15日"}, "2020-09-15", 1},
		{"chinese month-day with year", []string{"2020年", "9月15日"}, "2020-09-15", 1},
		{"today's date is not an entry", []string{"今天是2020年9月28日 星期一"}, "", 0},
		{"a clock without 今天是", []string{"2020年9月28日 星期一"}, "", 0},
		{"a clock after its label in another cell", []string{"今天是：", "2020年9月28日"}, "", 0},
		{"the check day counts", []string{"2020-09-28"}, "2020-09-28", 1},
		{"the day after does not", []string{"2020-09-29"}, "", 0},
		{"future date ignored", []string{"2021-01-01", "2020-09-01"}, "2020-09-01", 1},
		{"phone number", []string{"电话：0915-3212345"}, "", 0},
		{"document number", []string{"安政办发〔2020〕15号", "2020-091501"}, "", 0},
		{"impossible date", []string{"2020-02-30"}, "", 0},
		{"time of day", []string{"2020-09-15 10:30"}, "2020-09-15", 1},
		{"yyyyMMdd alone", []string{"20200915"}, "2020-09-15", 1},
		{"yyyyMMdd in brackets", []string{"[20200915]"}, "2020-09-15", 1},
		{"yyyyMMdd inside a number is not a date", []string{"索引号：11610900MB2020091501"}, "", 0},
		{"eight digits that are no date", []string{"20201399"}, "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newDateFinder(asOf)
			var hits []*dateHit
			for _, s := range c.segs {
				hits = append(hits, f.add(s)...)
			}
			var newest time.Time
			entries := 0
			for _, h := range hits {
				if h.usable() {
					entries++
					if h.day.After(newest) {
						newest = h.day
					}
				}
			}
			got := ""
			if !newest.IsZero() {
				got = newest.Format("2006-01-02")
			}
			if got != c.newest || entries != c.entries {
				t.Errorf("newest %q, entries %d; want %q, %d", got, entries, c.newest, c.entries)
			}
		})
	}
}
