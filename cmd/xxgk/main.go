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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args, newEnv(os.Stdin, os.Stdout, os.Stderr))
	stop()
	os.Exit(code)
}
