package main

import "github.com/urfave/cli/v2"

func templatesCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "templates",
		Usage:  "（尚未实现）",
		Flags:  withGlobals(),
		Action: func(c *cli.Context) error { return failf("命令 templates 尚未实现") },
	}
}
