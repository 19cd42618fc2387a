package xxgk

import (
	"testing"
	"time"
)

// TestIsStaleCountsDays: the boundary is a calendar day in China time, whatever the hour
// of asOf, so a letter written at 10:00 and a website check at 23:30 judge a column alike.
func TestIsStaleCountsDays(t *testing.T) {
	monthly, other := Indicator{Frequency: "每月"}, Indicator{}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	for _, asOf := range []time.Time{
		day(2020, 9, 28),
		time.Date(2020, 9, 28, 10, 0, 0, 0, ChinaTime),
		time.Date(2020, 9, 28, 23, 30, 0, 0, ChinaTime), // 15:30 UTC, the same day
		time.Date(2020, 9, 27, 16, 30, 0, 0, time.UTC),  // 00:30 on the 28th in China
	} {
		for _, tt := range []struct {
			ind  Indicator
			last time.Time
			want bool
		}{
			{monthly, day(2020, 8, 14), false}, // exactly 45 days
			{monthly, day(2020, 8, 13), true},
			{other, day(2020, 3, 28), false}, // exactly six months
			{other, day(2020, 3, 27), true},
			{other, time.Time{}, false},
		} {
			if got := tt.ind.IsStale(tt.last, asOf); got != tt.want {
				t.Errorf("IsStale(%s, as of %s) = %v, want %v (%s)", FormatDate(tt.last), asOf, got, tt.want, tt.ind.StaleRule())
			}
		}
	}
}
