// Command xxgk generates per-unit Excel templates for the information-disclosure column
// survey, imports the filled workbooks into MySQL or SQLite, and prints status, exports,
// reports and feedback. main only wires; each command lives in its own file.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
)

func main() {
	// The first Ctrl-C cancels ctx: import finishes the batch it is storing and says what
	// was stored (exit 130). The default handling is then back, so that a second Ctrl-C
	// ends at once a command that does not watch ctx.
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	go func() {
		<-sigs
		signal.Stop(sigs)
		fmt.Fprintln(os.Stderr, "\nxxgk: 正在中断……（再按一次 Ctrl-C 立即退出）")
		cancel()
	}()
	code := run(ctx, os.Args, newEnv(os.Stdin, os.Stdout, os.Stderr))
	cancel()
	os.Exit(code)
}
