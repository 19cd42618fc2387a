package importer

import (
	"context"
	"path/filepath"
	"testing"

	"xxgk"
)

// TestQuirksStored: text decoded by the reader (_xHHHH_ escapes, CR LF, binary noise)
// is what both engines store and give back.
func TestQuirksStored(t *testing.T) {
	form := xxgk.SheetForm + "!"
	data := quirkBook(t, quirks{sst: true,
		text:  map[string]string{form + "M5": "第一行_x000D_\n第二行_x005F_x000D_\r\n三", form + "H6": "栏目&#13;&#10;名称"},
		cells: map[string]string{form + "K5": `<c r="K5"><v>11.000000000000002</v></c>`},
	})
	forEngine(t, func(t *testing.T, e engine) {
		a := openStore(t, e.fresh(t), testCatalog(t))
		res, _, err := runImport(t, storeOptions(a), writeFile(t, filepath.Join(t.TempDir(), "2020_市财政局.xlsx"), data))
		if err != nil || len(res) != 1 || res[0].Outcome != Accepted {
			t.Fatalf("err %v results %+v", err, res)
		}
		cur, err := a.st.Current(context.Background(), "2020")
		if err != nil || len(cur) != 1 {
			t.Fatalf("err %v, %d current", err, len(cur))
		}
		items := cur[0].Items
		if items[0].Remark != "第一行\n第二行_x000D_\n三" || items[0].Count != 11 || items[1].ColumnName != "栏目\n名称" {
			t.Errorf("stored %q / %d / %q", items[0].Remark, items[0].Count, items[1].ColumnName)
		}
	})
}
