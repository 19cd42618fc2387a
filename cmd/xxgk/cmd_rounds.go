package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/exporter"
	"xxgk/store"
	"xxgk/termtable"
)

func roundsCommand(e *env) *cli.Command {
	del := &cli.Command{
		Name:      "delete",
		Usage:     "删除误登记的轮次（例如 --round 写错），只限没有任何报送、退回、核查和更正的轮次",
		UsageText: "xxgk rounds delete 轮次",
		Description: "删除该轮次登记的指标表、单位名单和发文设置。已有单位报送、被退回、核查过或更正过的轮次不能删除，\n" +
			"会说明其中有什么。已发出的该轮模板此后无法导入。\n\n" + helpExitCodes,
		Flags:              withGlobals(),
		CustomHelpTemplate: commandHelpTemplate,
		OnUsageError:       func(_ *cli.Context, err error, _ bool) error { return err },
		Action:             func(c *cli.Context) error { return runRoundsDelete(c, e) },
	}
	return &cli.Command{
		Name:      "rounds",
		Usage:     "列出数据库中的轮次：编号、标题、截止日期、单位数、已报送单位数、创建时间；rounds delete 删除误登记的轮次",
		UsageText: "xxgk rounds [--format table|json]",
		Description: "最近创建的轮次排在最前。status、export、report、feedback 等不给 --round 时，用最近创建的、已有单位报送的轮次；\n" +
			"还没有任何报送时用最近创建的轮次。新的一年用 xxgk templates --round 年份 --deadline 日期 登记新轮次。\n" +
			"子命令：\n" +
			"   delete  删除误登记的轮次：xxgk rounds delete 2027（只限没有任何报送、退回和核查的轮次）",
		Subcommands: []*cli.Command{del},
		Flags: withGlobals(
			&cli.StringFlag{Name: "format", Value: "table", Usage: "输出格式：table（表格）或 json"},
		),
		Action: func(c *cli.Context) error {
			format, err := checkFormat(c, "table", "json")
			if err != nil {
				return err
			}
			if c.NArg() > 0 {
				return failf("没有子命令“%s”。用法：%s，或 xxgk rounds delete 轮次", c.Args().First(), c.Command.UsageText)
			}
			st, err := openExistingStore(c)
			if err != nil {
				return err
			}
			defer st.Close()
			rs, err := st.RoundOverview(c.Context)
			if err != nil {
				return failf("读取轮次失败：%v", err)
			}
			if format == "json" {
				return writeRoundsJSON(e.Stdout, rs)
			}
			return writeRoundsTable(e.Stdout, rs)
		},
	}
}

func writeRoundsTable(w io.Writer, rs []store.RoundInfo) error {
	if len(rs) == 0 {
		_, err := fmt.Fprintln(w, "数据库中还没有任何轮次。请先运行 xxgk templates --round 年份 --deadline 日期 生成模板（会同时登记轮次）")
		return err
	}
	t := termtable.New("轮次", "标题", "截止日期", "单位数", "已报送", "创建时间").AlignRight(3, 4)
	t.MaxWidth(1, 40)
	for _, r := range rs {
		t.Row(r.ID, r.Title, xxgk.FormatDate(r.Deadline), strconv.Itoa(r.Units), strconv.Itoa(r.Submitted),
			exporter.FormatTime(r.Created))
	}
	if err := t.Render(w); err != nil {
		return err
	}
	def, why := defaultRound(rs)
	_, err := fmt.Fprintf(w, "\n共 %d 个轮次；不给 --round 时各命令使用轮次 %s（%s）\n", len(rs), def.ID, why)
	return err
}

// runRoundsDelete removes one round recorded by mistake.
func runRoundsDelete(c *cli.Context, e *env) error {
	if c.NArg() != 1 {
		return failf("请给出要删除的一个轮次编号，例如：xxgk rounds delete 2027（已有的轮次见 xxgk rounds）")
	}
	id := c.Args().First()
	st, err := openExistingStore(c)
	if err != nil {
		return err
	}
	defer st.Close()
	switch err := st.DeleteRound(c.Context, id); {
	case errors.Is(err, store.ErrNotFound):
		return failf("数据库中没有轮次“%s”（已有的轮次见 xxgk rounds）", id)
	case errors.Is(err, store.ErrRoundHolds):
		return failf("%v。有报送或退回的轮次不能删除；不想再用它时，其他命令加 --round 指定要用的轮次", err)
	case err != nil:
		return failf("%v", err)
	}
	_, err = fmt.Fprintf(e.Stdout, "已删除轮次 %s（其登记的指标表、单位名单和发文设置）\n", id)
	return err
}

// roundJSON is the JSON form; its keys are a documented interface for scripts.
type roundJSON struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Deadline  string `json:"deadline"`
	Units     int    `json:"units"`
	Submitted int    `json:"submitted"`
	Created   string `json:"created"`
}

func writeRoundsJSON(w io.Writer, rs []store.RoundInfo) error {
	out := make([]roundJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, roundJSON{ID: r.ID, Title: r.Title, Deadline: xxgk.FormatDate(r.Deadline), Units: r.Units,
			Submitted: r.Submitted, Created: jsonTime(r.Created)})
	}
	return encodeJSON(w, out)
}
