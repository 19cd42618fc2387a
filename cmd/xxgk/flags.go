package main

import (
	"github.com/urfave/cli/v2"
)

// Global flags are accepted before or after the command name: each command repeats them,
// and value() takes the innermost one that was set.
func globalFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{
			Name:    "db",
			Usage:   "数据库：sqlite:文件路径，或 mysql://用户[:密码]@tcp(主机:端口)/库名",
			EnvVars: []string{"XXGK_DB"},
			Value:   "sqlite:xxgk.db",
		},
		&cli.StringFlag{
			Name:    "indicators",
			Usage:   "指标表文件（.xlsx 或 .csv），替换内置的 2020 年指标表",
			EnvVars: []string{"XXGK_INDICATORS"},
		},
		&cli.StringFlag{
			Name:    "units",
			Usage:   "单位名单文件（.xlsx 或 .csv），替换内置单位名单",
			EnvVars: []string{"XXGK_UNITS"},
		},
	}
}

// withGlobals appends the global flags to a command's own.
func withGlobals(fs ...cli.Flag) []cli.Flag {
	return append(fs, globalFlags()...)
}

// value returns a global string flag, preferring the copy given after the command name.
func value(c *cli.Context, name string) string {
	for _, ctx := range c.Lineage() {
		if ctx.IsSet(name) {
			return ctx.String(name)
		}
	}
	return c.String(name)
}
