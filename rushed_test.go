package xxgk

import (
	"strings"
	"testing"
	"time"
)

func TestRushedUpdate(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	asOf := time.Date(2020, 9, 28, 9, 0, 0, 0, ChinaTime)
	burst := []time.Time{day(2020, 9, 27), day(2020, 9, 24), day(2020, 9, 21)}
	cases := []struct {
		name  string
		dates []time.Time
		want  string
	}{
		{"burst after a long gap", append(burst, day(2019, 11, 5), day(2019, 6, 1)),
			"2020年9月21日至2020年9月27日集中发布了3条信息，此前最近一条信息是2019年11月5日，其后6个月以上没有更新，疑似突击更新"},
		{"burst in an empty column", burst, "2020年9月21日至2020年9月27日集中发布了3条信息，此前6个月没有发布信息，疑似突击更新"},
		{"burst on one day", []time.Time{day(2020, 9, 25), day(2020, 9, 25), day(2020, 9, 25)}, "2020年9月25日集中发布了3条信息，此前6个月没有发布信息，疑似突击更新"},
		{"seven days back is in the burst", []time.Time{day(2020, 9, 27), day(2020, 9, 24), day(2020, 9, 21)}, "2020年9月21日至"},
		{"two entries are no burst", burst[:2], ""},
		{"an entry within the gap", append(burst, day(2020, 5, 10)), ""},
		{"an entry on the gap's first day", append(burst, day(2020, 3, 21)), ""},
		{"an entry just before the gap", append(burst, day(2020, 3, 20)), "此前最近一条信息是2020年3月20日"},
		{"the eighth day back is before the burst", []time.Time{day(2020, 9, 27), day(2020, 9, 24), day(2020, 9, 20)}, ""},
		{"regular updates", []time.Time{day(2020, 9, 27), day(2020, 9, 15), day(2020, 9, 3), day(2020, 8, 22)}, ""},
		{"future dates do not count", []time.Time{day(2020, 9, 27), day(2020, 9, 26), day(2020, 10, 8)}, ""},
		{"no dates", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := RushedUpdate(c.dates, asOf)
			if c.want == "" && got != "" || c.want != "" && !strings.Contains(got, c.want) {
				t.Errorf("RushedUpdate = %q, want %q", got, c.want)
			}
		})
	}
	if w := RushedWarning(CheckStale, burst, asOf); w != "" {
		t.Errorf("a stale page has no rushed warning: %q", w)
	}
	if w := RushedWarning(CheckDateMismatch, burst, asOf); w == "" {
		t.Error("a date mismatch can be rushed too")
	}
}
