package importer

import (
	"flag"
	"fmt"
	"os"
	"testing"
)

// fuzzMinimizeBudget replaces go test's default -fuzzminimizetime (60s) when fuzzing.
//
// Every input that reaches new coverage is minimized before fuzzing goes on, and the
// minimizer (golang/go#48820) removes one byte at a time and then every byte range, so
// it needs up to n² runs for an n-byte input. Our inputs are whole workbooks of 25–50
// KB, so each minimization runs for the full default 60 s, longer than the CI's
// -fuzztime: the worker doing it reports no execs meanwhile, and with both workers
// minimizing the run shows "execs: 59 (0/sec)" until the end. Shrinking a zip byte by
// byte almost never keeps its coverage anyway (every removal breaks offsets or a
// checksum), so a few hundred tries lose nothing. An explicit -fuzzminimizetime, e.g.
// to shrink a crasher, still wins.
const fuzzMinimizeBudget = "200x"

func TestMain(m *testing.M) {
	flag.Parse()
	if err := boundFuzzMinimization(flag.CommandLine); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}

// boundFuzzMinimization sets -test.fuzzminimizetime to fuzzMinimizeBudget when
// -test.fuzz is given and the minimization time is not.
func boundFuzzMinimization(fs *flag.FlagSet) error {
	fuzzing, explicit := false, false
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "test.fuzz":
			fuzzing = f.Value.String() != ""
		case "test.fuzzminimizetime":
			explicit = true
		}
	})
	if !fuzzing || explicit {
		return nil
	}
	return fs.Set("test.fuzzminimizetime", fuzzMinimizeBudget)
}

func TestBoundFuzzMinimization(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "60s"},
		{[]string{"-test.fuzz=FuzzRead"}, fuzzMinimizeBudget},
		{[]string{"-test.fuzz=FuzzRead", "-test.fuzzminimizetime=30s"}, "30s"},
		{[]string{"-test.fuzz="}, "60s"},
	} {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.String("test.fuzz", "", "")
		fs.String("test.fuzzminimizetime", "60s", "")
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		if err := boundFuzzMinimization(fs); err != nil {
			t.Fatal(err)
		}
		if got := fs.Lookup("test.fuzzminimizetime").Value.String(); got != tc.want {
			t.Errorf("%q: -test.fuzzminimizetime = %s, want %s", tc.args, got, tc.want)
		}
	}
}
