package main

import (
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
)

// unknownCommand refuses a command name that does not exist and suggests the nearest one,
// since a typo (improt, staus) is the usual cause.
func unknownCommand(cmds []*cli.Command, typed, path string) error {
	// A file or folder where the command belongs: typed without "import", or dropped on
	// xxgk.exe in Explorer.
	if path == "xxgk" && findCommand(cmds, "import") != nil && looksLikePath(typed) {
		return failf("“%s”不是命令。要导入它，请运行：xxgk import %s", typed, quoteArg(typed))
	}
	if near := nearestCommand(cmds, typed); near != "" {
		return failf("没有命令“%s”。您是不是要输入 %s？用法见 %s --help", typed, near, path)
	}
	names := []string{}
	for _, c := range cmds {
		if !c.Hidden {
			names = append(names, c.Name)
		}
	}
	return failf("没有命令“%s”。可用的命令：%s；用法见 %s --help", typed, strings.Join(names, "、"), path)
}

// nearestCommand returns the visible command whose name is closest to typed, when it is
// close enough to be what was meant: a unique prefix, or at most two edits (one for short
// names), a swap of neighbouring letters counting as one.
func nearestCommand(cmds []*cli.Command, typed string) string {
	lower := strings.ToLower(typed)
	best, bestDist, prefix, prefixes := "", 1<<30, "", 0
	for _, c := range cmds {
		if c.Hidden {
			continue
		}
		for _, n := range c.Names() {
			if len(lower) >= 2 && strings.HasPrefix(n, lower) {
				if prefix != c.Name {
					prefixes++
				}
				prefix = c.Name
			}
			if d := editDistance(lower, n); d < bestDist {
				best, bestDist = c.Name, d
			}
		}
	}
	if prefixes == 1 {
		return prefix
	}
	limit := 2
	if len([]rune(best)) <= 4 {
		limit = 1
	}
	if bestDist <= limit {
		return best
	}
	return ""
}

// editDistance is the optimal string alignment distance between a and b, in runes:
// insertions, deletions, substitutions and transpositions of neighbours cost one.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range t {
		d[0][j+1] = j + 1
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}

// looksLikePath tells a file or folder name from a mistyped command.
func looksLikePath(s string) bool {
	switch strings.ToLower(filepath.Ext(s)) {
	case ".xlsx", ".xls", ".et", ".zip":
		return true
	}
	return strings.ContainsAny(s, `/\`)
}

// quoteArg quotes an argument that holds spaces, so that the suggested command can be
// copied as it is.
func quoteArg(s string) string {
	if strings.ContainsAny(s, " \t") {
		return `"` + s + `"`
	}
	return s
}
