package main

import (
	"bytes"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"xxgk/termtable"
)

// flagHelp renders one option line of the help in Chinese: the names with a placeholder
// for the value ("值", or the word in `backquotes` in the usage), the usage, then the
// default and the environment variable, always written the same way:
//
//	--db 值    数据库：…（默认：sqlite:xxgk.db；环境变量 XXGK_DB）
//
// It replaces urfave/cli's stringer, which writes "value", "(default: …)" and
// "[$VARIABLE]" in English, and knows nothing of the variables read by value().
func flagHelp(f cli.Flag) string {
	df, ok := f.(cli.DocGenerationFlag)
	if !ok {
		return ""
	}
	placeholder, usage := splitPlaceholder(df.GetUsage())
	if df.TakesValue() && placeholder == "" {
		placeholder = "值"
	}
	names := make([]string, 0, 2)
	for _, n := range df.Names() {
		prefix := "--"
		if len(n) == 1 {
			prefix = "-"
		}
		names = append(names, prefix+n)
	}
	head := strings.Join(names, ", ")
	if df.TakesValue() {
		head = names[0] + " " + placeholder
		if len(names) > 1 {
			head += ", " + strings.Join(names[1:], ", ")
		}
	}
	var notes []string
	if bf, isBool := f.(*cli.BoolFlag); !isBool || !bf.DisableDefaultText {
		switch d := df.GetDefaultText(); d {
		case "", `""`, "false":
		case "true":
			notes = append(notes, "默认开启")
		default:
			notes = append(notes, "默认："+strings.Trim(d, `"`))
		}
	}
	envs := df.GetEnvVars()
	if g, ok := globalByName(df.Names()[0]); ok && df.GetDefaultText() == g.def {
		// A command's own flag of that name with another default (demo's --db) does
		// not read the variable.
		envs = []string{g.env}
	}
	if len(envs) > 0 {
		notes = append(notes, "环境变量 "+strings.Join(envs, "、"))
	}
	if len(notes) > 0 {
		usage += "（" + strings.Join(notes, "；") + "）"
	}
	return head + columnMark + usage
}

// columnMark separates an option from its usage instead of urfave/cli's tab: its tab
// alignment counts runes, and a Chinese placeholder (值) is two columns wide on screen.
// printHelp aligns the marked lines by display width.
const columnMark = "\x1f"

// printHelp renders help through urfave/cli's template machinery, then aligns the option
// columns by display width.
func printHelp(w io.Writer, templ string, data any) {
	var b bytes.Buffer
	cli.HelpPrinterCustom(&b, templ, data, nil)
	_, _ = io.WriteString(w, alignColumns(b.String()))
}

// alignColumns pads the text before columnMark on each run of consecutive marked lines to
// the widest of the run.
func alignColumns(s string) string {
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); {
		if !strings.Contains(lines[i], columnMark) {
			i++
			continue
		}
		j, widest := i, 0
		for ; j < len(lines) && strings.Contains(lines[j], columnMark); j++ {
			head, _, _ := strings.Cut(lines[j], columnMark)
			widest = max(widest, termtable.Width(head))
		}
		for k := i; k < j; k++ {
			head, tail, _ := strings.Cut(lines[k], columnMark)
			lines[k] = head + strings.Repeat(" ", widest-termtable.Width(head)+2) + tail
		}
		i = j
	}
	return strings.Join(lines, "\n")
}

// splitPlaceholder takes the first `word` out of a usage as the value's placeholder.
func splitPlaceholder(usage string) (placeholder, rest string) {
	i := strings.IndexByte(usage, '`')
	if i < 0 {
		return "", usage
	}
	j := strings.IndexByte(usage[i+1:], '`')
	if j < 0 {
		return "", usage
	}
	placeholder = usage[i+1 : i+1+j]
	return placeholder, usage[:i] + placeholder + usage[i+1+j+1:]
}
