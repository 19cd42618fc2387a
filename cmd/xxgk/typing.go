package main

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
)

// imeDashes are what a Chinese input method types for "--" or "-": the em dash (one
// "—" or two, "——", which is what Shift+minus gives in Chinese mode), the en dash and
// the full-width hyphen-minus.
var imeDashes = []string{"——", "—", "－－", "－", "––", "–", "-－", "－-"}

// imeOption rewrites an option typed with a Chinese input method (—out, ——out, －－out,
// --out＝x) to the ASCII spelling, so that it is recognised: the name after the dashes
// must be ASCII letters, as every option's is. Anything else (a path starting with a
// dash, an argument after "--") is left as it is.
func imeOption(a string) (string, bool) {
	name := a
	dashed := false
	if strings.HasPrefix(a, "--") || (strings.HasPrefix(a, "-") && !strings.HasPrefix(a, "-－")) {
		name = strings.TrimLeft(a, "-")
	} else {
		for _, d := range imeDashes {
			if rest, ok := strings.CutPrefix(a, d); ok {
				name, dashed = rest, true
				break
			}
		}
	}
	if name == a {
		return a, false
	}
	head, value, hasValue := strings.Cut(name, "=")
	if !hasValue {
		head, value, hasValue = strings.Cut(name, "＝")
		dashed = dashed || hasValue
	}
	if inner := strings.NewReplacer("－", "-", "—", "-", "–", "-").Replace(head); inner != head {
		head, dashed = inner, true
	}
	if !dashed || head == "" || !asciiName(head) {
		return a, false
	}
	out := "--" + head
	if len(head) == 1 {
		out = "-" + head
	}
	if hasValue {
		out += "=" + value
	}
	return out, true
}

// asciiName tells an option name: an ASCII letter, then letters, digits and hyphens.
func asciiName(s string) bool {
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		ok := letter || i > 0 && (r >= '0' && r <= '9' || r == '-')
		if !ok {
			return false
		}
	}
	return true
}

// imeOptions applies imeOption to every word before "--".
func imeOptions(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if a == "--" {
			copy(out[i:], args[i:])
			break
		}
		out[i], _ = imeOption(a)
	}
	return out
}

// nearestFlag returns the command's option closest to a mistyped one (--erors-dir →
// --errors-dir), by the rule nearestCommand uses, or "". The global table files are left
// out: --unit (a unit) is not a typo of --units (a unit list file).
func nearestFlag(defs []cli.Flag, typed string) string {
	cmds := []*cli.Command{}
	for _, f := range defs {
		for _, n := range f.Names() {
			if g, ok := globalByName(n); ok && g.name != "db" {
				continue
			}
			if len(n) > 1 {
				cmds = append(cmds, &cli.Command{Name: n})
			}
		}
	}
	cmds = append(cmds, &cli.Command{Name: "help"})
	if n := nearestCommand(cmds, strings.TrimLeft(typed, "-")); n != "" {
		return "--" + n
	}
	return ""
}

// splitPath finds paths cut in two by an unquoted space (D:\报送 文件 typed without
// quotes): consecutive arguments none of which exists while the same words joined by
// spaces do. It returns the path so joined, or "".
func splitPath(args []string) string {
	exists := func(p string) bool {
		_, err := os.Stat(p)
		return !errors.Is(err, fs.ErrNotExist)
	}
	for i := range args {
		if exists(args[i]) {
			continue
		}
		for j := i + 1; j < len(args) && j < i+8; j++ {
			if exists(args[j]) {
				break
			}
			if joined := strings.Join(args[i:j+1], " "); exists(joined) {
				return joined
			}
		}
	}
	return ""
}

// checkSplitPath refuses a path cut in two by an unquoted space, saying to quote it.
func checkSplitPath(cmd string, args []string) error {
	if p := splitPath(args); p != "" {
		return failf("路径“%s”中有空格，被当成了 %d 个参数。请用英文双引号把它括起来，例如：xxgk %s \"%s\"",
			p, len(strings.Fields(p)), cmd, p)
	}
	return nil
}
