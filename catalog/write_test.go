package catalog

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestWriteTableRoundTrip: the table and unit list written as .xlsx and as .csv read back
// through Load into the same catalog, the built-in one and one with aliases, 专题 and a
// frequency.
func TestWriteTableRoundTrip(t *testing.T) {
	builtin, err := Load("", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"xlsx", "csv"} {
		dir := t.TempDir()
		write := func(name, sheet string, rows [][]string) string {
			p := filepath.Join(dir, name+"."+format)
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := WriteTable(f, format, sheet, rows); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			return p
		}
		ip := write("指标", "指标表", IndicatorRows(builtin))
		up := write("单位", "单位名单", UnitRows(builtin))
		back, err := Load(ip, up)
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if !reflect.DeepEqual(back.Indicators, builtin.Indicators) {
			for i := range back.Indicators {
				if !reflect.DeepEqual(back.Indicators[i], builtin.Indicators[i]) {
					t.Errorf("%s: indicator %d\n got %+v\nwant %+v", format, i, back.Indicators[i], builtin.Indicators[i])
					break
				}
			}
		}
		if !reflect.DeepEqual(back.Units.All(), builtin.Units.All()) {
			t.Errorf("%s: units differ:\n%+v\n%+v", format, back.Units.All(), builtin.Units.All())
		}
		var special int
		for _, ind := range back.Indicators {
			if ind.Display == "专题" || ind.Frequency != "" {
				special++
			}
		}
		var aliases int
		for _, u := range back.Units.All() {
			aliases += len(u.Aliases)
		}
		if special == 0 || aliases == 0 || back.Units.Len() != 36 || len(back.Indicators) != 44 {
			t.Errorf("%s: the round trip does not cover display, frequency and aliases (%d, %d)", format, special, aliases)
		}
	}
}
