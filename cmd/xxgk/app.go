package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"xxgk/termtable"
	"xxgk/verify"
)

// Exit codes, documented in --help; scripts rely on them.
const (
	exitOK       = 0 // everything done; every file accepted or unchanged
	exitRejected = 1 // done, but at least one file was rejected (the others were imported)
	exitFailed   = 2 // nothing could be done: bad arguments, unreadable input, database unreachable
	// exitInterrupted is the shell's convention for a run stopped by Ctrl-C (128 + SIGINT).
	exitInterrupted = 130
)

// env is everything a command touches outside its arguments, injected so that tests run
// commands against buffers and a fixed clock.
type env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Now            func() time.Time
	User           string
	// StderrTTY tells whether progress bars may be drawn.
	StderrTTY bool
	// FontDirs are searched for Chinese fonts when --font is not given; nil means the
	// system's font folders.
	FontDirs []string
	// VerifyNet, when set, gives verify its name lookups and dials: the demo points them at
	// its local sample site.
	VerifyNet *verify.Config
	// ImportBatch is how many submissions import stores per transaction; 0 means the
	// importer's default. Tests set 1 to stop a run between two files.
	ImportBatch int
	// OwnConsole: the console window closes when xxgk returns (Windows, double-clicked);
	// run then pauses before returning. See ownsConsole.
	OwnConsole bool
	// hinted remembers the hints already printed, so that a run of several commands (the
	// demo) says each only once. Copies of env share it.
	hinted map[string]bool
}

// envKey holds the env in cli.App.Metadata, for helpers shared by many commands that
// are given only the cli.Context (envOf).
const envKey = "xxgk.env"

// envOf is the env the app was built with; nil for an app built otherwise.
func envOf(c *cli.Context) *env {
	if c.App == nil {
		return nil
	}
	e, _ := c.App.Metadata[envKey].(*env)
	return e
}

// hint prints a note to stderr the first time it is given.
func (e *env) hint(msg string) {
	if e.hinted == nil {
		e.hinted = map[string]bool{}
	}
	if !e.hinted[msg] {
		e.hinted[msg] = true
		fmt.Fprintln(e.Stderr, "提示："+msg)
	}
}

func newEnv(stdin io.Reader, stdout, stderr io.Writer) *env {
	e := &env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Now: time.Now, User: currentUser(), hinted: map[string]bool{}}
	if f, ok := stderr.(*os.File); ok {
		e.StderrTTY = term.IsTerminal(int(f.Fd()))
	}
	if f, ok := stdin.(*os.File); ok {
		e.OwnConsole = ownsConsole(hostConsole(term.IsTerminal(int(f.Fd()))))
	}
	return e
}

// currentUser is who imports and corrections are recorded as: XXGK_OPERATOR, else the OS
// user name.
func currentUser() string {
	if s := strings.TrimSpace(os.Getenv(operatorEnv)); s != "" {
		return s
	}
	if u, err := user.Current(); err == nil && plainUserName(u.Username) != "" {
		return plainUserName(u.Username)
	}
	if s := os.Getenv("USER"); s != "" {
		return s
	}
	return "unknown"
}

// plainUserName drops the computer or domain Windows puts in front of the user name
// (VM\root, ANKANG\zhangsan): the office knows its staff by name, and the same person
// logged on to another PC is the same operator.
func plainUserName(name string) string {
	if i := strings.LastIndexByte(name, '\\'); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSpace(name)
}

// exitError carries an exit code up to run; the message is already Chinese and complete.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// failf reports that nothing could be done (exit 2).
func failf(format string, args ...any) error {
	return &exitError{code: exitFailed, err: fmt.Errorf(format, args...)}
}

// rejected reports a finished run in which some inputs were refused (exit 1).
func rejected(format string, args ...any) error {
	return &exitError{code: exitRejected, err: fmt.Errorf(format, args...)}
}

// exitCodesHeading starts every exit-code list; a command whose Description holds one keeps
// it, the others are given helpExitCodes (localizeHelp).
const exitCodesHeading = "退出码 / exit codes:"

// helpExitCodes are the exit codes of every command that does not list its own.
const helpExitCodes = exitCodesHeading + `
   0    完成 / done
   2    无法执行：参数错误、输入无法读取或数据库无法连接 / nothing done: bad arguments, unreadable input, database unreachable
   130  已中断（Ctrl-C） / interrupted`

// importExitCodes are import's: the only command that finishes with some inputs refused.
const importExitCodes = exitCodesHeading + `
   0    全部完成（所有文件均已接收或未变化） / all done
   1    已完成，但至少有一个文件被退回或未能读取（其余文件已导入） / some files rejected or unreadable, the rest imported
   2    无法执行：参数错误、输入无法读取或数据库无法连接 / nothing done: bad arguments, unreadable input, database unreachable
   130  已中断（Ctrl-C）：已处理的文件已保存，重新运行同一命令即可继续 / interrupted; rerun to finish`

// appExitCodes is the summary in xxgk --help.
const appExitCodes = exitCodesHeading + `
   0    完成 / done
   1    import：有文件被退回，其余已导入 / import: some files rejected
   2    无法执行：参数错误、输入无法读取或数据库无法连接 / nothing done
   130  已中断（Ctrl-C） / interrupted`

func newApp(e *env) *cli.App {
	app := &cli.App{
		Name:                 "xxgk",
		Usage:                "政府网站重点领域信息公开栏目建设情况：生成模板、导入报送、统计与报告",
		Description:          "典型流程：xxgk templates → 各单位填报 → xxgk import → xxgk verify（核查网址）→ xxgk status / export / report / feedback\n\n" + appExitCodes,
		Version:              currentBuild().String(),
		Flags:                globalFlags(),
		Reader:               e.Stdin,
		Writer:               e.Stdout,
		ErrWriter:            e.Stderr,
		EnableBashCompletion: false,
		HideHelpCommand:      true,
		Suggest:              true,
		ExitErrHandler:       func(*cli.Context, error) {}, // run maps errors to exit codes
		Commands:             append(commands(e), versionCommand(e), completionCommand(e)),
		Metadata:             map[string]any{envKey: e},
	}
	localizeHelp(app)
	return app
}

// run executes the command line and maps the outcome to a documented exit code.
func run(ctx context.Context, args []string, e *env) int {
	if e.OwnConsole {
		// Started by a double-click: the window closes when we return. Cleared, so that
		// a command running others through run (demo) pauses once, at the very end.
		e.OwnConsole = false
		defer waitForEnter(e)
		if len(args) < 2 {
			fmt.Fprint(e.Stdout, doubleClickNote)
		}
	}
	app := newApp(e)
	args, err := normalizeArgs(app, optionalBrowserValue(helpArgs(args)))
	if err == nil {
		err = app.RunContext(ctx, args)
	}
	if err == nil {
		return exitOK
	}
	var ee *exitError
	switch {
	case errors.As(err, &ee) && ee.code == exitInterrupted:
	case ctx.Err() != nil:
		// Stopped by Ctrl-C; whatever the command said about it, this is what happened.
		err = &exitError{code: exitInterrupted, err: errors.New("已中断，命令未完成；重新运行同一命令即可")}
	}
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(e.Stderr, "xxgk:", termtable.SafeLines(ee.err.Error()))
		}
		return ee.code
	}
	// Anything else came from argument parsing (unknown flag, missing value) or an
	// unexpected failure: nothing was done.
	if msg, ok := usageError(err); ok {
		fmt.Fprintln(e.Stderr, "xxgk:", msg)
		return exitFailed
	}
	fmt.Fprintln(e.Stderr, "xxgk:", termtable.SafeLines(err.Error()))
	return exitFailed
}
