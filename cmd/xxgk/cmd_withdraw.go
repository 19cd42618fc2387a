package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

func withdrawCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "withdraw",
		Usage:     "撤回一个单位的报送：该单位回到“未报送”，已导入的版本保留在历史中",
		UsageText: "xxgk withdraw [--round 轮次] [--operator 操作人] [--note 说明] 单位",
		Description: "例如把别的单位的文件导入到了这个单位：xxgk withdraw --note \"误导入\" 市财政局。\n" +
			"此后状态、汇总、报告和反馈单都把该单位当作未报送；它的下一个文件被接收时重新算作报送，\n" +
			"是否逾期按撤回后第一次接收的时间判断。撤错了可用 xxgk revert --to 版本号 单位 恢复。",
		Flags: withGlobals(
			roundFlag(),
			operatorFlag(),
			noteFlag(),
		),
		Action: func(c *cli.Context) error {
			st, r, _, u, err := roundUnit(c)
			if err != nil {
				return err
			}
			defer st.Close()
			by := correctionOf(c, e)
			v, err := st.Withdraw(c.Context, r.ID, u.Code, by)
			if err != nil {
				return correctionFailed(e, err, u, "撤回")
			}
			_, err = fmt.Fprintf(e.Stdout, "已撤回 %s 的第 %d 版（轮次 %s，操作人 %s）：该单位现为未报送，各版本仍保留在历史中。如需恢复：xxgk revert --to %d %s\n",
				u.Short, v, r.ID, by.Operator, v, u.Short)
			return err
		},
	}
}
