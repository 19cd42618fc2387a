package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/exporter"
	"xxgk/termtable"
)

// auditDefaultLimit bounds what `xxgk audit` prints without --limit: the newest entries.
const auditDefaultLimit = 1000

func auditCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "audit",
		Usage:     "查看审计日志：网上报送的登录（含失败）、上传、下载、核查，以及审核和访问码的发放",
		UsageText: "xxgk audit [--since 日期] [--limit 条数] [--format table|json]",
		Description: "按时间先后列出：时间、操作者（办公室、某单位、命令行的操作人，或未登录）、动作、结果、轮次、来访地址和详情。\n" +
			"日志只追加、不删除；访问码本身从不记入，只记它的编号（前 5 位）。\n" +
			"--since 2020-09-01 从该日（北京时间 0 点）起；不给时列出最近 " + fmt.Sprint(auditDefaultLimit) + " 条（--limit 0 为全部）。",
		Flags: withGlobals(
			&cli.StringFlag{Name: "since", Usage: "从该日期起（如 2020-09-01）"},
			&cli.IntFlag{Name: "limit", Value: auditDefaultLimit, Usage: "最多列出最近的多少条，0 为不限"},
			&cli.StringFlag{Name: "format", Value: "table", Usage: "输出格式：table（表格）或 json"},
		),
		Action: func(c *cli.Context) error {
			format, err := checkFormat(c, "table", "json")
			if err != nil {
				return err
			}
			var since time.Time
			if raw := strings.TrimSpace(c.String("since")); raw != "" {
				d, err := xxgk.ParseTextDate(raw)
				if err != nil {
					return failf("--since 不是日期：“%s”（应写作 2020-09-01）", xxgk.Visible(raw, 40))
				}
				since = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, xxgk.ChinaTime)
			}
			if c.Int("limit") < 0 {
				return failf("--limit 不能是负数")
			}
			st, err := openExistingStore(c)
			if err != nil {
				return err
			}
			defer st.Close()
			entries, err := st.AuditSince(c.Context, since, c.Int("limit"))
			if err != nil {
				return failf("读取审计日志失败：%v", err)
			}
			if format == "json" {
				return writeAuditJSON(e.Stdout, entries)
			}
			return writeAuditTable(e.Stdout, entries, since, c.Int("limit"))
		},
	}
}

func writeAuditTable(w io.Writer, entries []xxgk.AuditEntry, since time.Time, limit int) error {
	from := "全部"
	if !since.IsZero() {
		from = "自" + xxgk.ChineseDate(since) + "起"
	}
	if len(entries) == 0 {
		_, err := fmt.Fprintf(w, "审计日志（%s）：没有记录。\n", from)
		return err
	}
	head := fmt.Sprintf("审计日志（%s）：%d 条", from, len(entries))
	if limit > 0 && len(entries) == limit {
		head += fmt.Sprintf("（只列出最近 %d 条，可用 --since 或 --limit 调整）", limit)
	}
	fmt.Fprintln(w, head)
	fmt.Fprintln(w)
	t := termtable.New("时间", "操作者", "动作", "结果", "轮次", "地址", "详情")
	for _, en := range entries {
		t.Row(exporter.FormatTime(en.At), en.Actor.Label(), en.Action.Label(), xxgk.AuditOutcomeLabel(en.Outcome),
			en.Round, en.Remote, en.Detail)
	}
	return t.Render(w)
}

// auditJSON is the JSON form; its keys are a documented interface for scripts.
type auditJSON struct {
	Time      string `json:"time"`
	ActorKind string `json:"actor_kind"` // office, unit, operator, anonymous
	Unit      string `json:"unit,omitempty"`
	Operator  string `json:"operator,omitempty"`
	Action    string `json:"action"`  // signin, upload, review, download, verify, access
	Outcome   string `json:"outcome"` // success, failure, denied, or an import outcome
	Round     string `json:"round"`
	Remote    string `json:"remote"`
	Detail    string `json:"detail"`
}

func writeAuditJSON(w io.Writer, entries []xxgk.AuditEntry) error {
	out := make([]auditJSON, 0, len(entries))
	for _, en := range entries {
		out = append(out, auditJSON{Time: jsonTime(en.At), ActorKind: string(en.Actor.Kind), Unit: en.Actor.Unit,
			Operator: en.Actor.Name, Action: string(en.Action), Outcome: en.Outcome, Round: en.Round, Remote: en.Remote,
			Detail: en.Detail})
	}
	return encodeJSON(w, out)
}
