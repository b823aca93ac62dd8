package main

import (
	"fmt"
	"io"
	"runtime"

	"github.com/drysim/drysim/scenarios/harness"
)

type command struct {
	name    string
	summary string
	usage   string
	// examples are two or three command lines, each with what it does.
	examples []example
	exits    string // what each exit status means
	run      func(args []string, stdout io.Writer) error
}

type example struct{ command, says string }

const (
	exitsRun = "0 every invariant held; 1 a violation or finding (a deadlock, an exhausted budget, a panic), " +
		"also when an output file could not be written after one; 2 bad input, or an output that could not be written"
	exitsBadInput = "0 done; 2 bad input"
)

func commands() []command {
	return []command{
		listCommand(),
		runCommand(),
		checkCommand(),
		replayCommand(),
		shrinkCommand(),
		huntCommand(),
		verifyCommand(),
		sweepCommand(),
		reportCommand(),
		loadCommand(),
		versionCommand(),
	}
}

// cmdVersion prints the build id (harness.Build): replay files and sweep
// records carry the same one.
func cmdVersion(args []string, stdout io.Writer) error {
	fs := newFlags("version")
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	fmt.Fprintf(stdout, "drysim %s (%s %s/%s)\n", harness.Build(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

func versionCommand() command {
	return command{name: "version", summary: "print drysim's build: module version, VCS revision, Go version", usage: "drysim version",
		examples: []example{{"drysim version", "the build a trace hash is promised for"}},
		exits:    exitsBadInput, run: cmdVersion}
}
