package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"xxgk"
	"xxgk/catalog"
	"xxgk/termtable"
)

func unitsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "units",
		Usage: "列出单位名单及每个单位应建的指标数",
		Description: "默认列出数据库中默认轮次登记的单位名单（--round 指定轮次），没有数据库时列出内置的 26 个市级部门和 10 个县区；" +
			"--units 检查自己的单位名单。\n--out 单位.xlsx（或 .csv）把名单写成 --units 读取的格式，下一年的名单可从今年的改起。\n" +
			"按通知“各县区参照《指标》要求规范开设本县区政府网站重点领域信息公开栏目”，县区默认参照整张指标表建设（--county-scope full）；" +
			"--county-scope mandatory 让县区只建建设单位写有“各县区”的指标。",
		Flags: withGlobals(countyScopeFlag(), roundListFlag(), tableOutFlag("单位名单", "units")),
		Action: func(c *cli.Context) error {
			cat, src, err := listedCatalog(c)
			if err != nil {
				return err
			}
			if c.IsSet("out") {
				return writeTableOut(c, e, "单位名单", "units", catalog.UnitRows(cat), src)
			}
			if strings.HasPrefix(src, "轮次") {
				e.hint("列出" + src + "单位名单")
			}
			return runUnits(e.Stdout, cat)
		},
	}
}

// runUnits prints every unit with the number of indicators it must build.
func runUnits(w io.Writer, cat *xxgk.Catalog) error {
	t := termtable.New("编码", "简称", "全称", "类型", "应建指标数").AlignRight(4)
	kinds := map[xxgk.UnitKind]int{}
	for _, u := range cat.Units.All() {
		kinds[u.Kind]++
		t.Row(u.Code, u.Short, u.Name, u.Kind.Label(), fmt.Sprint(len(cat.For(u))))
	}
	if err := t.Render(w); err != nil {
		return err
	}
	scope := "县区只建建设单位写有“各县区”的指标"
	if cat.Scope == xxgk.CountyFull {
		scope = "县区参照整张指标表建设"
	}
	_, err := fmt.Fprintf(w, "共 %d 个单位：市级部门 %d 个，县区 %d 个；%s（--county-scope %s）。\n",
		cat.Units.Len(), kinds[xxgk.Department], kinds[xxgk.County], scope, cat.Scope)
	return err
}

// countyScopeFlag is shared by the commands that show what a county must build.
func countyScopeFlag() cli.Flag {
	return &cli.StringFlag{
		Name:  "county-scope",
		Usage: "县区应建范围：full（参照整张指标表，默认）或 mandatory（只含建设单位写有“各县区”的指标）",
		Value: string(xxgk.DefaultCountyScope),
	}
}

// applyCountyScope sets Catalog.Scope from --county-scope.
func applyCountyScope(c *cli.Context, cat *xxgk.Catalog) error {
	switch s := xxgk.CountyScope(c.String("county-scope")); s {
	case xxgk.CountyMandatory, xxgk.CountyFull:
		cat.Scope = s
		return nil
	default:
		return failf("--county-scope 只能是 mandatory 或 full，不能是“%s”", s)
	}
}
