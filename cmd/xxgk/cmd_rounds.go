package main

import (
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
	return &cli.Command{
		Name:      "rounds",
		Usage:     "列出数据库中的轮次：编号、标题、截止日期、单位数、已报送单位数、创建时间",
		UsageText: "xxgk rounds [--format table|json]",
		Description: "最近创建的轮次排在最前；status、export、report、feedback 不给 --round 时用的就是它。\n" +
			"新的一年用 xxgk templates --round 年份 --deadline 日期 登记新轮次。",
		Flags: withGlobals(
			&cli.StringFlag{Name: "format", Value: "table", Usage: "输出格式：table（表格）或 json"},
		),
		Action: func(c *cli.Context) error {
			format, err := checkFormat(c, "table", "json")
			if err != nil {
				return err
			}
			if c.NArg() > 0 {
				return failf("多余的参数：%s。用法：%s", c.Args().First(), c.Command.UsageText)
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
	_, err := fmt.Fprintf(w, "\n共 %d 个轮次；不给 --round 时各命令使用最近创建的轮次 %s\n", len(rs), rs[0].ID)
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
