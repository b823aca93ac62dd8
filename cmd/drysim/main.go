// Command drysim runs drysim's race scenarios: one seed at a time (run),
// against every strategy's expectation (check), or again to confirm a trace
// hash (replay). Every violation it prints ends with the command that
// reproduces it.
//
// Exit status: 0 when everything held (or every expectation was met), 1
// when a run found a violation or an expectation failed, 2 for bad input.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// exitError carries an exit status out of a subcommand.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

// usageErr is bad input: one line, exit 2.
func usageErr(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// errFindings means the command ran and found something: exit 1, the
// output has already said what.
var errFindings = &exitError{code: 1, err: errors.New("findings")}

type command struct {
	name    string
	summary string
	run     func(args []string, stdout io.Writer) error
}

func commands() []command {
	return []command{
		{"list", "list scenarios, strategies, fixes, failpoints and invariants", cmdList},
		{"run", "run one scenario with one strategy and seed", cmdRun},
		{"check", "run every strategy of a scenario against its expectation", cmdCheck},
		{"replay", "rerun a run (or a replay file) and confirm its trace hash", cmdReplay},
		{"shrink", "reduce a failing run to its smallest story and save it as a replay file", cmdShrink},
		{"sweep", "run scenarios x strategies x workers x schedulers x seeds in parallel into a results file", cmdSweep},
		{"report", "plot and tabulate sweep results into an HTML and Markdown report", cmdReport},
		{"load", "run the allocator live (goroutines, wall clock) against mem, SQLite or MySQL and check the store", cmdLoad},
	}
}

func main() {
	tuneGC()
	os.Exit(mainCode(os.Args[1:], os.Stdout, os.Stderr))
}

// tuneGC makes the collector run less often than Go's default unless the
// user set GOGC. A world's live heap is a few megabytes, but each world
// parks a hundred coroutine stacks that every collection must scan; at the
// default GOGC=100 that work, not the simulation, limits how well worlds
// run in parallel (measured: 1.1x on 2 cores at GOGC=100, 1.7-1.9x at 400).
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(400)
	}
}

// mainCode runs drysim with args and returns the exit status.
func mainCode(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(args[1:], stdout)
		var ee *exitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ee) && ee == errFindings:
			return 1
		case errors.As(err, &ee):
			fmt.Fprintf(stderr, "drysim %s: %v\n", c.name, ee.err)
			return ee.code
		default:
			fmt.Fprintf(stderr, "drysim %s: %v\n", c.name, err)
			return 2
		}
	}
	fmt.Fprintf(stderr, "drysim: unknown command %q; valid: %s\n", args[0], strings.Join(commandNames(), ", "))
	return 2
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "drysim: deterministic simulation of a Drydock-style allocator and its races")
	fmt.Fprintln(w, "\nusage: drysim <command> [flags]   (drysim <command> -h for its flags)")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nexit status: 0 held, 1 violation or failed expectation, 2 bad input")
}

// newFlags makes a flag set whose errors come back as one-line usage
// errors instead of printed help.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args; -h prints the flags to stdout and stops.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (help bool, err error) {
	err = fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fmt.Fprintf(stdout, "usage: drysim %s [flags]\n", fs.Name())
		fs.PrintDefaults()
		return true, nil
	}
	if err != nil {
		return false, usageErr("%v (see drysim %s -h)", err, fs.Name())
	}
	if fs.NArg() > 0 {
		return false, usageErr("unexpected argument %q (see drysim %s -h)", fs.Arg(0), fs.Name())
	}
	return false, nil
}
