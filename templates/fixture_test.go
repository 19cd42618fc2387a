package templates

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/catalog"
)

// testCatalog is a small hand-made catalog: two departments and a county, indicators for
// all departments, for all counties, for one named unit, with and without 需报送信息.
func testCatalog(tb testing.TB) *xxgk.Catalog {
	tb.Helper()
	units, err := xxgk.NewUnits([]xxgk.Unit{
		{Code: "czj", Name: "安康市财政局", Short: "市财政局", Kind: xxgk.Department},
		{Code: "sjj", Name: "安康市审计局", Short: "市审计局", Kind: xxgk.Department, Aliases: []string{"审计局"}},
		{Code: "hbq", Name: "安康市汉滨区人民政府", Short: "汉滨区", Kind: xxgk.County},
	})
	if err != nil {
		tb.Fatal(err)
	}
	return &xxgk.Catalog{
		Units: units,
		Indicators: []xxgk.Indicator{
			{Code: "CZ-01-1", Area: "财政信息", SubArea: "预决算公开", Content: "市政府、市政府各部门、各县区政府预算信息",
				AllDepts: true, AllCounty: true},
			{Code: "CZ-03-1", Area: "财政信息", SubArea: "公开财政收支信息", Content: "市政府、各县区政府公开财政收支增减变化情况及原因",
				Units: []string{"czj"}, AllCounty: true, Frequency: "每月"},
			{Code: "CZ-04-1", Area: "财政信息", SubArea: "地方政府债务信息",
				Content: "按照国家关于做好地方政府债务管理工作相关要求，公开政府债务限额、余额、期限、用途等信息。",
				Report:  "经济财政状况、债务发行、存续期管理等信息。", Units: []string{"czj"}},
			{Code: "SJ-01-1", Area: "审计信息", Content: "审计工作报告、审计结果公告",
				Report: xxgk.ReportSameAsContent, Units: []string{"sjj"}, Display: "专题"},
			{Code: "ZD-01-1", Area: "重大建设项目批准实施领域信息", SubArea: "批准结果信息",
				Content: "项目建议书审批结果、可行性研究报告审批结果、初步设计文件审批结果、项目核准结果、节能审查意见、建设项目选址意见审批结果、建设项目用地预审结果、建设项目使用林地审核（批）结果、环境影响评价审批文件、建设用地规划许可审批结果、建设工程规划类许可审批结果、施工许可（开工报告）审批结果、招标事项审批核准结果，取水许可、水土保持方案、洪水影响评价等涉水事项审批结果等。",
				Report:  "初步设计文件审批结果、项目核准结果、节能审查意见等信息。", Units: []string{"czj"}, OpenEnded: true},
		},
	}
}

// testRound is the 2020 round as the command sets it up by default.
func testRound() xxgk.Round {
	return xxgk.Round{
		ID: "2020", Title: xxgk.DefaultRoundTitle,
		Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC),
		Contact:  xxgk.DefaultContact,
	}
}

// realCatalog loads the built-in 2020 catalog, or skips when the catalog package cannot
// load it yet.
func realCatalog(tb testing.TB) *xxgk.Catalog {
	tb.Helper()
	cat, err := catalog.Load("", "")
	if err != nil {
		tb.Skipf("built-in catalog not available: %v", err)
	}
	return cat
}

// unit looks a unit up by name or fails.
func unit(tb testing.TB, cat *xxgk.Catalog, name string) xxgk.Unit {
	tb.Helper()
	u, ok := cat.Units.Lookup(name)
	if !ok {
		tb.Fatalf("unit %q not in catalog", name)
	}
	return u
}

// generate writes u's workbook and returns its bytes.
func generate(tb testing.TB, r xxgk.Round, cat *xxgk.Catalog, u xxgk.Unit) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, r, cat, u); err != nil {
		tb.Fatalf("Write(%s): %v", u.Short, err)
	}
	return buf.Bytes()
}

// open reads a generated workbook back with excelize.
func open(tb testing.TB, data []byte) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("reopen workbook: %v", err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}
