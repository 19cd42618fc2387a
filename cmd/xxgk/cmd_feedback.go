package main

import "github.com/urfave/cli/v2"

func feedbackCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:   "feedback",
		Usage:  "（尚未实现）",
		Flags:  withGlobals(),
		Action: func(c *cli.Context) error { return failf("命令 feedback 尚未实现") },
	}
}
