package samples_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/catalog"
	"xxgk/importer"
	"xxgk/samples"
	"xxgk/templates"
)

type rounds struct {
	r   xxgk.Round
	cat *xxgk.Catalog
}

func (f rounds) Round(context.Context, string) (xxgk.Round, *xxgk.Catalog, error) {
	return f.r, f.cat, nil
}

// TestProfiles fills every unit's template of the real 2020 table with every profile and
// checks with the importer that each profile gives what it promises.
func TestProfiles(t *testing.T) {
	cat, err := catalog.Load("", "")
	if err != nil {
		t.Fatalf("loading the built-in catalog: %v", err)
	}
	r := xxgk.Round{ID: "2020", Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC)}
	rd := &importer.Reader{Rounds: rounds{r, cat}, Now: func() time.Time { return time.Date(2020, 9, 18, 12, 0, 0, 0, xxgk.ChinaTime) }}
	for _, u := range cat.Units.All() {
		var tpl bytes.Buffer
		if err := templates.Write(&tpl, r, cat, u); err != nil {
			t.Fatal(err)
		}
		for _, p := range samples.Profiles {
			data, err := samples.Fill(tpl.Bytes(), p, rand.New(rand.NewPCG(1, 2)))
			if err != nil {
				t.Fatal(err)
			}
			c, err := rd.Read(context.Background(), templates.FileName(r, u), data)
			if err != nil {
				t.Fatal(err)
			}
			errs, warns := len(c.Problems.Only(xxgk.Error)), len(c.Problems.Only(xxgk.Warning))
			ok := false
			switch p {
			case samples.Good, samples.TextDates:
				ok = errs == 0 && warns == 0
			case samples.WithWarnings:
				ok = errs == 0 && warns >= 4
			case samples.WithErrors:
				ok = errs == 5 && warns == 0
			}
			if !ok {
				t.Errorf("%s %s: %d errors, %d warnings: %v", u.Short, p, errs, warns, c.Problems)
			}
		}
	}
}

func TestDeterministicAndDateCells(t *testing.T) {
	cat, err := catalog.Load("", "")
	if err != nil {
		t.Fatalf("loading the built-in catalog: %v", err)
	}
	u, _ := cat.Units.Lookup("市财政局")
	var tpl bytes.Buffer
	if err := templates.Write(&tpl, xxgk.Round{ID: "2020"}, cat, u); err != nil {
		t.Fatal(err)
	}
	a, _ := samples.Fill(tpl.Bytes(), samples.Good, rand.New(rand.NewPCG(3, 3)))
	b, _ := samples.Fill(tpl.Bytes(), samples.Good, rand.New(rand.NewPCG(3, 3)))
	if !bytes.Equal(a, b) {
		t.Error("same seed, different workbooks")
	}
	for p, wantNumber := range map[samples.Profile]bool{samples.Good: true, samples.TextDates: false} {
		data, _ := samples.Fill(tpl.Bytes(), p, rand.New(rand.NewPCG(3, 3)))
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		// Row 5 is the first indicator and always 已开设; J is 最近更新日期. A date cell
		// holds the serial; its display text is the date.
		raw, _ := f.GetCellValue(xxgk.SheetForm, "J5", excelize.Options{RawCellValue: true})
		shown, _ := f.GetCellValue(xxgk.SheetForm, "J5")
		_, err = strconv.ParseFloat(raw, 64)
		if (err == nil) != wantNumber || (wantNumber && shown == raw) {
			t.Errorf("%s: J5 raw %q shown %q", p, raw, shown)
		}
		f.Close()
	}
}
