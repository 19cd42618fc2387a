package main

import "github.com/urfave/cli/v2"

func importCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "import",
		Usage:  "（尚未实现）",
		Flags:  withGlobals(),
		Action: func(c *cli.Context) error { return failf("命令 import 尚未实现") },
	}
}
