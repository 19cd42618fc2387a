package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"xxgk/store"
)

// demoDBFree refuses a --db that already holds a round: the demo invents submissions,
// and mixing them into a real record could not be undone. Nothing is created or changed
// by the check.
func demoDBFree(c *cli.Context, db string) error {
	has, err := store.HasRounds(c.Context, db)
	if err != nil {
		return failf("无法检查数据库 %s：%v", store.Redact(db), err)
	}
	if has {
		return failf("数据库 %s 中已有轮次，演示不会写入：演示数据是虚构的，混入正式记录后无法区分。"+
			"请去掉 --db（演示会在 --dir 目录中新建自己的数据库），或指定一个新的空数据库", store.Redact(db))
	}
	return nil
}

// demoImport runs one import of the demo. The files filled with errors on purpose are
// announced before the import and, once exactly they were refused, explained after it as
// part of the story, instead of the "N 个文件未能导入" a real import ends with. Any other
// refusal or failure is passed on as it is: the demo then stops.
func demoImport(c *cli.Context, e *env, db string, at time.Time, paths demoPaths, input string, wrong []string, what string) error {
	if len(wrong) > 0 {
		fmt.Fprintf(e.Stdout, "本批有 %d 个文件是演示中故意填错的，应被退回：%s\n", len(wrong), strings.Join(unitNames(wrong), "、"))
	}
	var out, errb bytes.Buffer
	se := *e
	se.Now = func() time.Time { return at }
	se.Stdout = io.MultiWriter(e.Stdout, &out)
	se.Stderr = &errb
	se.StderrTTY = false // a progress bar would only be replayed from the buffer afterwards
	code := run(c.Context, []string{"xxgk", "--db", db, "import", "--errors-dir", paths.rejected, input}, &se)
	refused := refusedNames(out.String())
	expected := code == exitOK && len(wrong) == 0 || code == exitRejected && sameNames(refused, wrong)
	if !expected {
		io.Copy(e.Stderr, &errb) //nolint:errcheck // best effort, like any output
		if code == exitOK || code == exitRejected {
			return failf("演示在“%s”一步的结果与预期不符：应退回 %d 个文件（%s），实际退回 %d 个（%s）", what,
				len(wrong), strings.Join(wrong, "、"), len(refused), strings.Join(refused, "、"))
		}
		return failf("演示在“%s”一步失败（退出码 %d），见上面的信息", what, code)
	}
	// Everything the import said on stderr but its closing "N 个文件未能导入".
	sc := bufio.NewScanner(&errb)
	for sc.Scan() {
		if line := sc.Text(); !(strings.HasPrefix(line, "xxgk: ") && strings.Contains(line, "个文件未能导入")) {
			fmt.Fprintln(e.Stderr, line)
		}
	}
	if len(wrong) > 0 {
		fmt.Fprintf(e.Stdout, "（演示）以上 %d 个被退回的文件正是故意填错的那几个，退回是预期结果：每个问题都列出了单元格，"+
			"标注好的副本在 %s，正式使用时可直接发回单位修改\n", len(wrong), paths.rejected)
	}
	return nil
}

// refusedNames picks the file names of the "✘ 已退回" lines of import's output.
func refusedNames(out string) []string {
	var names []string
	for _, line := range strings.Split(out, "\n") {
		rest, ok := strings.CutPrefix(line, "✘ 已退回 ")
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(rest, " — ")
		names = append(names, filepath.Base(filepath.FromSlash(name)))
	}
	return names
}

// sameNames compares two lists of file names as sets.
func sameNames(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// unitNames shortens template file names (2020_市财政局_….xlsx) to the unit part.
func unitNames(files []string) []string {
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = f
		if parts := strings.Split(f, "_"); len(parts) >= 3 {
			out[i] = parts[1]
		}
	}
	return out
}
