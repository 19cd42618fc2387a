package main

import "github.com/urfave/cli/v2"

func indicatorsCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "indicators",
		Usage:  "（尚未实现）",
		Flags:  withGlobals(),
		Action: func(c *cli.Context) error { return failf("命令 indicators 尚未实现") },
	}
}
