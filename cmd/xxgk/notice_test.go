package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"xxgk"
	"xxgk/catalog"
	"xxgk/internal/openpyxl"
	"xxgk/internal/testdb"
	"xxgk/store"
)

// partialRound stores the built-in catalog as round 2020 with submissions from three
// units only (one late, one in a second version): most units have not reported.
func partialRound(t *testing.T, dsn string) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	cat, err := catalog.Load("", "")
	if err != nil {
		t.Fatal(err)
	}
	r := xxgk.Round{ID: "2020", Title: xxgk.DefaultRoundTitle, Deadline: time.Date(2020, 9, 20, 0, 0, 0, 0, time.UTC),
		Contact: xxgk.DefaultContact, Created: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)}
	if err := st.SaveRound(ctx, r, cat); err != nil {
		t.Fatal(err)
	}
	for v := 1; v <= 2; v++ {
		var subs []*xxgk.Submission
		for i, u := range cat.Units.All()[:3] {
			if v == 2 && i != 0 {
				continue
			}
			sub := &xxgk.Submission{Round: "2020", Unit: u.Code, Filler: "张三", Phone: "0915-3201058",
				FileName: u.Short + ".xlsx", SHA256: strings.Repeat(fmt.Sprint(i+3*v), 64),
				ImportedAt: time.Date(2020, 9, 18+2*i+v, 10, 0, 0, 0, xxgk.ChinaTime)}
			for j, ind := range cat.For(u) {
				it := xxgk.Item{Code: ind.Code, Status: xxgk.Opened, ColumnName: ind.Title(), URL: "http://www.ankang.gov.cn/xxgk/",
					Count: 5, Reported: "已报送", LastUpdate: time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)}
				switch {
				case j%4 == 0:
					it = xxgk.Item{Code: ind.Code, Status: xxgk.NotOpened, Count: -1, Remark: "建设中"}
				case j%7 == 1:
					it = xxgk.Item{Code: ind.Code, Status: xxgk.NotApplicable, Count: -1, Remark: "无此职能"}
				case j%5 == 2:
					it.LastUpdate = time.Date(2019, 12, 1, 0, 0, 0, 0, time.UTC) // stale
				}
				sub.Items = append(sub.Items, it)
			}
			subs = append(subs, sub)
		}
		if _, err := st.SaveSubmissions(ctx, subs); err != nil {
			t.Fatal(err)
		}
	}
}

// statusJSON runs status --format json and checks that every unit's columns add up:
// assigned = opened + not_opened + not_applicable + not_reported. It returns the totals.
func statusJSON(t *testing.T, db string) (entries []statusEntry, total xxgk.Counts) {
	t.Helper()
	code, out, errOut := runCmd(t, "status", "--db", db, "--format", "json")
	if code != exitOK {
		t.Fatalf("status exit %d: %s", code, errOut)
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil {
		t.Fatal(err)
	}
	for _, en := range entries {
		c := xxgk.Counts{Assigned: en.Assigned, Opened: en.Opened, NotOpened: en.NotOpened, NotApplicable: en.NotApplicable, NotReported: en.NotReported}
		if err := c.CheckPartition(); err != nil {
			t.Errorf("%s: %v", en.Unit, err)
		}
		if (en.Status == string(xxgk.Missing)) != (en.NotReported == en.Assigned) {
			t.Errorf("%s (%s): not_reported %d of %d", en.Unit, en.Status, en.NotReported, en.Assigned)
		}
		total = total.Plus(c)
	}
	return entries, total
}

// pdfText reads a PDF back with pdftotext, white space removed.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is required in CI")
		}
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// partitionText is how the 通报 states the totals; it must match status.
func partitionText(units int, c xxgk.Counts) string {
	s := fmt.Sprintf("%d个单位应建栏目共%d个，其中已开设%d个、未开设%d个、不适用%d个", units, c.Assigned, c.Opened, c.NotOpened, c.NotApplicable)
	if c.NotReported > 0 {
		s += fmt.Sprintf("，未报送单位的%d个栏目情况不明", c.NotReported)
	}
	return s + "。总体完成率为" + xxgk.Percent(c.Completion())
}

// TestPartitionDemo: on the demo's data, status (table, JSON) and the 通报 give the same
// counts, and they add up for every unit and in total.
func TestPartitionDemo(t *testing.T) {
	dir := t.TempDir()
	if code, out, errOut := runCmd(t, "demo", "--dir", dir, "--font", feedbackFont); code != exitOK {
		t.Fatalf("demo exit %d\n%s\n%s", code, out, errOut)
	}
	db := "sqlite:" + filepath.Join(dir, "xxgk-demo.db")
	entries, total := statusJSON(t, db)
	if total.NotReported == 0 || total.NotOpened == 0 {
		t.Fatalf("demo totals %+v: want missing units and unopened columns", total)
	}
	_, out, _ := runCmd(t, "status", "--db", db)
	want := fmt.Sprintf("应建栏目 %d 个：已开设 %d，未开设 %d，不适用 %d，未报送 %d（未报送单位的栏目）",
		total.Assigned, total.Opened, total.NotOpened, total.NotApplicable, total.NotReported)
	if !strings.Contains(out, want) {
		t.Errorf("status table lacks %q", want)
	}
	raw := pdfText(t, filepath.Join(dir, "4-报告", "通报.pdf"))
	for _, want := range []string{
		partitionText(len(entries), total),
		fmt.Sprintf("合计已报送31/36%d%d%d%d%d%s", total.Assigned, total.Opened, total.NotOpened, total.NotApplicable, total.NotReported, xxgk.Percent(total.Completion())),
		"安电政办字〔2020〕6号", "请于2020年10月9日前",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("demo 通报 lacks %q", want)
		}
	}

	// After a withdrawal (and the demo's verify run before it) the counts still add up
	// everywhere: the unit's columns move to 未报送, and its verified columns leave the
	// 网站核查 section, whose count is the columns still reported open.
	if code, _, errOut := runCmd(t, "withdraw", "--db", db, "汉滨区"); code != exitOK {
		t.Fatalf("withdraw: exit %d, %s", code, errOut)
	}
	entries, after := statusJSON(t, db)
	if after.Assigned != total.Assigned || after.NotReported <= total.NotReported || after.Opened >= total.Opened {
		t.Errorf("after the withdrawal %+v, before %+v", after, total)
	}
	pdfPath := filepath.Join(t.TempDir(), "通报.pdf")
	if code, _, errOut := runCmd(t, "report", "--db", db, "--font", feedbackFont, "--out", pdfPath); code != exitOK {
		t.Fatalf("report: exit %d, %s", code, errOut)
	}
	raw = pdfText(t, pdfPath)
	for _, want := range []string{
		partitionText(len(entries), after),
		fmt.Sprintf("合计已报送30/36%d%d%d%d%d%s", after.Assigned, after.Opened, after.NotOpened, after.NotApplicable, after.NotReported, xxgk.Percent(after.Completion())),
		fmt.Sprintf("的%d个栏目逐一访问核查", after.Opened),
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("通报 after the withdrawal lacks %q", want)
		}
	}
}

func TestNoticeSQLite(t *testing.T) { testNotice(t, testdb.SQLite(t)) }
func TestNoticeMySQL(t *testing.T)  { testNotice(t, testdb.MySQL(t, "xxgk_cmd_notice")) }

// testNotice: on a round where most units are missing, the 通报's counts add up and match
// status; the paper settings given as flags are remembered for the round, a later flag
// wins, an empty one clears, and without a reply-by date the tool says so once.
func testNotice(t *testing.T, db string) {
	partialRound(t, db)
	entries, total := statusJSON(t, db)
	dir := t.TempDir()
	report := func(name string, flags ...string) (string, string, string) {
		t.Helper()
		path := filepath.Join(dir, name)
		code, out, errOut := runCmd(t, append([]string{"report", "--db", db, "--font", feedbackFont, "--out", path}, flags...)...)
		if code != exitOK {
			t.Fatalf("report %v: exit %d\n%s", flags, code, errOut)
		}
		return path, out, errOut
	}

	path, out, errOut := report("a.pdf", "--doc-number", "安电政办字〔2020〕6号", "--reply-by", "2020/10/9", "--issuer", "安康市人民政府办公室", "--date", "2020年9月26日")
	if !strings.Contains(out, "已记住轮次 2020 的发文设置：发文字号“安电政办字〔2020〕6号”；发文机关“安康市人民政府办公室”；成文日期 2020年9月26日；补报、整改期限 2020年10月9日") {
		t.Errorf("report does not say what it remembers:\n%s", out)
	}
	if strings.Contains(errOut, "--reply-by") {
		t.Errorf("reply-by given, yet: %s", errOut)
	}
	raw := pdfText(t, path)
	for _, want := range []string{
		"安康市人民政府办公室安电政办字〔2020〕6号关于2020年度",
		partitionText(len(entries), total),
		fmt.Sprintf("合计已报送3/%d%d%d%d%d%d%s", len(entries), total.Assigned, total.Opened, total.NotOpened, total.NotApplicable, total.NotReported, xxgk.Percent(total.Completion())),
		"请于2020年10月9日前按模板填报并报送", "安康市人民政府办公室2020年9月26日",
		"截至2020年9月26日", // without --as-of the 成文日期 is the 截至 day
		"逾期报送的单位是：",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("通报 lacks %q", want)
		}
	}

	// Remembered: a later run without flags prints the same settings and says nothing.
	path, out, errOut = report("b.pdf")
	if strings.Contains(out, "已记住") || errOut != "" {
		t.Errorf("run without flags: stdout %q stderr %q", out, errOut)
	}
	raw = pdfText(t, path)
	for _, want := range []string{"安电政办字〔2020〕6号", "请于2020年10月9日前", "安康市人民政府办公室2020年9月26日"} {
		if !strings.Contains(raw, want) {
			t.Errorf("remembered 通报 lacks %q", want)
		}
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	n, err := st.Notice(context.Background(), "2020")
	st.Close()
	if err != nil || n.DocNumber != "安电政办字〔2020〕6号" || xxgk.ChineseDate(n.ReplyBy) != "2020年10月9日" {
		t.Errorf("stored notice %+v, %v", n, err)
	}

	// A flag given wins; an empty one clears, and the tool then says the papers carry no
	// deadline, once, also for feedback.
	path, _, errOut = report("c.pdf", "--reply-by", "", "--doc-number", "安电政办字〔2020〕7号")
	if strings.Count(errOut, noReplyByHint) != 1 {
		t.Errorf("no reply-by: stderr %q", errOut)
	}
	raw = pdfText(t, path)
	if !strings.Contains(raw, "安电政办字〔2020〕7号") || !strings.Contains(raw, "请尽快按模板填报并报送") || strings.Contains(raw, "2020年10月9日") {
		t.Errorf("cleared reply-by or new number not printed:\n%s", raw)
	}
	code, _, errOut := runCmd(t, "feedback", "--db", db, "--font", feedbackFont, "--out", filepath.Join(dir, "反馈"))
	if code != exitOK || strings.Count(errOut, noReplyByHint) != 1 {
		t.Errorf("feedback without reply-by: exit %d, stderr %q", code, errOut)
	}

	// A deadline already past when the papers are written is pointed out.
	if _, _, errOut := report("e.pdf", "--reply-by", "2020-09-27"); !strings.Contains(errOut, "补报、整改期限 2020年9月27日 已经过去") {
		t.Errorf("past reply-by: stderr %q", errOut)
	}

	// Excel reports carry no deadline: no hint there. A date that is not one: exit 2.
	if code, _, errOut := runCmd(t, "report", "--db", db, "--out", filepath.Join(dir, "r.xlsx")); code != exitOK || errOut != "" {
		t.Errorf("xlsx report: exit %d, stderr %q", code, errOut)
	}
	// ... but the remembered issuer makes the workbooks (the export and the templates
	// beside the reminders too), as it signs the 通报 and the letters.
	if code, _, errOut := runCmd(t, "export", "--db", db, "--out", filepath.Join(dir, "e.xlsx")); code != exitOK || errOut != "" {
		t.Errorf("xlsx export: exit %d, stderr %q", code, errOut)
	}
	beside, _ := filepath.Glob(filepath.Join(dir, "反馈", "*_填报模板.xlsx"))
	if len(beside) == 0 {
		t.Fatal("feedback wrote no template beside a reminder")
	}
	for _, b := range openpyxl.Load(t, filepath.Join(dir, "r.xlsx"), filepath.Join(dir, "e.xlsx"), beside[0]) {
		if b.Error == "" && b.Props.Creator != "安康市人民政府办公室" {
			t.Errorf("%s: creator %q, want the remembered issuer", filepath.Base(b.Path), b.Props.Creator)
		}
	}
	if raw := pdfText(t, filepath.Join(dir, "反馈", "2020_市财政局_反馈.pdf")); !strings.Contains(raw, "安康市人民政府办公室") {
		t.Errorf("letter not signed by the remembered issuer:\n%s", raw)
	}
	code, _, errOut = runCmd(t, "report", "--db", db, "--font", feedbackFont, "--out", filepath.Join(dir, "d.pdf"), "--reply-by", "下周五")
	if code != exitFailed || !strings.Contains(errOut, "--reply-by 的值“下周五”不是有效日期，请写成 2020-10-09 的形式") {
		t.Errorf("bad date: exit %d, stderr %q", code, errOut)
	}
}
