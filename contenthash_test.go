package xxgk

import (
	"testing"
	"time"
)

func TestContentHash(t *testing.T) {
	base := func() *Submission {
		return &Submission{Round: "2020", Unit: "CZJ", Filler: "张三", Phone: "0915-3201058", FileName: "a.xlsx", SHA256: "aa",
			Items: []Item{
				{Code: "CZ-01-1", Status: Opened, ColumnName: "预决算", URL: "http://x/", LastUpdate: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC), Count: 3},
				{Code: "CZ-01-2", Status: NotOpened, Count: -1, Remark: "筹建中"},
			}}
	}
	want := base().ContentHash()
	if len(want) != 64 {
		t.Fatalf("hash %q", want)
	}
	// What a re-save changes does not count: file name, bytes, import time, row order.
	same := base()
	same.FileName, same.SHA256, same.ImportedAt = "b.xlsx", "bb", time.Now()
	same.Items[0], same.Items[1] = same.Items[1], same.Items[0]
	same.Items[1].LastUpdate = time.Date(2020, 9, 1, 0, 0, 0, 0, ChinaTime)
	if got := same.ContentHash(); got != want {
		t.Errorf("same values, different hash")
	}
	// Every value the unit wrote does.
	for name, edit := range map[string]func(s *Submission){
		"filler":   func(s *Submission) { s.Filler = "李四" },
		"phone":    func(s *Submission) { s.Phone = "0915-3201059" },
		"unit":     func(s *Submission) { s.Unit = "ZRZYJ" },
		"status":   func(s *Submission) { s.Items[1].Status = NotApplicable },
		"url":      func(s *Submission) { s.Items[0].URL = "http://y/" },
		"date":     func(s *Submission) { s.Items[0].LastUpdate = s.Items[0].LastUpdate.AddDate(0, 0, 1) },
		"no count": func(s *Submission) { s.Items[0].Count = -1 },
		"count 0":  func(s *Submission) { s.Items[1].Count = 0 },
		"shifted":  func(s *Submission) { s.Items[1].Remark, s.Items[1].ColumnName = "", "筹建中" },
		"item":     func(s *Submission) { s.Items = s.Items[:1] },
	} {
		s := base()
		edit(s)
		if s.ContentHash() == want {
			t.Errorf("%s: changed values, same hash", name)
		}
	}
}
