package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

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
			format := strings.ToLower(strings.TrimSpace(c.String("format")))
			if format != "table" && format != "csv" && format != "json" {
				return failf("--format 只能是 table、csv 或 json，而不是“%s”", format)
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
	Completion    float64 `json:"completion"`
	SubmittedAt   *string `json:"submitted_at"`
	Rejected      int     `json:"rejected"` // files refused at import
}

func statusEntries(s xxgk.Summary) []statusEntry {
	out := make([]statusEntry, 0, len(s.Units))
	for _, u := range s.Units {
		en := statusEntry{
			Unit: u.Unit.Short, Kind: string(u.Unit.Kind), Status: string(u.State), Version: u.Version,
			Assigned: u.Assigned, Opened: u.Opened, NotOpened: u.NotOpened, NotApplicable: u.NotApplicable,
			Completion: u.Completion(), Rejected: u.Rejected.Count,
		}
		if !u.SubmittedAt.IsZero() {
			t := u.SubmittedAt.In(xxgk.ChinaTime).Format("2006-01-02T15:04:05-07:00")
			en.SubmittedAt = &t
		}
		out = append(out, en)
	}
	return out
}

func writeStatusJSON(w io.Writer, s xxgk.Summary) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(statusEntries(s))
}

func writeStatusCSV(w io.Writer, s xxgk.Summary) error {
	cw := csv.NewWriter(w) // csv.Writer keeps its first error; cw.Error() reports it below
	_ = cw.Write([]string{"unit", "kind", "status", "version", "assigned", "opened", "not_opened", "not_applicable", "completion", "submitted_at", "rejected"})
	for _, en := range statusEntries(s) {
		at := ""
		if en.SubmittedAt != nil {
			at = *en.SubmittedAt
		}
		// Unit names come from the operator's unit file: defused as the export does.
		_ = cw.Write([]string{exporter.Neutralize(en.Unit), en.Kind, en.Status, strconv.Itoa(en.Version), strconv.Itoa(en.Assigned),
			strconv.Itoa(en.Opened), strconv.Itoa(en.NotOpened), strconv.Itoa(en.NotApplicable),
			strconv.FormatFloat(en.Completion, 'f', 4, 64), at, strconv.Itoa(en.Rejected)})
	}
	cw.Flush()
	return cw.Error()
}

// writeStatusTable is for people: problems first, marked, with a one-line summary.
func writeStatusTable(w io.Writer, s xxgk.Summary) error {
	fmt.Fprintf(w, "轮次 %s（截止日期 %s）：%d 个单位，已报送 %d（其中逾期 %d），未报送 %d，总体完成率 %s\n\n",
		s.Round.ID, xxgk.ChineseDate(s.Round.Deadline), len(s.Units), s.Submitted, s.Late, s.Missing, xxgk.Percent(s.Total.Completion()))
	t := termtable.New("", "单位", "类型", "状态", "版本", "应建", "已开设", "未开设", "不适用", "完成率", "最后报送时间")
	t.AlignRight(4, 5, 6, 7, 8, 9)
	for _, u := range s.ProblemsFirst() {
		mark := " "
		switch u.State {
		case xxgk.Missing:
			mark = "✘"
		case xxgk.Late:
			mark = "!"
		}
		version, at := "-", "-"
		if u.State != xxgk.Missing {
			version = strconv.Itoa(u.Version)
			at = u.SubmittedAt.In(xxgk.ChinaTime).Format("2006-01-02 15:04")
		}
		switch {
		case u.WasRejected():
			at = "已退回 " + u.Rejected.Last.At.In(xxgk.ChinaTime).Format("2006-01-02 15:04")
		case u.RefusedLatest():
			at += "（其后的文件已退回）"
		}
		t.Row(mark, u.Unit.Short, u.Unit.Kind.Label(), u.State.Label(), version,
			strconv.Itoa(u.Assigned), strconv.Itoa(u.Opened), strconv.Itoa(u.NotOpened), strconv.Itoa(u.NotApplicable), u.Rate(), at)
	}
	if err := t.Render(w); err != nil {
		return err
	}
	fmt.Fprintln(w, "\n✘ 未报送（“已退回”指报送过但因填写错误被退回、尚未改正重报）　! 逾期报送（首次报送晚于截止日期）")
	return nil
}
