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
   {{template "usageTemplate" .}}{{if .Description}}

说明 DESCRIPTION:
   {{template "descriptionTemplate" .}}{{end}}{{if .VisibleFlags}}

参数 OPTIONS:{{template "visibleFlagTemplate" .}}{{end}}
`

func init() {
	// urfave/cli keeps the help flag in a package variable; this only changes its wording.
	cli.HelpFlag = &cli.BoolFlag{Name: "help", Aliases: []string{"h"}, Usage: "显示帮助", DisableDefaultText: true}
}

// localizeHelp gives every command the Chinese help layout with the exit codes, and
// leaves argument errors to run(), which prints them once, in Chinese, without the
// English "Incorrect Usage" and a page of help around them.
func localizeHelp(app *cli.App) {
	app.CustomAppHelpTemplate = appHelpTemplate
	quiet := func(_ *cli.Context, err error, _ bool) error { return err }
	app.OnUsageError = quiet
	for _, c := range app.Commands {
		c.CustomHelpTemplate = commandHelpTemplate
		c.OnUsageError = quiet
		if !strings.Contains(c.Description, "退出码 / exit codes:") { // a command may document its own
			if c.Description != "" {
				c.Description += "\n\n"
			}
			c.Description += helpExitCodes
		}
	}
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
