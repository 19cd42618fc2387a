package store

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"xxgk"
)

// longText is as long as the table's longest cell (~500 Chinese characters) and carries
// 4-byte characters, which MySQL's utf8 (utf8mb3) would reject.
var longText = strings.Repeat("公开财政预算决算信息，", 50) + "𠀀😀"

// smallCatalog is built by hand so every field and flag has a distinctive value.
func smallCatalog(t testing.TB) *xxgk.Catalog {
	t.Helper()
	units, err := xxgk.NewUnits([]xxgk.Unit{
		{Code: "CZJ", Name: "安康市财政局", Short: "市财政局", Kind: xxgk.Department, Aliases: []string{"财政局", "市财政,局"}},
		{Code: "ZRZYJ", Name: "安康市自然资源局", Short: "市自然资源局", Kind: xxgk.Department, Aliases: []string{"市自然资源"}},
		{Code: "HBQ", Name: "汉滨区人民政府", Short: "汉滨区", Kind: xxgk.County, Aliases: []string{}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return &xxgk.Catalog{
		Units: units,
		Scope: xxgk.CountyFull,
		Indicators: []xxgk.Indicator{
			{Code: "CZ-01-1", Area: "财政信息", SubArea: "预决算公开", Content: longText, Report: xxgk.ReportSameAsContent,
				UnitsRaw: "市财政局、各部门、各县区", Units: []string{"CZJ"}, AllDepts: true, AllCounty: true},
			{Code: "CZ-02-1", Area: "财政信息", SubArea: "公开财政收支信息", Content: "财政收支", UnitsRaw: "市财政局等相关职能部门",
				Units: []string{"CZJ", "ZRZYJ"}, OpenEnded: true, Frequency: "每月"},
			{Code: "ZT-01", Area: "脱贫攻坚", Content: "扶贫政策", UnitsRaw: "各县区", Units: []string{}, AllCounty: true, Display: "专题"},
		},
	}
}

// catalogOf makes a catalog of n departments, each assigned every one of k indicators.
func catalogOf(t testing.TB, n, k int) *xxgk.Catalog {
	t.Helper()
	list := make([]xxgk.Unit, n)
	for i := range list {
		list[i] = xxgk.Unit{Code: fmt.Sprintf("U%04d", i), Name: fmt.Sprintf("安康市第%d局", i),
			Short: fmt.Sprintf("市第%d局", i), Kind: xxgk.Department}
	}
	units, err := xxgk.NewUnits(list)
	if err != nil {
		t.Fatal(err)
	}
	cat := &xxgk.Catalog{Units: units}
	for i := 0; i < k; i++ {
		cat.Indicators = append(cat.Indicators, xxgk.Indicator{Code: fmt.Sprintf("X-%02d", i), Area: "区域",
			Content: "内容", UnitsRaw: "各部门", Units: []string{}, AllDepts: true})
	}
	return cat
}

var round2020 = xxgk.Round{
	ID:       "2020",
	Title:    xxgk.DefaultRoundTitle,
	Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC),
	Contact:  xxgk.DefaultContact,
	Created:  time.Date(2020, 9, 1, 8, 30, 0, 123456000, time.UTC),
}

// sha is a stand-in file hash derived from a tag.
func sha(tag string) string {
	h := sha256.Sum256([]byte(tag))
	return hex.EncodeToString(h[:])
}

// newSub builds a submission with n items covering every kind of value: dates and none,
// counts including 0 and none, Chinese and 4-byte text, and one warning.
func newSub(round, unit, tag string, n int, at time.Time) *xxgk.Submission {
	sub := &xxgk.Submission{
		Round: round, Unit: unit, Filler: "张三😀", Phone: "0915-3201058", FileName: "市财政局_" + tag + ".xlsx",
		FileSize: int64(1000 + n), SHA256: sha(tag), ImportedAt: at, ImportedBy: "office𠀀",
		Warnings: []xxgk.Problem{{Severity: xxgk.Warning, Sheet: "填报表", Cell: "I7", Code: "X-00", Field: "栏目网址",
			Value: "http://example.com", Message: "网址不在 gov.cn 下"}},
	}
	for i := 0; i < n; i++ {
		it := xxgk.Item{Code: fmt.Sprintf("X-%02d", i), Status: xxgk.Opened, ColumnName: "财政预决算" + tag,
			URL: "http://www.ankang.gov.cn/Node-" + fmt.Sprint(i) + ".html", LastUpdate: time.Date(2020, 9, 1+i%28, 0, 0, 0, 0, time.UTC),
			Count: i, Reported: "已报送", Remark: ""}
		switch i % 3 {
		case 1:
			it.Status, it.ColumnName, it.URL, it.LastUpdate, it.Count, it.Remark = xxgk.NotOpened, "", "", time.Time{}, -1, "正在建设𠀀"
		case 2:
			it.Status, it.LastUpdate, it.Count, it.Remark = xxgk.NotApplicable, time.Time{}, -1, longText
		}
		sub.Items = append(sub.Items, it)
	}
	return sub
}
