package main

import "github.com/urfave/cli/v2"

func reportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "report",
		Usage:  "（尚未实现）",
		Flags:  withGlobals(),
		Action: func(c *cli.Context) error { return failf("命令 report 尚未实现") },
	}
}
