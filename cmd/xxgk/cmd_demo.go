package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"xxgk"
	"xxgk/fonts"
	"xxgk/samples"
	"xxgk/store"
	"xxgk/templates"
)

func demoCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "demo",
		Usage:     "用内置 SQLite 演示全流程：生成模板 → 模拟各单位填报 → 导入 → 核查网址 → 统计 → 报告 → 反馈",
		UsageText: "xxgk demo [--dir 目录]",
		Description: "在 --dir 下生成全部文件（默认 ./xxgk-demo），数据库为其中的 xxgk-demo.db（每次运行重新创建）。\n" +
			"模拟的报送：多数单位按时报送，部分有警告、部分逾期、部分填写有误被退回后补报，另有几个单位未报送。\n" +
			"只有在本命令行上给出 --db 时才改用该数据库（不使用环境变量 XXGK_DB，以免把演示数据写进正式数据库）；已有轮次的数据库一律拒绝（退出码 2，不做任何改动）。没有中文字体时跳过 PDF 步骤，其余照常完成，并说明如何安装字体。",
		Flags:  demoFlags(),
		Action: func(c *cli.Context) error { return runDemo(c, e) },
	}
}

// demoFlags are the demo's own and the global ones, with --db saying what the demo really
// uses: its own database in --dir, not ./xxgk.db, and never XXGK_DB.
func demoFlags() []cli.Flag {
	fs := withGlobals(
		&cli.StringFlag{Name: "dir", Value: "xxgk-demo", Usage: "演示输出目录"},
		fontFlag(),
		&cli.BoolFlag{Name: "serve", Usage: "最后在本机启动网上报送（127.0.0.1:8080），打印单位和办公室的登录地址与访问码，按 Ctrl-C 停止"},
	)
	for i, f := range fs {
		if f.Names()[0] == "db" {
			fs[i] = &cli.StringFlag{Name: "db", Usage: "演示用的数据库：sqlite:文件路径，或 mysql://用户[:密码]@tcp(主机:端口)/库名，只用本命令行上给出的值（不读环境变量）",
				DefaultText: "sqlite:" + filepath.Join("xxgk-demo", demoMarker) + "，即 --dir 中的 " + demoMarker + "，每次运行重新创建"}
		}
	}
	return fs
}

// The demo round runs on the 2020 calendar: units fill in early September, the first batch
// arrives before the 20 September deadline, the second after it.
var (
	demoIssued = time.Date(2020, 9, 8, 9, 0, 0, 0, xxgk.ChinaTime)
	demoOnTime = time.Date(2020, 9, 18, 10, 0, 0, 0, xxgk.ChinaTime)
	demoLate   = time.Date(2020, 9, 25, 15, 30, 0, 0, xxgk.ChinaTime)
	demoReport = time.Date(2020, 9, 28, 9, 0, 0, 0, xxgk.ChinaTime)
)

// demoPlan says what one unit does in the demo.
type demoPlan struct {
	first, second *samples.Profile // nil: nothing sent in that batch
	note          string
}

// planFor spreads the situations the office meets over the unit list, the same every run.
func planFor(i int) demoPlan {
	p := func(pr samples.Profile) *samples.Profile { return &pr }
	switch {
	case i%9 == 4:
		return demoPlan{note: "未报送"}
	case i == 2 || i == 17:
		return demoPlan{first: p(samples.WithErrors), second: p(samples.Good), note: "填写有误被退回，截止后改正补报"}
	case i == 27:
		return demoPlan{first: p(samples.WithErrors), note: "填写有误被退回，未再报送"}
	case i == 9 || i == 33:
		return demoPlan{second: p(samples.Good), note: "逾期报送"}
	case i == 0:
		return demoPlan{first: p(samples.Good), second: p(samples.WithWarnings), note: "按时报送后又提交了修改版"}
	case i%5 == 1:
		return demoPlan{first: p(samples.WithWarnings), note: "按时报送，有警告"}
	case i%7 == 3:
		return demoPlan{first: p(samples.TextDates), note: "按时报送，日期以文字填写"}
	}
	return demoPlan{first: p(samples.Good), note: "按时报送"}
}

func runDemo(c *cli.Context, e *env) error {
	dir := c.String("dir")
	paths := demoPaths{
		templates: filepath.Join(dir, "1-模板"),
		onTime:    filepath.Join(dir, "2-各单位报送", "第一批-截止前"),
		late:      filepath.Join(dir, "2-各单位报送", "第二批-截止后.zip"),
		rejected:  filepath.Join(dir, "3-退回修改"),
		reports:   filepath.Join(dir, "4-报告"),
		feedback:  filepath.Join(dir, "5-反馈"),
	}
	// The demo invents submissions: it uses a database only when --db is given on its
	// command line, never the XXGK_DB of the office's real work, and never one that
	// already holds a round.
	db, _ := given(c, "db")
	if db != "" {
		if err := demoDBFree(c, db); err != nil {
			return err
		}
	}
	if err := demoDirFree(dir); err != nil {
		return err
	}
	if err := paths.reset(); err != nil {
		return failf("无法准备演示目录 %s：%v", dir, unwrapPath(err))
	}
	if db == "" {
		file := filepath.Join(dir, demoMarker)
		for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
			if err := os.Remove(file + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return failf("无法删除上次演示的数据库 %s：%v", file+suffix, unwrapPath(err))
			}
		}
		db = "sqlite:" + file
	}
	_, _, fontErr := findFonts(e, c.String("font"))

	step := func(title string) { fmt.Fprintf(e.Stdout, "\n==== %s ====\n", title) }
	// Every step works from the demo's own indicator table and unit list: a --units or
	// --indicators given on the demo's command line goes to each step (the environment
	// variables reach them anyway), or the templates would hold other units than
	// the ones the demo fills in.
	prefix := []string{"xxgk", "--db", db}
	for _, name := range []string{"indicators", "units"} {
		if v, ok := given(c, name); ok {
			prefix = append(prefix, "--"+name, v)
		}
	}
	sub := func(at time.Time, args ...string) int {
		se := *e
		if !at.IsZero() {
			se.Now = func() time.Time { return at }
		}
		return run(c.Context, append(slices.Clone(prefix), args...), &se)
	}
	must := func(code int, what string) error {
		if code != exitOK {
			return failf("演示在“%s”一步失败（退出码 %d），见上面的信息", what, code)
		}
		return nil
	}

	step("第 1 步：为每个单位生成填报模板，并在数据库中登记 2020 年轮次")
	if err := must(sub(demoIssued, "templates", "--out", paths.templates, "--round", "2020", "--deadline", "2020-09-20"), "生成模板"); err != nil {
		return err
	}

	step("第 2 步：模拟各单位填报（按时、逾期、有误、未报送）")
	wrong, err := fillDemo(c, e, paths)
	if err != nil {
		return err
	}

	step("第 3 步：导入第一批（截止日前，2020年9月18日）；有误的文件退回到 " + paths.rejected)
	if err := demoImport(c, e, db, demoOnTime, paths, paths.onTime, wrong[0], "导入第一批"); err != nil {
		return err
	}
	step("第 4 步：导入第二批（截止日后，2020年9月25日，中文 Windows 打包的 zip）")
	if err := demoImport(c, e, db, demoLate, paths, paths.late, wrong[1], "导入第二批"); err != nil {
		return err
	}

	step("第 5 步：核查各单位填报的栏目网址（本机演示网站，2020年9月28日）")
	if err := must(demoVerify(c.Context, e, db, demoReport), "核查栏目网址"); err != nil {
		return err
	}

	step("第 6 步：报送情况")
	if err := must(sub(demoReport, "status"), "报送情况"); err != nil {
		return err
	}

	step("第 7 步：导出明细和 Excel 汇总报告")
	if err := must(sub(demoReport, "export", "--out", filepath.Join(paths.reports, "明细.csv")), "导出明细"); err != nil {
		return err
	}
	if err := must(sub(demoReport, "report", "--out", filepath.Join(paths.reports, "汇总报告.xlsx")), "Excel 汇总报告"); err != nil {
		return err
	}

	pdfDone := false
	step("第 8 步：PDF 通报和各单位反馈")
	if fontErr != nil {
		fmt.Fprintln(e.Stdout, "跳过：没有可用的中文字体（原因和办法见最后）")
	} else {
		args := func(a ...string) []string {
			if c.String("font") != "" {
				a = append(a, "--font", c.String("font"))
			}
			return a
		}
		if err := must(sub(demoReport, args("report", "--out", filepath.Join(paths.reports, "通报.pdf"),
			"--doc-number", "安电政办字〔2020〕6号", "--reply-by", "2020-10-09", "--cc", "市政府办公室，各县区人民政府办公室")...), "PDF 通报"); err != nil {
			return err
		}
		if err := must(sub(demoReport, args("feedback", "--out", paths.feedback)...), "各单位反馈"); err != nil {
			return err
		}
		pdfDone = true
	}

	step("完成：文件位置")
	fmt.Fprintf(e.Stdout, "数据库        %s\n", store.Redact(db))
	fmt.Fprintf(e.Stdout, "填报模板      %s\n", paths.templates)
	fmt.Fprintf(e.Stdout, "模拟报送      %s，%s\n", paths.onTime, paths.late)
	fmt.Fprintf(e.Stdout, "退回修改      %s（问题单元格标红并加批注）\n", paths.rejected)
	fmt.Fprintf(e.Stdout, "明细与汇总    %s\n", paths.reports)
	if pdfDone {
		fmt.Fprintf(e.Stdout, "各单位反馈    %s\n", paths.feedback)
	} else {
		fmt.Fprintf(e.Stdout, "\n未生成 PDF 通报和反馈：%v\n", fontErr)
		if !errors.Is(fontErr, fonts.ErrNoFont) {
			fmt.Fprintln(e.Stdout, "可改用其他字体重新运行，例如 Debian/Ubuntu：sudo apt-get install fonts-wqy-microhei；或用 --font 指定 .ttf 字体或 .ttc 中的一个字体。")
		}
	}
	if c.Bool("serve") {
		step("第 9 步：网上报送（本机）")
		return demoServe(c.Context, e, db, dir, "127.0.0.1:8080")
	}
	return nil
}

// demoMarker is the demo's own database file; a folder holding it was made by the demo.
const demoMarker = "xxgk-demo.db"

// demoDirFree refuses a folder with other content, so that `demo --dir .` cannot replace
// someone's 1-模板 folder.
func demoDirFree(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || len(entries) == 0 {
		return nil
	}
	if err != nil {
		return failf("无法读取演示目录 %s：%v", dir, unwrapPath(err))
	}
	if _, err := os.Stat(filepath.Join(dir, demoMarker)); err == nil {
		return nil
	}
	return failf("演示目录 %s 已有其他文件，演示会覆盖其中的同名文件夹。请用 --dir 指定一个新的或空的目录", dir)
}

type demoPaths struct {
	templates, onTime, late, rejected, reports, feedback string
}

// reset removes what an earlier demo wrote in these places, and nothing else.
func (p demoPaths) reset() error {
	for _, d := range []string{p.templates, filepath.Dir(p.onTime), p.rejected, p.reports, p.feedback} {
		if err := os.RemoveAll(d); err != nil && removeTree(d) != nil {
			return err
		}
	}
	for _, d := range []string{p.templates, p.onTime, p.rejected, p.reports, p.feedback} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	return nil
}

// removeTree removes dir file by file, deepest first: os.RemoveAll's Windows deletion
// (FileDispositionInformationEx) fails under wine 8 with "Invalid function", which
// would stop a second demo run there.
func removeTree(dir string) error {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, p)
		}
		return err
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for i := len(paths) - 1; i >= 0; i-- {
		if err := os.Remove(paths[i]); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// fillDemo fills the generated templates as the units would and files them in two batches:
// a folder before the deadline and, after it, a zip whose names are GBK-encoded without
// the UTF-8 flag, the way Chinese Windows writes them.
//
// It returns, per batch, the names of the files filled with errors on purpose.
func fillDemo(c *cli.Context, e *env, paths demoPaths) (wrong [2][]string, err error) {
	cat, err := loadCatalog(c)
	if err != nil {
		return wrong, err
	}
	round := xxgk.Round{ID: "2020"}
	var late bytes.Buffer
	zw := zip.NewWriter(&late)
	enc := simplifiedchinese.GBK.NewEncoder()
	counts := map[string]int{}
	for i, u := range cat.Units.All() {
		plan := planFor(i)
		counts[plan.note]++
		name := templates.FileName(round, u)
		tpl, err := os.ReadFile(filepath.Join(paths.templates, name))
		if err != nil {
			return wrong, failf("读取模板 %s 失败：%v", name, unwrapPath(err))
		}
		rnd := rand.New(rand.NewPCG(2020, uint64(i)))
		if plan.first != nil {
			if *plan.first == samples.WithErrors {
				wrong[0] = append(wrong[0], name)
			}
			data, err := samples.Fill(tpl, *plan.first, rnd)
			if err != nil {
				return wrong, failf("模拟填报 %s 失败：%v", u.Short, err)
			}
			if err := os.WriteFile(filepath.Join(paths.onTime, name), data, 0o644); err != nil {
				return wrong, failf("写入 %s 失败：%v", name, unwrapPath(err))
			}
		}
		if plan.second != nil {
			if *plan.second == samples.WithErrors {
				wrong[1] = append(wrong[1], name)
			}
			data, err := samples.Fill(tpl, *plan.second, rnd)
			if err != nil {
				return wrong, failf("模拟填报 %s 失败：%v", u.Short, err)
			}
			gbk, err := enc.String("补报/" + name)
			if err != nil {
				return wrong, failf("文件名 %s 无法用 GBK 编码：%v", name, err)
			}
			w, err := zw.CreateHeader(&zip.FileHeader{Name: gbk, Method: zip.Deflate, NonUTF8: true, Modified: demoLate})
			if err != nil {
				return wrong, failf("写入压缩包失败：%v", err)
			}
			if _, err := w.Write(data); err != nil {
				return wrong, failf("写入压缩包失败：%v", err)
			}
		}
	}
	if err := zw.Close(); err != nil {
		return wrong, failf("写入压缩包失败：%v", err)
	}
	if err := os.WriteFile(paths.late, late.Bytes(), 0o644); err != nil {
		return wrong, failf("写入 %s 失败：%v", paths.late, unwrapPath(err))
	}
	var parts []string
	for _, n := range []string{"按时报送", "按时报送，有警告", "按时报送，日期以文字填写", "按时报送后又提交了修改版", "逾期报送", "填写有误被退回，截止后改正补报", "填写有误被退回，未再报送", "未报送"} {
		if counts[n] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 个", n, counts[n]))
		}
	}
	fmt.Fprintf(e.Stdout, "%d 个单位：%s\n", cat.Units.Len(), strings.Join(parts, "；"))
	fmt.Fprintf(e.Stdout, "第一批（文件夹）：%s\n第二批（压缩包）：%s\n", paths.onTime, paths.late)
	return wrong, nil
}
