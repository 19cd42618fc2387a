package xxgk

import "time"

// Rejection records a file of a unit that the import refused. Nothing of it is stored as a
// submission, but the office must not tell a unit that tried, and was sent its file back,
// that it never reported.
type Rejection struct {
	ID         int64 // the store's id; zero before it is stored
	Round      string
	Unit       string // unit code, from the file's hidden sheet
	FileName   string
	SHA256     string
	At         time.Time // when the import refused it
	ImportedBy string
	Errors     int // how many errors the file had
	// Problems are what the file was refused for, so the unit's letter can list them.
	Problems Problems
	// File is the refused workbook itself, kept so that feedback can return it annotated
	// beside the letter; nil when it was over RejectionKeepMax or could not be read.
	// Loaded only on request (store.RejectionFile), never with the list.
	File []byte
}

// RejectionKeepMax is the largest refused file whose content is kept. A template filled
// in is 20–60 KB; anything far larger is not a unit's ordinary answer, and its letter
// lists the errors without the annotated copy.
const RejectionKeepMax = 4 << 20

// Rejected summarises a unit's refused files.
type Rejected struct {
	Count int       // distinct refused files
	Last  Rejection // the latest one
}

// AddRejections attaches refused files to their units. What it means depends on time: a
// refusal before the current version was superseded by it; one after it means the unit's
// latest file was sent back and the current version still counts (see RefusedLatest).
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

// RefusedLatest tells that the unit's latest file was refused: it has no accepted version,
// or a file sent after its current version was sent back.
func (u UnitSummary) RefusedLatest() bool {
	return u.Rejected.Count > 0 && u.Rejected.Last.At.After(u.SubmittedAt)
}
