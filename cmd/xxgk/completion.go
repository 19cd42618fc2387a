package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"
)

func completionCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "输出 bash 或 PowerShell 的命令补全脚本（按 Tab 补全命令和参数名）",
		UsageText: "xxgk completion bash|powershell",
		Description: "bash：在 ~/.bashrc 中加入一行  source <(xxgk completion bash)\n" +
			"PowerShell：在 $PROFILE 中加入一行  xxgk completion powershell | Out-String | Invoke-Expression",
		Action: func(c *cli.Context) error {
			shell := strings.ToLower(c.Args().First())
			words := completionWords(c.App)
			switch shell {
			case "bash":
				return writeBashCompletion(e.Stdout, words)
			case "powershell", "pwsh":
				return writePowerShellCompletion(e.Stdout, words)
			case "":
				return failf("请指定 shell：xxgk completion bash 或 xxgk completion powershell")
			}
			return failf("不支持“%s”的补全，只支持 bash 和 powershell", c.Args().First())
		},
	}
}

// completions holds, for each command path ("" for the top level, "rejections" for a
// command with subcommands), the words that may follow it, and the options that take a
// value (whose next word is that value, not a command). Built from the app itself, so
// commands added later complete without touching this file.
type completions struct {
	words      map[string][]string
	valueFlags []string
}

func completionWords(app *cli.App) completions {
	c := completions{words: map[string][]string{}}
	seen := map[string]bool{}
	addFlags := func(key string, flags []cli.Flag) {
		for _, f := range append(flags, cli.HelpFlag) {
			name := "--" + f.Names()[0]
			if slices.Contains(c.words[key], name) {
				continue // help and version may already be among the flags
			}
			c.words[key] = append(c.words[key], name)
			if df, ok := f.(cli.DocGenerationFlag); ok && df.TakesValue() && !seen[name] {
				seen[name] = true
				c.valueFlags = append(c.valueFlags, name)
			}
		}
	}
	var walk func(prefix string, cmds []*cli.Command)
	walk = func(prefix string, cmds []*cli.Command) {
		for _, cmd := range cmds {
			if cmd.Hidden || cmd.Name == "help" {
				continue
			}
			c.words[prefix] = append(c.words[prefix], cmd.Name)
			key := strings.TrimSpace(prefix + " " + cmd.Name)
			addFlags(key, cmd.Flags)
			walk(key, cmd.Subcommands)
		}
	}
	walk("", app.Commands)
	addFlags("", append(app.Flags, cli.VersionFlag))
	sort.Strings(c.valueFlags)
	return c
}

func (c completions) keys() []string {
	keys := make([]string, 0, len(c.words))
	for k := range c.words {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func writeBashCompletion(w io.Writer, c completions) error {
	var b strings.Builder
	b.WriteString(`# xxgk 的 bash 补全。使用：source <(xxgk completion bash)
_xxgk() {
  local cur="${COMP_WORDS[COMP_CWORD]}" path="" i w
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="${COMP_WORDS[i]}"
    case "$w" in
      ` + strings.Join(c.valueFlags, "|") + `) ((i++)) ;;
      -*) ;;
      *) case "${path:+$path }$w" in
           ` + strings.Join(quoteAll(c.keys()[1:]), "|") + `) path="${path:+$path }$w" ;;
           *) break ;;
         esac ;;
    esac
  done
  local words=""
  case "$path" in
`)
	for _, k := range c.keys() {
		fmt.Fprintf(&b, "    %q) words=%q ;;\n", k, strings.Join(c.words[k], " "))
	}
	b.WriteString(`  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$(printf '%s\n' $words | grep -v '^-')" -- "$cur"))
  fi
}
complete -o default -F _xxgk xxgk xxgk.exe
`)
	_, err := io.WriteString(w, b.String())
	return err
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

func writePowerShellCompletion(w io.Writer, c completions) error {
	var b strings.Builder
	b.WriteString(`# xxgk 的 PowerShell 补全。使用：xxgk completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName 'xxgk', 'xxgk.exe' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @{
`)
	for _, k := range c.keys() {
		fmt.Fprintf(&b, "        '%s' = @(%s)\n", k, psList(c.words[k]))
	}
	fmt.Fprintf(&b, "    }\n    $valueFlags = @(%s)\n", psList(c.valueFlags))
	b.WriteString(`    $path = ''
    $skip = $false
    foreach ($e in ($commandAst.CommandElements | Select-Object -Skip 1)) {
        if ($e.Extent.EndOffset -ge $cursorPosition) { break }
        $t = $e.ToString()
        if ($skip) { $skip = $false; continue }
        if ($t.StartsWith('-')) { $skip = $valueFlags -contains $t; continue }
        $next = ($path + ' ' + $t).Trim()
        if ($words.ContainsKey($next)) { $path = $next } else { break }
    }
    $candidates = $words[$path]
    if (-not $wordToComplete.StartsWith('-')) {
        $candidates = $candidates | Where-Object { -not $_.StartsWith('-') }
    }
    $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`)
	_, err := io.WriteString(w, b.String())
	return err
}

func psList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return strings.Join(q, ", ")
}
