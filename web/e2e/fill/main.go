// Command fill fills a unit's template the way a unit would, for the browser test
// (.ci/browser.sh): fill TEMPLATE PROFILE SEED OUT, PROFILE one of good, warnings,
// errors, textdates.
package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"

	"xxgk/samples"
)

func main() {
	if err := fill(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "fill:", err)
		os.Exit(2)
	}
}

func fill(args []string) error {
	if len(args) != 4 {
		return fmt.Errorf("usage: fill TEMPLATE PROFILE SEED OUT")
	}
	tpl, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	p, ok := samples.ParseProfile(args[1])
	if !ok {
		return fmt.Errorf("unknown profile %q", args[1])
	}
	seed, err := strconv.ParseUint(args[2], 10, 64)
	if err != nil {
		return err
	}
	out, err := samples.Fill(tpl, p, rand.New(rand.NewPCG(seed, 7)))
	if err != nil {
		return err
	}
	return os.WriteFile(args[3], out, 0o644)
}
