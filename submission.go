package xxgk

import (
	"fmt"
	"time"
)

// OpenStatus is the answer to 是否开设栏目.
type OpenStatus string

const (
	Opened        OpenStatus = "已开设"
	NotOpened     OpenStatus = "未开设"
	NotApplicable OpenStatus = "不适用"
)

// OpenStatuses lists the dropdown values in order.
var OpenStatuses = []OpenStatus{Opened, NotOpened, NotApplicable}

// Item is one filled row of a unit's workbook, already checked and normalised.
type Item struct {
	Code       string // indicator code
	Status     OpenStatus
	ColumnName string    // 栏目名称
	URL        string    // 栏目网址
	LastUpdate time.Time // 最近更新日期; zero when not given
	Count      int       // 发布信息条数; -1 when not given
	Reported   string    // 报送内容
	Remark     string    // 备注
}

// Submission is one accepted workbook: a version of one unit's answer for one round.
type Submission struct {
	ID         int64
	Round      string
	Unit       string // unit code
	Version    int    // 1, 2, … per (round, unit); the highest is current
	Filler     string // 填报人
	Phone      string // 联系电话
	FileName   string
	FileSize   int64
	SHA256     string // hex of the file's bytes
	ImportedAt time.Time
	ImportedBy string
	FirstAt    time.Time // when the unit's first version was accepted; decides lateness
	Items      []Item
	Warnings   []Problem // accepted with these
}

// Counts tallies a submission's answers.
//
// The four answers partition what is assigned: Assigned = Opened + NotOpened +
// NotApplicable + NotReported, where NotReported counts the columns no accepted
// submission answers (every column of a unit that never reported). Every count of columns
// the tool prints comes from here, so the numbers in a report always add up.
type Counts struct {
	Assigned, Opened, NotOpened, NotApplicable, NotReported int
}

// Answered is the number of columns an accepted submission answers.
func (c Counts) Answered() int { return c.Opened + c.NotOpened + c.NotApplicable }

// Plus adds two tallies, for totals.
func (c Counts) Plus(o Counts) Counts {
	return Counts{
		Assigned:      c.Assigned + o.Assigned,
		Opened:        c.Opened + o.Opened,
		NotOpened:     c.NotOpened + o.NotOpened,
		NotApplicable: c.NotApplicable + o.NotApplicable,
		NotReported:   c.NotReported + o.NotReported,
	}
}

// CheckPartition reports whether the four answers add up to what is assigned.
func (c Counts) CheckPartition() error {
	if c.Answered()+c.NotReported != c.Assigned || c.NotReported < 0 {
		return fmt.Errorf("counts do not add up: 应建 %d ≠ 已开设 %d + 未开设 %d + 不适用 %d + 未报送 %d",
			c.Assigned, c.Opened, c.NotOpened, c.NotApplicable, c.NotReported)
	}
	return nil
}

// Completion is opened ÷ (assigned − not applicable), in 0..1; 0 when nothing is due.
func (c Counts) Completion() float64 {
	due := c.Assigned - c.NotApplicable
	if due <= 0 {
		return 0
	}
	return float64(c.Opened) / float64(due)
}

// Add counts one answer.
func (c *Counts) Add(s OpenStatus) {
	switch s {
	case Opened:
		c.Opened++
	case NotOpened:
		c.NotOpened++
	case NotApplicable:
		c.NotApplicable++
	}
}

// CountItems tallies items against the number of assigned indicators.
func CountItems(assigned int, items []Item) Counts {
	c := Counts{Assigned: assigned}
	for _, it := range items {
		c.Add(it.Status)
	}
	c.NotReported = assigned - c.Answered()
	if c.NotReported < 0 {
		c.NotReported = 0
	}
	return c
}

// answersTo keeps the items that answer one of inds, in their order: a row for an
// indicator the unit is not (or no longer) assigned counts for nothing.
func answersTo(inds []Indicator, items []Item) []Item {
	due := make(map[string]bool, len(inds))
	for _, ind := range inds {
		due[ind.Code] = true
	}
	var out []Item
	for _, it := range items {
		if due[it.Code] {
			out = append(out, it)
		}
	}
	return out
}
