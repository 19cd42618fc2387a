//go:build linux

package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"xxgk"
	"xxgk/importer"
	"xxgk/internal/oserr"
	"xxgk/samples"
	"xxgk/store"
)

// TestWine runs the real Windows build under wine (XXGK_WINE=1; .ci/windows.sh installs
// wine and calls it): what office staff do on their PCs, with Windows paths, a Chinese
// folder name with a space, C:\Windows\Fonts, paths past 260 characters, two imports at
// once, and files held open by Excel (holdopen.exe). The windows/386 build is not run: a
// 32-bit wine needs the i386 architecture and wine32 (see README).
func TestWine(t *testing.T) {
	if os.Getenv("XXGK_WINE") == "" {
		t.Skip("XXGK_WINE is not set: the Windows suite runs under wine in .ci/windows.sh")
	}
	w := newWine(t)
	t.Run("version", func(t *testing.T) {
		code, out, stderr := w.run(t, "version")
		if code != 0 || !strings.Contains(out, "windows/amd64") {
			t.Fatalf("version: exit %d, %q %q", code, out, stderr)
		}
	})
	t.Run("demo", func(t *testing.T) { wineDemo(t, w) })
	t.Run("fonts", func(t *testing.T) { wineFonts(t, w) })
	t.Run("import", func(t *testing.T) { wineImport(t, w) })
	t.Run("held", func(t *testing.T) { wineHeld(t, w) })
	t.Run("longpath", func(t *testing.T) { wineLongPath(t, w) })
	t.Run("concurrent", func(t *testing.T) { wineConcurrent(t, w) })
}

const wineDemoDir = `C:\演示 目录\demo`

// wineDemo: the README's first command, in a Chinese folder name with a space.
func wineDemo(t *testing.T, w *wineEnv) {
	code, out, stderr := w.run(t, "demo", "--dir", wineDemoDir)
	if code != 0 {
		t.Fatalf("demo: exit %d\n%s\n%s", code, out, stderr)
	}
	for _, want := range []string{
		`数据库        sqlite:C:\演示 目录\demo\xxgk-demo.db`,
		`各单位反馈    C:\演示 目录\demo\5-反馈`,
		`36 份反馈已生成到 C:\演示 目录\demo\5-反馈`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	// The only Chinese font is the one in the prefix's C:\Windows\Fonts.
	if !strings.Contains(stderr, "正文（仿宋）→WenQuanYi Micro Hei") {
		t.Errorf("demo did not use the font in C:\\Windows\\Fonts:\n%s", stderr)
	}
	dir := w.c(wineDemoDir)
	for _, f := range []string{"xxgk-demo.db", "4-报告/明细.csv", "4-报告/汇总报告.xlsx", "4-报告/通报.pdf"} {
		if fi, err := os.Stat(filepath.Join(dir, f)); err != nil || fi.Size() == 0 {
			t.Errorf("demo: %s missing or empty (%v)", f, err)
		}
	}
	letters, _ := filepath.Glob(filepath.Join(dir, "5-反馈", "*_反馈.pdf"))
	if len(letters) != 36 {
		t.Errorf("%d letters, want 36", len(letters))
	}
	text := pdfText(t, filepath.Join(dir, "4-报告", "通报.pdf"))
	if !strings.Contains(text, "汉滨区") {
		t.Errorf("通报.pdf does not read back: %.200s", text)
	}
	if fonts, err := exec.Command("pdffonts", filepath.Join(dir, "4-报告", "通报.pdf")).Output(); err != nil || !strings.Contains(string(fonts), "WenQuanYi") {
		t.Errorf("通报.pdf fonts: %v\n%s", err, fonts)
	}
	// Again in the same folder: the demo clears what it wrote (wine 8 cannot os.RemoveAll).
	if code, out, stderr := w.run(t, "demo", "--dir", wineDemoDir); code != 0 || !strings.Contains(out, "36 份反馈已生成到") {
		t.Errorf("second demo: exit %d\n%s", code, stderr)
	}
}

// wineFonts: font discovery looks in C:\Windows\Fonts; without the font there no PDF is
// made, with the instructions.
func wineFonts(t *testing.T, w *wineEnv) {
	if _, err := os.Stat(w.c(wineDemoDir + `\xxgk-demo.db`)); err != nil {
		t.Skip("needs the demo's database (TestWine/demo)")
	}
	font := w.c(`windows\Fonts\wqy-microhei.ttc`)
	away := font + ".away"
	if err := os.Rename(font, away); err != nil {
		t.Fatal(err)
	}
	out := `C:\字体 测试\通报.pdf`
	code, _, stderr := w.run(t, "report", "--db", `sqlite:`+wineDemoDir+`\xxgk-demo.db`, "--out", out)
	os.Rename(away, font)
	if code != exitFailed || !strings.Contains(stderr, "找不到可用的中文字体") {
		t.Errorf("no font in C:\\Windows\\Fonts: exit %d, %q", code, stderr)
	}
	code, stdout, stderr := w.run(t, "report", "--db", `sqlite:`+wineDemoDir+`\xxgk-demo.db`, "--out", out)
	if code != 0 || !strings.Contains(stdout, `报告已生成：C:\字体 测试\通报.pdf`) || !strings.Contains(stderr, "WenQuanYi Micro Hei") {
		t.Errorf("font back in C:\\Windows\\Fonts: exit %d, %q %q", code, stdout, stderr)
	}
}

const wineTemplate = "_信息公开栏目建设情况填报表.xlsx"

// wineRound makes a round in a fresh database in the prefix and fills the units' templates
// on the host; it returns the host database DSN, its Windows DSN and the folder of files.
func wineRound(t *testing.T, w *wineEnv, dbRel string, fill map[string]samples.Profile) (host, win, dir string) {
	t.Helper()
	path := w.c(dbRel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	host, dir = importFixtureDB(t, "sqlite:"+path, fill)
	return host, "sqlite:" + w.win(t, path), dir
}

// copyInto copies the named files of dir into the host folder to (made).
func copyInto(t *testing.T, dir, to string, names ...string) {
	t.Helper()
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// gbkZip writes a zip with GBK entry names and no UTF-8 flag, as Chinese Windows makes it.
func gbkZip(t *testing.T, path string, entries map[string][]byte) {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	enc := simplifiedchinese.GBK.NewEncoder()
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range entries {
			if !yield(k) {
				return
			}
		}
	}) {
		n, err := enc.String(name)
		if err != nil {
			t.Fatal(err)
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, NonUTF8: true, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		fw.Write(entries[name])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// importOutcomes parses import --format json: base name of each file → outcome.
func importOutcomes(t *testing.T, out string) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var j importer.JSON
		if err := json.Unmarshal([]byte(line), &j); err != nil {
			t.Fatalf("import json: %v: %q", err, line)
		}
		got[j.File] = j.Outcome
	}
	return got
}

// wineImport: a folder and a zip with GBK names in folders with Chinese names and spaces;
// then report, export, feedback and a redirected status --format csv into C:\ paths.
func wineImport(t *testing.T, w *wineEnv) {
	fill := map[string]samples.Profile{"市财政局": samples.Good, "汉滨区": samples.WithWarnings, "市民政局": samples.Good, "汉阴县": samples.WithErrors}
	host, db, dir := wineRound(t, w, `数据 库\xxgk.db`, fill)
	folder := w.c(`报送 材料\第一批`)
	copyInto(t, dir, folder, "2020_市财政局"+wineTemplate, "2020_汉滨区"+wineTemplate)
	read := func(unit string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, "2020_"+unit+wineTemplate))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	zipPath := w.c(`报送 材料\第二批.zip`)
	gbkZip(t, zipPath, map[string][]byte{"报送/市民政局/2020_市民政局_填报表.xlsx": read("市民政局"), "报送/汉阴县坏.xlsx": read("汉阴县")})

	code, out, stderr := w.run(t, "import", "--format", "json", "--db", db, w.win(t, folder), w.win(t, zipPath))
	if code != exitRejected {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, stderr)
	}
	want := map[string]string{
		`C:\报送 材料\第一批\2020_市财政局` + wineTemplate:       "accepted",
		`C:\报送 材料\第一批\2020_汉滨区` + wineTemplate:        "accepted",
		`C:\报送 材料\第二批.zip\报送\市民政局\2020_市民政局_填报表.xlsx`: "accepted",
		`C:\报送 材料\第二批.zip\报送\汉阴县坏.xlsx`:               "rejected",
	}
	if got := importOutcomes(t, out); !equalMaps(got, want) {
		t.Errorf("import outcomes\n got %v\nwant %v", got, want)
	}
	// Recorded as the user, without the computer's name (wine says VM\root).
	st, err := store.Open(context.Background(), host)
	if err != nil {
		t.Fatal(err)
	}
	subs, err := st.Current(context.Background(), "2020")
	rejs, err2 := st.Rejections(context.Background(), "2020")
	st.Close()
	if err != nil || err2 != nil || len(subs) != 3 || len(rejs) != 1 {
		t.Fatalf("stored %d submissions, %d rejections (%v %v)", len(subs), len(rejs), err, err2)
	}
	for _, by := range []string{subs[0].ImportedBy, rejs[0].ImportedBy} {
		if by == "" || strings.Contains(by, `\`) {
			t.Errorf("recorded operator %q", by)
		}
	}

	// Outputs into C:\ paths with a Chinese folder name and a space.
	outDir := `C:\输出 目录`
	for _, c := range [][]string{
		{"report", "--out", outDir + `\通报.pdf`},
		{"report", "--out", outDir + `\汇总报告.xlsx`},
		{"export", "--out", outDir + `\明细.xlsx`},
		{"export", "--out", outDir + `\明细.csv`},
		{"feedback", "--out", outDir + `\反馈`},
	} {
		if code, out, stderr := w.run(t, append(c, "--db", db)...); code != 0 {
			t.Errorf("%s: exit %d\n%s\n%s", strings.Join(c, " "), code, out, stderr)
		}
	}
	if text := pdfText(t, w.c(outDir+`\通报.pdf`)); !strings.Contains(text, "市财政局") {
		t.Errorf("通报.pdf: %.200s", text)
	}
	for _, x := range []string{`\汇总报告.xlsx`, `\明细.xlsx`} {
		f, err := excelize.OpenFile(w.c(outDir + x))
		if err != nil {
			t.Errorf("%s: %v", x, err)
			continue
		}
		rows, _ := f.GetRows(f.GetSheetList()[0])
		if len(rows) < 2 {
			t.Errorf("%s: %d rows", x, len(rows))
		}
		f.Close()
	}
	if b, _ := os.ReadFile(w.c(outDir + `\明细.csv`)); !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Errorf("明细.csv has no UTF-8 BOM")
	}
	letters, _ := filepath.Glob(filepath.Join(w.c(outDir+`\反馈`), "*.pdf"))
	if len(letters) != 36 {
		t.Errorf("%d letters, want 36", len(letters))
	}

	// status --format csv > file, the way cmd.exe redirects: exactly what the Linux build
	// writes for the same database, with the BOM and CRLF that Excel needs.
	csvPath := outDir + `\状态.csv`
	redirect := exec.Command("wine", "cmd", "/c", w.win(t, w.exe), "status", "--format", "csv", "--db", db, ">", csvPath)
	redirect.Env = w.env
	if out, err := redirect.CombinedOutput(); err != nil {
		t.Fatalf("cmd /c status > 状态.csv: %v\n%s", err, out)
	}
	got, err := os.ReadFile(w.c(csvPath))
	if err != nil {
		t.Fatal(err)
	}
	_, linux, _ := runCmd(t, "status", "--format", "csv", "--db", host)
	if string(got) != linux {
		t.Errorf("status csv under Windows differs from Linux:\n%q\n%q", got[:min(len(got), 120)], linux[:min(len(linux), 120)])
	}
	if !bytes.HasPrefix(got, []byte("\xef\xbb\xbfunit,kind,status")) || !bytes.Contains(got, []byte("\r\n市财政局,")) {
		t.Errorf("状态.csv is not UTF-8 with BOM and CRLF: %q", got[:min(len(got), 80)])
	}
}

func equalMaps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// wineHeld: files held open by Excel or WPS (no sharing). Writing over one says so, names
// it, exits 2 and leaves the old file and no temporary file; importing one is 未能读取,
// no refusal, nothing recorded.
func wineHeld(t *testing.T, w *wineEnv) {
	fill := map[string]samples.Profile{"市财政局": samples.Good, "汉阴县": samples.WithErrors}
	host, db, dir := wineRound(t, w, `占用 测试\xxgk.db`, fill)
	in := w.c(`占用 测试\报送`)
	copyInto(t, dir, in, "2020_市财政局"+wineTemplate, "2020_汉阴县"+wineTemplate)
	if code, out, stderr := w.run(t, "import", "--db", db, w.win(t, filepath.Join(in, "2020_市财政局"+wineTemplate))); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, stderr)
	}
	outDir := w.c(`占用 测试\输出`)
	tplDir := w.c(`占用 测试\模板`)
	winOut := w.win(t, outDir)
	steps := []struct {
		name   string
		args   []string
		held   string // host path
		prefix string // stderr before the reason
	}{
		{"export", []string{"export", "--out", winOut + `\明细.xlsx`}, filepath.Join(outDir, "明细.xlsx"), "xxgk: 无法写入导出文件 " + winOut + `\明细.xlsx：`},
		{"report", []string{"report", "--out", winOut + `\通报.pdf`}, filepath.Join(outDir, "通报.pdf"), "xxgk: 无法写入报告 " + winOut + `\通报.pdf：`},
		{"feedback", []string{"feedback", "--out", winOut + `\反馈`}, filepath.Join(outDir, "反馈", "2020_市财政局_反馈.pdf"), "xxgk: 1 个单位的反馈未能写出：\n市财政局：无法写入 " + winOut + `\反馈\2020_市财政局_反馈.pdf：`},
		{"templates", []string{"templates", "--out", w.win(t, tplDir), "--round", "2020", "--deadline", "2020-09-20"}, filepath.Join(tplDir, "2020_市财政局"+wineTemplate), "xxgk: 1 个单位的模板未能写出：\n市财政局：无法写入 " + w.win(t, tplDir) + `\2020_市财政局` + wineTemplate + "："},
	}
	for _, s := range steps {
		// First written freely, then again over the held file.
		if code, out, stderr := w.run(t, append(s.args, "--db", db)...); code != 0 {
			t.Fatalf("%s: exit %d\n%s%s", s.name, code, out, stderr)
		}
		before, err := os.ReadFile(s.held)
		if err != nil {
			t.Fatal(err)
		}
		release := w.hold(t, s.held)
		code, _, stderr := w.run(t, append(s.args, "--db", db)...)
		release()
		if want := s.prefix + oserr.InUseReason + "\n"; code != exitFailed || !strings.HasSuffix(stderr, want) || strings.Count(stderr, "xxgk: ") != 1 {
			t.Errorf("%s over a held file: exit %d\n got %q\nwant %q", s.name, code, stderr, want)
		}
		if after, _ := os.ReadFile(s.held); !bytes.Equal(before, after) {
			t.Errorf("%s: the held file changed", s.name)
		}
		if tmp := leftovers(t, filepath.Dir(s.held)); len(tmp) > 0 {
			t.Errorf("%s: temporary files left: %v", s.name, tmp)
		}
	}

	// A held file with errors in it: had it been read, it would be a refusal of 汉阴县.
	statusBefore := hostStatus(t, host)
	held := filepath.Join(in, "2020_汉阴县"+wineTemplate)
	release := w.hold(t, held)
	code, out, stderr := w.run(t, "import", "--db", db, w.win(t, in))
	_, jout, _ := w.run(t, "import", "--format", "json", "--db", db, w.win(t, held))
	release()
	wantOut := "✘ 未能读取 " + w.win(t, held) + " — 文件未经检查，不算退回\n    错误：无法读取文件：" + oserr.InUseReason + "\n"
	if code != exitRejected || !strings.Contains(out, wantOut) || !strings.Contains(out, "共 2 个文件：未变化 1，未能读取 1\n") {
		t.Errorf("import of a held file: exit %d\n%s\n%s", code, out, stderr)
	}
	if want := "xxgk: 1 个文件未能导入，详见上面的结果；其中 1 个文件未能读取（未记为退回），处理后重新运行同一命令即可\n"; stderr != want {
		t.Errorf("import stderr %q, want %q", stderr, want)
	}
	if strings.Contains(out, "Sharing violation") || strings.Contains(out, "open ") || strings.Contains(out, "已退回") {
		t.Errorf("import speaks of a refusal or the system's words:\n%s", out)
	}
	if got := importOutcomes(t, jout); got[w.win(t, held)] != "unreadable" {
		t.Errorf("import --format json of a held file: %v", got)
	}
	if after := hostStatus(t, host); after != statusBefore {
		t.Errorf("status changed by an unreadable file:\n%s\n%s", statusBefore, after)
	}
	// A held zip is no damaged archive either.
	zipPath := filepath.Join(w.c(`占用 测试`), "第二批.zip")
	b, err := os.ReadFile(held)
	if err != nil {
		t.Fatal(err)
	}
	gbkZip(t, zipPath, map[string][]byte{"汉阴县.xlsx": b})
	release = w.hold(t, zipPath)
	code, out, _ = w.run(t, "import", "--db", db, w.win(t, zipPath))
	release()
	if want := "✘ 未能读取 " + w.win(t, zipPath) + " — 文件未经检查，不算退回\n    错误：无法读取文件：" + oserr.InUseReason + "\n"; code != exitRejected || !strings.Contains(out, want) {
		t.Errorf("import of a held zip: exit %d\n%s", code, out)
	}
	if after := hostStatus(t, host); after != statusBefore {
		t.Errorf("status changed by an unreadable zip")
	}

	// Closed, the same command reads it: now it is a refusal, with its annotated copy.
	errs := w.c(`占用 测试\退回`)
	if code, out, _ := w.run(t, "import", "--db", db, "--errors-dir", w.win(t, errs), w.win(t, held)); code != exitRejected || !strings.Contains(out, "✘ 已退回 ") {
		t.Errorf("import once closed: exit %d\n%s", code, out)
	}
	// The annotated copy of the last run open in Excel: said so, and the import goes on.
	errCopy := filepath.Join(errs, "2020_汉阴县"+wineTemplate)
	release = w.hold(t, errCopy)
	code, out, _ = w.run(t, "import", "--db", db, "--errors-dir", w.win(t, errs), w.win(t, held))
	release()
	if want := "    未能生成批注副本：无法写入 " + w.win(t, errCopy) + "：" + oserr.InUseReason + "\n"; code != exitRejected || !strings.Contains(out, want) {
		t.Errorf("errors-dir copy held: exit %d\n%s\nwant %q", code, out, want)
	}
	if tmp, _ := filepath.Glob(filepath.Join(errs, "*.tmp")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

// hostStatus is status --format json of the database, read by the Linux build.
func hostStatus(t *testing.T, db string) string {
	t.Helper()
	code, out, stderr := runCmd(t, "status", "--format", "json", "--db", db)
	if code != 0 {
		t.Fatalf("status: exit %d %s", code, stderr)
	}
	return out
}

// wineLongPath: a folder path of more than 260 characters (MAX_PATH) for the database,
// the templates, the inputs and the outputs. (The Linux build cannot hold this database:
// SQLite's Unix file names stop at 512 bytes, and this one is longer in UTF-8.)
func wineLongPath(t *testing.T, w *wineEnv) {
	rel := `长路径`
	for len([]rune(`C:\`+rel)) < 270 {
		rel += `\第二十层文件夹名称较长的目录`
	}
	if err := os.MkdirAll(w.c(rel), 0o755); err != nil {
		t.Fatal(err)
	}
	long := w.win(t, w.c(rel))
	db := "sqlite:" + long + `\xxgk.db`
	if code, out, stderr := w.run(t, "templates", "--db", db, "--out", long+`\模板`, "--round", "2020", "--deadline", "2020-09-20"); code != 0 {
		t.Fatalf("templates into a long path: exit %d\n%s%s", code, out, stderr)
	}
	in := w.c(rel + `\报送`)
	fillFrom(t, w.c(rel+`\模板`), in, "2020", "市财政局", samples.Good, 1, "2020_市财政局"+wineTemplate)
	if n := len([]rune(w.win(t, in))); n <= 260 {
		t.Fatalf("path of %d characters", n)
	}
	if code, out, stderr := w.run(t, "import", "--db", db, w.win(t, in)); code != 0 || !strings.Contains(out, "✔ 已接收 ") {
		t.Fatalf("import from a long path: exit %d\n%s%s", code, out, stderr)
	}
	for _, c := range [][]string{
		{"export", "--out", long + `\输出\明细.xlsx`},
		{"report", "--out", long + `\输出\通报.pdf`},
	} {
		if code, o, stderr := w.run(t, append(c, "--db", db)...); code != 0 {
			t.Errorf("%s into a long path: exit %d\n%s%s", c[0], code, o, stderr)
		}
	}
	for _, f := range []string{`\输出\明细.xlsx`, `\输出\通报.pdf`} {
		if _, err := os.Stat(w.c(rel + f)); err != nil {
			t.Error(err)
		}
	}
}

// wineConcurrent: two imports at once into one SQLite file, as two colleagues might.
func wineConcurrent(t *testing.T, w *wineEnv) {
	a := []string{"市财政局", "市民政局", "市审计局", "市人社局"}
	b := []string{"汉滨区", "汉阴县", "石泉县", "宁陕县"}
	fill := map[string]samples.Profile{}
	for _, u := range append(slices.Clone(a), b...) {
		fill[u] = samples.Good
	}
	host, db, dir := wineRound(t, w, `并发 测试\xxgk.db`, fill)
	var cmds []*exec.Cmd
	var outs []*bytes.Buffer
	for i, units := range [][]string{a, b} {
		folder := w.c(fmt.Sprintf(`并发 测试\第%d批`, i+1))
		var names []string
		for _, u := range units {
			names = append(names, "2020_"+u+wineTemplate)
		}
		copyInto(t, dir, folder, names...)
		cmd := w.command("import", "--db", db, w.win(t, folder))
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds, outs = append(cmds, cmd), append(outs, &out)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("import %d: %v\n%s", i+1, err, outs[i])
		}
	}
	entries, _ := statusJSON(t, host)
	submitted := 0
	for _, en := range entries {
		if en.Status == string(xxgk.Submitted) || en.Status == string(xxgk.Late) {
			submitted++
		}
	}
	if submitted != len(fill) {
		t.Errorf("%d units submitted after two imports at once, want %d\n%s\n%s", submitted, len(fill), outs[0], outs[1])
	}
}
