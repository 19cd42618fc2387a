package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/pdf"
)

func feedbackCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "feedback",
		Usage:     "为每个单位生成一份 PDF 反馈（未报送单位生成催报通知）",
		UsageText: "xxgk feedback --out 目录 [--round 轮次] [--font 字体文件] [--reply-by 整改期限] [--issuer 发文机关] [--date 成文日期]",
		Flags: withGlobals(append([]cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "输出目录，每个单位一个 PDF"},
			roundFlag(),
			fontFlag(),
		}, noticeFlags()...)...),
		Action: func(c *cli.Context) error {
			if err := required(c, "out"); err != nil {
				return err
			}
			return runFeedback(c, e, c.String("out"), c.String("font"))
		},
	}
}

func runFeedback(c *cli.Context, e *env, dir, font string) error {
	ctx := c.Context
	set, err := pdfFonts(e, font)
	if err != nil {
		return err
	}
	s, cat, err := readSummary(c)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return failf("无法创建输出目录 %s：%v", dir, unwrapPath(err))
	}
	notice, err := resolveNotice(c, e, s.Round, true)
	if err != nil {
		return err
	}
	opt := pdf.Options{Fonts: set, Date: e.Now(), Notice: notice}
	paths, failed := writeFeedback(ctx, s, cat, opt, dir)
	for i, u := range s.Units {
		if paths[i] != "" {
			fmt.Fprintf(e.Stdout, "%s\t%s\t%s\t%s\n", u.Unit.Short, u.State.Label(), u.Rate(), paths[i])
		}
	}
	if err := ctx.Err(); err != nil {
		return failf("已中断：%v", err)
	}
	if len(failed) > 0 {
		return failf("%d 个单位的反馈未能写出：\n%s", len(failed), strings.Join(failed, "\n"))
	}
	fmt.Fprintf(e.Stdout, "%d 份反馈已生成到 %s（轮次 %s：已报送 %d 个，其中逾期 %d 个；未报送 %d 个，已生成催报通知）\n",
		len(s.Units), dir, s.Round.ID, s.Submitted, s.Late, s.Missing)
	return nil
}

// writeFeedback writes one PDF per unit, on all cores: each document parses and subsets
// its fonts on its own, which is the bulk of the time.
func writeFeedback(ctx context.Context, s xxgk.Summary, cat *xxgk.Catalog, opt pdf.Options, dir string) (paths, failed []string) {
	paths = make([]string, len(s.Units))
	errs := make([]error, len(s.Units))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				u := s.Units[i]
				path := filepath.Join(dir, pdf.FeedbackFileName(s.Round, u.Unit))
				if errs[i] = writeFileAtomic(path, func(f *os.File) error { return pdf.Feedback(f, s, u, cat, opt) }); errs[i] == nil {
					paths[i] = path
				}
			}
		}()
	}
	for i := range s.Units {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			failed = append(failed, fmt.Sprintf("%s：%v", s.Units[i].Unit.Short, err))
		}
	}
	return paths, failed
}
