// Command xxgk generates per-unit Excel templates for the information-disclosure column
// survey, imports the filled workbooks into MySQL or SQLite, and prints status, exports,
// reports and feedback. main only wires; each command lives in its own file.
package main

import (
	"context"
	"os"
	"os/signal"
)

func main() {
	// The first Ctrl-C cancels ctx: import finishes the batch it is storing and says what
	// was stored (exit 130). Then the default handling is back, so a second Ctrl-C ends
	// a command that does not watch ctx at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	go func() { <-ctx.Done(); stop() }()
	code := run(ctx, os.Args, newEnv(os.Stdin, os.Stdout, os.Stderr))
	stop()
	os.Exit(code)
}
