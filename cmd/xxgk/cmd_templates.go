package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/store"
	"xxgk/templates"
)

func templatesCommand(e *env) *cli.Command {
	def := xxgk.DefaultContact
	return &cli.Command{
		Name:      "templates",
		Usage:     "为每个单位生成 Excel 填报模板，并在数据库中记录本轮报送",
		UsageText: "xxgk templates --out 目录 [--round 轮次] [--deadline 日期] [--unit 单位 ...]",
		Description: "每个单位一个 .xlsx：填报说明、只含本单位指标的填报表，以及导入时核对用的隐藏信息。\n" +
			"同时把轮次（编号、标题、截止日期、联系方式）和所用的指标表、单位名单记入数据库，\n" +
			"导入时按下发时的指标核对。同一轮次已有单位提交后，指标表或单位名单不能再变，需换新的 --round。\n" +
			"不给 --round 时为当年的轮次（北京时间的年份）；新轮次必须给出 --deadline，截止日期不能早于轮次所在年份，\n" +
			"也不能在两年以后，已过的日期会给出警告。例如：xxgk templates --out 模板/ --round 2026 --deadline 2026-09-20\n" +
			"县区默认参照整张指标表（--county-scope full），--county-scope mandatory 只含写有“各县区”的指标。",
		Flags: withGlobals(
			&cli.StringFlag{Name: "out", Usage: "输出目录，不存在时自动创建"},
			&cli.StringSliceFlag{Name: "unit", Usage: "只生成这些单位的模板（简称、全称、编码或别名，可重复）；默认全部单位"},
			&cli.StringFlag{Name: "round", Usage: "轮次编号，默认为当年年份（北京时间），如 2026"},
			&cli.StringFlag{Name: "deadline", Usage: "报送截止日期，如 2026-09-20；登记新轮次时必须给出，已登记的轮次默认沿用原日期"},
			&cli.StringFlag{Name: "title", Value: xxgk.DefaultRoundTitle, Usage: "模板标题"},
			countyScopeFlag(),
			&cli.StringFlag{Name: "contact-office", Value: def.Office, Usage: "联系单位（印在填报说明上）"},
			&cli.StringFlag{Name: "contact-people", Value: def.People, Usage: "联系人"},
			&cli.StringFlag{Name: "contact-phone", Value: def.Phone, Usage: "联系电话"},
			&cli.StringFlag{Name: "contact-email", Value: def.Email, Usage: "接收报送的电子邮箱"},
			&cli.StringFlag{Name: "portal-url", Usage: "网上报送地址，印在填报说明上，如 https://xxgk.example.gov.cn/（本轮次记住，给空值清除；催报和反馈同样使用）"},
		),
		Action: func(c *cli.Context) error {
			if err := required(c, "out"); err != nil {
				return err
			}
			opts, err := templatesOptionsFrom(c, e)
			if err != nil {
				return err
			}
			cat, err := loadCatalog(c)
			if err != nil {
				return err
			}
			if err := applyCountyScope(c, cat); err != nil {
				return err
			}
			units, err := resolveUnits(cat, c.StringSlice("unit"))
			if err != nil {
				return err
			}
			st, err := openStore(c)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := keepRecordedRound(c, e, st, &opts.Round); err != nil {
				return err
			}
			if !isSet(c, "indicators") && opts.Round.ID != xxgk.BuiltinRoundID {
				e.hint("使用内置的 2020 年指标表，可用 --indicators 指定新表")
			}
			return runTemplates(c.Context, e, st, cat, units, opts)
		},
	}
}

// templatesOptions is what `xxgk templates` does, read from its flags.
type templatesOptions struct {
	Out   string
	Round xxgk.Round
	// Portal is --portal-url when given (PortalSet), to remember with the round.
	Portal    string
	PortalSet bool
}

// templatesOptionsFrom reads the flags. Without --round the round is the current year's;
// the deadline stays zero when --deadline is not given (keepRecordedRound fills it in from
// the recorded round, or refuses a new round without one).
func templatesOptionsFrom(c *cli.Context, e *env) (templatesOptions, error) {
	id := strings.TrimSpace(c.String("round"))
	if c.IsSet("round") && id == "" {
		return templatesOptions{}, failf("--round 不能为空")
	}
	if id == "" {
		id = xxgk.DefaultRoundID(e.Now())
	}
	var deadline time.Time
	if c.IsSet("deadline") {
		var err error
		deadline, err = xxgk.ParseTextDate(c.String("deadline"))
		if err != nil {
			return templatesOptions{}, failf("截止日期“%s”无法识别，请写成 %s-09-20 的形式", c.String("deadline"), id[:min(4, len(id))])
		}
	}
	portal := strings.TrimSpace(c.String("portal-url"))
	if portal != "" {
		if err := xxgk.CheckPortalURL(portal); err != nil {
			return templatesOptions{}, failf("--portal-url 的值“%s”不对：%v", xxgk.Visible(portal, 200), err)
		}
	}
	return templatesOptions{
		Portal: portal, PortalSet: c.IsSet("portal-url"),
		Out: c.String("out"),
		Round: xxgk.Round{
			ID:       id,
			Title:    strings.TrimSpace(c.String("title")),
			Deadline: deadline,
			Contact: xxgk.Contact{
				Office: strings.TrimSpace(c.String("contact-office")),
				People: strings.TrimSpace(c.String("contact-people")),
				Phone:  strings.TrimSpace(c.String("contact-phone")),
				Email:  strings.TrimSpace(c.String("contact-email")),
			},
			Created: e.Now(),
		},
	}, nil
}

// keepRecordedRound makes re-issuing templates of a recorded round (one unit's, say) keep
// the round's deadline, title and contact unless a flag changes them; a changed deadline
// is announced, since it decides which units are late. A new round needs --deadline:
// nothing falls back to 2020's. A deadline given is checked (xxgk.CheckDeadline).
func keepRecordedRound(c *cli.Context, e *env, st *store.Store, r *xxgk.Round) error {
	if c.IsSet("deadline") {
		warning, err := xxgk.CheckDeadline(r.ID, r.Deadline, e.Now())
		if err != nil {
			return failf("%v", err)
		}
		if warning != "" {
			fmt.Fprintln(e.Stderr, "警告："+warning)
		}
	}
	old, _, err := st.Round(c.Context, r.ID)
	if errors.Is(err, store.ErrNotFound) {
		if !c.IsSet("deadline") {
			year := xxgk.RoundYear(r.ID)
			if year == 0 {
				year = e.Now().In(xxgk.ChinaTime).Year()
			}
			return failf("轮次 %s 尚未登记，请用 --deadline 给出报送截止日期，例如 --deadline %d-09-20（已登记的轮次见 xxgk rounds）", r.ID, year)
		}
		return nil
	}
	if err != nil {
		return failf("无法读取轮次“%s”：%v", r.ID, err)
	}
	if !c.IsSet("deadline") {
		r.Deadline = old.Deadline
	} else if !r.Deadline.Equal(old.Deadline) {
		e.hint(fmt.Sprintf("轮次 %s 的截止日期由 %s 改为 %s，各单位是否逾期将按新日期判断", r.ID, xxgk.ChineseDate(old.Deadline), xxgk.ChineseDate(r.Deadline)))
	}
	if !c.IsSet("title") {
		r.Title = old.Title
	}
	keep := func(flag string, field *string, recorded string) {
		if !c.IsSet(flag) {
			*field = recorded
		}
	}
	keep("contact-office", &r.Contact.Office, old.Contact.Office)
	keep("contact-people", &r.Contact.People, old.Contact.People)
	keep("contact-phone", &r.Contact.Phone, old.Contact.Phone)
	keep("contact-email", &r.Contact.Email, old.Contact.Email)
	return nil
}

// resolveUnits maps --unit names (any spelling) to units, in the order given and without
// repeats; no names means every unit.
func resolveUnits(cat *xxgk.Catalog, names []string) ([]xxgk.Unit, error) {
	if len(names) == 0 {
		return cat.Units.All(), nil
	}
	var out []xxgk.Unit
	seen := map[string]bool{}
	for _, n := range names {
		u, err := findUnit(cat, n)
		if err != nil {
			return nil, err
		}
		if !seen[u.Code] {
			seen[u.Code] = true
			out = append(out, u)
		}
	}
	return out, nil
}

// runTemplates checks the output directory, records the round with its catalog, and
// writes one workbook per unit. The round is recorded only once the directory is known
// to be writable, so a failed run leaves no round behind that was never sent out.
func runTemplates(ctx context.Context, e *env, st *store.Store, cat *xxgk.Catalog, units []xxgk.Unit, opts templatesOptions) error {
	if err := writableDir(opts.Out); err != nil {
		return err
	}
	// The key first: a round recorded before the key exists counts as one whose
	// templates went out unsigned.
	key, err := st.TemplateKey(ctx)
	if err != nil {
		return failf("无法读取模板校验密钥：%v", err)
	}
	if err := st.SaveRound(ctx, opts.Round, cat); err != nil {
		if errors.Is(err, store.ErrRoundInUse) {
			return failf("%v：用 --round 指定，例如 --round %s-2。如只是补发本轮模板，请使用与上次相同的指标表、单位名单和 --county-scope", err, opts.Round.ID)
		}
		return failf("无法在数据库中记录轮次“%s”：%v", opts.Round.ID, err)
	}

	portal, err := templatesPortal(ctx, e, st, opts)
	if err != nil {
		return err
	}
	results := writeAll(ctx, opts, key.Secret, portal, cat, units)
	written := 0
	var failed []string
	for i, res := range results {
		u := units[i]
		switch {
		case errors.Is(res.err, templates.ErrNoIndicators):
			fmt.Fprintf(e.Stderr, "跳过 %s：按当前指标表没有需要建设的指标\n", u.Short)
		case res.err != nil:
			failed = append(failed, fmt.Sprintf("%s：%v", u.Short, res.err))
		default:
			written++
			fmt.Fprintf(e.Stdout, "%s\t%d 项指标\t%s\n", u.Short, res.count, res.path)
		}
	}
	if len(failed) > 0 {
		return failf("%d 个单位的模板未能写出：\n%s", len(failed), strings.Join(failed, "\n"))
	}
	if err := ctx.Err(); err != nil {
		return err // run turns any error after Ctrl-C into its 已中断 message and exit 130
	}
	_, err = fmt.Fprintf(e.Stdout, "%d 个单位模板已生成到 %s（轮次 %s，截止 %s）\n",
		written, opts.Out, opts.Round.ID, xxgk.ChineseDate(opts.Round.Deadline))
	return err
}

// templatesPortal is the portal address the 填报说明 prints: --portal-url when given,
// remembered with the round's other paper settings, else what the round remembers.
func templatesPortal(ctx context.Context, e *env, st *store.Store, opts templatesOptions) (string, error) {
	n, err := st.Notice(ctx, opts.Round.ID)
	if err != nil {
		return "", failf("读取轮次“%s”的发文设置失败：%v", opts.Round.ID, err)
	}
	if opts.PortalSet && opts.Portal != n.PortalURL {
		n.PortalURL = opts.Portal
		if err := st.SaveNotice(ctx, opts.Round.ID, n); err != nil {
			return "", failf("保存轮次“%s”的发文设置失败：%v", opts.Round.ID, err)
		}
		if opts.Portal == "" {
			fmt.Fprintf(e.Stdout, "已记住轮次 %s 的发文设置：网上报送地址已清除\n", opts.Round.ID)
		} else {
			fmt.Fprintf(e.Stdout, "已记住轮次 %s 的发文设置：网上报送地址“%s”\n", opts.Round.ID, opts.Portal)
		}
	}
	return n.PortalLink(), nil
}

// writableDir creates dir and proves a file can be written in it.
func writableDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return failf("无法创建输出目录 %s：%v", dir, unwrapPath(err))
	}
	f, err := os.CreateTemp(dir, ".xxgk-probe-*")
	if err != nil {
		return failf("输出目录 %s 不可写：%v", dir, unwrapPath(err))
	}
	name := f.Name()
	f.Close() // empty and only removed: a close error changes nothing
	if err := os.Remove(name); err != nil {
		return failf("输出目录 %s 中的临时文件 %s 无法删除：%v", dir, filepath.Base(name), unwrapPath(err))
	}
	return nil
}

type writeResult struct {
	path  string
	count int
	err   error
}

// writeAll writes the workbooks on as many workers as there are CPUs; results keep the
// units' order so the output reads the same every run.
func writeAll(ctx context.Context, opts templatesOptions, key []byte, portal string, cat *xxgk.Catalog, units []xxgk.Unit) []writeResult {
	results := make([]writeResult, len(units))
	tw := templates.NewWriter()
	tw.Key, tw.PortalURL = key, portal
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(units)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = writeOne(tw, opts, cat, units[i])
			}
		}()
	}
	for i := range units {
		if ctx.Err() != nil {
			results[i].err = ctx.Err()
			continue
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// writeOne writes a unit's workbook; writeFileAtomic keeps an interrupted run from leaving
// a truncated workbook under the final name.
func writeOne(tw *templates.Writer, opts templatesOptions, cat *xxgk.Catalog, u xxgk.Unit) writeResult {
	path := filepath.Join(opts.Out, templates.FileName(opts.Round, u))
	if err := writeFileAtomic(path, func(f *os.File) error { return tw.Write(f, opts.Round, cat, u) }); err != nil {
		return writeResult{err: err}
	}
	return writeResult{path: path, count: len(cat.For(u))}
}
