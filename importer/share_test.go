package importer

import (
	"testing"
)

// TestIndicatorListsShared: units with the same assignment get one shared list, so a
// round of 10,000 units does not hold 10,000 copies; a unit with its own assignment gets
// its own, with the right indicators.
func TestIndicatorListsShared(t *testing.T) {
	cat := benchCatalog(t, 1000, 60)
	ri := &roundInfo{cat: cat}
	units := cat.Units.All()
	first := ri.indicators(units[0])
	for _, u := range units[1:] {
		if got := ri.indicators(u); len(got) != 60 || &got[0] != &first[0] {
			t.Fatalf("%s: not the shared list", u.Code)
		}
	}
	if len(ri.lists) != 1 {
		t.Errorf("%d lists for one assignment", len(ri.lists))
	}
	tc := testCatalog(t)
	ri = &roundInfo{cat: tc}
	for _, name := range []string{"市财政局", "市卫健委", "汉滨区", "汉阴县"} {
		u := unit(t, tc, name)
		got, want := ri.indicators(u), tc.For(u)
		if len(got) != len(want) {
			t.Fatalf("%s: %d indicators, want %d", name, len(got), len(want))
		}
		for i := range want {
			if got[i].Code != want[i].Code {
				t.Errorf("%s: %s, want %s", name, got[i].Code, want[i].Code)
			}
		}
	}
	if len(ri.lists) != 3 { // 财政局 and 卫健委 have their own items; the counties share
		t.Errorf("%d lists, want 3", len(ri.lists))
	}
}
