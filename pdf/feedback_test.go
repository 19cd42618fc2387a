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
	opt, drawn := traced(tb, Options{Fonts: testFonts(tb), Date: testDate})
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
		"安康市政府网站重点领域信息公开栏目建设情况反馈", u.Unit.Name + "：",
		"完成率" + xxgk.Percent(u.Completion()),
		"报送截止日期：2020年9月20日",
		"联系人：吴远兴、张骞；电话：3201058；邮箱：327455818@qq.com",
		"编码指标是否开设栏目名称网址最近更新条数",
		"安康市电子政务办公室2020年9月25日",
	}
	for _, it := range u.Submission.Items {
		if it.Status == xxgk.NotOpened {
			ind, _ := cat.Indicator(it.Code)
			want = append(want, it.Code+indName(ind)+"：未开设")
		}
	}
	for _, p := range u.Submission.Warnings {
		want = append(want, p.Sheet+"!"+p.Cell+p.Code+p.Field+"：值“"+p.Value+"”："+p.Message)
	}
	for _, w := range want {
		if !strings.Contains(raw, squash(w)) {
			t.Errorf("feedback lacks %q", w)
		}
	}
	if strings.Contains(raw, "催报") {
		t.Error("a unit that submitted got a reminder")
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
	raw := renderFeedback(t, s, u, cat)
	for _, w := range []string{"安康市政府网站重点领域信息公开栏目建设情况催报通知", "你单位尚未报送", "报送截止日期已过，请尽快补报",
		"一、应建栏目清单", "报送截止日期：2020年9月20日", "电话：3201058"} {
		if !strings.Contains(raw, squash(w)) {
			t.Errorf("reminder lacks %q", w)
		}
	}
	for _, ind := range cat.For(u.Unit) {
		if !strings.Contains(raw, ind.Code+squash(indName(ind))) {
			t.Errorf("reminder lacks indicator %s %s", ind.Code, indName(ind))
		}
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
		At: time.Date(2020, 9, 18, 10, 0, 0, 0, xxgk.ChinaTime)}})
	var u xxgk.UnitSummary
	for _, x := range s.Units {
		if x.Unit.Code == code {
			u = x
		}
	}
	raw := renderFeedback(t, s, u, cat)
	for _, w := range []string{"你单位于2020年9月18日报送的《填报表.xlsx》因有5处填写错误", "尚未报送改正后的文件", "一、应建栏目清单"} {
		if !strings.Contains(raw, squash(w)) {
			t.Errorf("feedback after a rejection lacks %q", w)
		}
	}
	if strings.Contains(raw, squash("你单位尚未报送《")) {
		t.Error("a unit that was sent its file back is told it never reported")
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
	want := fmt.Sprintf("报送的《改正版.xlsx》因有2处填写错误已退回（问题单元格已标红并加批注），本反馈仍按第%d版统计", u.Version)
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
