package importer

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xxgk"
	"xxgk/samples"
)

// swapText replaces text in one part of a workbook (every XML part when part is ""): the
// way to put into a file what no spreadsheet program writes, but a script or a crafted
// file may hold.
func swapText(tb testing.TB, data []byte, part string, swaps map[string]string) []byte {
	tb.Helper()
	parts := unzipParts(tb, data)
	for name, b := range parts {
		if part == "" || name == part {
			for from, to := range swaps {
				b = bytes.ReplaceAll(b, []byte(from), []byte(to))
			}
			parts[name] = b
		}
	}
	return zipOf(tb, parts)
}

// hostileBook is validBook with cells set, then placeholders swapped for raw text.
func hostileBook(tb testing.TB, cells map[string]any, part string, swaps map[string]string) []byte {
	tb.Helper()
	data := editBook(tb, validBook(tb), func(f *excelize.File) { setCells(tb, f, xxgk.SheetForm, cells) })
	if len(swaps) > 0 {
		data = swapText(tb, data, part, swaps)
	}
	return data
}

// hostile is a workbook and what its import must come to, on every engine.
type hostile struct {
	name     string
	data     []byte
	accepted bool
	// want are the exact problems, when they do not depend on how the reader treats text
	// that XML itself forbids (raw control bytes, bytes that are not UTF-8); nil means
	// only the outcome is asserted.
	want []string
	has  string // one problem that must be among them
	// noCopy: the spreadsheet library cannot open the file to annotate it.
	noCopy bool
}

func hostileBooks(tb testing.TB) []hostile {
	tb.Helper()
	long := strings.Repeat("𠀀", 2001)
	cat := testCatalog(tb)
	return []hostile{
		{name: "a_filler_350k.xlsx", data: hostileBook(tb, map[string]any{"H2": "FILLER_PLACEHOLDER"}, "xl/sharedStrings.xml",
			map[string]string{"FILLER_PLACEHOLDER": strings.Repeat("张", 350000)}),
			want: []string{"错误 填报表!H2 “" + strings.Repeat("张", 30) + "…” 内容过长：共 350000 个字符，“填报人”最多 50 个字符，请精简后再报送"}},
		{name: "b_remark_over.xlsx", data: hostileBook(tb, map[string]any{"M5": long}, "", nil),
			want: []string{"错误 填报表!M5 “" + strings.Repeat("𠀀", 30) + "…” 内容过长：共 2001 个字符，“备注”最多 2000 个字符，请精简后再报送"}},
		{name: "c_csi.xlsx", data: hostileBook(tb, map[string]any{"H5": "预算\u009b2J公开"}, "", nil),
			want: []string{`错误 填报表!H5 “预算\x9b2J公开” 含有不可见的控制字符（U+009B），请删除后重新输入；从其他软件复制的内容请以纯文本粘贴`}},
		{name: "d_invalid_utf8.xlsx", data: hostileBook(tb, map[string]any{"H6": "NAME_PLACEHOLDER"}, "xl/sharedStrings.xml",
			map[string]string{"NAME_PLACEHOLDER": "预算\xff\xfe公开"}), noCopy: true},
		{name: "e_raw_escape.xlsx", data: hostileBook(tb, map[string]any{"H7": "NAME_PLACEHOLDER"}, "xl/sharedStrings.xml",
			map[string]string{"NAME_PLACEHOLDER": "预算\x1b[2J\x1b[H公开"}), noCopy: true},
		{name: "f_sheet_name.xlsx", data: hostileBook(tb, nil, "xl/workbook.xml", map[string]string{xxgk.SheetForm: strings.Repeat("表", 200)}),
			want: []string{"错误  “" + strings.Repeat("表", 30) + "…” 填报表所在工作表的名称过长（200 个字符），请改回“填报表”后再报送"}, noCopy: true},
		{name: "g_at_the_limits.xlsx", accepted: true, data: hostileBook(tb, map[string]any{
			"H2": strings.Repeat("𠀀", 50), "H5": strings.Repeat("𠀀", 200), "M5": strings.Repeat("𠀀", 2000),
			"I5": "http://www.ankang.gov.cn/" + strings.Repeat("a", 2000-len("http://www.ankang.gov.cn/")),
			"L8": strings.Repeat("报", 10000)}, "", nil), want: []string{}},
		// 市卫健委's rows 5..9; its filling may add warnings of its own.
		{name: "h_word_line_break_\xff\xfe.xlsx", accepted: true, data: editBook(tb, filled(tb, cat, "市卫健委", samples.Good, 3), func(f *excelize.File) {
			setCells(tb, f, xxgk.SheetForm, map[string]any{"M5": "见\u0085附件\u2028二"})
		}), has: "警告 填报表!M5 “见 附件 二” 含有分页符、软回车等特殊换行符，已换成普通换行，请核对内容"},
		// Escapes are decoded before the text rules judge them: an escaped ESC is refused
		// like a typed one, an escaped vertical tab is a folded line break, and escaped
		// carriage returns fold before the length is counted (999 "x\r\n" and "yy" are
		// 2000 characters stored, 2999 written).
		{name: "i_escaped_esc.xlsx", data: hostileBook(tb, map[string]any{"H2": "FILLER_PLACEHOLDER"}, "xl/sharedStrings.xml",
			map[string]string{"FILLER_PLACEHOLDER": "张_x001B_[2J三"}),
			want: []string{`错误 填报表!H2 “张\x1b[2J三” 含有不可见的控制字符（U+001B），请删除后重新输入；从其他软件复制的内容请以纯文本粘贴`}},
		{name: "j_escaped_breaks.xlsx", accepted: true, data: swapText(tb, editBook(tb, filled(tb, cat, "汉滨区", samples.Good, 4), func(f *excelize.File) {
			setCells(tb, f, xxgk.SheetForm, map[string]any{"M5": "REMARK_PLACEHOLDER", "M6": "VT_PLACEHOLDER"})
		}), "xl/sharedStrings.xml", map[string]string{"REMARK_PLACEHOLDER": strings.Repeat("x_x000D_\n", 999) + "yy", "VT_PLACEHOLDER": "见_x000B_附件"}),
			has: "警告 填报表!M6 “见 附件” 含有分页符、软回车等特殊换行符，已换成普通换行，请核对内容"},
	}
}

// TestHostileWorkbooksOnBothEngines imports the same hostile workbooks into SQLite and
// MariaDB: every file must come to the same outcome with the same problems, and what is
// stored must be the same, character for character.
func TestHostileWorkbooksOnBothEngines(t *testing.T) {
	books := hostileBooks(t)
	dir := t.TempDir()
	for _, h := range books {
		writeFile(t, filepath.Join(dir, h.name), h.data)
	}
	type run struct {
		results []string
		stored  []xxgk.Submission
	}
	runs := map[string]run{}
	forEngine(t, func(t *testing.T, e engine) {
		a := openStore(t, e.fresh(t), testCatalog(t))
		opts := storeOptions(a)
		opts.ErrorsDir = t.TempDir()
		res, tot, err := runImport(t, opts, dir)
		if err != nil {
			t.Fatal(err)
		}
		var r run
		for i, got := range res {
			h := books[i]
			if filepath.Base(got.Name) != h.name {
				t.Fatalf("result %d is %s, want %s", i, got.Name, h.name)
			}
			lines := problemLines(got.Problems)
			r.results = append(r.results, got.Outcome.String()+" "+strings.Join(lines, "\n"))
			if want := map[bool]Outcome{true: Accepted, false: Rejected}[h.accepted]; got.Outcome != want {
				t.Errorf("%s: %s, want %s: %q", h.name, got.Outcome, want, lines)
			}
			if h.want != nil && !slices.Equal(lines, h.want) && !(len(lines) == 0 && len(h.want) == 0) {
				t.Errorf("%s: problems\n%q\nwant\n%q", h.name, lines, h.want)
			}
			if h.has != "" && !slices.Contains(lines, h.has) {
				t.Errorf("%s: problems\n%q\nwant among them %q", h.name, lines, h.has)
			}
			switch {
			case got.Outcome != Rejected:
			case h.noCopy && (got.ErrorCopy != "" || !strings.HasPrefix(got.NoCopy, "未能生成批注副本：")):
				t.Errorf("%s: copy %q, reason %q", h.name, got.ErrorCopy, got.NoCopy)
			case !h.noCopy && got.ErrorCopy == "":
				t.Errorf("%s: refused without an annotated copy (%s)", h.name, got.NoCopy)
			}
			if len(lines) > 0 && len(strings.Join(lines, "")) > 2000 {
				t.Errorf("%s: problems run to %d bytes; values must be cut short", h.name, len(strings.Join(lines, "")))
			}
		}
		if tot.Failed != 0 {
			t.Errorf("%d files failed to save: a hostile file must be refused, not fail", tot.Failed)
		}
		// The refusals are recorded as import records them, problems and file included.
		var rejs []xxgk.Rejection
		for _, got := range res {
			if got.Outcome == Rejected && got.Unit.Code != "" && got.Round != "" && got.SHA256 != "" {
				rejs = append(rejs, xxgk.Rejection{Round: got.Round, Unit: got.Unit.Code, FileName: filepath.Base(got.Name), SHA256: got.SHA256,
					At: testNow, Errors: len(got.Problems.Only(xxgk.Error)), Problems: got.Problems, File: got.File})
			}
		}
		if err := a.st.SaveRejections(context.Background(), rejs); err != nil {
			t.Errorf("recording %d refusals: %v", len(rejs), err)
		}
		if r.stored, err = a.st.Current(context.Background(), "2020"); err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(r.stored, func(a, b xxgk.Submission) int { return strings.Compare(a.Unit, b.Unit) })
		if len(r.stored) != 3 || r.stored[0].Unit != "610902" || r.stored[1].Unit != "CZJ" || r.stored[2].Unit != "WJW" || r.stored[1].Version != 1 {
			t.Fatalf("stored %d submissions, want the 3 accepted files", len(r.stored))
		}
		if got := r.stored[0].Items[0].Remark; got != strings.Repeat("x\n", 999)+"yy" {
			t.Errorf("escaped carriage returns stored as %q…", xxgk.Visible(got, 20))
		}
		if got := r.stored[0].Items[1].Remark; got != "见\n附件" {
			t.Errorf("escaped vertical tab stored as %q", got)
		}
		limits := r.stored[1]
		if limits.Filler != strings.Repeat("𠀀", 50) || limits.Items[0].Remark != strings.Repeat("𠀀", 2000) ||
			limits.Items[0].ColumnName != strings.Repeat("𠀀", 200) || len(limits.Items[0].URL) != 2000 || limits.Items[3].Reported != strings.Repeat("报", 10000) {
			t.Errorf("text at the limits not stored whole")
		}
		if got := r.stored[2].Items[0].Remark; got != "见\n附件\n二" {
			t.Errorf("folded remark stored as %q", got)
		}
		if got := r.stored[2].FileName; got != "h_word_line_break_\uFFFD.xlsx" {
			t.Errorf("file name not in UTF-8 stored as %q", got)
		}
		runs[e.name] = r
	})
	lite, my := runs["sqlite"], runs["mysql"]
	if my.results == nil {
		return // MySQL skipped; the SQLite run still checked every file
	}
	if !slices.Equal(lite.results, my.results) {
		t.Errorf("outcomes differ between engines:\nsqlite %q\nmysql  %q", lite.results, my.results)
	}
	for i := range lite.stored {
		a, b := lite.stored[i], my.stored[i]
		if a.Filler != b.Filler || a.Phone != b.Phone || a.SHA256 != b.SHA256 || a.FileName != b.FileName || len(a.Items) != len(b.Items) {
			t.Fatalf("version %d differs between engines", i+1)
		}
		for j := range a.Items {
			if !sameItem(a.Items[j], b.Items[j]) {
				t.Errorf("version %d item %d differs:\nsqlite %+v\nmysql  %+v", i+1, j, a.Items[j], b.Items[j])
			}
		}
	}
}

// overfill is a Saver that lengthens one file's 填报人 past what the store keeps, as a
// value the importer's checks missed would be.
type overfill struct {
	Saver
	sha string
}

func (o overfill) SaveSubmissions(ctx context.Context, subs []*xxgk.Submission) ([]Saved, error) {
	for _, s := range subs {
		if s.SHA256 == o.sha {
			s.Filler = strings.Repeat("张", 70000)
		}
	}
	return o.Saver.SaveSubmissions(ctx, subs)
}

// TestSaveRefusedForData: a file the database refuses for its content is refused like a
// file with errors, on both engines: an annotated copy, a refusal the office can record,
// and the rest of the batch stored; the run does not stop and says nothing of rerunning.
func TestSaveRefusedForData(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		cat := testCatalog(t)
		a := openStore(t, e.fresh(t), cat)
		dir := t.TempDir()
		bad := validBook(t)
		writeFile(t, filepath.Join(dir, "a_市财政局.xlsx"), bad)
		writeFile(t, filepath.Join(dir, "b_市卫健委.xlsx"), filled(t, cat, "市卫健委", samples.Good, 2))
		opts := storeOptions(a)
		opts.Saver = overfill{Saver: a, sha: readBook(t, "a", bad).Submission.SHA256}
		opts.ErrorsDir = t.TempDir()
		res, tot, err := runImport(t, opts, dir)
		if err != nil {
			t.Fatalf("the run stopped: %v", err)
		}
		if got := outcomes(res); got != "a_市财政局.xlsx=rejected b_市卫健委.xlsx=accepted" || tot.Failed != 0 {
			t.Fatalf("outcomes %s, %d failed", got, tot.Failed)
		}
		r := res[0]
		last := r.Problems[len(r.Problems)-1]
		if last.Severity != xxgk.Error || last.Field != xxgk.LabelFiller || !strings.HasPrefix(last.Message, "数据库拒绝保存“填报人”的内容：") ||
			!strings.HasSuffix(last.Message, "。文件未保存，请检查并修改该内容后重新报送") || r.Err != nil {
			t.Errorf("problem %+v, err %v", last, r.Err)
		}
		if r.Unit.Code != "CZJ" || r.Round != "2020" || len(r.SHA256) != 64 {
			t.Errorf("refusal cannot be recorded: unit %q round %q sha %q", r.Unit.Code, r.Round, r.SHA256)
		}
		if !bytes.Equal(r.File, bad) {
			t.Errorf("the refused file is not kept for feedback (%d bytes)", len(r.File))
		}
		if _, err := os.Stat(r.ErrorCopy); err != nil {
			t.Errorf("annotated copy: %q, %v (%s)", r.ErrorCopy, err, r.NoCopy)
		}
		if err := a.st.SaveRejections(context.Background(), []xxgk.Rejection{{Round: r.Round, Unit: r.Unit.Code, FileName: "a_市财政局.xlsx", SHA256: r.SHA256, At: testNow, Errors: 1}}); err != nil {
			t.Fatal(err)
		}
		if rs, err := a.st.Rejections(context.Background(), "2020"); err != nil || len(rs) != 1 {
			t.Errorf("recorded refusals %v, %v", rs, err)
		}
		if v, err := a.st.Versions(context.Background(), "2020", "CZJ"); err != nil || len(v) != 0 {
			t.Errorf("refused file stored: %d versions, %v", len(v), err)
		}
	})
}

// TestWarningsAreStorable: a warning that repeats a file name in no encoding is stored
// with the bad bytes replaced, so the file is accepted on both engines alike.
func TestWarningsAreStorable(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		a := openStore(t, e.fresh(t), testCatalog(t))
		p := writeFile(t, filepath.Join(t.TempDir(), "汉滨区\xff.xlsx"), validBook(t))
		res, _, err := runImport(t, storeOptions(a), p)
		if err != nil || len(res) != 1 || res[0].Outcome != Accepted {
			t.Fatalf("%+v, %v", res, err)
		}
		cur, err := a.st.Current(context.Background(), "2020")
		if err != nil || len(cur) != 1 || len(cur[0].Warnings) != 1 || cur[0].Warnings[0].Value != "汉滨区\uFFFD.xlsx" {
			t.Errorf("stored %+v, %v", cur, err)
		}
	})
}

// TestSaveRefusedForDataOversize: a file the checks accept but too large to annotate in
// full (here, a 5 MB picture nobody looks at), which the database then refuses for its
// content, is refused with the short copy: the problem list with the database's reason
// and the note why the unit's sheets are not in it; on both engines.
func TestSaveRefusedForDataOversize(t *testing.T) {
	forEngine(t, func(t *testing.T, e engine) {
		cat := testCatalog(t)
		a := openStore(t, e.fresh(t), cat)
		dir := t.TempDir()
		big := make([]byte, 5<<20)
		for i := range big {
			big[i] = byte(i*7919 + i>>9)
		}
		bad := addPart(t, validBook(t), "xl/media/image1.png", big)
		if c := readBook(t, "a", bad); !c.Accepted() {
			t.Fatalf("the large file is not accepted by the checks: %q", problemLines(c.Problems))
		}
		writeFile(t, filepath.Join(dir, "a_市财政局.xlsx"), bad)
		opts := storeOptions(a)
		opts.Saver = overfill{Saver: a, sha: readBook(t, "a", bad).Submission.SHA256}
		opts.ErrorsDir = t.TempDir()
		res, tot, err := runImport(t, opts, dir)
		if err != nil || len(res) != 1 || res[0].Outcome != Rejected || tot.Failed != 0 {
			t.Fatalf("results %+v, %d failed, %v", res, tot.Failed, err)
		}
		f, err := excelize.OpenFile(res[0].ErrorCopy)
		if err != nil {
			t.Fatalf("short copy %q (%s): %v", res[0].ErrorCopy, res[0].NoCopy, err)
		}
		defer f.Close()
		if got := f.GetSheetList(); len(got) != 1 || got[0] != SheetProblems {
			t.Fatalf("short copy sheets %v", got)
		}
		rows, err := f.GetRows(SheetProblems)
		if err != nil {
			t.Fatal(err)
		}
		text := fmt.Sprint(rows)
		for _, want := range []string{"本副本只列出问题，未附原表格：原文件解压后", "数据库拒绝保存“填报人”的内容：", "文件未保存，请检查并修改该内容后重新报送"} {
			if !strings.Contains(text, want) {
				t.Errorf("problem list lacks %q:\n%s", want, text)
			}
		}
	})
}

// addPart is a workbook with one more zip entry.
func addPart(tb testing.TB, data []byte, name string, part []byte) []byte {
	tb.Helper()
	parts := unzipParts(tb, data)
	parts[name] = part
	return zipOf(tb, parts)
}
