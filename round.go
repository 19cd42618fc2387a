package xxgk

import (
	"fmt"
	"time"
)

// Round is one collection campaign: the templates sent out, their deadline and the
// catalog they were made from.
type Round struct {
	ID       string    // e.g. 2020
	Title    string    // shown on templates and reports
	Deadline time.Time // a calendar date; a submission is late when first accepted after it
	Contact  Contact
	Created  time.Time
}

// Contact is the office's contact printed on templates and feedback.
type Contact struct {
	Office string
	People string
	Phone  string
	Email  string
}

// DefaultContact is the office's contact from the 2020 notice.
var DefaultContact = Contact{
	Office: "安康市电子政务办公室",
	People: "吴远兴 张骞",
	Phone:  "3201058",
	Email:  "327455818@qq.com",
}

// DefaultRoundTitle is the 2020 notice's title.
const DefaultRoundTitle = "安康市政府网站重点领域信息公开栏目建设情况报送"

// TitleOrDefault is the round's title, or the 2020 notice's for a round without one.
func (r Round) TitleOrDefault() string {
	if r.Title != "" {
		return r.Title
	}
	return DefaultRoundTitle
}

// DueBy is the last instant of the deadline day in loc; a submission stored after it is late.
func (r Round) DueBy(loc *time.Location) time.Time {
	y, m, d := r.Deadline.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, loc).Add(-time.Nanosecond)
}

// ChinaTime is the office's time zone; deadlines are calendar days there.
var ChinaTime = time.FixedZone("CST", 8*3600)

// IsLate tells whether a first acceptance at t missed the deadline (China time).
func (r Round) IsLate(t time.Time) bool {
	return t.After(r.DueBy(ChinaTime))
}

// BeforeDeadline tells whether papers written at t come before the round's deadline has
// passed. Units without a file then still have time: the papers call them 尚未报送 and
// ask them to report by the deadline, not 未报送 to 补报, and a 补报 day before the
// deadline makes no sense (CheckReplyBy).
func (r Round) BeforeDeadline(t time.Time) bool { return !r.IsLate(t) }

// CheckReplyBy refuses a 补报/整改 day (a calendar day) before the round's deadline: units
// cannot be asked to make up by a day on which they were not yet due.
func (r Round) CheckReplyBy(day time.Time) error {
	if r.Deadline.IsZero() || day.IsZero() {
		return nil
	}
	if FormatDate(day.In(ChinaTime)) < FormatDate(r.Deadline) {
		return fmt.Errorf("补报、整改期限 %s 早于轮次 %s 的报送截止日期 %s，请给出截止日期当天或以后的日期",
			ChineseDate(day.In(ChinaTime)), r.ID, ChineseDate(r.Deadline))
	}
	return nil
}

// YearLabel is how a leader names the round: "2020年度" for a round named by its year,
// the id itself otherwise.
func (r Round) YearLabel() string {
	if len(r.ID) != 4 || RoundYear(r.ID) == 0 {
		return r.ID
	}
	return r.ID + "年度"
}
