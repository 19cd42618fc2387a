package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/internal/testdb"
	"xxgk/pdf"
	"xxgk/samples"
	"xxgk/store"
	"xxgk/templates"
)

// TestPortalCLI: review, access and audit on the command line, and what they change in
// status, history, the papers and the audit log, on both engines.
func TestPortalCLI(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testPortalCLI(t, testdb.SQLite(t)) })
	t.Run("mysql", func(t *testing.T) { testPortalCLI(t, testdb.MySQL(t, "xxgk_portal_cli_test")) })
}

func testPortalCLI(t *testing.T, db string) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "模板")
	clock := func(day, hour int) time.Time { return time.Date(2020, 9, day, hour, 0, 0, 0, xxgk.ChinaTime) }
	const link = "https://xxgk.ankang.gov.cn/"
	mustRun := func(now time.Time, args ...string) string {
		t.Helper()
		code, out, stderr := runAt(t, now, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d\n%s\n%s", args, code, out, stderr)
		}
		return out
	}
	if code, _, stderr := runAt(t, clock(8, 9), "templates", "--db", db, "--out", tpl, "--round", "2020", "--deadline", "2020-09-20",
		"--portal-url", "ftp://x"); code != exitFailed || !strings.Contains(stderr, "网上报送地址应是以 http:// 或 https:// 开头的完整网址") {
		t.Errorf("templates with a bad portal URL: exit %d, %s", code, stderr)
	}
	out := mustRun(clock(8, 9), "templates", "--db", db, "--out", tpl, "--round", "2020", "--deadline", "2020-09-20", "--portal-url", link)
	if !strings.Contains(out, "已记住轮次 2020 的发文设置：网上报送地址“"+link+"”") {
		t.Errorf("templates did not remember the portal URL:\n%s", out)
	}
	// The 填报说明 names the portal, and no code.
	f, err := excelize.OpenFile(filepath.Join(tpl, templates.FileName(xxgk.Round{ID: "2020"}, xxgk.Unit{Short: "市财政局"})))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(xxgk.SheetGuide)
	f.Close()
	var portalRow []string
	for _, r := range rows {
		if len(r) > 1 && strings.Contains(r[1], link) {
			portalRow = r
		}
	}
	if portalRow == nil || portalRow[0] != "6." || !strings.Contains(strings.ReplaceAll(portalRow[1], "\n", ""), "用办公室发给本单位的访问码登录") {
		t.Errorf("填报说明 portal row = %q", portalRow)
	}

	in := filepath.Join(dir, "收到的文件")
	mustRun(clock(15, 10), "import", "--db", db, fillFrom(t, tpl, in, "2020", "市财政局", samples.Good, 1, "财政局.xlsx"))
	mustRun(clock(15, 10), "import", "--db", db, fillFrom(t, tpl, in, "2020", "市审计局", samples.Good, 2, "审计局.xlsx"))

	// Review: a return needs a comment; then it is recorded and counts everywhere.
	if code, _, stderr := runAt(t, clock(16, 9), "review", "--db", db, "--return", " ", "市财政局"); code != exitFailed ||
		stderr != "xxgk: 退回修改必须写明意见：单位要知道改什么\n" {
		t.Errorf("return without comment: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runAt(t, clock(16, 9), "review", "--db", db, "市财政局"); code != exitFailed || !strings.Contains(stderr, "请写明审核结论") {
		t.Errorf("review without a decision: exit %d, %q", code, stderr)
	}
	const comment = "栏目网址填成了文章页，请改为栏目列表页"
	out = mustRun(clock(16, 9), "review", "--db", db, "--operator", "李四", "--return", comment, "市财政局")
	if out != "已将 市财政局 的第 1 版退回修改（轮次 2020，操作人 李四），意见："+comment+"\n"+
		"该意见列入 status、通报、汇总表和该单位的反馈单；单位下一次报送被接收后回到“待审核”。\n" {
		t.Errorf("review --return: %q", out)
	}
	out = mustRun(clock(16, 9), "review", "--db", db, "--approve", "市审计局")
	if out != "已审核通过 市审计局 的第 1 版（轮次 2020，操作人 tester）。\n" {
		t.Errorf("review --approve: %q", out)
	}
	if out = mustRun(clock(16, 9), "review", "--db", db, "--approve", "市审计局"); out != "未做更改：单位“市审计局”的第 1 版已是“已通过”\n" {
		t.Errorf("approving twice: %q", out)
	}
	if st := statusOf(t, db, "市财政局"); st.Review != "returned" || st.ReviewComment != comment {
		t.Errorf("status json of the returned unit: %+v", st)
	}
	if st := statusOf(t, db, "市审计局"); st.Review != "approved" || st.ReviewComment != "" {
		t.Errorf("status json of the approved unit: %+v", st)
	}
	if st := statusOf(t, db, "市发改委"); st.Review != "" {
		t.Errorf("status json of a missing unit: %+v", st)
	}
	table := mustRun(clock(16, 10), "status", "--db", db)
	for _, want := range []string{"审核：已通过 1，已退回（需修改）1，待审核 0\n", "! 也标出审核退回、需修改重报的单位；退回意见：\n",
		"  市财政局（第 1 版，李四 2020-09-16 09:00）：" + comment + "\n"} {
		if !strings.Contains(table, want) {
			t.Errorf("status table lacks %q:\n%s", want, table)
		}
	}
	if !regexp.MustCompile(`\n!  市财政局 +市级部门 +已报送 +已退回（需修改） +1 `).MatchString(table) {
		t.Errorf("status table: the returned unit is not marked:\n%s", table)
	}
	csvOut := mustRun(clock(16, 10), "status", "--db", db, "--format", "csv")
	recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range recs {
		if r[0] == "市财政局" && (r[13] != "returned" || r[14] != comment) {
			t.Errorf("status csv row %q", r)
		}
	}
	list := mustRun(clock(16, 10), "review", "--db", db)
	if !strings.HasPrefix(list, "轮次 2020：已报送 2 个单位，已通过 1，已退回（需修改）1，待审核 0；未报送 34\n") ||
		!regexp.MustCompile(`\n市财政局 +已报送 +1  已退回（需修改）  2020-09-16 09:00  李四 +`+comment+`\n`).MatchString(list) {
		t.Errorf("review list:\n%s", list)
	}
	hist := mustRun(clock(16, 10), "history", "--db", db, "市财政局")
	if !strings.HasPrefix(hist, "市财政局 · 轮次 2020：当前为第 1 版，已退回（需修改）\n") ||
		!regexp.MustCompile(`\n   2020-09-16 09:00  退回修改 +1 +李四 +第 1 版退回修改，意见：`+comment+`\n`).MatchString(hist) {
		t.Errorf("history:\n%s", hist)
	}

	// Papers: the letter carries the comment and the portal link; with --codes a fresh
	// code, only in the unit's own letter, never in the 通报.
	letters := filepath.Join(dir, "反馈")
	out = mustRun(clock(17, 9), "feedback", "--db", db, "--out", letters, "--codes", "--reply-by", "2020-10-09")
	if !strings.Contains(out, "已为 36 个单位重置网上报送访问码，新码只印在各单位自己的反馈单上，旧码已失效。") {
		t.Errorf("feedback --codes output:\n%s", out)
	}
	r := xxgk.Round{ID: "2020"}
	txt := pdfText(t, filepath.Join(letters, pdf.FeedbackFileName(r, xxgk.Unit{Short: "市财政局"})))
	if !strings.Contains(txt, "经审核，你单位第1次报送的文件需修改后重新报送（退回修改）。审核意见："+comment+"。") ||
		!strings.Contains(txt, "请于2020年10月9日前完成上述问题的整改") {
		t.Errorf("letter of the returned unit lacks the review:\n%s", txt)
	}
	code := regexp.MustCompile(`用你单位的访问码([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})登录`).FindStringSubmatch(txt)
	if code == nil || !strings.Contains(txt, "也可网上报送：在浏览器中打开"+link) {
		t.Fatalf("letter lacks the portal link or code:\n%s", txt)
	}
	missingTxt := pdfText(t, filepath.Join(letters, pdf.FeedbackFileName(r, xxgk.Unit{Short: "市发改委"})))
	if strings.Contains(missingTxt, code[1]) || !strings.Contains(missingTxt, "也可网上报送") {
		t.Errorf("another unit's 催报 carries 市财政局's code, or no portal link")
	}
	st := openTestStore(t, db)
	if h, err := st.Authenticate(context.Background(), code[1]); err != nil || h.Unit != "CZJ" {
		t.Errorf("the letter's code: %+v, %v", h, err)
	}
	report := filepath.Join(dir, "通报.pdf")
	mustRun(clock(17, 9), "report", "--db", db, "--out", report)
	rep := pdfText(t, report)
	if !strings.Contains(rep, "（二）部分单位报送内容经审核需修改经审核，以下1个单位报送的内容需修改后重新报送：1．市财政局："+comment+"。") {
		t.Errorf("通报 lacks the returned unit:\n%s", rep)
	}
	if strings.Contains(rep, code[1]) || strings.Contains(rep, "访问码") {
		t.Error("the 通报 prints an access code")
	}
	// Without --codes the letter says to use the code the office issued.
	plain := filepath.Join(dir, "反馈2")
	mustRun(clock(17, 9), "feedback", "--db", db, "--out", plain)
	if txt := pdfText(t, filepath.Join(plain, pdf.FeedbackFileName(r, xxgk.Unit{Short: "市财政局"}))); !strings.Contains(txt, "用办公室发给你单位的访问码登录") {
		t.Errorf("letter without --codes:\n%s", txt)
	}

	// The unit's next accepted file is 待审核 again; a review of the old version is refused.
	mustRun(clock(18, 10), "import", "--db", db, fillFrom(t, tpl, in, "2020", "市财政局", samples.WithWarnings, 3, "财政局-改.xlsx"))
	if st := statusOf(t, db, "市财政局"); st.Review != "pending" || st.Version != 2 {
		t.Errorf("status after a new version: %+v", st)
	}
	if code, _, stderr := runAt(t, clock(18, 11), "review", "--db", db, "--version", "1", "--approve", "市财政局"); code != exitFailed ||
		stderr != "xxgk: 未记录审核：第 1 版已不是当前版本（单位“市财政局”已报送第 2 版），请先查看新版本再审核。可用 xxgk history 市财政局 查看\n" {
		t.Errorf("reviewing a superseded version: exit %d, %q", code, stderr)
	}
	mustRun(clock(18, 11), "review", "--db", db, "--version", "2", "--approve", "市财政局")

	// Access codes: made once, listed without the code, reset into a file, the office's.
	out = mustRun(clock(19, 9), "access", "--db", db)
	if !strings.HasPrefix(out, "轮次 2020：36 个单位都已有访问码（原码不保存，不再显示；遗失的用 --reset 重置）。\n网上报送地址："+link+"\n") {
		t.Errorf("access after feedback --codes:\n%s", out)
	}
	codesCSV := filepath.Join(dir, "访问码.csv")
	out = mustRun(clock(19, 9), "access", "--db", db, "--out", codesCSV, "--reset", "市财政局")
	if !strings.Contains(out, "已将本次生成或重置的 1 个访问码写入 "+codesCSV) || !regexp.MustCompile(`\n市财政局 +（见文件） +已重置（旧码失效）\n`).MatchString(out) {
		t.Errorf("access --reset:\n%s", out)
	}
	b, err := os.ReadFile(codesCSV)
	if err != nil {
		t.Fatal(err)
	}
	recs, err = csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff"))).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][0] != "市财政局" || recs[1][3] != "已重置（旧码失效）" || recs[1][4] != link {
		t.Fatalf("访问码.csv = %q, %v", recs, err)
	}
	if strings.Contains(out, recs[1][2]) {
		t.Error("access --out also printed the code")
	}
	if h, err := st.Authenticate(context.Background(), recs[1][2]); err != nil || h.Unit != "CZJ" {
		t.Errorf("the reset code: %+v, %v", h, err)
	}
	if _, err := st.Authenticate(context.Background(), code[1]); err == nil {
		t.Error("the letter's code still works after the reset")
	}
	out = mustRun(clock(19, 9), "access", "--db", db, "--office")
	office := regexp.MustCompile(`\n    ([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})\n`).FindStringSubmatch(out)
	if !strings.HasPrefix(out, "已生成办公室登录码：\n") || office == nil {
		t.Fatalf("access --office:\n%s", out)
	}
	if h, err := st.Authenticate(context.Background(), office[1]); err != nil || !h.Office {
		t.Errorf("the office code: %+v, %v", h, err)
	}
	if code, _, stderr := runAt(t, clock(19, 9), "access", "--db", db, "--reset"); code != exitFailed || !strings.Contains(stderr, "--reset 后请写明要重置访问码的单位") {
		t.Errorf("access --reset without units: exit %d, %q", code, stderr)
	}

	// The audit log has every CLI action, never a code.
	aj := mustRun(clock(20, 9), "audit", "--db", db, "--format", "json")
	var entries []auditJSON
	if err := json.Unmarshal([]byte(aj), &entries); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, en := range entries {
		got = append(got, en.Action+":"+en.Operator)
		if strings.Contains(en.Detail, recs[1][2]) || strings.Contains(en.Detail, office[1]) {
			t.Errorf("audit entry holds a code: %+v", en)
		}
	}
	if strings.Join(got, ",") != "review:李四,review:tester,access:tester,review:tester,access:tester,access:tester" {
		t.Errorf("audit actions = %v", got)
	}
	if en := entries[0]; en.ActorKind != "operator" || en.Round != "2020" || en.Time != "2020-09-16T09:00:00+08:00" ||
		en.Detail != "市财政局 第 1 版 退回修改："+comment {
		t.Errorf("first audit entry = %+v", en)
	}
	since := mustRun(clock(20, 9), "audit", "--db", db, "--since", "2020-09-19")
	if !strings.HasPrefix(since, "审计日志（自2020年9月19日起）：2 条\n") || !strings.Contains(since, "已生成办公室登录码，编号 "+strings.ReplaceAll(office[1], "-", "")[:5]) {
		t.Errorf("audit --since:\n%s", since)
	}
}

// openTestStore opens the command's database for assertions.
func openTestStore(t *testing.T, db string) *store.Store {
	t.Helper()
	st, err := store.OpenExisting(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
