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
	"xxgk/templates"
	"xxgk/termtable"
)

func feedbackCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "feedback",
		Usage:     "为每个单位生成一份 PDF 反馈（未报送单位生成催报通知）",
		UsageText: "xxgk feedback --out 目录 [--round 轮次] [--font 字体文件] [--reply-by 整改期限] [--issuer 发文机关] [--date 成文日期] [--as-of 统计截至日期]",
		Flags: withGlobals(append([]cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "输出目录：每个单位一份 PDF；未报送单位旁附其填报模板，文件被退回的单位旁附标注后的退回文件"},
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
	st, err := openExistingStore(c)
	if err != nil {
		return err
	}
	defer st.Close()
	s, cat, err := loadSummary(c, st)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return failf("无法创建输出目录 %s：%v", dir, unwrapPath(err))
	}
	notice, err := resolveNotice(c, e, st, s.Round, true)
	if err != nil {
		return err
	}
	uncheckedHint(e, s)
	key, err := st.TemplateKey(ctx)
	if err != nil {
		return failf("无法读取模板校验密钥：%v", err)
	}
	tw := templates.NewWriter()
	opt := pdf.Options{Fonts: set, Date: e.Now(), Office: notice.IssuerFor(s.Round), Notice: notice}
	tw.Key, tw.Now, tw.Issuer, tw.ReplyBy = key.Secret, e.Now, opt.Office, notice.ReplyBy
	out := writeFeedback(ctx, s, cat, opt, dir, st, tw)
	var failed []string
	for i, u := range s.Units {
		o := out[i]
		if o.letter != "" {
			// Tab-separated for scripts; unit names and paths come from the operator's
			// files, so each field is printed with control characters escaped.
			fields := []string{u.Unit.Short, u.State.Label(), u.Rate(), o.letter}
			if o.beside != "" {
				fields = append(fields, o.beside)
			}
			for i := range fields {
				fields[i] = termtable.Safe(fields[i])
			}
			fmt.Fprintln(e.Stdout, strings.Join(fields, "\t"))
		}
		if o.err != nil {
			failed = append(failed, fmt.Sprintf("%s：%v", u.Unit.Short, o.err))
		}
	}
	if err := ctx.Err(); err != nil {
		return err // run turns any error after Ctrl-C into its 已中断 message and exit 130
	}
	if len(failed) > 0 {
		return failf("%d 个单位的反馈未能写出：\n%s", len(failed), strings.Join(failed, "\n"))
	}
	fmt.Fprintf(e.Stdout, "%d 份反馈已生成到 %s（%s：已报送 %d 个，其中逾期 %d 个；未报送 %d 个，已生成催报通知并附填报模板或退回文件）\n",
		len(s.Units), dir, s.Round.YearLabel(), s.Submitted, s.Late, s.Missing)
	return nil
}

// letterOut is what was written for one unit: its letter, the file beside it, or why not.
type letterOut struct {
	letter, beside string
	err            error
}

// writeFeedback writes one letter per unit, and beside it the unit's blank template (a
// unit that never reported) or its refused file annotated (a unit whose latest file was
// sent back), on all cores.
func writeFeedback(ctx context.Context, s xxgk.Summary, cat *xxgk.Catalog, opt pdf.Options, dir string, files rejectionFiles, tw *templates.Writer) []letterOut {
	out := make([]letterOut, len(s.Units))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				u := s.Units[i]
				o := &out[i]
				uopt := opt
				name, short, write, err := besideFile(ctx, s, cat, u, files, tw, opt)
				if err == nil && name != "" {
					path := filepath.Join(dir, name)
					if err = writeFileAtomic(path, write); err == nil {
						o.beside, uopt.Beside, uopt.BesideListOnly = path, name, short
					} else {
						err = fmt.Errorf("无法写入 %s：%w", path, err)
					}
				}
				if err != nil {
					o.err = err
					continue
				}
				path := filepath.Join(dir, pdf.FeedbackFileName(s.Round, u.Unit))
				if err := writeFileAtomic(path, func(f *os.File) error { return pdf.Feedback(f, s, u, cat, uopt) }); err != nil {
					o.err = fmt.Errorf("无法写入 %s：%w", path, err)
				} else {
					o.letter = path
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
	return out
}
