package importer

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"xxgk"
	"xxgk/samples"
	"xxgk/templates"
)

// The fixtures use a small hand-made catalog so that cell addresses in the assertions do
// not move when the real indicator table is edited.

var testNow = time.Date(2020, 9, 18, 10, 0, 0, 0, xxgk.ChinaTime)

func testRound() xxgk.Round {
	return xxgk.Round{ID: "2020", Title: xxgk.DefaultRoundTitle, Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC), Contact: xxgk.DefaultContact}
}

func testCatalog(tb testing.TB) *xxgk.Catalog {
	tb.Helper()
	units, err := xxgk.NewUnits([]xxgk.Unit{
		{Code: "CZJ", Name: "安康市财政局", Short: "市财政局", Kind: xxgk.Department},
		{Code: "WJW", Name: "安康市卫生健康委员会", Short: "市卫健委", Kind: xxgk.Department, Aliases: []string{"市卫生健康委"}},
		{Code: "610902", Name: "汉滨区人民政府", Short: "汉滨区", Kind: xxgk.County},
		{Code: "610921", Name: "汉阴县人民政府", Short: "汉阴县", Kind: xxgk.County},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return &xxgk.Catalog{Units: units, Indicators: []xxgk.Indicator{
		{Code: "CZ-01-1", Area: "财政信息", SubArea: "预决算公开", Content: "市政府、市政府各部门、各县区政府预算信息", AllDepts: true, AllCounty: true},
		{Code: "CZ-01-2", Area: "财政信息", SubArea: "预决算公开", Content: "市政府、市政府各部门、各县区政府决算信息", AllDepts: true, AllCounty: true},
		{Code: "CZ-03-1", Area: "财政信息", SubArea: "公开财政收支信息", Content: "财政收支情况", Units: []string{"CZJ"}, Frequency: "每月"},
		{Code: "ZDXM-01", Area: "重大建设项目", Content: "批准服务信息、批准结果信息", Report: xxgk.ReportSameAsContent, AllDepts: true, AllCounty: true, Display: "以专题形式展现"},
		{Code: "WS-01-1", Area: "卫生健康", SubArea: "医疗卫生", Content: "医疗机构名录", Report: "医疗机构数量", Units: []string{"WJW"}, AllCounty: true},
		{Code: "JY-01-1", Area: "教育", SubArea: "义务教育", Content: "招生政策", Units: []string{"WJW"}},
	}}
}

// fakeRounds serves one round from memory.
type fakeRounds struct {
	round xxgk.Round
	cat   *xxgk.Catalog
	err   error // returned for every call when set, as a database that is down
}

func (f *fakeRounds) Round(_ context.Context, id string) (xxgk.Round, *xxgk.Catalog, error) {
	if f.err != nil {
		return xxgk.Round{}, nil, f.err
	}
	if id != f.round.ID {
		return xxgk.Round{}, nil, fmt.Errorf("round %s: %w", id, ErrNotFound)
	}
	return f.round, f.cat, nil
}

func newTestReader(tb testing.TB) *Reader {
	tb.Helper()
	return &Reader{Rounds: &fakeRounds{round: testRound(), cat: testCatalog(tb)}, Now: func() time.Time { return testNow }, User: "tester"}
}

func unit(tb testing.TB, cat *xxgk.Catalog, name string) xxgk.Unit {
	tb.Helper()
	u, ok := cat.Units.Lookup(name)
	if !ok {
		tb.Fatalf("no unit %s", name)
	}
	return u
}

// template writes the blank template of a unit of the test catalog.
func template(tb testing.TB, cat *xxgk.Catalog, name string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := templates.Write(&buf, testRound(), cat, unit(tb, cat, name)); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// filled is the unit's template filled with a profile, deterministic for a seed.
func filled(tb testing.TB, cat *xxgk.Catalog, name string, p samples.Profile, seed uint64) []byte {
	tb.Helper()
	b, err := samples.Fill(template(tb, cat, name), p, rand.New(rand.NewPCG(seed, 1)))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// readBook checks a workbook with a fresh reader over the test catalog.
func readBook(tb testing.TB, name string, data []byte) Checked {
	tb.Helper()
	c, err := newTestReader(tb).Read(context.Background(), name, data)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}
