// Command drysim runs drysim's race scenarios: one seed at a time (run),
// against every strategy's expectation (check), seed after seed or by a
// feedback-guided search until one fails (hunt), or again to confirm a trace
// hash (replay). Every violation it prints ends with the command that
// reproduces it.
//
// Exit status: 0 when everything held (or every expectation was met), 1
// when a run found a violation or an expectation failed, 2 for bad input,
// 3 for a verify search a cap ended before it was complete, 130 for a
// sweep, hunt or verify stopped by Ctrl-C. drysim help <command> says more.
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

// exitError carries an exit status out of a subcommand. Unless silent,
// main prints its error as one line on stderr.
type exitError struct {
	code   int
	err    error
	silent bool // the command's output has already said what happened
}

func (e *exitError) Error() string { return e.err.Error() }

// usageErr is bad input: one line, exit 2.
func usageErr(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// errFindings means the command ran and found something: exit 1, the
// output has already said what.
var errFindings = &exitError{code: 1, err: errors.New("findings"), silent: true}

// errInterrupted means a sweep stopped at Ctrl-C after finishing its
// running runs; the output has said so.
var errInterrupted = &exitError{code: exitInterrupted, err: errors.New("interrupted"), silent: true}

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
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || (args[0] == "help" && len(args) == 1) {
		usage(stdout)
		return 0
	}
	if args[0] == "help" { // drysim help run is drysim run -h
		args = []string{args[1], "-h"}
	}
	c, ok := commandNamed(args[0])
	if !ok {
		fmt.Fprintf(stderr, "drysim: unknown command %q; valid: %s (drysim help lists them)\n", args[0], strings.Join(commandNames(), ", "))
		return 2
	}
	err := c.run(args[1:], stdout)
	var ee *exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee) && ee.silent:
		return ee.code
	case errors.As(err, &ee):
		fmt.Fprintf(stderr, "drysim %s: %v\n", c.name, oneLine(ee.err.Error()))
		return ee.code
	default:
		fmt.Fprintf(stderr, "drysim %s: %v\n", c.name, oneLine(err.Error()))
		return 2
	}
}

// oneLine keeps an error message to one line, whatever wrapped it.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func commandNamed(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
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
	fmt.Fprintln(w, "\nusage: drysim <command> [flags]   (drysim help <command> for its flags, examples and exit status)")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nexit status: 0 held, 1 violation or failed expectation, 2 bad input, 3 verify incomplete, 130 sweep, hunt or verify stopped by Ctrl-C")
}

// newFlags makes a flag set whose errors come back as one-line usage
// errors instead of printed help.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parse parses args; -h prints the command's help to stdout and stops.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (help bool, err error) {
	err = fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		printHelp(stdout, fs)
		return true, nil
	}
	if err != nil {
		return false, usageErr("%v%s (see drysim help %s)", err, kindHint(err.Error()), fs.Name())
	}
	if fs.NArg() > 0 {
		return false, usageErr("unexpected argument %q (see drysim help %s)", fs.Arg(0), fs.Name())
	}
	return false, nil
}

// printHelp prints a command's summary, usage, examples, flags and exit
// status.
func printHelp(w io.Writer, fs *flag.FlagSet) {
	c, _ := commandNamed(fs.Name())
	fmt.Fprintf(w, "drysim %s: %s\n\nusage: %s\n", c.name, c.summary, c.usage)
	if len(c.examples) > 0 {
		fmt.Fprintln(w, "\nexamples:")
		for _, e := range c.examples {
			fmt.Fprintf(w, "  %s\n      %s\n", e.command, e.says)
		}
	}
	fmt.Fprintln(w, "\nflags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprintf(w, "\nexit status: %s\n", c.exits)
}
