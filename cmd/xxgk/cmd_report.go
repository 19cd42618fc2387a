package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"xxgk/exporter"
	"xxgk/fonts"
	"xxgk/pdf"
)

func reportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "report",
		Usage:     "生成汇总报告：Excel 汇总表（.xlsx）或可打印的 PDF 通报（.pdf）",
		UsageText: "xxgk report --out 报告.xlsx|通报.pdf [--round ID] [--font 字体文件] [--doc-number 文号] [--issuer 发文机关] [--date 成文日期] [--as-of 统计截至日期] [--reply-by 整改期限] [--cc 抄送机关]",
		Flags: withGlobals(append([]cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "输出文件，扩展名 .xlsx 或 .pdf 决定格式"},
			roundFlag(),
			fontFlag(),
		}, noticeFlags()...)...),
		Action: func(c *cli.Context) error {
			if err := required(c, "out"); err != nil {
				return err
			}
			out := c.String("out")
			ext := strings.ToLower(filepath.Ext(out))
			if ext != ".xlsx" && ext != ".pdf" {
				return failf("--out 的扩展名应为 .xlsx 或 .pdf，而不是“%s”", filepath.Ext(out))
			}
			var set *fonts.Set
			if ext == ".pdf" { // fail before touching the database when no font can be had
				var err error
				if set, err = pdfFonts(e, c.String("font")); err != nil {
					return err
				}
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
			notice, err := resolveNotice(c, e, st, s.Round, ext == ".pdf")
			if err != nil {
				return err
			}
			uncheckedHint(e, s)
			write := func(f *os.File) error {
				return exporter.ReportXLSX(f, s, cat, exporter.WithDate(e.Now()), exporter.WithAsOf(notice.AsOfDay(e.Now())), exporter.WithIssuer(notice.IssuerFor(s.Round)))
			}
			if ext == ".pdf" {
				opt := pdf.Options{Fonts: set, Date: e.Now(), Notice: notice}
				write = func(f *os.File) error { return pdf.Report(f, s, cat, opt) }
			}
			if err := writeFileAtomic(out, write); err != nil {
				return failf("无法写入报告 %s：%v", out, err)
			}
			fmt.Fprintf(e.Stdout, "报告已生成：%s（轮次 %s，%d 个单位，已报送 %d，未报送 %d）\n", out, s.Round.ID, len(s.Units), s.Submitted, s.Missing)
			return nil
		},
	}
}
