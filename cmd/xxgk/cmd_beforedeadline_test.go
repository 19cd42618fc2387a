package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk"
)

// TestPapersBeforeDeadline: a 通报 written before the round's deadline says once that the
// deadline has not passed, and its 工作要求 asks the units without a file to report by the
// deadline (尚未报送), not to 补报 as 未报送 units; after the deadline it reads as before.
// A --reply-by earlier than the deadline is refused.
func TestPapersBeforeDeadline(t *testing.T) {
	for _, eng := range cmdEngines("xxgk_cmd_beforedeadline") {
		t.Run(eng.name, func(t *testing.T) {
			db := eng.dsn(t)
			partialRound(t, db)
			dir := t.TempDir()
			before := time.Date(2020, 9, 19, 10, 0, 0, 0, xxgk.ChinaTime)
			out := filepath.Join(dir, "通报.pdf")
			code, stdout, stderr := runAt(t, before, "report", "--db", db, "--out", out, "--reply-by", "2020-10-09")
			if code != exitOK {
				t.Fatalf("report: exit %d\n%s%s", code, stdout, stderr)
			}
			const said = "提示：轮次 2020 的报送截止日期 2020年9月20日 还没有到，没有报送的单位写作“尚未报送”，不算逾期\n"
			if strings.Count(stderr, said) != 1 {
				t.Errorf("stderr does not say it once:\n%s", stderr)
			}
			text := pdfText(t, out)
			if !strings.Contains(text, "尚未报送的市") || !strings.Contains(text, "请于2020年9月20日前按模板填报并报送") {
				t.Errorf("工作要求 before the deadline:\n%s", text)
			}
			after := time.Date(2020, 9, 28, 10, 0, 0, 0, xxgk.ChinaTime)
			code, _, stderr = runAt(t, after, "report", "--db", db, "--out", out)
			if code != exitOK || strings.Contains(stderr, "还没有到") {
				t.Fatalf("report after: exit %d\n%s", code, stderr)
			}
			if text := pdfText(t, out); strings.Contains(text, "尚未报送的市") || !strings.Contains(text, "请于2020年10月9日前按模板填报并报送") {
				t.Errorf("工作要求 after the deadline:\n%s", text)
			}
			code, _, stderr = runAt(t, after, "feedback", "--db", db, "--out", filepath.Join(dir, "反馈"), "--reply-by", "2020-09-15")
			if code != exitFailed || !strings.HasSuffix(stderr, "\nxxgk: 补报、整改期限 2020年9月15日 早于轮次 2020 的报送截止日期 2020年9月20日，请给出截止日期当天或以后的日期\n") {
				t.Errorf("reply-by before the deadline: exit %d, %q", code, stderr)
			}
		})
	}
}
