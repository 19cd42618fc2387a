package store

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"xxgk"
)

// TestStore runs the one store suite on every engine.
func TestStore(t *testing.T) {
	forEngine(t, runSuite)
}

// runSuite is everything the store promises, engine by engine. Each case gets an empty
// database.
func runSuite(t *testing.T, e engine) {
	cases := []struct {
		name string
		fn   func(t *testing.T, e engine)
	}{
		{"MigrateTwice", testMigrateTwice},
		{"ConcurrentOpen", testConcurrentOpen},
		{"RoundRoundTrip", testRoundRoundTrip},
		{"Rounds", testRounds},
		{"RoundInUse", testRoundInUse},
		{"NotFound", testNotFound},
		{"Versions", testVersions},
		{"SameFileTwiceInBatch", testSameFileTwiceInBatch},
		{"ItemsRoundTrip", testItemsRoundTrip},
		{"ConcurrentSaves", testConcurrentSaves},
		{"FailMidBatch", testFailMidBatch},
		{"Rejections", testRejections},
		{"Revert", testRevert},
		{"ConcurrentReverts", testConcurrentReverts},
		{"Withdraw", testWithdraw},
		{"ClearRejections", testClearRejections},
		{"RoundOverview", testRoundOverview},
		{"AccessCodes", testAccessCodes},
		{"ConcurrentCodes", testConcurrentCodes},
		{"Reviews", testReviews},
		{"Audit", testAudit},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.fn(t, e) })
	}
}

func testMigrateTwice(t *testing.T, e engine) {
	dsn := e.fresh(t)
	s := open(t, dsn)
	ms, err := loadMigrations(s.Engine())
	if err != nil {
		t.Fatal(err)
	}
	if s.Engine() != e.name {
		t.Errorf("Engine() = %q, want %q", s.Engine(), e.name)
	}
	if n := count(t, s, `SELECT COUNT(*) FROM schema_migrations`); n != len(ms) || n < 3 {
		t.Fatalf("schema_migrations has %d rows, want %d", n, len(ms))
	}
	// 0003: re-imported files are found through an index on (round_id, unit_code, sha256).
	indexQuery := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'submissions_file'`
	if e.name == "mysql" {
		indexQuery = `SELECT COUNT(DISTINCT index_name) FROM information_schema.statistics
WHERE table_schema = DATABASE() AND table_name = 'submissions' AND index_name = 'submissions_file'`
	}
	if n := count(t, s, indexQuery); n != 1 {
		t.Errorf("index submissions_file: %d found, want 1", n)
	}
	if err := s.SaveRound(context.Background(), round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2 := open(t, dsn)
	if err := s2.migrate(context.Background()); err != nil {
		t.Fatalf("migrating an up-to-date schema: %v", err)
	}
	if n := count(t, s2, `SELECT COUNT(*) FROM schema_migrations`); n != len(ms) {
		t.Errorf("after reopening, schema_migrations has %d rows, want %d", n, len(ms))
	}
	if _, _, err := s2.Round(context.Background(), "2020"); err != nil {
		t.Errorf("data lost on reopening: %v", err)
	}
}

// testConcurrentOpen starts several processes' worth of stores on an empty database at once.
func testConcurrentOpen(t *testing.T, e engine) {
	dsn := e.fresh(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := Open(context.Background(), dsn)
			if err == nil {
				err = s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Errorf("concurrent Open: %v", err)
		}
	}
	s := open(t, dsn)
	ms, _ := loadMigrations(s.Engine())
	if n := count(t, s, `SELECT COUNT(*) FROM schema_migrations`); n != len(ms) {
		t.Errorf("schema_migrations has %d rows, want %d", n, len(ms))
	}
}

func testRoundRoundTrip(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	cat := smallCatalog(t)
	if err := s.SaveRound(ctx, round2020, cat); err != nil {
		t.Fatal(err)
	}
	r, got, err := s.Round(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r, round2020) {
		t.Errorf("round:\n got %+v\nwant %+v", r, round2020)
	}
	if got.Scope != xxgk.CountyFull {
		t.Errorf("scope = %q, want full", got.Scope)
	}
	if !reflect.DeepEqual(got.Indicators, cat.Indicators) {
		t.Errorf("indicators:\n got %+v\nwant %+v", got.Indicators, cat.Indicators)
	}
	if !reflect.DeepEqual(got.Units.All(), cat.Units.All()) {
		t.Errorf("units:\n got %+v\nwant %+v", got.Units.All(), cat.Units.All())
	}
	if u, ok := got.Units.Lookup("市自然资源"); !ok || u.Code != "ZRZYJ" {
		t.Errorf("alias lookup after round trip: %+v %v", u, ok)
	}
	if n := len(got.For(got.Units.All()[2])); n != 3 {
		t.Errorf("county with full scope gets %d indicators, want 3", n)
	}
	if n := count(t, s, `SELECT COUNT(*) FROM units`); n != 3 {
		t.Errorf("units table has %d rows, want 3", n)
	}

	// Without submissions the snapshot may be replaced; the empty scope means the default, full.
	cat.Scope = ""
	cat.Indicators = cat.Indicators[:2]
	changed := round2020
	changed.Title, changed.Deadline = "第二稿", time.Date(2020, 10, 1, 0, 0, 0, 0, time.UTC)
	if err := s.SaveRound(ctx, changed, cat); err != nil {
		t.Fatal(err)
	}
	r, got, err = s.Round(ctx, "2020")
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "第二稿" || !r.Deadline.Equal(changed.Deadline) || !r.Created.Equal(round2020.Created) {
		t.Errorf("updated round = %+v", r)
	}
	if len(got.Indicators) != 2 || got.Scope != xxgk.CountyFull {
		t.Errorf("replaced snapshot: %d indicators, scope %q", len(got.Indicators), got.Scope)
	}
}

func testRounds(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	clock := time.Date(2021, 3, 4, 5, 6, 7, 891011000, time.UTC)
	s.now = func() time.Time { return clock }
	older := round2020
	newer := xxgk.Round{ID: "2021", Title: "2021 年", Deadline: time.Date(2021, 4, 1, 0, 0, 0, 0, time.UTC)}
	for _, r := range []xxgk.Round{older, newer} {
		if err := s.SaveRound(ctx, r, smallCatalog(t)); err != nil {
			t.Fatal(err)
		}
	}
	rs, err := s.Rounds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].ID != "2021" || rs[1].ID != "2020" {
		t.Fatalf("Rounds() = %+v, want 2021 then 2020", rs)
	}
	if !rs[0].Created.Equal(clock) || rs[0].Created.Location() != time.UTC {
		t.Errorf("created defaults to the store clock: got %v, want %v", rs[0].Created, clock)
	}
}

func testRoundInUse(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	cat := smallCatalog(t)
	if err := s.SaveRound(ctx, round2020, cat); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSubmissions(ctx, []*xxgk.Submission{newSub("2020", "CZJ", "a", 3, time.Now())}); err != nil {
		t.Fatal(err)
	}
	// The same snapshot again: fine, and the title and contact may change.
	again := round2020
	again.Title, again.Contact.Phone = "新标题", "0915-1234567"
	if err := s.SaveRound(ctx, again, smallCatalog(t)); err != nil {
		t.Fatalf("saving the same snapshot of a round in use: %v", err)
	}
	r, _, err := s.Round(ctx, "2020")
	if err != nil || r.Title != "新标题" || r.Contact.Phone != "0915-1234567" {
		t.Errorf("round after update = %+v, %v", r, err)
	}
	for name, change := range map[string]func(c *xxgk.Catalog){
		"indicator": func(c *xxgk.Catalog) { c.Indicators[1].Content += "。" },
		"scope":     func(c *xxgk.Catalog) { c.Scope = xxgk.CountyMandatory },
		"order":     func(c *xxgk.Catalog) { c.Indicators[0], c.Indicators[1] = c.Indicators[1], c.Indicators[0] },
	} {
		c := smallCatalog(t)
		change(c)
		err := s.SaveRound(ctx, round2020, c)
		if !errors.Is(err, ErrRoundInUse) {
			t.Errorf("changing the %s of a round in use: err = %v, want ErrRoundInUse", name, err)
		}
	}
	_, got, err := s.Round(ctx, "2020")
	if err != nil || !reflect.DeepEqual(got.Indicators, cat.Indicators) {
		t.Errorf("snapshot changed after ErrRoundInUse (%v)", err)
	}
}

func testNotFound(t *testing.T, e engine) {
	s := open(t, e.fresh(t))
	ctx := context.Background()
	if _, _, err := s.Round(ctx, "1999"); !errors.Is(err, ErrNotFound) || err.Error() != "轮次“1999”不存在" {
		t.Errorf("Round(1999) err = %v", err)
	}
	if _, err := s.Current(ctx, "1999"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Current(1999) err = %v", err)
	}
	if _, err := s.Versions(ctx, "1999", "CZJ"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Versions(1999) err = %v", err)
	}
	if err := s.SaveRound(ctx, round2020, smallCatalog(t)); err != nil {
		t.Fatal(err)
	}
	_, err := s.SaveSubmissions(ctx, []*xxgk.Submission{newSub("2020", "NOPE", "a", 1, time.Now())})
	if !errors.Is(err, ErrNotFound) || err.Error() != "轮次“2020”中的单位“NOPE”不存在" {
		t.Errorf("saving for an unknown unit: err = %v", err)
	}
	if cur, err := s.Current(ctx, "2020"); err != nil || len(cur) != 0 {
		t.Errorf("Current of a round without submissions = %v, %v", cur, err)
	}
	if vs, err := s.Versions(ctx, "2020", "CZJ"); err != nil || len(vs) != 0 {
		t.Errorf("Versions without submissions = %v, %v", vs, err)
	}
}
