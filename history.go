package xxgk

import (
	"sort"
	"time"
)

// Undo never deletes: submissions stay append-only, and every correction the office makes
// is an event of its own, with a time and an operator, kept in the unit's history.

// EventKind names a correction recorded for a unit.
type EventKind string

const (
	// EventRevert made an earlier version current again by recording a new version with
	// its content.
	EventRevert EventKind = "revert"
	// EventWithdraw sent the unit back to 未报送 (a file imported for the wrong unit, say);
	// its versions stay. The next accepted file makes it submitted again.
	EventWithdraw EventKind = "withdraw"
	// EventClearRejections forgot the unit's refused files recorded so far (refusals made
	// by mistake): status and feedback no longer mention them; the history still does.
	EventClearRejections EventKind = "clear_rejections"
	// EventApprove and EventReturn are reviews (审核) of the version they name: approved
	// (通过) or returned for changes (退回修改, Note holding the office's comment).
	EventApprove EventKind = "approve"
	EventReturn  EventKind = "return"
)

// UnitEvent is one correction of a unit's record in a round.
type UnitEvent struct {
	Round, Unit string
	Kind        EventKind
	Version     int // revert: the version it recorded; withdraw: the version withdrawn
	FromVersion int // revert: the version whose content was restored
	Cleared     int // clear_rejections: how many refused files it cleared
	At          time.Time
	Operator    string
	Note        string
}

// RecordedRejection is a refused file as the history shows it: cleared or still counted.
type RecordedRejection struct {
	Rejection
	Cleared bool
}

// UnitRecord is everything stored about one unit in one round.
type UnitRecord struct {
	Round, Unit string
	Versions    []Submission // oldest first, with items and warnings
	Rejections  []RecordedRejection
	Events      []UnitEvent // oldest first
	Current     int         // the current version; 0 when none, or withdrawn
}

// Withdrawn tells a unit whose versions were all set aside by a withdrawal.
func (r UnitRecord) Withdrawn() bool { return r.Current == 0 && len(r.Versions) > 0 }

// HistoryKind names a line of a unit's history.
type HistoryKind string

const (
	HistoryImport          HistoryKind = "import"
	HistoryRevert          HistoryKind = "revert"
	HistoryRejected        HistoryKind = "rejected"
	HistoryWithdraw        HistoryKind = "withdraw"
	HistoryClearRejections HistoryKind = "clear_rejections"
	HistoryApprove         HistoryKind = "approve"
	HistoryReturn          HistoryKind = "return"
)

// Label is the Chinese word shown in the history table.
func (k HistoryKind) Label() string {
	switch k {
	case HistoryImport:
		return "导入"
	case HistoryRevert:
		return "恢复"
	case HistoryRejected:
		return "退回"
	case HistoryWithdraw:
		return "撤回"
	case HistoryClearRejections:
		return "清除退回记录"
	case HistoryApprove:
		return "审核通过"
	case HistoryReturn:
		return "退回修改"
	}
	return string(k)
}

// HistoryEntry is one line of a unit's history: a version, a refusal or a correction.
type HistoryEntry struct {
	At          time.Time
	Kind        HistoryKind
	Version     int // import, revert: the version; withdraw: the version withdrawn; approve, return: the version reviewed
	FromVersion int // revert: the version whose content it restored
	FileName    string
	Operator    string
	Counts      Counts // import, revert: the version's answers to the unit's indicators
	Warnings    int    // import, revert: warnings the version was accepted with
	Errors      int    // rejected: errors the file had
	Current     bool   // import, revert: this version is the unit's current one
	Cleared     bool   // rejected: cleared since, no longer counted
	ClearedN    int    // clear_rejections: how many refused files were cleared
	Note        string // corrections: the operator's note; return: the office's comment
}

// Timeline merges a unit's versions, refusals and corrections into one history, oldest
// first. assigned are the indicators the unit must build, for the counts.
func (r UnitRecord) Timeline(assigned []Indicator) []HistoryEntry {
	reverts := map[int]UnitEvent{}
	for _, e := range r.Events {
		if e.Kind == EventRevert {
			reverts[e.Version] = e
		}
	}
	var out []HistoryEntry
	for _, v := range r.Versions {
		en := HistoryEntry{At: v.ImportedAt, Kind: HistoryImport, Version: v.Version, FileName: v.FileName,
			Operator: v.ImportedBy, Counts: CountItems(len(assigned), answersTo(assigned, v.Items)), Warnings: len(v.Warnings),
			Current: v.Version == r.Current}
		if e, ok := reverts[v.Version]; ok {
			en.Kind, en.FromVersion, en.Note = HistoryRevert, e.FromVersion, e.Note
		}
		out = append(out, en)
	}
	for _, rj := range r.Rejections {
		out = append(out, HistoryEntry{At: rj.At, Kind: HistoryRejected, FileName: rj.FileName,
			Operator: rj.ImportedBy, Errors: rj.Errors, Cleared: rj.Cleared})
	}
	for _, e := range r.Events {
		switch e.Kind {
		case EventWithdraw:
			out = append(out, HistoryEntry{At: e.At, Kind: HistoryWithdraw, Version: e.Version, Operator: e.Operator, Note: e.Note})
		case EventClearRejections:
			out = append(out, HistoryEntry{At: e.At, Kind: HistoryClearRejections, ClearedN: e.Cleared, Operator: e.Operator, Note: e.Note})
		case EventApprove:
			out = append(out, HistoryEntry{At: e.At, Kind: HistoryApprove, Version: e.Version, Operator: e.Operator, Note: e.Note})
		case EventReturn:
			out = append(out, HistoryEntry{At: e.At, Kind: HistoryReturn, Version: e.Version, Operator: e.Operator, Note: e.Note})
		}
	}
	// Stable: at the same instant a version comes before the refusals and corrections
	// that can only follow it.
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}

// Review is the unit's review state, from its events by ReviewStateOf.
func (r UnitRecord) Review() UnitReview {
	var latest *Review
	for _, e := range r.Events {
		if rv, ok := ReviewFromEvent(e); ok {
			latest = &rv
		}
	}
	return NewUnitReview(r.Unit, r.Current, latest)
}
