package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

func revertCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "revert",
		Usage:     "把一个单位恢复为以前的某个版本（记为新的版本，历史中注明）",
		UsageText: "xxgk revert [--round 轮次] --to 版本号 [--operator 操作人] [--note 说明] 单位",
		Description: "例如误把别的单位的文件、或单位的旧文件导入成了新版本：xxgk revert --to 1 市财政局。\n" +
			"不删除任何版本：以第 N 版的内容记录一个新版本，它成为当前版本；xxgk history 中注明“恢复为第 N 版的内容”、时间和操作人。\n" +
			"也用于撤销 withdraw：把撤回的版本恢复即可。",
		Flags: withGlobals(
			roundFlag(),
			&cli.IntFlag{Name: "to", Usage: "要恢复的版本号（见 xxgk history）"},
			operatorFlag(),
			noteFlag(),
		),
		Action: func(c *cli.Context) error {
			if _, err := oneArg(c, "单位名称"); err != nil {
				return err
			}
			if !c.IsSet("to") || c.Int("to") < 1 {
				return failf("缺少必需的参数 --to（要恢复的版本号，从 1 开始，见 xxgk history）。用法：%s", c.Command.UsageText)
			}
			st, r, _, u, err := roundUnit(c)
			if err != nil {
				return err
			}
			defer st.Close()
			to, by := c.Int("to"), correctionOf(c, e)
			v, err := st.Revert(c.Context, r.ID, u.Code, to, by)
			if err != nil {
				return correctionFailed(e, err, u, "恢复")
			}
			_, err = fmt.Fprintf(e.Stdout, "已将 %s 恢复为第 %d 版的内容，记为第 %d 版（轮次 %s，操作人 %s）；原有各版本仍保留，见 xxgk history %s\n",
				u.Short, to, v, r.ID, by.Operator, u.Short)
			return err
		},
	}
}
