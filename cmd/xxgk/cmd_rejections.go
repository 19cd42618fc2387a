package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/exporter"
	"xxgk/termtable"
)

func rejectionsCommand(e *env) *cli.Command {
	clear := &cli.Command{
		Name:      "clear",
		Usage:     "清除误记的退回记录（例如导入了空白模板或别的轮次的文件），历史中仍保留并注明已清除",
		UsageText: "xxgk rejections clear [--round 轮次] [--operator 操作人] [--note 说明] 单位|--all",
		Description: "清除后，状态、报告和反馈单不再提及这些被退回的文件；xxgk history 中它们仍在，注明“退回记录已清除”。\n" +
			"此后再被退回的文件照常记录。",
		Flags: withGlobals(
			roundFlag(),
			&cli.BoolFlag{Name: "all", Usage: "清除本轮所有单位的退回记录"},
			operatorFlag(),
			noteFlag(),
		),
		CustomHelpTemplate: commandHelpTemplate,
		OnUsageError:       func(_ *cli.Context, err error, _ bool) error { return err },
		Action:             func(c *cli.Context) error { return runRejectionsClear(c, e) },
	}
	clear.Description += "\n\n" + helpExitCodes
	return &cli.Command{
		Name:      "rejections",
		Usage:     "列出本轮仍计入的退回记录；rejections clear 清除误记的退回记录",
		UsageText: "xxgk rejections [--round 轮次]",
		Description: "列出本轮中被退回、且仍计入状态和反馈单的文件（每个单位一行）。\n" +
			"子命令：\n" +
			"   clear  清除误记的退回记录：xxgk rejections clear 单位 或 xxgk rejections clear --all（详见 xxgk rejections clear --help）",
		Flags: withGlobals(roundFlag()),
		Subcommands: []*cli.Command{
			clear,
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return failf("没有子命令“%s”。用法：%s", c.Args().First(), c.Command.UsageText)
			}
			s, _, err := readSummary(c)
			if err != nil {
				return err
			}
			return writeRejections(e.Stdout, s)
		},
	}
}

// writeRejections lists the units whose refused files still count, as status shows them.
func writeRejections(w io.Writer, s xxgk.Summary) error {
	t := termtable.New("单位", "状态", "退回文件数", "最近退回的文件", "退回时间", "错误数").AlignRight(2, 5)
	for _, u := range s.Units {
		if u.Rejected.Count == 0 {
			continue
		}
		last := u.Rejected.Last
		t.Row(u.Unit.Short, u.State.Label(), strconv.Itoa(u.Rejected.Count), last.FileName,
			exporter.FormatTime(last.At), strconv.Itoa(last.Errors))
	}
	if t.Len() == 0 {
		_, err := fmt.Fprintf(w, "轮次 %s 没有计入的退回记录。\n", s.Round.ID)
		return err
	}
	fmt.Fprintf(w, "轮次 %s：%d 个单位有被退回的文件\n\n", s.Round.ID, t.Len())
	if err := t.Render(w); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "\n误记的退回（如导入了空白模板）可用 xxgk rejections clear 单位 清除，历史中仍保留。")
	return err
}

// runRejectionsClear clears one unit's refusals, or every unit's with --all.
func runRejectionsClear(c *cli.Context, e *env) error {
	if c.Bool("all") {
		if c.NArg() > 0 {
			return failf("--all 与单位名称“%s”只能给一个。用法：%s", c.Args().First(), c.Command.UsageText)
		}
		st, err := openExistingStore(c)
		if err != nil {
			return err
		}
		defer st.Close()
		r, cat, err := selectRound(c, st)
		if err != nil {
			return err
		}
		by := correctionOf(c, e)
		cleared, err := st.ClearRejections(c.Context, r.ID, nil, by)
		if err != nil {
			return correctionFailed(e, err, xxgk.Unit{}, "清除退回记录")
		}
		total := 0
		for _, u := range cat.Units.All() {
			if n := cleared[u.Code]; n > 0 {
				total += n
				fmt.Fprintf(e.Stdout, "%s\t清除 %d 条\n", u.Short, n)
			}
		}
		_, err = fmt.Fprintf(e.Stdout, "已清除轮次 %s 中 %d 个单位的 %d 条退回记录（操作人 %s），历史中仍保留\n", r.ID, len(cleared), total, by.Operator)
		return err
	}
	st, r, _, u, err := roundUnit(c)
	if err != nil {
		return err
	}
	defer st.Close()
	by := correctionOf(c, e)
	cleared, err := st.ClearRejections(c.Context, r.ID, []string{u.Code}, by)
	if err != nil {
		return correctionFailed(e, err, u, "清除退回记录")
	}
	_, err = fmt.Fprintf(e.Stdout, "已清除 %s 的 %d 条退回记录（轮次 %s，操作人 %s），历史中仍保留\n", u.Short, cleared[u.Code], r.ID, by.Operator)
	return err
}
