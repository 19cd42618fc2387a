package main

import (
	"os"

	"github.com/urfave/cli/v2"
)

// globalFlag is a flag accepted before or after the command name, with an environment
// variable behind it. The variable is read by value(), not by urfave/cli: the library
// would let the variable override a flag given before the command name, since the
// command's own copy of the flag, filled from the environment, is looked at first.
type globalFlag struct {
	name, env, def, usage string
}

var globals = []globalFlag{
	{name: "db", env: "XXGK_DB", def: "sqlite:xxgk.db", usage: "数据库：sqlite:文件路径，或 mysql://用户[:密码]@tcp(主机:端口)/库名"},
	{name: "indicators", env: "XXGK_INDICATORS", usage: "指标表文件（.xlsx 或 .csv），替换内置的 2020 年指标表"},
	{name: "units", env: "XXGK_UNITS", usage: "单位名单文件（.xlsx 或 .csv），替换内置单位名单"},
}

// globalFlags builds the flags; the help shows the default and the variable (flagHelp).
func globalFlags() []cli.Flag {
	out := make([]cli.Flag, 0, len(globals))
	for _, g := range globals {
		out = append(out, &cli.StringFlag{Name: g.name, Usage: g.usage, DefaultText: g.def})
	}
	return out
}

// globalByName finds a global flag by name.
func globalByName(name string) (globalFlag, bool) {
	for _, g := range globals {
		if g.name == name {
			return g, true
		}
	}
	return globalFlag{}, false
}

// withGlobals appends the global flags to a command's own.
func withGlobals(fs ...cli.Flag) []cli.Flag {
	return append(fs, globalFlags()...)
}

// given returns a global flag written on the command line: after the command name, else
// before it. The environment does not count.
func given(c *cli.Context, name string) (string, bool) {
	for _, ctx := range c.Lineage() {
		if ctx.IsSet(name) {
			return ctx.String(name), true
		}
	}
	return "", false
}

// value returns a global flag: given on the command line, else from its environment
// variable, else its default.
func value(c *cli.Context, name string) string {
	if v, ok := given(c, name); ok {
		return v
	}
	for _, g := range globals {
		if g.name == name {
			if v, ok := os.LookupEnv(g.env); ok && v != "" {
				return v
			}
			return g.def
		}
	}
	return c.String(name)
}

// isSet tells whether a global flag was given on the command line or in the environment.
func isSet(c *cli.Context, name string) bool {
	if _, ok := given(c, name); ok {
		return true
	}
	for _, g := range globals {
		if g.name == name && os.Getenv(g.env) != "" {
			return true
		}
	}
	return false
}
