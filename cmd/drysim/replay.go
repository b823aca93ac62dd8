package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

func cmdReplay(args []string, stdout io.Writer) error {
	fs := newFlags("replay")
	var rf runFlags
	rf.register(fs)
	want := fs.String("hash", "", "the trace hash the run must reproduce (from run's output)")
	runs := fs.Int("runs", 3, "how many times to run it")
	file, args := replayFileArg(args)
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	if *runs < 1 {
		return usageErr("-runs %d: want 1 or more", *runs)
	}
	if file != "" {
		return replayFile(stdout, file, *runs)
	}
	id, opts, err := rf.config()
	if err != nil {
		return err
	}
	if *want != "" && len(*want) != 16 {
		return usageErr("-hash %q: want the 16 hex digits run prints", *want)
	}
	hashes := make([]string, *runs)
	for i := range hashes {
		res, err := runScenario(id, opts)
		if err != nil {
			return err
		}
		if i == 0 {
			printRun(stdout, res)
		}
		hashes[i] = res.HashString()
	}
	return confirm(stdout, hashes, strings.ToLower(*want))
}

// replayFileArg takes a leading file argument (drysim replay FILE [flags]).
func replayFileArg(args []string) (string, []string) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], args[1:]
	}
	return "", args
}

// replayFile runs a replay file strictly, runs times; a file that cannot be
// read, of another version, or whose decisions do not fit is bad input.
func replayFile(stdout io.Writer, path string, runs int) error {
	in, err := os.Open(path)
	if err != nil {
		return usageErr("replay file: %v", err)
	}
	defer in.Close()
	f, err := harness.ParseReplayFile(in)
	if err != nil {
		return usageErr("%s: %v", path, err)
	}
	hashes := make([]string, runs)
	for i := range hashes {
		res, err := f.Run()
		if errors.Is(err, scenarios.ErrConfig) {
			return usageErr("%s: %s", path, configMessage(err))
		}
		if res != nil && res.Outcome == sim.Diverged {
			return usageErr("%s: %v", path, err)
		}
		if res == nil {
			return err
		}
		if i == 0 {
			printRun(stdout, res)
		}
		hashes[i] = res.HashString()
	}
	return confirm(stdout, hashes, f.Hash)
}

// confirm says whether every run gave the same hash, and the wanted one.
func confirm(w io.Writer, hashes []string, want string) error {
	same := true
	for _, h := range hashes {
		same = same && h == hashes[0]
	}
	fmt.Fprintf(w, "replayed   %d runs: %s\n", len(hashes), strings.Join(hashes, " "))
	switch {
	case !same:
		fmt.Fprintln(w, "MISMATCH   the same config gave different hashes: determinism is broken")
		return errFindings
	case want != "" && hashes[0] != want:
		fmt.Fprintf(w, "MISMATCH   hash %s, wanted %s: this build or config is not the one that printed it\n", hashes[0], want)
		return errFindings
	case want != "":
		fmt.Fprintf(w, "confirmed  same trace hash %s on every run\n", want)
	default:
		fmt.Fprintf(w, "confirmed  same trace hash %s on every run (pass -hash to compare with a report)\n", hashes[0])
	}
	return nil
}

func writeTrace(path string, tr *sim.Trace) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("trace file: %w", err)
	}
	bw := bufio.NewWriter(f)
	if err := tr.Dump(bw); err != nil {
		f.Close()
		return fmt.Errorf("trace file %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("trace file %s: %w", path, err)
	}
	return f.Close()
}
