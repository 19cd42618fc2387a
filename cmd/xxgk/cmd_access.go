package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/exporter"
	"xxgk/store"
	"xxgk/termtable"
)

func accessCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "access",
		Usage: "网上报送的访问码：为各单位生成（只显示一次）、重置，或生成办公室登录码",
		UsageText: "xxgk access [--round 轮次] [--portal-url 地址] [--out 访问码.xlsx|访问码.csv]\n" +
			"xxgk access [--round 轮次] [--out 文件] --reset 单位 [单位…]\n" +
			"xxgk access --office",
		Description: "不带参数时：列出本轮各单位的访问码状态和网上报送地址，并为还没有访问码的单位生成访问码。\n" +
			"访问码只在生成或重置时显示这一次（数据库只保存不可还原的摘要），请用 --out 写入文件，逐个发给各单位；\n" +
			"忘记或泄露的访问码用 --reset 重置，旧码立即失效。--office 生成或重置办公室的登录码（各轮次通用），同样只显示一次。\n" +
			"访问码 16 位（如 K7QX-M4PR-9T2W-HNB3），不含易混的 0/O、1/I/L，输入时不分大小写、可不带短横线；前 5 位是公开的编号。\n" +
			"xxgk feedback --codes 在各单位自己的反馈单上印新的访问码（会重置旧码）。每次生成和重置都记入审计日志（xxgk audit）。",
		Flags: withGlobals(
			roundFlag(),
			&cli.StringFlag{Name: "out", Usage: "把访问码写入 .xlsx 或 .csv `文件`（只含本次生成或重置的访问码）"},
			&cli.BoolFlag{Name: "reset", Usage: "为后面列出的单位重置访问码（旧码立即失效）"},
			&cli.BoolFlag{Name: "office", Usage: "生成或重置办公室的登录码"},
			&cli.StringFlag{Name: "portal-url", Usage: "网上报送地址，印在模板、催报和反馈中（本轮次记住，给空值清除）"},
			operatorFlag(),
		),
		Action: func(c *cli.Context) error { return runAccess(c, e) },
	}
}

func runAccess(c *cli.Context, e *env) error {
	out := strings.TrimSpace(c.String("out"))
	if out != "" {
		switch strings.ToLower(filepath.Ext(out)) {
		case ".xlsx", ".csv":
		default:
			return failf("--out 的文件名应以 .xlsx 或 .csv 结尾，而不是“%s”", out)
		}
	}
	switch {
	case c.Bool("office") && (c.Bool("reset") || c.NArg() > 0 || out != ""):
		return failf("--office 只生成办公室登录码，不能与单位、--reset 或 --out 同用。用法：%s", c.Command.UsageText)
	case c.Bool("reset") && c.NArg() == 0:
		return failf("--reset 后请写明要重置访问码的单位。用法：%s", c.Command.UsageText)
	case !c.Bool("reset") && c.NArg() > 0:
		return failf("多余的参数：%s。为单位重置访问码请加 --reset。用法：%s", strings.Join(c.Args().Slice(), " "), c.Command.UsageText)
	}
	st, err := openExistingStore(c)
	if err != nil {
		return err
	}
	defer st.Close()
	by := store.Correction{Operator: operatorOf(c, e), At: e.Now()}
	if c.Bool("office") {
		return runOfficeCode(c, e, st, by)
	}
	r, cat, err := selectRound(c, st)
	if err != nil {
		return err
	}
	n, err := resolveNotice(c, e, st, r, false)
	if err != nil {
		return err
	}
	var issued []store.IssuedCode
	if c.Bool("reset") {
		var codes []string
		for _, name := range c.Args().Slice() {
			u, ok := cat.Units.Lookup(strings.TrimSpace(name))
			if !ok {
				return failf("轮次 %s 中没有单位“%s”，最接近的是“%s”。可用 xxgk units 查看单位名单", r.ID, name, cat.Units.Closest(name))
			}
			codes = append(codes, u.Code)
		}
		issued, err = st.ResetUnitCodes(c.Context, r.ID, codes, by)
		if err != nil {
			return failf("重置访问码失败：%v", err)
		}
	} else {
		issued, err = st.EnsureUnitCodes(c.Context, r.ID, by)
		if err != nil {
			return failf("生成访问码失败：%v", err)
		}
	}
	if len(issued) > 0 {
		auditCLI(c, e, st, xxgk.AuditAccess, r.ID, issuedDetail(cat, issued, c.Bool("reset")))
	}
	states, err := st.UnitCodes(c.Context, r.ID)
	if err != nil {
		return failf("读取访问码状态失败：%v", err)
	}
	rows := accessRows(cat, states, issued, n.PortalLink(), c.Bool("reset"))
	if err := writeAccessTable(e.Stdout, r, rows, len(issued), n.PortalLink(), c.Bool("reset"), out != ""); err != nil {
		return err
	}
	if out == "" {
		if len(issued) > 0 {
			fmt.Fprintln(e.Stdout, "\n以上访问码只显示这一次，数据库中不保存原码。请现在抄下或转发；下次可用 --out 访问码.xlsx 写入文件。")
		}
		return nil
	}
	var fileRows []exporter.AccessCodeRow
	for _, row := range rows {
		if row.Code != "" {
			fileRows = append(fileRows, row)
		}
	}
	if len(fileRows) == 0 {
		fmt.Fprintf(e.Stdout, "\n本次没有生成或重置访问码，未写出 %s（原码不保存，无法再次导出；需要时用 --reset 重置）。\n", out)
		return nil
	}
	err = writeFileAtomic(out, func(f *os.File) error {
		if strings.EqualFold(filepath.Ext(out), ".csv") {
			return exporter.WriteAccessCodesCSV(f, fileRows)
		}
		return exporter.WriteAccessCodesXLSX(f, r.Title+" 网上报送访问码（轮次 "+r.ID+"）", fileRows)
	})
	if err != nil {
		return failf("无法写出 %s：%v", out, unwrapPath(err))
	}
	_, err = fmt.Fprintf(e.Stdout, "\n已将本次生成或重置的 %d 个访问码写入 %s。原码只在此文件中，请妥善保管，分别发给各单位，发完后删除。\n", len(fileRows), out)
	return err
}

// runOfficeCode creates or resets the office's sign-in code and prints it once.
func runOfficeCode(c *cli.Context, e *env, st *store.Store, by store.Correction) error {
	code, err := st.ResetOfficeCode(c.Context, by)
	if err != nil {
		return failf("生成办公室登录码失败：%v", err)
	}
	what := "已生成办公室登录码"
	if code.Reset {
		what = "已重置办公室登录码（旧码已失效）"
	}
	auditCLI(c, e, st, xxgk.AuditAccess, "", fmt.Sprintf("%s，编号 %s", what, code.KeyID))
	_, err = fmt.Fprintf(e.Stdout, "%s：\n\n    %s\n\n此码只显示这一次，数据库中不保存原码；各轮次通用。请妥善保管，遗失时再次运行 xxgk access --office 重置。\n", what, code.Code)
	return err
}

// accessRows joins every unit's state with the codes made in this run.
func accessRows(cat *xxgk.Catalog, states []store.CodeState, issued []store.IssuedCode, link string, reset bool) []exporter.AccessCodeRow {
	fresh := map[string]store.IssuedCode{}
	for _, c := range issued {
		fresh[c.Holder.Unit] = c
	}
	var rows []exporter.AccessCodeRow
	for _, s := range states {
		u, _ := cat.Units.Lookup(s.Holder.Unit)
		row := exporter.AccessCodeRow{Unit: u.Short, Name: u.Name, Link: link}
		if row.Unit == "" {
			row.Unit = s.Holder.Unit
		}
		switch c, ok := fresh[s.Holder.Unit]; {
		case ok && c.Reset:
			row.Code, row.State = c.Code, "已重置（旧码失效）"
		case ok:
			row.Code, row.State = c.Code, "新建"
		case s.Issued:
			row.State = fmt.Sprintf("已发放（编号 %s，%s）", s.KeyID, exporter.FormatTime(s.At))
		default:
			row.State = "未生成"
		}
		if reset && row.Code == "" {
			continue // --reset lists only the units it reset
		}
		rows = append(rows, row)
	}
	return rows
}

// writeAccessTable lists the units; the codes made in this run are printed unless they go
// to a file (hideCodes), so that they do not also stay in the terminal's scrollback.
func writeAccessTable(w io.Writer, r xxgk.Round, rows []exporter.AccessCodeRow, issued int, link string, reset, hideCodes bool) error {
	switch {
	case reset:
		fmt.Fprintf(w, "轮次 %s：已重置 %d 个单位的访问码，旧码已失效。\n", r.ID, issued)
	case issued > 0:
		fmt.Fprintf(w, "轮次 %s：为 %d 个单位新生成了访问码；共 %d 个单位。\n", r.ID, issued, len(rows))
	default:
		fmt.Fprintf(w, "轮次 %s：%d 个单位都已有访问码（原码不保存，不再显示；遗失的用 --reset 重置）。\n", r.ID, len(rows))
	}
	if link == "" {
		fmt.Fprintln(w, "尚未设置网上报送地址：用 --portal-url 地址 设置（本轮次记住），模板、催报和反馈单上就会印出。")
	} else {
		fmt.Fprintf(w, "网上报送地址：%s\n", link)
	}
	fmt.Fprintln(w)
	t := termtable.New("单位", "访问码", "状态")
	for _, row := range rows {
		code := row.Code
		switch {
		case code == "":
			code = "-"
		case hideCodes:
			code = "（见文件）"
		}
		t.Row(row.Unit, code, row.State)
	}
	return t.Render(w)
}

// issuedDetail is the audit line for codes made: which units and the codes' key ids,
// never the codes.
func issuedDetail(cat *xxgk.Catalog, issued []store.IssuedCode, reset bool) string {
	parts := make([]string, 0, len(issued))
	for _, c := range issued {
		name := c.Holder.Unit
		if u, ok := cat.Units.Lookup(c.Holder.Unit); ok {
			name = u.Short
		}
		parts = append(parts, name+" "+c.KeyID)
	}
	what := "新建"
	if reset {
		what = "重置"
	}
	return fmt.Sprintf("%s %d 个单位的访问码（编号）：%s", what, len(issued), strings.Join(parts, "、"))
}
