package main

import "github.com/urfave/cli/v2"

func statusCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "status",
		Usage:  "（尚未实现）",
		Flags:  withGlobals(),
		Action: func(c *cli.Context) error { return failf("命令 status 尚未实现") },
	}
}
