package main

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/urfave/cli/v2"
)

// Help in Chinese with the English words kept beside the headings, for office staff who
// read the help and for developers who grep it.
const appHelpTemplate = `名称 NAME:
   {{template "helpNameTemplate" .}}

用法 USAGE:
   {{.HelpName}} [全局参数] 命令 [命令参数]{{if .Description}}

说明 DESCRIPTION:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleCommands}}

命令 COMMANDS:{{template "visibleCommandCategoryTemplate" .}}{{end}}{{if .VisibleFlags}}

全局参数 GLOBAL OPTIONS（也可写在命令之后）:{{template "visibleFlagTemplate" .}}{{end}}

每个命令的详细用法：xxgk 命令 --help
`

const commandHelpTemplate = `名称 NAME:
   {{template "helpNameTemplate" .}}

用法 USAGE:
   ` + usageLine + `{{if .Description}}

说明 DESCRIPTION:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleFlags}}

参数 OPTIONS:{{template "visibleFlagTemplate" .}}{{end}}
`

// subcommandHelpTemplate is for a command with subcommands (xxgk rejections clear ...):
// urfave/cli renders it as a small app of its own.
const subcommandHelpTemplate = `名称 NAME:
   {{template "helpNameTemplate" .}}

用法 USAGE:
   ` + usageLine + `{{if .Description}}

说明 DESCRIPTION:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleCommands}}

命令 COMMANDS:{{template "visibleCommandCategoryTemplate" .}}{{end}}{{if .VisibleFlags}}

参数 OPTIONS:{{template "visibleFlagTemplate" .}}{{end}}
`

// usageLine replaces urfave/cli's usage template, whose "[command options]" and
// "[arguments...]" are English.
const usageLine = `{{if .UsageText}}{{wrap .UsageText 3}}{{else}}{{.HelpName}}{{if .VisibleCommands}} 命令{{end}}{{if .VisibleFlags}} [参数]{{end}}{{if .ArgsUsage}} {{.ArgsUsage}}{{end}}{{end}}`

func init() {
	// urfave/cli keeps these in package variables; this only changes their wording.
	cli.HelpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: "显示帮助", DisableDefaultText: true}
	cli.VersionFlag = &cli.BoolFlag{Name: "version", Aliases: []string{"v"}, Usage: "显示版本、提交和构建日期", DisableDefaultText: true}
	cli.VersionPrinter = func(c *cli.Context) { fmt.Fprintln(c.App.Writer, c.App.Version) }
	cli.FlagStringer = flagHelp
	cli.HelpPrinter = printHelp
}

// localizeHelp gives every command, and every subcommand, the Chinese help layout with its
// exit codes, and leaves argument errors to run(), which prints them once, in Chinese,
// without the English "Incorrect Usage" and a page of help around them.
func localizeHelp(app *cli.App) {
	app.CustomAppHelpTemplate = appHelpTemplate
	quiet := func(_ *cli.Context, err error, _ bool) error { return err }
	app.OnUsageError = quiet
	var walk func(cmds []*cli.Command)
	walk = func(cmds []*cli.Command) {
		for _, c := range cmds {
			c.CustomHelpTemplate = commandHelpTemplate
			c.HideHelpCommand = true // "xxgk import help" is not a way to ask for help
			if len(c.Subcommands) > 0 {
				c.CustomHelpTemplate = subcommandHelpTemplate
				walk(c.Subcommands)
			}
			c.OnUsageError = quiet
			// A command that says its own exit codes keeps them; the others get the
			// common ones (done / nothing done / interrupted).
			if !strings.Contains(c.Description, exitCodesHeading) {
				if c.Description != "" {
					c.Description += "\n\n"
				}
				c.Description += helpExitCodes
			}
		}
	}
	walk(app.Commands)
}

// helpArgs turns "xxgk help [COMMAND]" into "xxgk [COMMAND] --help".
func helpArgs(args []string) []string {
	if len(args) >= 2 && args[1] == "help" {
		return append(append([]string{args[0]}, args[2:]...), "--help")
	}
	return args
}

// usageMessages turns urfave/cli's English argument errors into Chinese ones.
var usageMessages = []struct {
	re  *regexp.Regexp
	msg func(m []string) string
}{
	{regexp.MustCompile(`^Required flags? "([^"]+)" not set`), func(m []string) string {
		return "缺少必需的参数 --" + strings.ReplaceAll(m[1], ", ", "、--")
	}},
	{regexp.MustCompile(`^flag provided but not defined: -+(\S+)`), func(m []string) string {
		if len(m[1]) == 1 {
			return "没有参数 -" + m[1] + "（如果它是某个命令的参数，请写在命令名之后）"
		}
		return "没有参数 --" + m[1]
	}},
	{regexp.MustCompile(`^flag needs an argument: -+(\S+)`), func(m []string) string {
		return "参数 --" + m[1] + " 后面需要一个值"
	}},
	{regexp.MustCompile(`^invalid value "([^"]*)" for flag -+(\S+):`), func(m []string) string {
		return fmt.Sprintf("参数 --%s 的值“%s”无效", m[2], m[1])
	}},
	{regexp.MustCompile(`^No help topic for '([^']*)'`), func(m []string) string {
		return "没有命令“" + m[1] + "”"
	}},
}

// usageError returns the Chinese message for an argument error from urfave/cli, or false.
func usageError(err error) (string, bool) {
	for _, u := range usageMessages {
		if m := u.re.FindStringSubmatch(err.Error()); m != nil {
			return u.msg(m) + "。用法见 xxgk --help 或 xxgk 命令 --help", true
		}
	}
	return "", false
}

// required checks a flag the command cannot do without. urfave/cli's own Required prints a
// page of English help around its message.
func required(c *cli.Context, name string) error {
	if c.String(name) == "" {
		return failf("缺少必需的参数 --%s。用法见 xxgk %s --help", name, c.Command.Name)
	}
	return nil
}
