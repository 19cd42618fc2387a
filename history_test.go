package xxgk

import (
	"testing"
	"time"
)

func TestTimeline(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2020, 9, 18, h, 0, 0, 0, ChinaTime) }
	inds := []Indicator{{Code: "A"}, {Code: "B"}, {Code: "C"}}
	rec := UnitRecord{
		Round: "2020", Unit: "CZJ",
		Versions: []Submission{
			{Version: 1, FileName: "v1.xlsx", ImportedAt: at(9), ImportedBy: "alice",
				Items: []Item{{Code: "A", Status: Opened}, {Code: "B", Status: NotOpened}, {Code: "X", Status: Opened}}},
			{Version: 2, FileName: "v2.xlsx", ImportedAt: at(11), ImportedBy: "alice", Warnings: []Problem{{}},
				Items: []Item{{Code: "A", Status: Opened}, {Code: "B", Status: Opened}, {Code: "C", Status: NotApplicable}}},
			{Version: 3, FileName: "v1.xlsx", ImportedAt: at(13), ImportedBy: "bob",
				Items: []Item{{Code: "A", Status: Opened}, {Code: "B", Status: NotOpened}}},
		},
		Rejections: []RecordedRejection{{Rejection: Rejection{FileName: "bad.xlsx", At: at(10), ImportedBy: "alice", Errors: 5}, Cleared: true}},
		Events: []UnitEvent{
			{Kind: EventRevert, Version: 3, FromVersion: 1, At: at(13), Operator: "bob", Note: "误导入"},
			{Kind: EventClearRejections, Cleared: 1, At: at(14), Operator: "bob"},
			{Kind: EventWithdraw, Version: 3, At: at(15), Operator: "carol"},
		},
		Current: 0,
	}
	if !rec.Withdrawn() {
		t.Error("a record with versions and no current one is withdrawn")
	}
	got := rec.Timeline(inds)
	want := []struct {
		kind    HistoryKind
		version int
		from    int
		counts  Counts
	}{
		{HistoryImport, 1, 0, Counts{Assigned: 3, Opened: 1, NotOpened: 1, NotReported: 1}},
		{HistoryRejected, 0, 0, Counts{}},
		{HistoryImport, 2, 0, Counts{Assigned: 3, Opened: 2, NotApplicable: 1}},
		{HistoryRevert, 3, 1, Counts{Assigned: 3, Opened: 1, NotOpened: 1, NotReported: 1}},
		{HistoryClearRejections, 0, 0, Counts{}},
		{HistoryWithdraw, 3, 0, Counts{}},
	}
	if len(got) != len(want) {
		t.Fatalf("timeline has %d entries, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Kind != w.kind || g.Version != w.version || g.FromVersion != w.from || g.Counts != w.counts || g.Current {
			t.Errorf("entry %d = %+v, want %+v", i, g, w)
		}
	}
	if !got[1].Cleared || got[1].Errors != 5 || got[4].ClearedN != 1 || got[3].Note != "误导入" || got[5].Operator != "carol" || got[2].Warnings != 1 {
		t.Errorf("details lost: %+v", got)
	}
	rec.Current = 3
	if got := rec.Timeline(inds); !got[3].Current || got[0].Current || rec.Withdrawn() {
		t.Errorf("current mark: %+v", got)
	}
}
