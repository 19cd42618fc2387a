package xlsxlayout

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk/internal/openpyxl"
)

func TestSetProps(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	now := time.Date(2020, 9, 10, 8, 30, 0, 0, time.UTC)
	if err := Set(f, Props{Creator: "安康市电子政务办公室", Title: "填报表", Subject: "2020年度", Now: now}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	b := openpyxl.Load(t, path)[0]
	p := b.Props
	if p.Creator != "安康市电子政务办公室" || p.LastModifiedBy != "安康市电子政务办公室" || p.Title != "填报表" || p.Subject != "2020年度" {
		t.Errorf("props read back by openpyxl: %+v", p)
	}
	// A new file is created now, not on excelize's template date (2006-09-16).
	if !strings.HasPrefix(p.Created, "2020-09-10T08:30") || !strings.HasPrefix(p.Modified, "2020-09-10T08:30") {
		t.Errorf("created %q, modified %q; want 2020-09-10T08:30", p.Created, p.Modified)
	}
}

func TestSetPropsKeepsCreationOfAFile(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	made := time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)
	if err := Set(f, Props{Creator: "单位", Title: "原标题", Now: made}); err != nil {
		t.Fatal(err)
	}
	later := made.AddDate(0, 0, 20)
	if err := Set(f, Props{Creator: "安康市电子政务办公室", Now: later}); err != nil {
		t.Fatal(err)
	}
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "原标题" || p.Creator != "安康市电子政务办公室" ||
		p.Created != "2020-09-01T00:00:00Z" || p.Modified != "2020-09-21T00:00:00Z" {
		t.Errorf("got %+v", p)
	}
}
