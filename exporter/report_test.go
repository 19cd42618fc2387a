package exporter

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
)

// writeReport writes the fixture report to a temp file and returns its path.
func writeReport(t testing.TB, s xxgk.Summary, cat *xxgk.Catalog) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "report.xlsx")
	var buf bytes.Buffer
	if err := ReportXLSX(&buf, s, cat, WithDate(reportDate)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func openXLSX(t testing.TB, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func rows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rs, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestReportSummarySheet(t *testing.T) {
	s, cat := fixtureSummary(t)
	f := openXLSX(t, writeReport(t, s, cat))
	if got := f.GetSheetList(); !slices.Equal(got, ReportSheets) {
		t.Fatalf("sheets %v, want %v", got, ReportSheets)
	}
	rs := rows(t, f, SheetSummary)
	if len(rs) != 3+5+1 {
		t.Fatalf("汇总 has %d rows, want title+line+header+5 units+totals", len(rs))
	}
	if rs[0][0] != xxgk.DefaultRoundTitle+"汇总表" {
		t.Errorf("title %q", rs[0][0])
	}
	for _, want := range []string{"报送截止：2020年9月20日", "统计截至：2020年9月25日", "已报送 3 个（其中逾期 1 个），未报送 2 个", "导入警告 2 条"} {
		if !strings.Contains(rs[1][0], want) {
			t.Errorf("overall line %q lacks %q", rs[1][0], want)
		}
	}
	if !slices.Equal(rs[2], SummaryColumns) {
		t.Errorf("header %q", rs[2])
	}
	want := [][]string{
		{"市教体局", "市级部门", "未报送", "", "18", "0", "0", "0", "18", xxgk.NoRate, ""},
		{"汉阴县", "县区", "未报送", "", "8", "0", "0", "0", "8", xxgk.NoRate, ""},
		{"市审计局", "市级部门", "逾期报送", "2", "18", "18", "0", "0", "0", xxgk.Percent(1), "2020-09-22 16:05"},
		{"市财政局", "市级部门", "已报送", "1", "18", "1", "15", "2", "0", xxgk.Percent(1.0 / 16), "2020-09-18 09:30"},
		{"汉滨区", "县区", "已报送", "1", "8", "5", "3", "0", "0", xxgk.Percent(5.0 / 8), "2020-09-18 09:30"},
		// No date in 最后报送时间 of 合计.
		{"合计", "", "已报送 3/5", "", "70", "24", "18", "2", "26", xxgk.Percent(24.0 / 68), ""},
	}
	for i, w := range want {
		got := rs[3+i]
		got = append(got, make([]string, len(w)-len(got))...)
		if !slices.Equal(got, w) {
			t.Errorf("汇总 row %d:\n got %q\nwant %q", 4+i, got, w)
		}
	}
	// The completion cell holds the ratio with a 0.0% format, so it sorts and charts.
	raw, err := f.GetCellValue(SheetSummary, "J7", excelize.Options{RawCellValue: true})
	if err != nil || raw != "0.0625" {
		t.Errorf("J7 raw = %q, %v; want 0.0625", raw, err)
	}
	for _, cell := range []string{"J6", "J8", "J9"} {
		if nf := numFmt(t, f, SheetSummary, cell); nf != fmtPercent {
			t.Errorf("%s number format %q, want %q", cell, nf, fmtPercent)
		}
	}
	if nf := numFmt(t, f, SheetSummary, "K6"); nf != fmtDateTime {
		t.Errorf("K6 number format %q", nf)
	}
	mc, _ := f.GetMergeCells(SheetSummary)
	if len(mc) != 2 || mc[0].GetStartAxis() != "A1" || mc[0].GetEndAxis() != "K1" {
		t.Errorf("merged title cells: %v", mc)
	}
}

func numFmt(t testing.TB, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

func TestReportSheetSettings(t *testing.T) {
	s, cat := fixtureSummary(t)
	path := writeReport(t, s, cat)
	f := openXLSX(t, path)
	tests := []struct {
		sheet      string
		freeze     string
		filter     string
		printTitle string
	}{
		{SheetSummary, "B4", "A3:K8", "$3:$3"},
		{SheetCoverage, "B2", "A1:J21", "$1:$1"},
		{SheetMissing, "A2", "A1:F3", "$1:$1"},
		{SheetProblems, "A2", "A1:E3", "$1:$1"},
		{SheetDetails, "C2", "A1:Q45", "$1:$1"},
	}
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+"|"+dn.Name] = dn.RefersTo
	}
	for _, tt := range tests {
		p, err := f.GetPanes(tt.sheet)
		if err != nil || !p.Freeze || p.TopLeftCell != tt.freeze {
			t.Errorf("%s panes %+v, %v; want frozen at %s", tt.sheet, p, err, tt.freeze)
		}
		if got, want := names[tt.sheet+"|_xlnm._FilterDatabase"], "'"+tt.sheet+"'!"+absRef(tt.filter); got != want {
			t.Errorf("%s filter %q, want %q", tt.sheet, got, want)
		}
		// excelize writes the filter range with $; Excel and LibreOffice accept both forms.
		if got, want := strings.ReplaceAll(sheetXMLAttr(t, path, tt.sheet, "autoFilter", "ref"), "$", ""), tt.filter; got != want {
			t.Errorf("%s <autoFilter ref> %q, want %q", tt.sheet, got, want)
		}
		if got, want := names[tt.sheet+"|_xlnm.Print_Titles"], "'"+tt.sheet+"'!"+tt.printTitle; got != want {
			t.Errorf("%s print titles %q, want %q", tt.sheet, got, want)
		}
	}
	for _, sheet := range ReportSheets {
		// The chart prints portrait on one page; 汇总 of a city's units landscape on one
		// page; the other tables landscape, one page wide.
		orient, tall := "landscape", 0
		switch sheet {
		case SheetChart:
			orient, tall = "portrait", 1
		case SheetSummary:
			tall = 1
		}
		pl, err := f.GetPageLayout(sheet)
		if err != nil || *pl.Size != 9 || *pl.Orientation != orient || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
			pl.FitToHeight == nil || *pl.FitToHeight != tall {
			t.Errorf("%s page layout %+v, %v; want A4 %s, 1 page wide, %d tall", sheet, pl, err, orient, tall)
		}
		sp, err := f.GetSheetProps(sheet)
		if err != nil || sp.FitToPage == nil || !*sp.FitToPage {
			t.Errorf("%s fitToPage not set (%v)", sheet, err)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil || hf == nil || !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") {
			t.Errorf("%s footer %+v, %v; want page numbers", sheet, hf, err)
		}
	}
}

// absRef turns A1:J8 into $A$1:$J$8 as excelize stores filter ranges.
func absRef(ref string) string {
	var b strings.Builder
	for _, part := range strings.Split(ref, ":") {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		i := strings.IndexAny(part, "0123456789")
		b.WriteString("$" + part[:i] + "$" + part[i:])
	}
	return b.String()
}

func TestReportConditionalFormatsAndChart(t *testing.T) {
	s, cat := fixtureSummary(t)
	path := writeReport(t, s, cat)
	f := openXLSX(t, path)
	cf, err := f.GetConditionalFormats(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	rowsCF, rateCF := cf["A4:K8"], cf["J4:J8"]
	if len(rowsCF) != 2 || rowsCF[0].Type != "formula" || rowsCF[0].Criteria != `LEFT($C4,3)="未报送"` || rowsCF[1].Criteria != `$C4="逾期报送"` {
		t.Errorf("status highlighting: %+v", rowsCF)
	}
	if len(rateCF) != 1 || rateCF[0].Criteria != "less than" || rateCF[0].Value != "0.6" {
		t.Errorf("low completion highlighting: %+v", rateCF)
	}
	if cf, _ := f.GetConditionalFormats(SheetCoverage); len(cf["I2:I21"]) != 1 {
		t.Errorf("coverage highlighting: %+v", cf)
	}
	if cf, _ := f.GetConditionalFormats(SheetDetails); len(cf["E2:E45"]) != 1 {
		t.Errorf("明细 未开设 highlighting: %+v", cf)
	}
	chart := zipEntry(t, path, "xl/charts/chart1.xml")
	for _, want := range []string{`<barDir val="bar">`, `<varyColors val="0">`, "&#39;图表&#39;!$T$2:$T$6", "&#39;图表&#39;!$U$2:$U$6",
		`<orientation val="maxMin">`, `<tickLblSkip val="1">`} {
		if !strings.Contains(chart, want) {
			t.Errorf("chart lacks %s", want)
		}
	}
	if !strings.Contains(zipEntry(t, path, sheetPath(t, path, SheetChart)), "<drawing ") {
		t.Error("chart is not on the 图表 sheet")
	}
}

func TestReportOtherSheets(t *testing.T) {
	s, cat := fixtureSummary(t)
	f := openXLSX(t, writeReport(t, s, cat))
	cov := rows(t, f, SheetCoverage)
	if len(cov) != 22 || !slices.Equal(cov[0], CoverageColumns) {
		t.Fatalf("指标覆盖: %d rows, header %q", len(cov), cov[0])
	}
	// T-13: every department (3) and county (2) must build it; 市财政局 did not, 汉滨区 and
	// 市审计局 did; missing units count against coverage.
	if got, want := cov[13][:9], []string{"T-13", "领域4", "子项13", "5", "2", "1", "0", "2", xxgk.Percent(2.0 / 5)}; !slices.Equal(got, want) {
		t.Errorf("T-13 coverage %q, want %q", got, want)
	}
	if cov[5][2] != "" {
		t.Errorf("T-05 has no 二级指标, got %q", cov[5][2])
	}
	miss := rows(t, f, SheetMissing)
	if want := [][]string{MissingColumns, {"1", "市教体局", "安康市教育体育局", "市级部门", "18"}, {"2", "汉阴县", "汉阴县人民政府", "县区", "8"}}; !slices.EqualFunc(miss, want, slices.Equal) {
		t.Errorf("未报送单位 %q", miss)
	}
	probs := rows(t, f, SheetProblems)
	if len(probs) != 3 || !slices.Equal(probs[0], ProblemColumns) ||
		!slices.Equal(probs[1], []string{"汉滨区", "填报表!I7", "T-13", "http://example.com/x", "栏目网址：网址不在 gov.cn 域名下，请确认是否为本单位政府网站栏目"}) {
		t.Errorf("问题清单 %q", probs)
	}
	det := rows(t, f, SheetDetails)
	if len(det) != 45 || !slices.Equal(det[0], DetailColumns) {
		t.Fatalf("明细 %d rows, header %q", len(det), det[0])
	}
	want := Details(s, cat)
	for i, d := range want {
		got := det[i+1]
		got = append(got, make([]string, len(DetailColumns)-len(got))...)
		if !slices.Equal(got, d.Record()) {
			t.Errorf("明细 row %d:\n got %q\nwant %q", i+2, got, d.Record())
		}
	}
}

func TestReportEmptyRound(t *testing.T) {
	_, cat := fixtureSummary(t)
	s := xxgk.Summarize(fixtureRound, cat, nil)
	f := openXLSX(t, writeReport(t, s, cat))
	if got := rows(t, f, SheetProblems); len(got) != 2 || got[1][0] != "（导入时未发现问题）" {
		t.Errorf("问题清单 of an empty round: %q", got)
	}
	if got := rows(t, f, SheetDetails); len(got) != 1 {
		t.Errorf("明细 of an empty round has %d rows", len(got))
	}
	units, _ := xxgk.NewUnits(nil)
	empty := xxgk.Summarize(fixtureRound, &xxgk.Catalog{Units: units}, nil)
	f = openXLSX(t, writeReport(t, empty, nil))
	if got := rows(t, f, SheetMissing); len(got) != 2 || got[1][1] != "（全部单位均已报送）" {
		t.Errorf("未报送单位 with no units: %q", got)
	}
}

func zipEntry(t testing.TB, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s has no %s", path, name)
	return ""
}

// A missing unit whose file was sent back says so in 未报送单位.
func TestReportMissingSheetNotesRejections(t *testing.T) {
	s, cat := fixtureSummary(t)
	s.AddRejections([]xxgk.Rejection{
		{Round: s.Round.ID, Unit: unitCode(t, cat, "汉阴县"), FileName: "汉阴县.xlsx", Errors: 5, At: time.Date(2020, 9, 18, 2, 0, 0, 0, time.UTC)},
	})
	miss := rows(t, openXLSX(t, writeReport(t, s, cat)), SheetMissing)
	want := [][]string{MissingColumns, {"1", "市教体局", "安康市教育体育局", "市级部门", "18"},
		{"2", "汉阴县", "汉阴县人民政府", "县区", "8", "2020-09-18 10:00 报送的 汉阴县.xlsx 有 5 处错误，已退回，待改正重报（共退回 1 次）"}}
	if !slices.EqualFunc(miss, want, slices.Equal) {
		t.Errorf("未报送单位 %q", miss)
	}
}

func unitCode(t testing.TB, cat *xxgk.Catalog, name string) string {
	t.Helper()
	u, ok := cat.Units.Lookup(name)
	if !ok {
		t.Fatalf("no unit %s", name)
	}
	return u.Code
}
