package main

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/exporter"
	"xxgk/store"
	"xxgk/termtable"
)

func reviewCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "review",
		Usage: "审核单位的当前版本：通过，或退回修改并写明意见；不带单位时列出各单位的审核状态",
		UsageText: "xxgk review [--round 轮次] [--format table|json]\n" +
			"xxgk review [--round 轮次] [--operator 操作人] [--version 版本号] --approve 单位\n" +
			"xxgk review [--round 轮次] [--operator 操作人] [--version 版本号] --return \"意见\" 单位",
		Description: "审核状态：待审核（单位有新版本、尚未审核）、已通过、已退回（需修改）。\n" +
			"退回修改必须写明意见：意见列入 xxgk status、通报（report）、汇总表（export）和该单位的反馈单（feedback），\n" +
			"作为需要整改的问题；单位下一次报送被接收后，新版本回到“待审核”。\n" +
			"--version 写明审核的是第几版：单位若已报送了更新的版本，审核不会记录，请先查看新版本。\n" +
			"审核从不删除：每次审核（时间、操作人、意见）都记入 xxgk history 和审计日志（xxgk audit）。\n" +
			"例：xxgk review --return \"栏目网址填成了文章页，请改为栏目列表页\" 市财政局",
		Flags: withGlobals(
			roundFlag(),
			&cli.BoolFlag{Name: "approve", Usage: "审核通过"},
			&cli.StringFlag{Name: "return", Usage: "退回修改，并写明`意见`（必填）"},
			&cli.IntFlag{Name: "version", Usage: "审核的版本号（可选；不是当前版本时不记录）"},
			operatorFlag(),
			&cli.StringFlag{Name: "format", Value: "table", Usage: "列出时的输出格式：table（表格）或 json"},
		),
		Action: func(c *cli.Context) error {
			approve, ret := c.Bool("approve"), c.IsSet("return")
			switch {
			case approve && ret:
				return failf("--approve 和 --return 只能选一个。用法：%s", c.Command.UsageText)
			case !approve && !ret:
				if c.NArg() > 0 {
					return failf("请写明审核结论：--approve（通过）或 --return \"意见\"（退回修改）。用法：%s", c.Command.UsageText)
				}
				format, err := checkFormat(c, "table", "json")
				if err != nil {
					return err
				}
				s, _, err := readSummary(c)
				if err != nil {
					return err
				}
				if format == "json" {
					return writeReviewsJSON(e.Stdout, s)
				}
				return writeReviewsTable(e.Stdout, s)
			}
			return runReview(c, e, approve)
		},
	}
}

// runReview records one decision about a unit's current version.
func runReview(c *cli.Context, e *env, approve bool) error {
	rv := xxgk.Review{Decision: xxgk.ReviewApprove, Operator: operatorOf(c, e), At: e.Now(), Version: c.Int("version")}
	if !approve {
		rv.Decision, rv.Comment = xxgk.ReviewReturn, strings.TrimSpace(c.String("return"))
	}
	if err := (xxgk.Review{Decision: rv.Decision, Comment: rv.Comment, Operator: rv.Operator}).Check(); err != nil {
		return failf("%s", strings.ReplaceAll(strings.TrimPrefix(err.Error(), xxgk.ErrReviewComment.Error()+"\n"), "\n", "；"))
	}
	st, r, _, u, err := roundUnit(c)
	if err != nil {
		return err
	}
	defer st.Close()
	rv.Round, rv.Unit = r.ID, u.Code
	done, err := st.Review(c.Context, rv)
	if err != nil {
		if errors.Is(err, store.ErrNotCurrent) {
			return failf("未记录审核：%s。可用 xxgk history %s 查看", strings.ReplaceAll(err.Error(), "“"+u.Code+"”", "“"+u.Short+"”"), u.Short)
		}
		return correctionFailed(e, err, u, "审核")
	}
	detail := fmt.Sprintf("%s 第 %d 版 %s", u.Short, done.Version, done.Decision.Label())
	if done.Decision == xxgk.ReviewReturn {
		detail += "：" + done.Comment
	}
	auditCLI(c, e, st, xxgk.AuditReview, r.ID, detail)
	if approve {
		_, err = fmt.Fprintf(e.Stdout, "已审核通过 %s 的第 %d 版（轮次 %s，操作人 %s）。\n", u.Short, done.Version, r.ID, done.Operator)
		return err
	}
	_, err = fmt.Fprintf(e.Stdout, "已将 %s 的第 %d 版退回修改（轮次 %s，操作人 %s），意见：%s\n"+
		"该意见列入 status、通报、汇总表和该单位的反馈单；单位下一次报送被接收后回到“待审核”。\n",
		u.Short, done.Version, r.ID, done.Operator, xxgk.Visible(done.Comment, xxgk.ReviewCommentMax))
	return err
}

// writeReviewsTable lists every unit's review state, those returned first.
func writeReviewsTable(w io.Writer, s xxgk.Summary) error {
	pending := s.Submitted - s.Approved - s.Returned
	fmt.Fprintf(w, "轮次 %s：已报送 %d 个单位，已通过 %d，已退回（需修改）%d，待审核 %d；未报送 %d\n\n",
		s.Round.ID, s.Submitted, s.Approved, s.Returned, pending, s.Missing)
	t := termtable.New("单位", "报送状态", "当前版本", "审核", "审核时间", "审核人", "意见").AlignRight(2)
	rank := map[xxgk.ReviewState]int{xxgk.ReviewReturned: 0, xxgk.ReviewPending: 1, xxgk.ReviewApproved: 2, xxgk.ReviewNone: 3}
	units := append([]xxgk.UnitSummary(nil), s.Units...)
	sort.SliceStable(units, func(i, j int) bool { return rank[units[i].Review.State] < rank[units[j].Review.State] })
	for _, u := range units {
		version, state, at, by, comment := "-", "-", "", "", ""
		if u.Version > 0 {
			version, state = strconv.Itoa(u.Version), u.Review.State.Label()
		}
		if l := u.Review.Latest; l != nil && l.Version == u.Version && u.Version > 0 {
			at, by, comment = exporter.FormatTime(l.At), l.Operator, l.Comment
		}
		t.Row(u.Unit.Short, u.State.Label(), version, state, at, by, comment)
	}
	if err := t.Render(w); err != nil {
		return err
	}
	if pending > 0 {
		_, err := fmt.Fprintln(w, "\n审核：xxgk review --approve 单位（通过），xxgk review --return \"意见\" 单位（退回修改）")
		return err
	}
	return nil
}

// reviewJSON is the JSON form; its keys are a documented interface for scripts.
type reviewJSON struct {
	Unit     string  `json:"unit"`
	Status   string  `json:"status"`  // missing, submitted, late
	Version  int     `json:"version"` // the current version; 0 when none
	Review   string  `json:"review"`  // "", pending, approved, returned
	Time     *string `json:"time"`    // of the review of the current version; null when pending
	Operator string  `json:"operator"`
	Comment  string  `json:"comment"`
}

func writeReviewsJSON(w io.Writer, s xxgk.Summary) error {
	out := make([]reviewJSON, 0, len(s.Units))
	for _, u := range s.Units {
		j := reviewJSON{Unit: u.Unit.Short, Status: string(u.State), Version: u.Version, Review: string(u.Review.State)}
		if l := u.Review.Latest; l != nil && l.Version == u.Version && u.Version > 0 {
			t := jsonTime(l.At)
			j.Time, j.Operator, j.Comment = &t, l.Operator, l.Comment
		}
		out = append(out, j)
	}
	return encodeJSON(w, out)
}
