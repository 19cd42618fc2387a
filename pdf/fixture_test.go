package pdf

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/fonts"
	"xxgk/seeds"
)

// wqyPath is where Debian's fonts-wqy-microhei puts the font the tests use.
const wqyPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

// need skips a test when an outside tool or file is missing, except in CI where it fails.
func need(tb testing.TB, what string, ok bool) {
	tb.Helper()
	if ok {
		return
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("%s is required in CI (apt-get install poppler-utils fonts-wqy-microhei)", what)
	}
	tb.Skipf("skipping: %s not available (apt-get install poppler-utils fonts-wqy-microhei)", what)
}

func testFonts(tb testing.TB) *fonts.Set {
	tb.Helper()
	_, err := os.Stat(wqyPath)
	need(tb, wqyPath, err == nil)
	f, err := fonts.ReadFace(wqyPath)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := fonts.Single(f)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

var (
	testDeadline = time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC)
	testDate     = time.Date(2020, 9, 25, 10, 0, 0, 0, xxgk.ChinaTime)
)

func testRound() xxgk.Round {
	return xxgk.Round{ID: "2020", Title: xxgk.DefaultRoundTitle, Deadline: testDeadline, Contact: xxgk.DefaultContact}
}

// seedUnits reads the embedded unit list: real names, so the layout meets real lengths.
func seedUnits(tb testing.TB) []xxgk.Unit {
	tb.Helper()
	recs, err := csv.NewReader(bytes.NewReader(seeds.Units())).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	var out []xxgk.Unit
	for _, r := range recs[1:] {
		out = append(out, xxgk.Unit{Code: r[0], Name: r[1], Short: r[2], Kind: xxgk.UnitKind(r[3])})
	}
	return out
}

// seedIndicators reads code, area, sub-area and content of the embedded table; units are
// assigned synthetically (every department, and counties for every third item).
func seedIndicators(tb testing.TB) []xxgk.Indicator {
	tb.Helper()
	recs, err := csv.NewReader(bytes.NewReader(seeds.Indicators())).ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	var out []xxgk.Indicator
	for i, r := range recs[1:] {
		out = append(out, xxgk.Indicator{Code: r[0], Area: r[1], SubArea: r[2], Content: r[3], Report: r[4],
			AllDepts: i%4 != 3, AllCounty: i%3 == 0})
	}
	return out
}

// fixture builds a summary of nUnits units and nInds indicators (0 = the seed's), with
// missing, late, multi-version and warned units, long names and Latin text in cells.
func fixture(tb testing.TB, nUnits, nInds int) (xxgk.Summary, *xxgk.Catalog) {
	tb.Helper()
	units := seedUnits(tb)
	units = append(units,
		xxgk.Unit{Code: "GXQ", Name: "安康高新技术产业开发区管理委员会", Short: "安康高新技术产业开发区管委会", Kind: xxgk.Department},
		xxgk.Unit{Code: "RX", Name: "安康市12345政务服务便民热线办公室", Short: "市12345热线办", Kind: xxgk.Department},
		xxgk.Unit{Code: "HKQ", Name: "安康恒口示范区管理委员会", Short: "恒口示范区", Kind: xxgk.County},
		xxgk.Unit{Code: "YHZ", Name: "安康瀛湖生态旅游区管理委员会", Short: "瀛湖旅游区", Kind: xxgk.County})
	for i := len(units); i < nUnits; i++ {
		units = append(units, xxgk.Unit{Code: fmt.Sprintf("U%04d", i), Name: fmt.Sprintf("安康市测试单位第%04d号", i),
			Short: fmt.Sprintf("测试单位%04d", i), Kind: []xxgk.UnitKind{xxgk.Department, xxgk.County}[i%2]})
	}
	units = units[:nUnits]
	us, err := xxgk.NewUnits(units)
	if err != nil {
		tb.Fatal(err)
	}
	inds := seedIndicators(tb)
	for i := len(inds); i < nInds; i++ {
		base := inds[i%len(inds)]
		base.Code = fmt.Sprintf("%s-X%d", base.Code, i)
		inds = append(inds, base)
	}
	if nInds > 0 {
		inds = inds[:nInds]
	}
	cat := &xxgk.Catalog{Indicators: inds, Units: us}
	var subs []xxgk.Submission
	for i, u := range units {
		if i%9 == 4 {
			continue // not submitted
		}
		at := time.Date(2020, 9, 12+i%10, 9+i%8, 30, 0, 0, xxgk.ChinaTime) // late from the 21st
		sub := xxgk.Submission{Round: "2020", Unit: u.Code, Version: 1 + i%3, ImportedAt: at.Add(time.Duration(i%3) * 24 * time.Hour), FirstAt: at}
		for j, ind := range cat.For(u) {
			it := xxgk.Item{Code: ind.Code, Status: xxgk.Opened, ColumnName: ind.Title(), Count: 3 + (i*j)%40,
				URL:        fmt.Sprintf("http://www.ankang.gov.cn/xxgk/zdly/%s/index.html", strings.ToLower(ind.Code)),
				LastUpdate: time.Date(2020, time.Month(1+(i+j)%9), 1+j%28, 0, 0, 0, 0, time.UTC)}
			switch {
			case (i+j)%7 == 0:
				it = xxgk.Item{Code: ind.Code, Status: xxgk.NotOpened, Count: -1, Remark: "正在建设中，预计十月上线"}
			case (i+j)%17 == 0:
				it = xxgk.Item{Code: ind.Code, Status: xxgk.NotApplicable, Count: -1, Remark: "本单位无此职能"}
			}
			sub.Items = append(sub.Items, it)
		}
		if i%5 == 1 && len(sub.Items) > 2 {
			sub.Warnings = append(sub.Warnings,
				xxgk.Problem{Severity: xxgk.Warning, Sheet: xxgk.SheetForm, Cell: "F7", Code: sub.Items[1].Code, Field: "栏目网址",
					Value: "http://www.example.com/xxgk", Message: "网址不在 gov.cn 域名下，请确认是否为本单位政府网站栏目"},
				xxgk.Problem{Severity: xxgk.Warning, Sheet: xxgk.SheetForm, Cell: "H9", Code: sub.Items[2].Code, Field: "发布信息条数",
					Value: "0", Message: "栏目已开设但发布信息为 0 条，属于“空白栏目”风险"})
		}
		subs = append(subs, sub)
	}
	return xxgk.Summarize(testRound(), cat, subs), cat
}

// render writes the report into a temporary file and returns its path.
func render(tb testing.TB, s xxgk.Summary, cat *xxgk.Catalog, opt Options) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "report.pdf")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := Report(f, s, cat, opt); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// poppler runs a poppler-utils tool and returns its output.
func poppler(tb testing.TB, tool string, args ...string) string {
	tb.Helper()
	_, err := exec.LookPath(tool)
	need(tb, tool, err == nil)
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		tb.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

// squash removes all white space, so that text wrapped inside cells compares whole.
func squash(s string) string {
	return strings.Join(strings.Fields(s), "")
}
