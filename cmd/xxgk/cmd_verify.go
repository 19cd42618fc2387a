package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/store"
	"xxgk/verify"
)

func verifyCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "verify",
		Usage: "核查各单位填报的栏目网址：能否访问、栏目名称、是否空白、是否长期未更新、更新日期是否属实",
		UsageText: "xxgk verify [--round ID] [--unit 单位 ...] [--concurrency 16] [--per-host 2] [--timeout 20s]\n" +
			"   [--allow-host 主机 ...] [--insecure] [--browser [浏览器路径]] [--format table|csv|json]",
		Description: "逐个打开当前报送中“已开设”且填了栏目网址的栏目页面（GET，最多 5 次重定向，正文最多读取 2 MB），\n" +
			"按顺序给出第一个适用的结论：" + resultLabels() + "。\n" +
			"只核查 http/https 网址；主机为 IP 地址或解析到本机、内网、链路本地地址的网址不核查（--allow-host 可放行），每次重定向都重新检查。\n" +
			"列表由网页脚本加载的页面（栏目内容由脚本加载）不计为问题；加 --browser 时用本机的 Edge、Chrome 或 Chromium（无界面）打开这些页面和没有带日期条目的页面，\n" +
			"页面发出的每个请求都由本程序按同样的网址限制、超时和大小限制代取，再按同样的规则核查；找不到浏览器时不核查（退出码 2）。\n" +
			"每次核查的结果都保存在数据库中（保留历次记录），status、export、report、feedback 使用每个栏目最近一次的结果。\n\n" +
			verifyExitCodes,
		Flags: withGlobals(
			roundFlag(),
			&cli.StringSliceFlag{Name: "unit", Usage: "只核查这些单位（可重复；单位简称、全称或编码），默认全部单位"},
			&cli.IntFlag{Name: "concurrency", Value: verify.DefaultConcurrency, Usage: "同时核查的页面数"},
			&cli.IntFlag{Name: "per-host", Value: verify.DefaultPerHost, Usage: "同一网站同时核查的页面数"},
			&cli.DurationFlag{Name: "timeout", Value: verify.DefaultTimeout, Usage: "每个页面的超时时间"},
			&cli.StringSliceFlag{Name: "allow-host", Usage: "允许核查的内网主机或 IP 地址（可重复）"},
			&cli.BoolFlag{Name: "insecure", Usage: "不校验 HTTPS 证书（部分政府网站证书过期或自签名）"},
			browserFlag(),
			&cli.StringFlag{Name: "format", Value: "table", Usage: "输出格式：table（表格）、csv 或 json"},
		),
		Action: func(c *cli.Context) error {
			format, err := checkFormat(c, "table", "csv", "json")
			if err != nil {
				return err
			}
			if c.Int("concurrency") < 1 || c.Int("per-host") < 1 || c.Duration("timeout") <= 0 {
				return failf("--concurrency、--per-host 应为正整数，--timeout 应为正的时长（如 20s）")
			}
			browser, err := browserPath(c.String("browser"))
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
			opt := verifyOptions{
				Units:   c.StringSlice("unit"),
				Format:  format,
				Browser: browser,
				Config: verify.Config{
					Concurrency: c.Int("concurrency"), PerHost: c.Int("per-host"), Timeout: c.Duration("timeout"),
					AllowHosts: c.StringSlice("allow-host"), Insecure: c.Bool("insecure"),
				},
			}
			err = runVerify(c.Context, e, st, s, cat, opt)
			if err == nil {
				detail := "命令行核查：全部单位"
				if len(opt.Units) > 0 {
					detail = "命令行核查：" + strings.Join(opt.Units, "、")
				}
				auditCLI(c, e, st, xxgk.AuditVerify, s.Round.ID, detail)
			}
			return err
		},
	}
}

// verifyExitCodes: what it found never changes the code, only whether it ran.
const verifyExitCodes = exitCodesHeading + `
   0    核查已完成（无论发现什么问题） / the check ran, whatever it found
   2    无法执行：参数错误、数据库无法连接，或 --browser 找不到、启动不了浏览器 / it could not run: bad arguments, database unreachable, no browser for --browser
   130  已中断（Ctrl-C）：已核查的栏目已保存，重新运行同一命令即可全部核查 / interrupted; the columns checked are stored`

// verifyOptions are the command's settings; the demo fills them itself to point the
// checker at its local sample site.
type verifyOptions struct {
	Units   []string // names as typed; empty means all
	Format  string
	Browser string // the browser that renders script-drawn pages; "" for none
	Config  verify.Config
}

// runVerify checks the round's reported columns, stores the run and prints it.
func runVerify(ctx context.Context, e *env, st *store.Store, s xxgk.Summary, cat *xxgk.Catalog, opt verifyOptions) error {
	only := map[string]bool{}
	for _, name := range opt.Units {
		u, err := findUnit(cat, name)
		if err != nil {
			return err
		}
		only[u.Code] = true
	}
	targets := verify.Targets(s, cat, only)
	if len(targets) == 0 {
		switch opt.Format { // scripts still get their format, with nothing in it
		case "json":
			return writeChecksJSON(e.Stdout, nil, nil)
		case "csv":
			return writeChecksCSV(e.Stdout, nil, nil)
		}
		fmt.Fprintf(e.Stdout, "轮次 %s 没有可核查的栏目：当前报送中没有“已开设”且填写了栏目网址的行。\n", s.Round.ID)
		return nil
	}
	cfg := opt.Config
	cfg.UserAgent = "xxgk-verify/" + buildVersion()
	cfg.Now = e.Now
	if e.VerifyNet != nil {
		cfg.LookupIP, cfg.Dial = e.VerifyNet.LookupIP, e.VerifyNet.Dial
	}
	checker := verify.New(cfg)
	defer checker.Close()
	if opt.Browser != "" {
		if err := checker.StartBrowser(ctx, opt.Browser); err != nil {
			return failf("%v；不用 --browser 可以照常核查（由脚本加载的栏目记为“栏目内容由脚本加载”）", err)
		}
	}
	var bar *progressBar
	if e.StderrTTY {
		bar = newProgressBar(e.Stderr, "核查栏目", len(targets))
	}
	start := time.Now()
	checks := checker.Run(ctx, targets, func(done, total int) {
		if bar != nil {
			bar.set(done)
		}
	})
	if bar != nil {
		bar.finish()
	}
	// Not cancelled by Ctrl-C: the columns checked before it are stored all the same.
	if err := st.SaveChecks(context.WithoutCancel(ctx), checks); err != nil {
		return failf("保存核查结果失败：%v", err)
	}
	if ctx.Err() != nil {
		return &exitError{code: exitInterrupted, err: fmt.Errorf("核查已中断：已核查的 %d 个栏目已保存，其余 %d 个未核查；重新运行同一命令即可全部核查",
			len(checks), len(targets)-len(checks))}
	}
	names := map[string]string{}
	for _, u := range cat.Units.All() {
		names[u.Code] = u.Short
	}
	switch opt.Format {
	case "json":
		return writeChecksJSON(e.Stdout, checks, names)
	case "csv":
		return writeChecksCSV(e.Stdout, checks, names)
	}
	return writeChecksTable(e.Stdout, s, checks, names, time.Since(start))
}

// buildVersion is the version `xxgk version` shows, for the User-Agent: ASCII, without
// the leading v, and "dev" for a build that has none.
func buildVersion() string {
	if v := currentBuild().Version; v != devVersion {
		return strings.TrimPrefix(v, "v")
	}
	return "dev"
}

func resultLabels() string {
	parts := make([]string, len(xxgk.CheckResults))
	for i, r := range xxgk.CheckResults {
		parts[i] = r.Label() + "（" + string(r) + "）"
	}
	return strings.Join(parts, "、")
}
