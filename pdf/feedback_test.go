package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
	"xxgk/fonts"

	"xxgk"
)

var pageNumbers = regexp.MustCompile(`—\d+—`)

func renderFeedback(tb testing.TB, s xxgk.Summary, u xxgk.UnitSummary, cat *xxgk.Catalog) string {
	tb.Helper()
	return renderLetter(tb, s, u, cat, Options{})
}

// renderLetter writes a letter with the given notice and beside-file and returns its text.
func renderLetter(tb testing.TB, s xxgk.Summary, u xxgk.UnitSummary, cat *xxgk.Catalog, base Options) string {
	tb.Helper()
	base.Fonts, base.Date = testFonts(tb), testDate
	opt, drawn := traced(tb, base)
	path := filepath.Join(tb.TempDir(), FeedbackFileName(s.Round, u.Unit))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := Feedback(f, s, u, cat, opt); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	raw := squash(poppler(tb, "pdftotext", "-raw", path, "-"))
	if got := squash(drawn.String()); got != raw {
		tb.Errorf("pdftotext does not give back exactly the text drawn:\n%s", firstDiff(got, raw))
	}
	assertFonts(tb, path, 1)
	return pageNumbers.ReplaceAllString(raw, "") // text may run across a page break
}

func TestFeedbackSubmitted(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	var u xxgk.UnitSummary
	for _, x := range s.Units {
		if x.State != xxgk.Missing && x.NotOpened > 0 && len(x.Submission.Warnings) > 0 {
			u = x
			break
		}
	}
	if u.Submission == nil {
		t.Fatal("fixture has no submitted unit with gaps and warnings")
	}
	raw := renderFeedback(t, s, u, cat)
	want := []string{
		"安康市电子政务办公室安康市政府网站重点领域信息公开栏目建设情况反馈" + u.Unit.Name + "：",
		"根据《关于2020年度安康市政府网站重点领域信息公开栏目建设情况的通报》，现将你单位报送情况反馈如下：",
		"完成率" + xxgk.Percent(u.Completion()),
		"一、需要整改的问题", "二、填报明细", "三、整改与报送要求",
		"请尽快完成上述问题的整改，并重新报送修改后的填报表，以最新一版为准。",
		"报送方式：在你单位报送的" + submittedFile(u.Submission.FileName) + "中修改并保存，回复办公室的通知邮件",
		"请保持文件名不变",
		"联系人：吴远兴、张骞；电话：3201058；邮箱：327455818@qq.com",
		"编码指标及栏目名称是否开设最近更新条数", "栏目网址／报送内容／备注",
		"安康市电子政务办公室2020年9月25日",
	}
	for _, f := range xxgk.Findings(cat.For(u.Unit), u.Submission, testDate) {
		// one item per column: its findings' sentences joined by ；
		want = append(want, findingPart(f, testDate))
	}
	for _, p := range u.Submission.Warnings {
		if !xxgk.IsFindingWarning(p) {
			// auto-corrections and the like: in the 填报提示 paragraph, not in the list
			want = append(want, located(p))
		}
	}
	for _, w := range want {
		if !strings.Contains(raw, squash(w)) {
			t.Errorf("feedback lacks %q", w)
		}
	}
	for _, no := range []string{"催报", "轮次", "导入", "版本"} {
		if strings.Contains(raw, no) {
			t.Errorf("feedback says %q", no)
		}
	}
	if !strings.Contains(raw, "填报提示：") {
		t.Error("the import's auto-corrections are not in a 填报提示 paragraph")
	}
	if i, j := strings.Index(raw, "填报提示："), strings.Index(raw, "二、填报明细"); i > j {
		t.Error("填报提示 is not between the problems and the details")
	}
}

// The problems to fix are the substantive ones, each with what to do: not opened with the
// unit's reason, stale, blank, missing 报送内容; a warning the import only noted is not one.
func TestFeedbackFindings(t *testing.T) {
	s, cat := fixture(t, 8, 0)
	var u xxgk.UnitSummary
	for _, x := range s.Units {
		if x.State != xxgk.Missing {
			u = x
			break
		}
	}
	inds := cat.For(u.Unit)
	if len(inds) < 4 {
		t.Fatalf("unit %s has %d indicators", u.Unit.Code, len(inds))
	}
	monthly := inds[2]
	monthly.Frequency = "每月"
	stale := time.Date(2020, 7, 1, 0, 0, 0, 0, time.UTC)
	sub := *u.Submission
	sub.Items = []xxgk.Item{
		{Code: inds[0].Code, Status: xxgk.NotOpened, Remark: "机构改革后职能划转"},
		{Code: inds[1].Code, Status: xxgk.Opened, ColumnName: "预决算公开", URL: "http://www.ankang.gov.cn/a/", LastUpdate: testDeadline, Count: 0},
		{Code: inds[2].Code, Status: xxgk.Opened, ColumnName: "财政收支", URL: "http://www.ankang.gov.cn/b/", LastUpdate: stale, Count: 5},
	}
	sub.Warnings = []xxgk.Problem{{Severity: xxgk.Warning, Sheet: "填报表", Cell: "G5", Code: inds[0].Code, Field: "是否开设栏目", Value: "否", Message: "已按“未开设”处理，请今后从下拉列表选择"}}
	u.Submission = &sub
	cat.Indicators = append([]xxgk.Indicator(nil), cat.Indicators...)
	for i := range cat.Indicators {
		if cat.Indicators[i].Code == monthly.Code {
			cat.Indicators[i] = monthly
		}
	}
	raw := renderFeedback(t, s, u, cat)
	for _, w := range []string{
		inds[0].Code + " " + indNameIn(cat, inds[0]) + "：未开设（你单位说明：机构改革后职能划转），请尽快开设栏目并发布信息。",
		inds[1].Code + " " + indNameIn(cat, inds[1]) + "：栏目“预决算公开”已开设但发布信息为0条，属“空白栏目”，请及时发布信息。",
		inds[2].Code + " " + indNameIn(cat, inds[2]) + "：栏目“财政收支”填报的最近更新日期为2020年7月1日，截至2020年9月25日已超过45天未更新，请及时更新。",
		inds[3].Code + " " + indNameIn(cat, inds[3]) + "：未填报，请补充填写。",
		"填报提示：以下填写已由系统识别处理，不影响本次统计，今后请按模板下拉选项和说明填写——填报表 G5 单元格（" + inds[0].Code + " 是否开设栏目）：值“否”：已按“未开设”处理，请今后从下拉列表选择。",
	} {
		if !strings.Contains(raw, squash(w)) {
			t.Errorf("letter lacks %q", w)
		}
	}
}

func TestFeedbackReminder(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	var u xxgk.UnitSummary
	for _, x := range s.Units {
		if x.State == xxgk.Missing {
			u = x
			break
		}
	}
	raw := renderLetter(t, s, u, cat, Options{Beside: TemplateFileName(u.Unit)})
	for _, w := range []string{"安康市政府网站重点领域信息公开栏目建设情况催报通知", "你单位尚未报送",
		"报送截止日期（2020年9月20日）已过，请尽快补报", "一、应建栏目清单", "二、报送要求", "请尽快补报。",
		"报送方式：填报模板随本通知附上（《" + TemplateFileName(u.Unit) + "》），请用 Excel 或 WPS 打开，在“填报表”中逐项填写并保存，回复办公室的通知邮件",
		"电话：3201058"} {
		if !strings.Contains(raw, squash(w)) {
			t.Errorf("reminder lacks %q", w)
		}
	}
	for _, ind := range cat.For(u.Unit) {
		if !strings.Contains(raw, ind.Code+squash(indNameIn(cat, ind))) {
			t.Errorf("reminder lacks indicator %s %s", ind.Code, indNameIn(cat, ind))
		}
	}
}

// Every letter carries the --reply-by deadline when one is given.
func TestFeedbackReplyBy(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	n := xxgk.Notice{ReplyBy: time.Date(2020, 10, 15, 0, 0, 0, 0, time.UTC)}
	var missing, fix xxgk.UnitSummary
	for _, x := range s.Units {
		switch {
		case x.State == xxgk.Missing && missing.Unit.Code == "":
			missing = x
		case x.State != xxgk.Missing && x.NotOpened > 0 && fix.Unit.Code == "":
			fix = x
		}
	}
	if raw := renderLetter(t, s, missing, cat, Options{Notice: n}); !strings.Contains(raw, squash("请于2020年10月15日前补报。")) {
		t.Error("reminder lacks the reply-by date")
	}
	if raw := renderLetter(t, s, fix, cat, Options{Notice: n}); !strings.Contains(raw, squash("请于2020年10月15日前完成上述问题的整改")) {
		t.Error("feedback lacks the reply-by date")
	}
}

func TestFeedbackFileName(t *testing.T) {
	r := xxgk.Round{ID: "2020"}
	for _, tc := range []struct {
		u    xxgk.Unit
		want string
	}{
		{xxgk.Unit{Code: "CZJ", Name: "安康市财政局", Short: "市财政局"}, "2020_市财政局_反馈.pdf"},
		{xxgk.Unit{Code: "X", Name: "安康市“互联网+”办公室"}, "2020_安康市“互联网+”办公室_反馈.pdf"},
		{xxgk.Unit{Code: "Y", Short: `A/B:C*D?"E"<F>|G.`}, "2020_A_B_C_D__E__F__G_反馈.pdf"},
		{xxgk.Unit{Code: "Z"}, "2020_Z_反馈.pdf"},
	} {
		if got := FeedbackFileName(r, tc.u); got != tc.want {
			t.Errorf("FeedbackFileName(%+v) = %q, want %q", tc.u, got, tc.want)
		}
	}
}

// A unit whose file was refused is told so, not that it never reported.
func TestFeedbackAfterRejection(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	var code string
	for _, x := range s.Units {
		if x.State == xxgk.Missing {
			code = x.Unit.Code
			break
		}
	}
	s.AddRejections([]xxgk.Rejection{{Round: s.Round.ID, Unit: code, FileName: "填报表.xlsx", Errors: 5,
		At: time.Date(2020, 9, 18, 10, 0, 0, 0, xxgk.ChinaTime), Problems: xxgk.Problems{
			{Severity: xxgk.Error, Sheet: "填报表", Cell: "I5", Code: "CZ-01-1", Field: "栏目网址", Value: "www.ankang.gov.cn 信息公开栏目", Message: "不是有效网址，应以 http:// 或 https:// 开头"},
			{Severity: xxgk.Error, Sheet: "填报表", Cell: "K2", Field: "联系电话", Message: "未填写联系电话"},
			{Severity: xxgk.Warning, Sheet: "填报表", Cell: "G6", Code: "CZ-01-2", Field: "是否开设栏目", Value: "是", Message: "已按“已开设”处理"},
		}}})
	var u xxgk.UnitSummary
	for _, x := range s.Units {
		if x.Unit.Code == code {
			u = x
		}
	}
	raw := renderLetter(t, s, u, cat, Options{Beside: ReturnedFileName(u.Unit)})
	for _, w := range []string{"你单位于2020年9月18日报送的文件“填报表.xlsx”因有5处填写错误", "尚未报送改正后的文件", "二、应建栏目清单",
		"一、退回原因", "1．填报表 I5 单元格（CZ-01-1 栏目网址）：值“www.ankang.gov.cn 信息公开栏目”：不是有效网址，应以 http:// 或 https:// 开头",
		"2．填报表 K2 单元格（联系电话）：未填写联系电话",
		"退回的文件随本通知附上（《" + ReturnedFileName(u.Unit) + "》），问题单元格已标红并加批注",
		"报送方式：在退回的《" + ReturnedFileName(u.Unit) + "》中按批注修改标红的单元格并保存"} {
		if !strings.Contains(raw, squash(w)) {
			t.Errorf("feedback after a rejection lacks %q", w)
		}
	}
	if strings.Contains(raw, squash("你单位尚未报送《")) {
		t.Error("a unit that was sent its file back is told it never reported")
	}
	if strings.Contains(raw, "已按“已开设”处理") {
		t.Error("a warning of the refused file is listed as a reason it was refused")
	}

	// A file too large to annotate goes back as the problem list alone: the letter does
	// not send the unit looking for red cells.
	raw = renderLetter(t, s, u, cat, Options{Beside: ReturnedFileName(u.Unit), BesideListOnly: true})
	for _, w := range []string{"原文件过大，未附退回的表格；随本通知附上的《" + ReturnedFileName(u.Unit) + "》逐条列出了上述问题",
		"报送方式：按《" + ReturnedFileName(u.Unit) + "》所列问题修改原文件（删除多余内容）并保存"} {
		if !strings.Contains(raw, squash(w)) {
			t.Errorf("feedback with the short copy lacks %q", w)
		}
	}
	if strings.Contains(raw, "标红") {
		t.Error("feedback with the short copy speaks of red cells")
	}
}

// A file refused after the accepted version is mentioned in the unit's feedback.
func TestFeedbackRefusedAfterAcceptance(t *testing.T) {
	s, cat := fixture(t, 40, 0)
	var u xxgk.UnitSummary
	for _, x := range s.Units {
		if x.State != xxgk.Missing {
			u = x
			break
		}
	}
	s.AddRejections([]xxgk.Rejection{{Round: s.Round.ID, Unit: u.Unit.Code, FileName: "改正版.xlsx", Errors: 2,
		At: u.SubmittedAt.Add(24 * time.Hour)}})
	for _, x := range s.Units {
		if x.Unit.Code == u.Unit.Code {
			u = x
		}
	}
	raw := renderFeedback(t, s, u, cat)
	want := fmt.Sprintf("报送的文件“改正版.xlsx”因有2处填写错误已退回，本反馈仍按你单位第%d次报送的文件统计", u.Version)
	if !strings.Contains(raw, squash(want)) {
		t.Errorf("feedback lacks %q", want)
	}
}

// Feedback sheets are written on every core from one font set; each must come out whole.
// gofpdf writes into the font bytes it is given (doc.go gives each document a copy); the
// race it caused showed under `go test -race` of the demo in cmd/xxgk, which CI runs.
func TestFeedbackConcurrent(t *testing.T) {
	testFonts(t) // skips (or fails in CI) without the Chinese font
	s, cat := fixture(t, 8, 0)
	set, _, err := fonts.Load("")
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Fonts: set, Date: testDate}
	dir := t.TempDir()
	write := func(i int, suffix string) (string, error) {
		path := filepath.Join(dir, fmt.Sprintf("%d%s.pdf", i, suffix))
		f, err := os.Create(path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		return path, Feedback(f, s, s.Units[i], cat, opt)
	}
	want := make([]string, len(s.Units))
	for i := range s.Units {
		path, err := write(i, "a")
		if err != nil {
			t.Fatal(err)
		}
		want[i] = poppler(t, "pdftotext", "-raw", path, "-")
	}
	paths := make([]string, len(s.Units))
	errs := make([]error, len(s.Units))
	var wg sync.WaitGroup
	for i := range s.Units {
		wg.Add(1)
		go func() {
			defer wg.Done()
			paths[i], errs[i] = write(i, "b")
		}()
	}
	wg.Wait()
	for i := range s.Units {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if got := poppler(t, "pdftotext", "-raw", paths[i], "-"); got != want[i] {
			t.Errorf("%s: text differs when written concurrently", s.Units[i].Unit.Short)
		}
	}
}

// indNameIn is how the papers name ind of cat: 一级指标／二级指标（short content）.
func indNameIn(cat *xxgk.Catalog, ind xxgk.Indicator) string {
	if ind.SubArea == "" {
		return ind.Area
	}
	return ind.Area + "／" + cat.Names()[ind.Code]
}
