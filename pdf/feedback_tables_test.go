package pdf

import (
	"testing"

	"xxgk/fonts"
)

// TestItemTableCells: in every submitted unit's 填报明细, no cell runs past four lines
// (addresses of 55 characters included).
func TestItemTableCells(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	d := newDoc(Options{Fonts: testFonts(t)}, "t")
	d.names = cat.Names()
	checked := 0
	for _, u := range s.Units {
		if u.Submission == nil {
			continue
		}
		cols, rows := d.itemLayout(u, cat.For(u.Unit))
		for _, r := range rows {
			for i, c := range r.cells {
				w, head := cols[i].w, cols[i].head
				if r.span {
					w, head = textW, itemSpanHead
				}
				if n := len(d.wrap(c, fonts.Body, cellSize, w-2*padX, 0)); n > maxCellLines {
					t.Errorf("%s: cell %q of column %s takes %d lines (width %.1f mm)", u.Unit.Short, c, head, n, w)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no cells checked")
	}
}
