package xxgk

import (
	"fmt"
	"strconv"
	"time"
)

// Rounds are explicit: every year the office sends out a new round, and nothing quietly
// falls back to the 2020 one. These rules decide what a new round may be given.

// BuiltinRoundID is the round the built-in indicator table was issued for.
const BuiltinRoundID = "2020"

// DeadlineHorizonYears bounds how far ahead a deadline may lie: a date further out is a
// typo (2062 for 2026), not a plan.
const DeadlineHorizonYears = 2

// DefaultRoundID names the round of templates made without --round: the current year in
// China time (on 1 January in Ankang it is already the new year, whatever UTC says).
func DefaultRoundID(now time.Time) string { return strconv.Itoa(now.In(ChinaTime).Year()) }

// ExampleDate is the date that examples in templates, messages and help show: 15
// September of the round's year (its id's, else its deadline's), so that a unit filling
// the 2026 template is not told to write 2020.
func (r Round) ExampleDate() string { return ExampleDateIn(r.ExampleYear()) }

// ExampleYear is the year of ExampleDate: the round id's, else its deadline's, else 2020.
func (r Round) ExampleYear() int {
	y := RoundYear(r.ID)
	if y == 0 && !r.Deadline.IsZero() {
		y = r.Deadline.Year()
	}
	if y == 0 {
		y = 2020
	}
	return y
}

// ExampleDateIn is ExampleDate for a year; 0 means 2020, the year of the first round.
func ExampleDateIn(year int) string {
	if year == 0 {
		year = 2020
	}
	return strconv.Itoa(year) + "-09-15"
}

// RoundYear is the year a round id starts with ("2021", "2021-2", "2021年"), or 0 when it
// starts with none.
func RoundYear(id string) int {
	if len(id) < 4 {
		return 0
	}
	y, err := strconv.Atoi(id[:4])
	if err != nil || y < MinDateYear || y > MaxDateYear {
		return 0
	}
	if len(id) > 4 && id[4] >= '0' && id[4] <= '9' {
		return 0 // 20201 is not a year
	}
	return y
}

// CheckDeadline judges the deadline of round id on day now. It is refused (err) when it
// lies before the round's year or more than DeadlineHorizonYears ahead; it is accepted
// with a warning when it has already passed, since every unit will then be late.
func CheckDeadline(id string, deadline, now time.Time) (warning string, err error) {
	if y := RoundYear(id); y != 0 && deadline.Year() < y {
		return "", fmt.Errorf("截止日期 %s 早于轮次 %s 所在的 %d 年，请检查 --deadline 或 --round", ChineseDate(deadline), id, y)
	}
	if limit := dayOf(now.In(ChinaTime)).AddDate(DeadlineHorizonYears, 0, 0); dayOf(deadline).After(limit) {
		return "", fmt.Errorf("截止日期 %s 距今超过 %d 年，请检查 --deadline", ChineseDate(deadline), DeadlineHorizonYears)
	}
	if (Round{Deadline: deadline}).IsLate(now) {
		return fmt.Sprintf("截止日期 %s 已过，此后导入的报送都将记为逾期", ChineseDate(deadline)), nil
	}
	return "", nil
}
