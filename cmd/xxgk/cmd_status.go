package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/exporter"
	"xxgk/termtable"
)

func statusCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "status",
		Usage:     "查看各单位报送情况：未报送、已报送、逾期报送及完成率",
		UsageText: "xxgk status [--round ID] [--format table|csv|json]",
		Flags: withGlobals(
			roundFlag(),
			&cli.StringFlag{Name: "format", Value: "table", Usage: "输出格式：table（表格）、csv 或 json"},
		),
		Action: func(c *cli.Context) error {
			format, err := checkFormat(c, "table", "csv", "json")
			if err != nil {
				return err
			}
			s, _, err := readSummary(c)
			if err != nil {
				return err
			}
			switch format {
			case "json":
				return writeStatusJSON(e.Stdout, s)
			case "csv":
				return writeStatusCSV(e.Stdout, s)
			}
			return writeStatusTable(e.Stdout, s)
		},
	}
}

// statusEntry is the JSON form; its keys are a documented interface for scripts.
type statusEntry struct {
	Unit          string  `json:"unit"`
	Kind          string  `json:"kind"`
	Status        string  `json:"status"`
	Version       int     `json:"version"`
	Assigned      int     `json:"assigned"`
	Opened        int     `json:"opened"`
	NotOpened     int     `json:"not_opened"`
	NotApplicable int     `json:"not_applicable"`
	NotReported   int     `json:"not_reported"` // columns no accepted submission answers
	Completion    float64 `json:"completion"`
	SubmittedAt   *string `json:"submitted_at"`
	Rejected      int     `json:"rejected"`       // files refused at import
	CheckFailures *int    `json:"check_failures"` // checked columns with a finding; null before any check
	Review        string  `json:"review"`         // "" (nothing to review), pending, approved, returned
	ReviewComment string  `json:"review_comment"` // the office's comment when returned, else ""
}

func statusEntries(s xxgk.Summary) []statusEntry {
	out := make([]statusEntry, 0, len(s.Units))
	for _, u := range s.Units {
		en := statusEntry{
			Unit: u.Unit.Short, Kind: string(u.Unit.Kind), Status: string(u.State), Version: u.Version,
			Assigned: u.Assigned, Opened: u.Opened, NotOpened: u.NotOpened, NotApplicable: u.NotApplicable,
			NotReported: u.NotReported, Completion: u.Completion(), Rejected: u.Rejected.Count, CheckFailures: checkFailuresJSON(u),
			Review: string(u.Review.State),
		}
		if rv := u.ReturnedReview(); rv != nil {
			en.ReviewComment = rv.Comment
		}
		if !u.SubmittedAt.IsZero() {
			t := jsonTime(u.SubmittedAt)
			en.SubmittedAt = &t
		}
		out = append(out, en)
	}
	return out
}

func writeStatusJSON(w io.Writer, s xxgk.Summary) error {
	return encodeJSON(w, statusEntries(s))
}

func writeStatusCSV(w io.Writer, s xxgk.Summary) error {
	cw := csv.NewWriter(w) // csv.Writer keeps its first error; cw.Error() reports it below
	_ = cw.Write([]string{"unit", "kind", "status", "version", "assigned", "opened", "not_opened", "not_applicable", "not_reported", "completion", "submitted_at", "rejected", "check_failures", "review", "review_comment"})
	for _, en := range statusEntries(s) {
		at := ""
		if en.SubmittedAt != nil {
			at = *en.SubmittedAt
		}
		failures := ""
		if en.CheckFailures != nil {
			failures = strconv.Itoa(*en.CheckFailures)
		}
		// Unit names come from the operator's unit file: defused as the export does.
		_ = cw.Write([]string{exporter.Neutralize(en.Unit), en.Kind, en.Status, strconv.Itoa(en.Version), strconv.Itoa(en.Assigned),
			strconv.Itoa(en.Opened), strconv.Itoa(en.NotOpened), strconv.Itoa(en.NotApplicable),
			strconv.Itoa(en.NotReported), strconv.FormatFloat(en.Completion, 'f', 4, 64), at, strconv.Itoa(en.Rejected), failures,
			en.Review, exporter.Neutralize(en.ReviewComment)})
	}
	cw.Flush()
	return cw.Error()
}

// writeStatusTable is for people: problems first, marked, with a two-line summary whose
// column counts add up (应建 = 已开设 + 未开设 + 不适用 + 未报送).
func writeStatusTable(w io.Writer, s xxgk.Summary) error {
	fmt.Fprintf(w, "轮次 %s（截止日期 %s）：%d 个单位，已报送 %d（其中逾期 %d），未报送 %d，总体完成率 %s\n",
		s.Round.ID, xxgk.ChineseDate(s.Round.Deadline), len(s.Units), s.Submitted, s.Late, s.Missing, xxgk.Percent(s.Total.Completion()))
	c := s.Total
	fmt.Fprintf(w, "应建栏目 %d 个：已开设 %d，未开设 %d，不适用 %d，未报送 %d（未报送单位的栏目）\n",
		c.Assigned, c.Opened, c.NotOpened, c.NotApplicable, c.NotReported)
	if s.Reviewed {
		fmt.Fprintf(w, "审核：已通过 %d，已退回（需修改）%d，待审核 %d\n", s.Approved, s.Returned, s.Submitted-s.Approved-s.Returned)
	}
	fmt.Fprintln(w)
	heads := []string{"", "单位", "类型", "状态", "版本", "应建", "已开设", "未开设", "不适用", "未报送", "完成率", "最后报送时间"}
	checked := s.Checked()
	if checked { // once `xxgk verify` has run
		heads = append(heads[:11], "核查异常", heads[11])
	}
	if s.Reviewed { // once `xxgk review` has been used
		heads = append(heads[:4], append([]string{"审核"}, heads[4:]...)...)
	}
	t := termtable.New(heads...)
	if s.Reviewed {
		t.AlignRight(5, 6, 7, 8, 9, 10, 11, 12)
	} else {
		t.AlignRight(4, 5, 6, 7, 8, 9, 10, 11)
	}
	for _, u := range s.ProblemsFirst() {
		mark := " "
		switch u.State {
		case xxgk.Missing:
			mark = "✘"
		case xxgk.Late:
			mark = "!"
		}
		if u.ReturnedReview() != nil {
			mark = "!"
		}
		version, at := "-", "-"
		if u.State != xxgk.Missing {
			version = strconv.Itoa(u.Version)
			at = exporter.FormatTime(u.SubmittedAt)
		}
		switch {
		case u.WasRejected():
			at = "已退回 " + exporter.FormatTime(u.Rejected.Last.At)
		case u.RefusedLatest():
			at += "（其后的文件已退回）"
		}
		cells := []string{mark, u.Unit.Short, u.Unit.Kind.Label(), u.State.Label(), version,
			strconv.Itoa(u.Assigned), strconv.Itoa(u.Opened), strconv.Itoa(u.NotOpened), strconv.Itoa(u.NotApplicable),
			strconv.Itoa(u.NotReported), u.Rate(), at}
		if checked {
			cells = append(cells[:11], checkFailures(u), at)
		}
		if s.Reviewed {
			review := u.Review.State.Label()
			if review == "" {
				review = "-"
			}
			cells = append(cells[:4], append([]string{review}, cells[4:]...)...)
		}
		t.Row(cells...)
	}
	if err := t.Render(w); err != nil {
		return err
	}
	fmt.Fprintln(w, "\n✘ 未报送（“已退回”指报送过但因填写错误被退回、尚未改正重报）　! 逾期报送（首次报送晚于截止日期）")
	fmt.Fprintln(w, "“未报送”一列是未报送单位的应建栏目数：应建＝已开设＋未开设＋不适用＋未报送")
	if s.Returned > 0 {
		fmt.Fprintln(w, "! 也标出审核退回、需修改重报的单位；退回意见：")
		for _, u := range s.ReturnedUnits() {
			rv := u.ReturnedReview()
			fmt.Fprintf(w, "  %s（第 %d 版，%s %s）：%s\n", u.Unit.Short, rv.Version, rv.Operator, exporter.FormatTime(rv.At), xxgk.Visible(rv.Comment, xxgk.ReviewCommentMax))
		}
	}
	if checked {
		fmt.Fprintln(w, checkLegend(s))
	}
	return nil
}
