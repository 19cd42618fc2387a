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

func indicatorsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "indicators",
		Usage: "列出指标表：编码、一级指标、二级指标、是否需报送、建设单位",
		Description: "默认列出数据库中默认轮次登记的指标表（--round 指定轮次），没有数据库时列出内置的 2020 年" +
			"《安康市政府网站重点领域信息公开栏目建设指标》；--indicators / --units 检查自己的指标表和单位名单。\n" +
			"--out 指标.xlsx（或 .csv）把表写成 --indicators 读取的格式，下一年的表可从今年的改起。\n" +
			"--unit 只列出某个单位应建的指标（简称、全称、编码或别名均可）。\n" +
			"建设单位列中“等”表示原表写有“等相关职能部门”，电子政务办可另行指定单位。",
		Flags: withGlobals(
			&cli.StringFlag{Name: "unit", Usage: "只列出该单位应建的指标，如 市财政局、汉滨区"},
			countyScopeFlag(),
			roundListFlag(),
			tableOutFlag("指标表", "indicators"),
		),
		Action: func(c *cli.Context) error {
			if c.IsSet("out") && c.IsSet("unit") {
				return failf("--out 写出整张指标表，不能与 --unit 同时使用")
			}
			cat, src, err := listedCatalog(c)
			if err != nil {
				return err
			}
			if c.IsSet("out") {
				return writeTableOut(c, e, "指标表", "indicators", catalog.IndicatorRows(cat), src)
			}
			if strings.HasPrefix(src, "轮次") {
				e.hint("列出" + src + "指标表")
			}
			return runIndicators(e.Stdout, cat, c.String("unit"))
		},
	}
}

// runIndicators prints the table, or one unit's part of it.
func runIndicators(w io.Writer, cat *xxgk.Catalog, unitName string) error {
	inds := cat.Indicators
	if unitName != "" {
		u, err := findUnit(cat, unitName)
		if err != nil {
			return err
		}
		inds = cat.For(u)
		fmt.Fprintf(w, "%s（%s）应建 %d 项指标：\n", u.Short, u.Name, len(inds))
	}
	t := termtable.New("编码", "一级指标", "二级指标", "需报送", "建设单位").MaxWidth(1, 28).MaxWidth(2, 34)
	areas := map[string]bool{}
	for _, ind := range inds {
		areas[ind.Area] = true
		t.Row(ind.Code, ind.Area, subAreaLabel(ind), yesNo(ind.NeedsReport()), unitsLabel(cat, ind))
	}
	if err := t.Render(w); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "共 %d 项指标，涉及 %d 个一级指标。\n", len(inds), len(areas))
	return err
}

// findUnit looks a unit up by any of its names; an unknown name is a usage error (exit 2)
// that suggests the closest known one.
func findUnit(cat *xxgk.Catalog, name string) (xxgk.Unit, error) {
	u, ok := cat.Units.Lookup(name)
	if !ok {
		return xxgk.Unit{}, failf("单位“%s”不在单位名单中%s；用 xxgk units 查看全部单位", name, cat.Units.ClosestHint(name))
	}
	return u, nil
}

// subAreaLabel shows the 二级指标, the display form where the table has none, and the
// frequency where one is given.
func subAreaLabel(ind xxgk.Indicator) string {
	s := ind.SubArea
	if s == "" && ind.Display != "" {
		s = "（" + ind.Display + "）"
	}
	if ind.Frequency != "" {
		s += "（" + ind.Frequency + "）"
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// unitsLabel lists the resolved units by short name, then 各部门/各县区, and ends in 等
// when the office may add units.
func unitsLabel(cat *xxgk.Catalog, ind xxgk.Indicator) string {
	var names []string
	for _, code := range ind.Units {
		if u, ok := cat.Units.Lookup(code); ok {
			names = append(names, u.Short)
		} else {
			names = append(names, code)
		}
	}
	if ind.AllDepts {
		names = append(names, "各部门")
	}
	if ind.AllCounty {
		names = append(names, "各县区")
	}
	s := strings.Join(names, "、")
	if ind.OpenEnded {
		s += "等"
	}
	return s
}
