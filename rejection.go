package xxgk

import "time"

// Rejection records a file of a unit that the import refused. Nothing of it is stored as a
// submission, but the office must not tell a unit that tried, and was sent its file back,
// that it never reported.
type Rejection struct {
	Round      string
	Unit       string // unit code, from the file's hidden sheet
	FileName   string
	SHA256     string
	At         time.Time // when the import refused it
	ImportedBy string
	Errors     int // how many errors the file had
}

// Rejected summarises a unit's refused files.
type Rejected struct {
	Count int       // distinct refused files
	Last  Rejection // the latest one
}

// AddRejections attaches refused files to their units. Only a unit without an accepted
// version keeps the information in its state; the others' rejections were superseded.
func (s *Summary) AddRejections(rs []Rejection) {
	idx := make(map[string]int, len(s.Units))
	for i, u := range s.Units {
		idx[u.Unit.Code] = i
	}
	for _, r := range rs {
		i, ok := idx[r.Unit]
		if !ok || r.Round != s.Round.ID {
			continue
		}
		u := &s.Units[i]
		u.Rejected.Count++
		if u.Rejected.Last.At.IsZero() || r.At.After(u.Rejected.Last.At) {
			u.Rejected.Last = r
		}
	}
}

// WasRejected tells a missing unit that did send a file, which was refused.
func (u UnitSummary) WasRejected() bool { return u.State == Missing && u.Rejected.Count > 0 }
