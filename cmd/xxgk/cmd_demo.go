package main

import "github.com/urfave/cli/v2"

func demoCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "demo",
		Usage:  "（尚未实现）",
		Flags:  withGlobals(),
		Action: func(c *cli.Context) error { return failf("命令 demo 尚未实现") },
	}
}
