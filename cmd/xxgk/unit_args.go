package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/store"
)

// operatorEnv overrides the OS user name as the operator recorded for imports and
// corrections, e.g. when several people share one office account.
const operatorEnv = "XXGK_OPERATOR"

// operatorFlag is the --operator flag of the commands that record a correction.
func operatorFlag() cli.Flag {
	return &cli.StringFlag{Name: "operator", Usage: "操作人，记入历史（环境变量 " + operatorEnv + "），默认为当前系统用户名"}
}

// noteFlag is the --note flag of the commands that record a correction.
func noteFlag() cli.Flag {
	return &cli.StringFlag{Name: "note", Usage: "说明（为什么这样做），记入历史"}
}

// operatorOf is who the history names: --operator, else e.User (XXGK_OPERATOR, else the
// OS user: currentUser).
func operatorOf(c *cli.Context, e *env) string {
	if s := strings.TrimSpace(c.String("operator")); s != "" {
		return s
	}
	return e.User
}

// correctionOf is the record of a correction made now by this command line.
func correctionOf(c *cli.Context, e *env) store.Correction {
	return store.Correction{Operator: operatorOf(c, e), Note: strings.TrimSpace(c.String("note")), At: e.Now()}
}

// oneArg returns the command's single positional argument (what), refusing none or more.
// urfave/cli stops reading flags at the first argument, so a flag written after it lands
// here; the message says to move it.
func oneArg(c *cli.Context, what string) (string, error) {
	args := c.Args().Slice()
	if len(args) == 0 {
		return "", failf("缺少%s。用法：%s", what, c.Command.UsageText)
	}
	if len(args) > 1 {
		extra := strings.Join(args[1:], " ")
		if strings.HasPrefix(args[1], "-") {
			return "", failf("参数 %s 请写在%s“%s”之前。用法：%s", extra, what, args[0], c.Command.UsageText)
		}
		return "", failf("多余的参数：%s（只能给一个%s）。用法：%s", extra, what, c.Command.UsageText)
	}
	return strings.TrimSpace(args[0]), nil
}

// roundUnit opens the database, selects the round (--round, else the newest) and finds
// the unit named by the command's argument in that round's unit list. The caller closes
// the store.
func roundUnit(c *cli.Context) (*store.Store, xxgk.Round, *xxgk.Catalog, xxgk.Unit, error) {
	name, err := oneArg(c, "单位名称")
	if err != nil {
		return nil, xxgk.Round{}, nil, xxgk.Unit{}, err
	}
	st, err := openExistingStore(c)
	if err != nil {
		return nil, xxgk.Round{}, nil, xxgk.Unit{}, err
	}
	r, cat, err := selectRound(c, st)
	if err != nil {
		st.Close()
		return nil, xxgk.Round{}, nil, xxgk.Unit{}, err
	}
	u, ok := cat.Units.Lookup(name)
	if !ok {
		st.Close()
		return nil, r, nil, xxgk.Unit{}, failf("轮次 %s 中没有单位“%s”%s。可用 xxgk units 查看单位名单", r.ID, name, cat.Units.ClosestHint(name))
	}
	return st, r, cat, u, nil
}

// correctionFailed turns a store error of a correction of unit u into the command's
// outcome: a correction that changes nothing is said and is not a failure (running it
// twice is harmless); anything else is exit 2. The store names units by code; the
// message names them as the office does.
func correctionFailed(e *env, err error, u xxgk.Unit, what string) error {
	msg := strings.ReplaceAll(err.Error(), "“"+u.Code+"”", "“"+u.Short+"”")
	if errors.Is(err, store.ErrNoEffect) {
		_, err := fmt.Fprintf(e.Stdout, "未做更改：%s\n", strings.TrimSuffix(msg, "，"+store.ErrNoEffect.Error()))
		return err
	}
	return failf("%s失败：%s", what, strings.TrimSuffix(msg, "，"+store.ErrNotFound.Error()))
}

// checkFormat validates --format against the allowed values (at least one), which the
// refusal lists as "table、csv 或 json".
func checkFormat(c *cli.Context, allowed ...string) (string, error) {
	f := strings.ToLower(strings.TrimSpace(c.String("format")))
	for _, a := range allowed {
		if f == a {
			return f, nil
		}
	}
	list := allowed[len(allowed)-1]
	if len(allowed) > 1 {
		list = strings.Join(allowed[:len(allowed)-1], "、") + " 或 " + list
	}
	return "", failf("--format 只能是 %s，而不是“%s”", list, f)
}
