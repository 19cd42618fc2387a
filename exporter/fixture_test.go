package exporter

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
	"time"

	"xxgk"
)

// fixtureRound's deadline is 2020-09-20 (China time); first acceptance after it is late.
var fixtureRound = xxgk.Round{
	ID: "2020", Title: xxgk.DefaultRoundTitle,
	Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC),
}

var reportDate = time.Date(2020, 9, 25, 10, 0, 0, 0, xxgk.ChinaTime)

// fixtureCatalog has 20 indicators: T-01..T-18 for every department, T-13..T-20 for every
// county, T-05 without 二级指标, plus one named unit, so that departments have 18 rows and
// counties 8 (counties narrowed to the items naming 各县区, not the default whole table).
func fixtureCatalog(t testing.TB) *xxgk.Catalog {
	t.Helper()
	us, err := xxgk.NewUnits([]xxgk.Unit{
		{Code: "CZJ", Name: "安康市财政局", Short: "市财政局", Kind: xxgk.Department},
		{Code: "SJJ", Name: "安康市审计局", Short: "市审计局", Kind: xxgk.Department},
		{Code: "JYJ", Name: "安康市教育体育局", Short: "市教体局", Kind: xxgk.Department},
		{Code: "610902", Name: "汉滨区人民政府", Short: "汉滨区", Kind: xxgk.County},
		{Code: "610921", Name: "汉阴县人民政府", Short: "汉阴县", Kind: xxgk.County},
	})
	if err != nil {
		t.Fatal(err)
	}
	cat := &xxgk.Catalog{Units: us, Scope: xxgk.CountyMandatory}
	for i := 1; i <= 20; i++ {
		ind := xxgk.Indicator{
			Code: fmt.Sprintf("T-%02d", i), Area: fmt.Sprintf("领域%d", (i+3)/4),
			SubArea: fmt.Sprintf("子项%d", i), Content: fmt.Sprintf("公开内容%d：按规定公开相关信息", i),
			AllDepts: i <= 18, AllCounty: i >= 13,
		}
		if i == 5 {
			ind.SubArea = ""
		}
		cat.Indicators = append(cat.Indicators, ind)
	}
	return cat
}

// fixtureSummary: 市财政局 on time at 6.25 % (1 of 16 due: a rounding tie), 市审计局 late
// and complete with tricky cell text, 市教体局 missing, 汉滨区 on time with warnings,
// 汉阴县 missing.
func fixtureSummary(t testing.TB) (xxgk.Summary, *xxgk.Catalog) {
	t.Helper()
	cat := fixtureCatalog(t)
	return xxgk.Summarize(fixtureRound, cat, fixtureSubmissions(t, cat)), cat
}

// fixtureSubmissions are the current submissions behind fixtureSummary.
func fixtureSubmissions(t testing.TB, cat *xxgk.Catalog) []xxgk.Submission {
	t.Helper()
	onTime := time.Date(2020, 9, 18, 9, 30, 0, 0, xxgk.ChinaTime)
	late := time.Date(2020, 9, 22, 16, 5, 0, 0, xxgk.ChinaTime)
	subs := []xxgk.Submission{
		submission(t, cat, "CZJ", 1, onTime, func(i int, it *xxgk.Item) {
			switch {
			case i == 0:
				it.Status = xxgk.Opened
			case i < 3:
				it.Status, it.Remark = xxgk.NotApplicable, "本单位无此职能"
			default:
				it.Status, it.Remark = xxgk.NotOpened, "正在建设"
			}
		}),
		submission(t, cat, "SJJ", 2, late, func(i int, it *xxgk.Item) {
			it.Status = xxgk.Opened
			if i == 0 {
				it.ColumnName = "=cmd|' /C calc'!A0"
				it.Remark = "+SUM(1,2)"
				it.Reported = "-2+3"
			}
			if i == 1 {
				it.Remark = "@SUM(A1)"
				it.ColumnName = "\t制表符开头"
			}
		}),
		submission(t, cat, "610902", 1, onTime, func(i int, it *xxgk.Item) {
			it.Status = xxgk.Opened
			if i >= 5 {
				it.Status, it.Remark = xxgk.NotOpened, "计划年底前开设"
			}
		}),
	}
	subs[2].Warnings = []xxgk.Problem{
		{Severity: xxgk.Warning, File: "汉滨区.xlsx", Sheet: xxgk.SheetForm, Cell: "I7", Code: "T-13", Field: "栏目网址", Value: "http://example.com/x", Message: "网址不在 gov.cn 域名下，请确认是否为本单位政府网站栏目"},
		{Severity: xxgk.Warning, File: "汉滨区.xlsx", Sheet: xxgk.SheetForm, Cell: "K8", Code: "T-14", Field: "发布信息条数", Value: "0", Message: "栏目已开设但发布信息为 0 条，属于“空白栏目”风险"},
	}
	subs[1].FirstAt = late.Add(-time.Hour)
	return subs
}

// submission fills every indicator assigned to unit; edit sets each item's status and text.
func submission(t testing.TB, cat *xxgk.Catalog, code string, version int, at time.Time, edit func(i int, it *xxgk.Item)) xxgk.Submission {
	t.Helper()
	u, ok := cat.Units.Lookup(code)
	if !ok {
		t.Fatalf("unknown unit %s", code)
	}
	h := sha256.Sum256([]byte(code + fmt.Sprint(version)))
	sub := xxgk.Submission{Round: fixtureRound.ID, Unit: code, Version: version, Filler: "张三", Phone: "0915-3201058",
		ImportedAt: at, FirstAt: at, FileName: u.Short + ".xlsx", SHA256: hex.EncodeToString(h[:])}
	for i, ind := range cat.For(u) {
		it := xxgk.Item{Code: ind.Code, Count: -1}
		edit(i, &it)
		if it.Status == xxgk.Opened {
			if it.ColumnName == "" {
				it.ColumnName = ind.Title() + "专栏"
			}
			it.URL = "http://www.ankang.gov.cn/col/" + ind.Code
			it.LastUpdate = time.Date(2020, 9, 1+i%10, 0, 0, 0, 0, time.UTC)
			it.Count = 10 + i
		}
		sub.Items = append(sub.Items, it)
	}
	// Store order is not table order: reverse to prove Details sorts.
	for i, j := 0, len(sub.Items)-1; i < j; i, j = i+1, j-1 {
		sub.Items[i], sub.Items[j] = sub.Items[j], sub.Items[i]
	}
	return sub
}

// bigSummary is a round of units × indicators, every unit submitted, for benchmarks.
func bigSummary(t testing.TB, units, indicators int) (xxgk.Summary, *xxgk.Catalog) {
	t.Helper()
	list := make([]xxgk.Unit, units)
	for i := range list {
		list[i] = xxgk.Unit{Code: fmt.Sprintf("U%04d", i), Name: fmt.Sprintf("安康市第%d单位", i),
			Short: fmt.Sprintf("第%d单位", i), Kind: xxgk.Department}
	}
	us, err := xxgk.NewUnits(list)
	if err != nil {
		t.Fatal(err)
	}
	cat := &xxgk.Catalog{Units: us}
	for i := 0; i < indicators; i++ {
		cat.Indicators = append(cat.Indicators, xxgk.Indicator{Code: fmt.Sprintf("B-%03d", i),
			Area: fmt.Sprintf("一级指标%d", i/5), SubArea: fmt.Sprintf("二级指标%d", i), AllDepts: true,
			Content: "公开本领域的政策文件、办事指南和工作动态"})
	}
	at := time.Date(2020, 9, 18, 9, 30, 0, 0, xxgk.ChinaTime)
	var subs []xxgk.Submission
	for k, u := range list {
		if k%10 == 9 {
			continue // every tenth unit missing
		}
		subs = append(subs, submission(t, cat, u.Code, 1, at, func(i int, it *xxgk.Item) {
			it.Status = xxgk.Opened
			if (i+k)%4 == 0 {
				it.Status, it.Remark = xxgk.NotOpened, "正在建设中，预计年底前开设"
			}
		}))
	}
	return xxgk.Summarize(fixtureRound, cat, subs), cat
}
