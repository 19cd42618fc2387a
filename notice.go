package xxgk

import "time"

// Notice is what the office's papers for a round carry besides the data: the 通报's
// document number, issuing office and date, and the day by which missing units must 补报
// and units with problems must 整改. It is stored with the round, so the office sets it
// once; a flag given on the command line wins and is remembered.
type Notice struct {
	DocNumber string    // 发文字号, e.g. 安电政办字〔2020〕6号; empty prints none
	Issuer    string    // 发文机关; empty means the round's contact office
	Date      time.Time // 成文日期; zero means the day the paper is written (China time)
	ReplyBy   time.Time // 补报/整改 deadline (a calendar date); zero means none is given
	// AsOf is the day the statistics and staleness are judged (the 截至 day of every
	// paper of a run); zero means Date when set, else the day of writing.
	AsOf time.Time
	// CC is the 抄送 line of the 通报's 版记 (e.g. 市政府办公室，各县区政府办公室); empty
	// prints no 抄送 line.
	CC string
	// PortalURL is the intake portal's address printed on templates and letters (xxgk
	// serve); empty prints none.
	PortalURL string
}

// IssuerFor is the issuing office printed for round r, and named as the maker of the
// workbooks written for it: the notice's issuer, else the round's contact office, else
// the 2020 notice's office.
func (n Notice) IssuerFor(r Round) string {
	switch {
	case n.Issuer != "":
		return n.Issuer
	case r.Contact.Office != "":
		return r.Contact.Office
	}
	return DefaultContact.Office
}

// HasReplyBy tells whether the papers carry a deadline for 补报 and 整改.
func (n Notice) HasReplyBy() bool { return !n.ReplyBy.IsZero() }

// AsOfDay is the day every paper of one run states as its 截至 day and judges staleness
// on: the notice's AsOf when given, else its 成文日期, else now (the day of writing). A
// 通报 printed weeks after its reporting day so still counts a column stale or not as it
// was on that day, and the 通报, every letter and the Excel report of the run agree.
// A given day is returned as its last instant in China time, so that the whole day counts
// (a unit that reported on it is not late "as of" it).
func (n Notice) AsOfDay(now time.Time) time.Time {
	for _, d := range []time.Time{n.AsOf, n.Date} {
		if !d.IsZero() {
			y, m, dd := d.In(ChinaTime).Date()
			return time.Date(y, m, dd+1, 0, 0, 0, 0, ChinaTime).Add(-time.Nanosecond)
		}
	}
	return now.In(ChinaTime)
}

// IssuedOn is the 成文日期 printed above the seal: the notice's Date, else now.
func (n Notice) IssuedOn(now time.Time) time.Time {
	if !n.Date.IsZero() {
		return n.Date.In(ChinaTime)
	}
	return now.In(ChinaTime)
}
