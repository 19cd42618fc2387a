package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"xxgk"
)

func TestDeleteRound(t *testing.T) { forEngine(t, testDeleteRound) }

// testDeleteRound: a round recorded by mistake goes, with its snapshot and paper settings;
// one holding a submission or a rejection stays, and the error names what it holds.
func testDeleteRound(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	mistake := xxgk.Round{ID: "2027", Title: "2027 年", Deadline: time.Date(2027, 9, 20, 0, 0, 0, 0, time.UTC),
		Created: time.Date(2021, 8, 1, 0, 0, 0, 0, time.UTC)}
	for _, r := range []xxgk.Round{round2020, mistake} {
		if err := s.SaveRound(ctx, r, smallCatalog(t)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.TemplateKey(ctx); err != nil { // records both rounds as older
		t.Fatal(err)
	}
	if err := s.SaveNotice(ctx, "2027", xxgk.Notice{DocNumber: "x"}); err != nil {
		t.Fatal(err)
	}
	save(t, s, newSub("2020", "CZJ", "a", 2, at(15, 0)))
	if err := s.SaveRejections(ctx, []xxgk.Rejection{{Round: "2020", Unit: "HBQ", FileName: "x.xlsx", SHA256: sha("r"), At: at(15, 0), Errors: 1}}); err != nil {
		t.Fatal(err)
	}

	err := s.DeleteRound(ctx, "2020")
	if !errors.Is(err, ErrRoundHolds) || !strings.HasSuffix(err.Error(), "轮次“2020”中有 1 份报送、1 次退回") {
		t.Errorf("delete a round in use: %v", err)
	}
	if _, _, err := s.Round(ctx, "2020"); err != nil {
		t.Errorf("round in use gone: %v", err)
	}
	if err := s.DeleteRound(ctx, "2027"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Round(ctx, "2027"); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted round still read: %v", err)
	}
	for _, table := range []string{"round_units", "round_indicators", "round_notices", "template_key_older_rounds"} {
		if n := count(t, s, `SELECT COUNT(*) FROM `+table+` WHERE round_id = ?`, "2027"); n != 0 {
			t.Errorf("%s keeps %d rows of the deleted round", table, n)
		}
	}
	if err := s.DeleteRound(ctx, "2027"); !errors.Is(err, ErrNotFound) {
		t.Errorf("delete twice: %v", err)
	}
	// The round can be recorded again under the same id.
	if err := s.SaveRound(ctx, mistake, smallCatalog(t)); err != nil {
		t.Errorf("record again: %v", err)
	}
}
