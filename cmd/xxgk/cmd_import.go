package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/importer"
	"xxgk/importstore"
	"xxgk/store"
	"xxgk/termtable"
)

func importCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "导入各单位填好的工作簿（文件、文件夹或 .zip），逐格检查后存入数据库",
		ArgsUsage: "PATH...",
		Description: "PATH 可以是工作簿、文件夹（含子文件夹）或 .zip 压缩包（支持中文 Windows 的 GBK 文件名）。\n" +
			"轮次、单位和每一行对应的指标只从模板的隐藏信息和“指标编码”列识别，不看文件名和行号。\n" +
			"有任何错误的文件整个退回、不写入任何内容；接收的文件成为该单位的新版本，与已存版本相同则“未变化”。\n" +
			"每个文件输出一行结果（✔ 已接收 / = 未变化 / ✘ 已退回或未能读取 / ○ 空白模板或未采用），问题逐条缩进列在下面，最后一行为汇总。\n" +
			"未填写的空白模板跳过，不算退回；同一单位有多个文件时以保存时间最晚的为准（文件属性中的保存时间，否则为文件修改时间）。\n\n" +
			importExitCodes,
		Flags: withGlobals(
			&cli.StringFlag{Name: "round", Usage: "只接收该轮次的文件（默认按各文件模板中记录的轮次导入）"},
			&cli.BoolFlag{Name: "dry-run", Usage: "只检查，不写入数据库"},
			&cli.StringFlag{Name: "errors-dir", Usage: "把被退回的工作簿复制到此文件夹：问题单元格标红并加批注，首页为“问题清单”，可直接发回单位修改（原文件不会被改动）"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "只输出被退回（或保存失败）的文件和最后的汇总"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "输出格式：text，或 json（每个文件一行 JSON：file、unit、outcome、version、current、note、problems，供脚本使用；汇总写到标准错误）"},
		),
		Action: func(c *cli.Context) error { return runImportCmd(c, e) },
	}
}

func runImportCmd(c *cli.Context, e *env) error {
	paths := c.Args().Slice()
	format, err := checkFormat(c, "text", "json")
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return failf("请指定要导入的文件、文件夹或 .zip 压缩包，例如：xxgk import 报送/")
	}
	if err := checkSplitPath("import", paths); err != nil {
		return err
	}
	st, err := openExistingStore(c)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := checkImportTargets(c, st); err != nil {
		return err
	}
	key, err := st.TemplateKey(c.Context)
	if err != nil {
		return failf("无法读取模板校验密钥：%v", err)
	}
	p := &importPrinter{out: e.Stdout, errw: e.Stderr, bar: e.StderrTTY, now: e.Now, user: e.User, quiet: c.Bool("quiet"), json: format == "json"}
	if !c.Bool("dry-run") {
		// Not cancelled by Ctrl-C: the refusals of the files that were handled still count.
		save := context.WithoutCancel(c.Context)
		p.saveRejections = func(rs []xxgk.Rejection) error { return st.SaveRejections(save, rs) }
	}
	opts := importer.Options{
		Rounds:    importstore.Rounds(st),
		Saver:     importstore.Saver(st),
		Now:       e.Now,
		User:      e.User,
		Round:     c.String("round"),
		DryRun:    c.Bool("dry-run"),
		ErrorsDir: c.String("errors-dir"),
		Progress:  p.progress,
		Key:       key,
		BatchSize: e.ImportBatch,
	}
	tot, err := importer.Import(c.Context, opts, paths, p.result)
	p.clearBar()
	if !errors.Is(err, importer.ErrStop) { // a locked database would only make this wait again
		p.flushRejections()
	}
	if tot.Files > 0 {
		p.summary(tot, opts)
	}
	switch {
	case c.Context.Err() != nil:
		return interrupted(tot)
	case err != nil:
		return failf("%v", err)
	case tot.OtherDatabase > 0:
		return failf("%s", otherDatabaseAdvice(tot, value(c, "db")))
	case tot.Unreadable > 0:
		return rejected("%d 个文件未能导入，详见上面的结果；其中 %d 个文件未能读取（未记为退回），处理后重新运行同一命令即可", tot.Rejected+tot.Failed+tot.Unreadable, tot.Unreadable)
	case tot.Rejected+tot.Failed > 0:
		return rejected("%d 个文件未能导入，详见上面的结果", tot.Rejected+tot.Failed)
	}
	return nil
}

// checkImportTargets fails early, before any file is read, on what is the office's side
// to fix: a database without rounds (wrong --db?), an unknown --round, an --errors-dir
// that cannot be written. Otherwise every file would be rejected as if units were at fault.
func checkImportTargets(c *cli.Context, st *store.Store) error {
	rounds, err := st.Rounds(c.Context)
	if err != nil {
		return failf("读取轮次失败：%v", err)
	}
	if len(rounds) == 0 {
		return failf("数据库 %s 中还没有任何轮次，无法核对报送文件。是否 --db 写错了？新的一轮请先用 xxgk templates 生成模板", store.Redact(value(c, "db")))
	}
	if id := c.String("round"); id != "" {
		known := false
		for _, r := range rounds {
			known = known || r.ID == id
		}
		if !known {
			return failf("数据库中没有轮次“%s”。请检查 --round 参数（可用 xxgk status --round 轮次 查看）", id)
		}
	}
	if dir := c.String("errors-dir"); dir != "" {
		if err := writableDir(dir); err != nil {
			return err
		}
	}
	return nil
}

// importPrinter writes one block per file to stdout and, on a terminal with many files,
// a progress bar on stderr that is cleared before each block.
type importPrinter struct {
	out, errw io.Writer
	now       func() time.Time
	user      string
	// rejections are the refused files whose unit and round were identified, waiting to
	// be recorded by saveRejections (nil in a dry run) a few at a time: they carry the files.
	rejections     []xxgk.Rejection
	saveRejections func([]xxgk.Rejection) error
	bar            bool         // stderr is a terminal: a bar may be drawn
	quiet          bool         // only refused files and the summary
	json           bool         // one JSON object per file on out; the summary on errw
	warnings       int          // warnings printed; an unchanged file's were shown when it was accepted
	pb             *progressBar // nil until a run with barMin files reports progress
}

// barMin is how many files make a progress bar worth drawing.
const barMin = 20

func (p *importPrinter) progress(done, total int) {
	if !p.bar || total < barMin {
		return
	}
	if p.pb == nil {
		p.pb = newProgressBar(p.errw, "导入中", total)
	}
	p.pb.total = total
	p.pb.set(done)
}

// rejectionBatch is how many refused files are recorded at once.
const rejectionBatch = 20

// flushRejections records the refused files so far. They are kept so that status and
// feedback know the unit tried and can return its file annotated; a failure here loses no
// submission, so it is said and the run goes on.
func (p *importPrinter) flushRejections() {
	if p.saveRejections != nil && len(p.rejections) > 0 {
		if err := p.saveRejections(p.rejections); err != nil {
			p.clearBar()
			fmt.Fprintf(p.errw, "xxgk: 无法记录被退回的文件（不影响已导入的报送）：%v\n", err)
		}
	}
	p.rejections = nil
}

func (p *importPrinter) clearBar() {
	if p.pb != nil {
		p.pb.finish()
	}
}

func (p *importPrinter) result(r importer.Result) {
	p.clearBar()
	if r.Recorded() {
		p.rejections = append(p.rejections, r.Rejection(p.now(), p.user))
		if len(p.rejections) >= rejectionBatch {
			p.flushRejections()
		}
	}
	if p.json {
		p.writeJSON(r)
		return
	}
	if p.quiet && r.Outcome != importer.Rejected && r.Outcome != importer.Failed && r.Outcome != importer.OtherDatabase && r.Outcome != importer.Unreadable {
		return
	}
	// File names, zip entry names and cell values come from units: each line is
	// printed with control characters escaped, so none can forge or clear output.
	fmt.Fprintln(p.out, termtable.Safe(resultLine(r)))
	if r.Note != "" {
		fmt.Fprintln(p.out, "    说明："+termtable.Safe(r.Note))
	}
	for _, pr := range r.Problems {
		if r.Outcome == importer.Unchanged && pr.Severity == xxgk.Warning {
			continue
		}
		if pr.Severity == xxgk.Warning {
			p.warnings++
		}
		fmt.Fprintln(p.out, "    "+termtable.Safe(problemLine(pr)))
	}
	switch {
	case r.ErrorCopy != "":
		fmt.Fprintf(p.out, "    已生成退回副本：%s\n", termtable.Safe(r.ErrorCopy))
	case r.NoCopy != "":
		fmt.Fprintf(p.out, "    %s\n", termtable.Safe(r.NoCopy))
	}
}

// resultLine is the head line of a file: mark, outcome, name, then what it holds.
func resultLine(r importer.Result) string {
	marks := map[importer.Outcome]string{importer.Accepted: "✔", importer.Valid: "✔", importer.Unchanged: "=", importer.Rejected: "✘", importer.Failed: "✘", importer.Blank: "○", importer.Older: "○", importer.OtherDatabase: "?", importer.Unreadable: "✘"}
	s := fmt.Sprintf("%s %s %s", marks[r.Outcome], r.Outcome.Label(), r.Name)
	unit := r.Unit.Short
	counts := fmt.Sprintf("%d 项指标：已开设 %d，未开设 %d，不适用 %d", r.Counts.Assigned, r.Counts.Opened, r.Counts.NotOpened, r.Counts.NotApplicable)
	nErr := len(r.Problems.Only(xxgk.Error))
	switch r.Outcome {
	case importer.Accepted:
		s += fmt.Sprintf(" — %s 第 %d 版，%s", unit, r.Version, counts)
	case importer.Unchanged:
		if r.Withdrawn {
			s += fmt.Sprintf(" — %s 与已存的第 %d 版相同，未写入；该单位的报送已撤回，仍为未报送。如确要恢复此版，请运行 xxgk revert --to %d %s", unit, r.Version, r.Version, unit)
		} else if r.Current > r.Version {
			s += fmt.Sprintf(" — %s 与已存的第 %d 版相同（当前为第 %d 版），未写入。如确要改回此版，请运行 xxgk revert --to %d %s", unit, r.Version, r.Current, r.Version, unit)
		} else {
			s += fmt.Sprintf(" — %s 与已存的第 %d 版相同，未写入", unit, r.Version)
		}
	case importer.Valid:
		s += fmt.Sprintf(" — %s，%s（试运行，未写入）", unit, counts)
	case importer.Rejected:
		if unit != "" {
			s += " — " + unit + "，"
		} else {
			s += " — "
		}
		s += fmt.Sprintf("%d 个错误", nErr)
	case importer.Failed:
		s += fmt.Sprintf(" — %s 检查通过但保存失败：%v（重新运行即可）", unit, r.Err)
	case importer.Unreadable:
		s += " — 文件未经检查，不算退回"
	case importer.Blank:
		s += fmt.Sprintf(" — %s，已跳过：不算报送，也不算退回", unit)
	case importer.Older:
		s += fmt.Sprintf(" — %s，本次导入中有该单位保存时间更晚的文件，此文件未写入", unit)
	case importer.OtherDatabase:
		s += fmt.Sprintf(" — 轮次 %s", r.Round)
	}
	if w := r.Warnings(); w > 0 && r.Outcome != importer.Unchanged {
		s += fmt.Sprintf("，%d 个警告", w)
	}
	return s
}

// otherDatabaseAdvice is the closing line of an import that met templates of another
// database: the operator's mistake, so the run fails (exit 2) and says what to type.
func otherDatabaseAdvice(t importer.Totals, dsn string) string {
	db := store.Redact(dsn)
	if path, ok := strings.CutPrefix(dsn, "sqlite:"); ok && !filepath.IsAbs(path) {
		if abs, err := filepath.Abs(path); err == nil {
			db += "（" + abs + "）"
		}
	}
	return fmt.Sprintf("%d 个文件的模板不是数据库 %s 生成的（轮次 %s），未导入，也未记为退回。"+
		"请在生成这些模板时所用的文件夹中运行，或用 --db 指定当时的数据库，例如：xxgk import --db sqlite:D:\\xxgk\\xxgk.db 文件…（默认数据库是当前文件夹中的 xxgk.db）",
		t.OtherDatabase, db, strings.Join(t.OtherRounds, "、"))
}

// problemLine is a problem without its file name, which the head line already gives.
func problemLine(p xxgk.Problem) string {
	s := p.Severity.Label()
	if w := p.Where(); w != "" {
		s += " " + w
	}
	s += "："
	if p.Value != "" {
		s += fmt.Sprintf("值“%s”，", p.Value)
	}
	return s + p.Message
}

func (p *importPrinter) summary(t importer.Totals, opts importer.Options) {
	parts := []string{}
	add := func(n int, label string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", label, n))
		}
	}
	add(t.Accepted, "已接收")
	add(t.Unchanged, "未变化")
	add(t.Valid, "检查通过")
	add(t.Rejected, "已退回")
	add(t.Failed, "保存失败")
	add(t.Unreadable, "未能读取")
	add(t.Blank, "空白模板（已跳过）")
	add(t.Older, "未采用（同一单位有更新的文件）")
	add(t.OtherDatabase, "其他数据库的模板（未导入）")
	add(t.NotProcessed, "未处理")
	s := fmt.Sprintf("共 %d 个文件：%s", t.Files, strings.Join(parts, "，"))
	if p.warnings > 0 {
		s += fmt.Sprintf("；警告 %d 条", p.warnings)
	}
	if n := len(t.Skipped); n > 0 {
		names := t.Skipped[:min(n, 10)]
		s += fmt.Sprintf("；跳过 %d 个非工作簿文件：%s", n, strings.Join(names, "、"))
		if n > len(names) {
			s += " 等"
		}
	}
	if t.Blank > 0 && t.Blank == t.Files {
		s += "；全部是未填写的空白模板，是否导入了下发用的模板文件夹？"
	}
	if opts.DryRun {
		s += "（试运行，未写入数据库）"
	}
	if opts.ErrorsDir != "" && t.Rejected > 0 {
		s += "；退回副本在 " + opts.ErrorsDir
	}
	out := p.out
	if p.json {
		out = p.errw // stdout stays one JSON object per line
	}
	fmt.Fprintln(out, termtable.Safe(s))
}
