package main

import "github.com/urfave/cli/v2"

func unitsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "units",
		Usage:  "（尚未实现）",
		Flags:  withGlobals(),
		Action: func(c *cli.Context) error { return failf("命令 units 尚未实现") },
	}
}
