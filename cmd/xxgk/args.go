package main

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"
)

// normalizeArgs rewrites a command line into the order urfave/cli v2 can parse:
//
//	xxgk [global options] COMMAND [SUBCOMMAND] [options] [--] [arguments]
//
// The library stops reading options at the first argument, so `xxgk import 收到的文件/
// --errors-dir 退回/` would import a folder named --errors-dir. Office staff type the
// paths first and the options after, so options found after arguments are moved in front
// of them. Which options take a value is read from the command's own flag definitions, so
// the rewrite applies to every command, including ones added later; after "--" nothing is
// an option. A mistyped command and arguments a command does not take are refused here,
// before anything runs, with a message that names them.
func normalizeArgs(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 {
		return args, nil
	}
	args = append(args[:1:1], imeOptions(args[1:])...)
	global, early, rest := splitGlobal(app, args[1:])
	out := append([]string{args[0]}, global...)
	if len(rest) == 0 || rest[0] == "--" {
		// No command: urfave/cli shows the help, or names an option it does not know.
		return append(append(out, early...), rest...), nil
	}
	cmd := findCommand(app.Commands, rest[0])
	if cmd == nil {
		return nil, unknownCommand(app.Commands, rest[0], "xxgk")
	}
	out = append(out, rest[0])
	more, err := normalizeCommand(cmd, "xxgk "+cmd.Name, append(early, rest[1:]...))
	if err != nil {
		return nil, err
	}
	return append(out, more...), nil
}

// splitGlobal reads the options before the command name. Global ones stay there; a
// command's own (xxgk -q import …) are returned as early, to be moved after the command
// name. An option that is not global takes the next word as its value when some
// command's option of that name takes one and the word is not a command name.
func splitGlobal(app *cli.App, args []string) (global, early, rest []string) {
	i := 0
	for ; i < len(args) && isOption(args[i]) && args[i] != "--"; i++ {
		name, _, hasValue := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if isGlobal(app, name) {
			global = append(global, args[i])
			if !hasValue && takesValue(app.Flags, name) && i+1 < len(args) {
				i++
				global = append(global, args[i])
			}
			continue
		}
		early = append(early, args[i])
		if !hasValue && i+1 < len(args) && findCommand(app.Commands, args[i+1]) == nil && anyTakesValue(app.Commands, name) {
			i++
			early = append(early, args[i])
		}
	}
	return global, early, args[i:]
}

// isGlobal tells the options read before the command name: the app's and help/version.
func isGlobal(app *cli.App, name string) bool {
	switch name {
	case "help", "h", "version", "v":
		return true
	}
	for _, f := range app.Flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}

// anyTakesValue tells whether some command (or subcommand) has an option of that name
// taking a value.
func anyTakesValue(cmds []*cli.Command, name string) bool {
	for _, c := range cmds {
		if takesValue(c.Flags, name) || anyTakesValue(c.Subcommands, name) {
			return true
		}
	}
	return false
}

// normalizeCommand orders one command's tail: subcommand, options, then "--" and the
// positional arguments when one of them could be taken for an option.
func normalizeCommand(cmd *cli.Command, path string, rest []string) ([]string, error) {
	if len(cmd.Subcommands) > 0 {
		flags, tail, _ := splitOptions(cmd.Flags, rest, true)
		if len(tail) > 0 {
			if sub := findCommand(cmd.Subcommands, tail[0]); sub != nil {
				more, err := normalizeCommand(sub, path+" "+sub.Name, tail[1:])
				if err != nil {
					return nil, err
				}
				return append(append(flags, tail[0]), more...), nil
			}
			if !hasHelp(flags) && (cmd.Action == nil || !takesArgs(cmd, path) && nearestCommand(cmd.Subcommands, tail[0]) != "") {
				// rejections clera: a typo of a subcommand, not an argument.
				return nil, unknownCommand(cmd.Subcommands, tail[0], path)
			}
		}
	}
	flags, positional, dashed := splitOptions(cmd.Flags, rest, false)
	if bad := unknownOption(cmd.Flags, flags); bad != "" && !hasHelp(flags) {
		// Named before the arguments: an option it does not know also takes the word after
		// it for an argument ("feedback --unit 市财政局"), and the option is the mistake.
		if near := nearestFlag(cmd.Flags, bad); near != "" {
			return nil, failf("没有参数 %s：%s 没有这个参数。您是不是要输入 %s？用法见 %s --help", bad, path, near, path)
		}
		if !asciiName(strings.TrimLeft(bad, "-")) {
			return nil, failf("没有参数 %s：参数名要用英文半角字符输入，以两个半角减号开头，例如 --out（请切换到英文输入法）。用法见 %s --help", bad, path)
		}
		return nil, failf("没有参数 %s：%s 没有这个参数。用法见 %s --help", bad, path, path)
	}
	if len(positional) > 0 && !takesArgs(cmd, path) && !hasHelp(flags) {
		return nil, extraArgs(cmd, path, positional)
	}
	if len(positional) > 0 && hasHelp(flags) && len(cmd.Subcommands) == 0 {
		// urfave/cli would take the word for a help topic and say there is no such
		// command; it is an argument --help does not use.
		return nil, failf("多余的参数“%s”：--help 只显示帮助，不接受其他参数。请输入 %s --help", positional[0], path)
	}
	out := flags
	needDash := dashed
	for _, p := range positional {
		needDash = needDash || strings.HasPrefix(p, "-")
	}
	if needDash && len(positional) > 0 {
		out = append(out, "--")
	}
	return append(out, positional...), nil
}

// splitOptions separates options (with the values of those that take one) from the
// other arguments. With stopAtArg it stops at the first argument and returns it and
// everything after it untouched; otherwise it collects options from anywhere up to "--".
// ended reports that "--" was met.
func splitOptions(defs []cli.Flag, args []string, stopAtArg bool) (flags, rest []string, ended bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return flags, append(rest, args[i+1:]...), true
		}
		if !isOption(a) {
			if stopAtArg {
				return flags, append(rest, args[i:]...), false
			}
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !hasValue && takesValue(defs, name) && i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return flags, rest, false
}

// unknownOption returns the first option in flags (as splitOptions returns them) that the
// command does not define, or "". Help is every command's.
func unknownOption(defs []cli.Flag, flags []string) string {
	for i := 0; i < len(flags); i++ {
		name, _, hasValue := strings.Cut(strings.TrimLeft(flags[i], "-"), "=")
		if !defined(defs, name) && !hasHelp(flags[i:i+1]) {
			return strings.SplitN(flags[i], "=", 2)[0]
		}
		if !hasValue && takesValue(defs, name) {
			i++ // its value
		}
	}
	return ""
}

func defined(defs []cli.Flag, name string) bool {
	for _, f := range defs {
		if slices.Contains(f.Names(), name) {
			return true
		}
	}
	return false
}

// isOption tells an option from an argument; "-" alone names standard input.
func isOption(a string) bool {
	return len(a) > 1 && a[0] == '-'
}

// takesValue tells whether the option name is followed by its value. Unknown options are
// left for urfave/cli to refuse by name; help and version are switches.
func takesValue(defs []cli.Flag, name string) bool {
	for _, f := range defs {
		for _, n := range f.Names() {
			if n == name {
				if df, ok := f.(cli.DocGenerationFlag); ok {
					return df.TakesValue()
				}
				return false
			}
		}
	}
	return false
}

func hasHelp(flags []string) bool {
	for _, f := range flags {
		if f == "--help" || f == "-help" || f == "-h" || f == "--h" {
			return true
		}
	}
	return false
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}

// placeholderWord finds an argument placeholder in a command's usage text: a word in
// capitals (UNIT, PATH...) or one not belonging to an option, e.g. "xxgk history 单位".
var placeholderWord = regexp.MustCompile(`^[^-\[\]]`)

// takesArgs tells whether a command accepts positional arguments: it declares them in
// ArgsUsage, or its UsageText names one outside the options, as in
// "xxgk history UNIT [--round R]". path is the command as typed, e.g. "xxgk rejections clear".
func takesArgs(cmd *cli.Command, path string) bool {
	if cmd.ArgsUsage != "" || cmd.SkipFlagParsing {
		return true
	}
	names := map[string]bool{}
	for _, w := range strings.Fields(path) {
		names[w] = true
	}
	words := strings.Fields(cmd.UsageText)
	depth := 0
	for i := 0; i < len(words); i++ {
		w := words[i]
		if depth > 0 || strings.HasPrefix(w, "[") {
			depth += strings.Count(w, "[") - strings.Count(w, "]")
			continue
		}
		switch {
		case names[w], cmd.HasName(w):
		case strings.HasPrefix(w, "-"):
			if _, _, eq := strings.Cut(w, "="); !eq && takesValue(cmd.Flags, strings.TrimLeft(w, "-")) {
				i++ // the option's placeholder
			}
		case placeholderWord.MatchString(w):
			return true
		}
	}
	return false
}

// looksLikeRound tells a word that is probably a round number (2021, 2021-2) typed
// without --round, rather than a file, a unit or a misplaced subcommand.
func looksLikeRound(w string) bool {
	return strings.ContainsAny(w, "0123456789") && !strings.ContainsAny(w, "./\\")
}

// extraArgs names the arguments a command does not take.
func extraArgs(cmd *cli.Command, path string, extra []string) error {
	quoted := make([]string, len(extra))
	for i, a := range extra {
		quoted[i] = "“" + a + "”"
	}
	msg := fmt.Sprintf("多余的参数%s：%s 不接受这样的参数，它也不是参数名。参数要写成“--名称 值”", strings.Join(quoted, ""), path)
	if takesValue(cmd.Flags, "round") && looksLikeRound(extra[0]) {
		msg += fmt.Sprintf("，例如 --round %s", extra[0])
	}
	return failf("%s。用法见 %s --help", msg, path)
}
