package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestSubcommands: the machinery applies to commands with subcommands written on other
// branches (xxgk rejections clear UNIT|--all): Chinese help, options after arguments,
// suggestions among the subcommands.
func TestSubcommands(t *testing.T) {
	var got []string
	newTestApp := func(out *bytes.Buffer) *cli.App {
		e := newEnv(strings.NewReader(""), out, out)
		app := newApp(e)
		app.Commands = append(app.Commands, &cli.Command{
			Name:  "sample", // the real rejections command works the same way (see below)
			Usage: "查看或清除示例记录",
			Subcommands: []*cli.Command{{
				Name:      "clear",
				Usage:     "清除退回记录",
				UsageText: "xxgk sample clear 单位|--all [--round 轮次]",
				Flags:     withGlobals(&cli.BoolFlag{Name: "all"}, roundFlag()),
				Action: func(c *cli.Context) error {
					got = append(c.Args().Slice(), c.String("round"))
					return nil
				},
			}},
		})
		localizeHelp(app)
		return app
	}
	runApp := func(args ...string) (string, error) {
		var out bytes.Buffer
		app := newTestApp(&out)
		a, err := normalizeArgs(app, append([]string{"xxgk"}, args...))
		if err == nil {
			err = app.RunContext(context.Background(), a)
		}
		return out.String(), err
	}
	if _, err := runApp("sample", "clear", "汉滨区", "--round", "2020"); err != nil || strings.Join(got, ",") != "汉滨区,2020" {
		t.Errorf("clear: %v, got %v", err, got)
	}
	_, err := runApp("sample", "clera", "汉滨区")
	if err == nil || err.Error() != "没有命令“clera”。您是不是要输入 clear？用法见 xxgk sample --help" {
		t.Errorf("typo: %v", err)
	}
	out, err := runApp("sample", "--help")
	if err != nil || !strings.Contains(out, "命令 COMMANDS:") || !strings.Contains(out, "clear  清除退回记录") {
		t.Errorf("sample --help: %v\n%s", err, out)
	}
	out, err = runApp("rejections", "clear", "--help")
	if err != nil || !strings.Contains(out, "参数 OPTIONS:") || !strings.Contains(out, exitCodesHeading) || strings.Contains(out, "[command options]") {
		t.Errorf("rejections clear --help: %v\n%s", err, out)
	}
}
