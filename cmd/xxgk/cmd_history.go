package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/exporter"
	"xxgk/termtable"
)

func historyCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "history",
		Usage:     "查看一个单位的报送历史：每个版本、每次退回、每次更正（恢复、撤回、清除退回记录）和审核",
		UsageText: "xxgk history [--round 轮次] [--format table|json] 单位",
		Description: "按时间先后列出：每个版本（版本号、导入时间、文件名、导入人、各状态栏目数，* 为当前版本）、\n" +
			"每个被退回的文件（已清除的注明）、每次 revert / withdraw / rejections clear（时间、操作人、说明）、\n" +
			"每次审核（xxgk review：通过，或退回修改及意见）。\n" +
			"已接收的版本从不删除；更正都作为新的记录保留在这里。",
		Flags: withGlobals(
			roundFlag(),
			&cli.StringFlag{Name: "format", Value: "table", Usage: "输出格式：table（表格）或 json"},
		),
		Action: func(c *cli.Context) error {
			format, err := checkFormat(c, "table", "json")
			if err != nil {
				return err
			}
			st, r, cat, u, err := roundUnit(c)
			if err != nil {
				return err
			}
			defer st.Close()
			rec, err := st.History(c.Context, r.ID, u.Code)
			if err != nil {
				return failf("读取 %s 在轮次 %s 的历史失败：%v", u.Short, r.ID, err)
			}
			entries := rec.Timeline(cat.For(u))
			if format == "json" {
				return writeHistoryJSON(e.Stdout, r, u, rec, entries)
			}
			return writeHistoryTable(e.Stdout, r, u, rec, entries)
		},
	}
}

// historyHeadline says where the unit stands before the lines that explain why.
func historyHeadline(r xxgk.Round, u xxgk.Unit, rec xxgk.UnitRecord) string {
	state := "尚无已接收的版本（未报送）"
	switch {
	case rec.Withdrawn():
		state = fmt.Sprintf("第 %d 版已撤回，未报送", rec.Versions[len(rec.Versions)-1].Version)
	case rec.Current > 0:
		state = fmt.Sprintf("当前为第 %d 版", rec.Current)
		if rv := rec.Review(); rv.Latest != nil {
			state += "，" + rv.State.Label()
		}
	}
	return fmt.Sprintf("%s · 轮次 %s：%s", u.Short, r.ID, state)
}

// historyNote explains a line in words.
func historyNote(en xxgk.HistoryEntry) string {
	var s string
	switch en.Kind {
	case xxgk.HistoryImport:
		if en.Warnings > 0 {
			s = fmt.Sprintf("%d 条警告", en.Warnings)
		}
	case xxgk.HistoryRevert:
		s = fmt.Sprintf("恢复为第 %d 版的内容", en.FromVersion)
	case xxgk.HistoryRejected:
		s = fmt.Sprintf("%d 个错误，已退回", en.Errors)
		if en.Cleared {
			s += "（退回记录已清除）"
		}
	case xxgk.HistoryWithdraw:
		s = fmt.Sprintf("撤回第 %d 版，单位回到未报送", en.Version)
	case xxgk.HistoryClearRejections:
		s = fmt.Sprintf("清除 %d 条退回记录", en.ClearedN)
	case xxgk.HistoryApprove:
		s = fmt.Sprintf("第 %d 版审核通过", en.Version)
	case xxgk.HistoryReturn:
		return fmt.Sprintf("第 %d 版退回修改，意见：%s", en.Version, en.Note)
	}
	if en.Note != "" {
		if s != "" {
			s += "；"
		}
		s += en.Note
	}
	return s
}

func writeHistoryTable(w io.Writer, r xxgk.Round, u xxgk.Unit, rec xxgk.UnitRecord, entries []xxgk.HistoryEntry) error {
	fmt.Fprintln(w, historyHeadline(r, u, rec))
	if len(entries) == 0 {
		_, err := fmt.Fprintln(w, "没有任何记录：该单位的文件还没有导入过。")
		return err
	}
	fmt.Fprintln(w)
	t := termtable.New("", "时间", "事件", "版本", "文件", "操作人", "已开设", "未开设", "不适用", "说明")
	t.AlignRight(3, 6, 7, 8)
	current := false
	for _, en := range entries {
		current = current || en.Current
		mark, version, opened, notOpened, na := " ", "", "", "", ""
		if en.Current {
			mark = "*"
		}
		switch en.Kind {
		case xxgk.HistoryImport, xxgk.HistoryRevert:
			version = strconv.Itoa(en.Version)
			opened, notOpened, na = strconv.Itoa(en.Counts.Opened), strconv.Itoa(en.Counts.NotOpened), strconv.Itoa(en.Counts.NotApplicable)
		case xxgk.HistoryWithdraw, xxgk.HistoryApprove, xxgk.HistoryReturn:
			version = strconv.Itoa(en.Version)
		}
		t.Row(mark, exporter.FormatTime(en.At), en.Kind.Label(), version, en.FileName,
			en.Operator, opened, notOpened, na, historyNote(en))
	}
	if err := t.Render(w); err != nil || !current {
		return err
	}
	_, err := fmt.Fprintln(w, "\n* 当前版本（状态、报告和反馈单都以它为准）")
	return err
}

// historyJSON is the JSON form; its keys are a documented interface for scripts.
type historyJSON struct {
	Round     string             `json:"round"`
	Unit      string             `json:"unit"`
	Current   int                `json:"current"` // 0: no current version
	Withdrawn bool               `json:"withdrawn"`
	Review    string             `json:"review"` // "", pending, approved, returned: the current version's review state
	Events    []historyEntryJSON `json:"events"`
}

type historyEntryJSON struct {
	Time          string `json:"time"`
	Event         string `json:"event"` // import, revert, rejected, withdraw, clear_rejections, approve, return
	Version       int    `json:"version,omitempty"`
	FromVersion   int    `json:"from_version,omitempty"`
	File          string `json:"file,omitempty"`
	Operator      string `json:"operator"`
	Opened        *int   `json:"opened,omitempty"`
	NotOpened     *int   `json:"not_opened,omitempty"`
	NotApplicable *int   `json:"not_applicable,omitempty"`
	Warnings      int    `json:"warnings,omitempty"`
	Errors        int    `json:"errors,omitempty"`
	Current       bool   `json:"current,omitempty"`
	Cleared       bool   `json:"cleared,omitempty"`
	ClearedCount  int    `json:"cleared_count,omitempty"`
	Note          string `json:"note,omitempty"`
}

func writeHistoryJSON(w io.Writer, r xxgk.Round, u xxgk.Unit, rec xxgk.UnitRecord, entries []xxgk.HistoryEntry) error {
	out := historyJSON{Round: r.ID, Unit: u.Short, Current: rec.Current, Withdrawn: rec.Withdrawn(),
		Review: string(rec.Review().State), Events: []historyEntryJSON{}}
	for _, en := range entries {
		j := historyEntryJSON{
			Time: jsonTime(en.At), Event: string(en.Kind),
			Version: en.Version, FromVersion: en.FromVersion, File: en.FileName, Operator: en.Operator,
			Warnings: en.Warnings, Errors: en.Errors, Current: en.Current, Cleared: en.Cleared,
			ClearedCount: en.ClearedN, Note: en.Note,
		}
		if en.Kind == xxgk.HistoryImport || en.Kind == xxgk.HistoryRevert {
			o, n, a := en.Counts.Opened, en.Counts.NotOpened, en.Counts.NotApplicable
			j.Opened, j.NotOpened, j.NotApplicable = &o, &n, &a
		}
		out.Events = append(out.Events, j)
	}
	return encodeJSON(w, out)
}
