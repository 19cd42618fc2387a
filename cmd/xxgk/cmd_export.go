package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/exporter"
)

func exportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "导出各单位当前报送的全部明细行（.csv 或 .xlsx）",
		UsageText: "xxgk export --out 明细.csv|明细.xlsx [--round ID]",
		Description: "每个单位当前版本的每一行一条记录，列为：" + strings.Join(exporter.DetailColumns, "、") + "。\n" +
			"CSV 为带 BOM 的 UTF-8，Excel 双击即可正确打开；以 = + - @ 开头的单元格前加单引号，防止被当作公式执行。\n\n" + helpExitCodes,
		Flags: withGlobals(
			&cli.StringFlag{Name: "out", Usage: "输出文件，扩展名 .csv 或 .xlsx 决定格式"},
			roundFlag(),
		),
		Action: func(c *cli.Context) error {
			if err := required(c, "out"); err != nil {
				return err
			}
			return runExport(c, e)
		},
	}
}

func runExport(c *cli.Context, e *env) error {
	out := c.String("out")
	var write func(w io.Writer, rows []exporter.Detail) error
	var round xxgk.Round   // known once the summary is read, before write is called
	var notice xxgk.Notice // the round's remembered issuer names the workbook's maker
	switch strings.ToLower(filepath.Ext(out)) {
	case ".csv":
		write = exporter.WriteCSV
	case ".xlsx":
		write = func(w io.Writer, rows []exporter.Detail) error {
			return exporter.WriteDetailsXLSX(w, rows, exporter.WithRound(round), exporter.WithDate(e.Now()), exporter.WithIssuer(notice.IssuerFor(round)))
		}
	default:
		return failf("--out 的扩展名应为 .csv 或 .xlsx，而不是“%s”", filepath.Ext(out))
	}
	st, err := openExistingStore(c)
	if err != nil {
		return err
	}
	defer st.Close()
	s, cat, err := loadSummary(c, st)
	if err != nil {
		return err
	}
	round = s.Round
	if notice, err = resolveNotice(c, e, st, round, false); err != nil {
		return err
	}
	rows := exporter.Details(s, cat)
	if err := writeFileAtomic(out, func(f *os.File) error { return write(f, rows) }); err != nil {
		return failf("无法写入导出文件 %s：%v", out, err)
	}
	fmt.Fprintf(e.Stdout, "已导出 %d 行明细（轮次 %s，%d 个单位已报送，%d 个未报送）：%s\n",
		len(rows), s.Round.ID, s.Submitted, s.Missing, out)
	if len(rows) == 0 {
		fmt.Fprintln(e.Stdout, "提示：该轮次还没有任何报送数据，文件中只有表头。请先运行 xxgk import 导入填报的工作簿。")
	}
	return nil
}
