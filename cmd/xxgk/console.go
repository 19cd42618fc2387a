package main

import (
	"bufio"
	"fmt"
	"runtime"
)

// consoleFacts are what the system says about the window we run in; gathered by
// newEnv, injected in tests (wine cannot run Go executables here, see DESIGN.md §9).
type consoleFacts struct {
	GOOS string
	// ConsoleProcesses counts the processes attached to our console window. 1 means the
	// window was opened for us alone, as when xxgk.exe is double-clicked in Explorer; from
	// cmd.exe or PowerShell the shell is attached too.
	ConsoleProcesses int
	StdinTTY         bool // false when input is piped: nobody could press Enter
}

// ownsConsole tells whether the console window will close as soon as xxgk returns, so
// that the user would see nothing of what it printed.
func ownsConsole(f consoleFacts) bool {
	return f.GOOS == "windows" && f.ConsoleProcesses == 1 && f.StdinTTY
}

func hostConsole(stdinTTY bool) consoleFacts {
	return consoleFacts{GOOS: runtime.GOOS, ConsoleProcesses: consoleProcessCount(), StdinTTY: stdinTTY}
}

// doubleClickNote precedes the help when xxgk.exe was opened from Explorer.
const doubleClickNote = `xxgk 是命令行程序，需要在“命令提示符”中运行：
在 xxgk.exe 所在文件夹的地址栏里输入 cmd 并按回车，再输入命令，例如 xxgk demo 或 xxgk --help。
下面是帮助：
`

// waitForEnter keeps a console window that would close open until the user presses Enter.
func waitForEnter(e *env) {
	fmt.Fprint(e.Stdout, "\n按回车键退出……")
	_, _ = bufio.NewReader(e.Stdin).ReadString('\n') // any end of input closes as well
}
