package main

import "github.com/urfave/cli/v2"

func exportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "export",
		Usage:  "（尚未实现）",
		Flags:  withGlobals(),
		Action: func(c *cli.Context) error { return failf("命令 export 尚未实现") },
	}
}
