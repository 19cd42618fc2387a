package importer

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk/samples"
)

// A workbook re-saved by another program has new bytes but says the same: importing it
// again is Unchanged, on both engines.
func TestStoreResavedFileUnchanged(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		cat := testCatalog(t)
		a := openStore(t, e.fresh(t), cat)
		orig := filled(t, cat, "市财政局", samples.Good, 1)
		resaved := editBook(t, orig, func(f *excelize.File) {
			if err := f.SetDocProps(&excelize.DocProperties{Creator: "WPS Office", Modified: "2020-09-19T10:00:00Z"}); err != nil {
				t.Fatal(err)
			}
		})
		if bytes.Equal(orig, resaved) {
			t.Fatal("the re-saved copy has the same bytes: the test proves nothing")
		}
		res, _, err := runImport(t, storeOptions(a), writeFile(t, filepath.Join(t.TempDir(), "a.xlsx"), orig))
		if err != nil || outcomes(res) != "a.xlsx=accepted" {
			t.Fatalf("first import: %s, %v", outcomes(res), err)
		}
		res, _, err = runImport(t, storeOptions(a), writeFile(t, filepath.Join(t.TempDir(), "a（另存）.xlsx"), resaved))
		if err != nil || outcomes(res) != "a（另存）.xlsx=unchanged" || res[0].Version != 1 {
			t.Errorf("re-saved copy: %s v%d, %v; want unchanged v1", outcomes(res), res[0].Version, err)
		}
	})
}
