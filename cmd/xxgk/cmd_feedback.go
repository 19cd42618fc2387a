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
	"xxgk/store"
	"xxgk/templates"
	"xxgk/termtable"
)

func feedbackCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "feedback",
		Usage:     "为每个单位生成一份 PDF 反馈（未报送单位生成催报通知）",
		UsageText: "xxgk feedback --out 目录 [--round 轮次] [--font 字体文件] [--reply-by 整改期限] [--issuer 发文机关] [--date 成文日期] [--portal-url 地址 [--codes]]",
		Description: "设置了网上报送地址（--portal-url，本轮次记住）时，每份反馈和催报都写明该地址。\n" +
			"访问码只在生成或重置时显示一次，因此反馈单默认只写“用办公室发给你单位的访问码登录”；\n" +
			"加 --codes 则为每个单位重置访问码，新码只印在该单位自己的反馈单上（通报中从不出现），旧码立即失效——\n" +
			"这样的反馈单请只发给该单位本身。重置记入审计日志（xxgk audit）。",
		Flags: withGlobals(append([]cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "输出目录：每个单位一份 PDF；未报送单位旁附其填报模板，文件被退回的单位旁附标注后的退回文件"},
			roundFlag(),
			fontFlag(),
			&cli.BoolFlag{Name: "codes", Usage: "为每个单位重置网上报送访问码并印在它自己的反馈单上（旧码失效；需已设置 --portal-url）"},
			operatorFlag(),
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
	key, err := st.TemplateKey(ctx)
	if err != nil {
		return failf("无法读取模板校验密钥：%v", err)
	}
	codes, err := letterCodes(c, e, st, s, cat, notice)
	if err != nil {
		return err
	}
	tw := templates.NewWriter()
	opt := pdf.Options{Fonts: set, Date: e.Now(), Office: notice.IssuerFor(s.Round), Notice: notice}
	tw.Key, tw.Now, tw.Issuer, tw.PortalURL = key.Secret, e.Now, opt.Office, notice.PortalLink()
	out := writeFeedback(ctx, s, cat, opt, dir, st, tw, codes)
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
	if len(codes) > 0 {
		fmt.Fprintf(e.Stdout, "已为 %d 个单位重置网上报送访问码，新码只印在各单位自己的反馈单上，旧码已失效。请只把反馈单发给该单位本身。\n", len(codes))
	}
	return nil
}

// letterCodes makes fresh access codes for every unit when --codes is given, to print in
// each unit's own letter: codes are shown only when made, so a letter can carry one only
// by making it. Without --codes the letters say to use the code the office issued.
func letterCodes(c *cli.Context, e *env, st *store.Store, s xxgk.Summary, cat *xxgk.Catalog, n xxgk.Notice) (map[string]string, error) {
	if !c.Bool("codes") {
		return nil, nil
	}
	if n.PortalLink() == "" {
		return nil, failf("--codes 把网上报送访问码印在反馈单上，需先设置网上报送地址：加 --portal-url 地址（本轮次记住）")
	}
	units := make([]string, len(s.Units))
	for i, u := range s.Units {
		units[i] = u.Unit.Code
	}
	issued, err := st.ResetUnitCodes(c.Context, s.Round.ID, units, store.Correction{Operator: operatorOf(c, e), At: e.Now()})
	if err != nil {
		return nil, failf("重置访问码失败：%v", err)
	}
	auditCLI(c, e, st, xxgk.AuditAccess, s.Round.ID, "feedback --codes："+issuedDetail(cat, issued, true))
	out := make(map[string]string, len(issued))
	for _, ic := range issued {
		out[ic.Holder.Unit] = ic.Code
	}
	return out, nil
}

// letterOut is what was written for one unit: its letter, the file beside it, or why not.
type letterOut struct {
	letter, beside string
	err            error
}

// writeFeedback writes one letter per unit, and beside it the unit's blank template (a
// unit that never reported) or its refused file annotated (a unit whose latest file was
// sent back), on all cores.
func writeFeedback(ctx context.Context, s xxgk.Summary, cat *xxgk.Catalog, opt pdf.Options, dir string, files rejectionFiles, tw *templates.Writer, codes map[string]string) []letterOut {
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
				uopt.AccessCode = codes[u.Unit.Code] // only ever this unit's own
				name, short, write, err := besideFile(ctx, s, cat, u, files, tw, opt)
				if err == nil && name != "" {
					path := filepath.Join(dir, name)
					if err = writeFileAtomic(path, write); err == nil {
						o.beside, uopt.Beside, uopt.BesideListOnly = path, name, short
					}
				}
				if err != nil {
					o.err = err
					continue
				}
				path := filepath.Join(dir, pdf.FeedbackFileName(s.Round, u.Unit))
				if o.err = writeFileAtomic(path, func(f *os.File) error { return pdf.Feedback(f, s, u, cat, uopt) }); o.err == nil {
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
