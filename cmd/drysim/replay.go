package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

// replayFlags are replay's own flags: what to compare, how often, and what
// to show of the run.
type replayFlags struct {
	want, trace, perfetto string
	runs                  int
	story, full           bool
}

func (r *replayFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&r.want, "hash", "", "the trace hash the run must reproduce (from run's output; a replay file has its own, and -hash must agree with it)")
	fs.IntVar(&r.runs, "runs", 3, fmt.Sprintf("how many times to run it (1 to %d)", maxReplayRuns))
	fs.BoolVar(&r.story, "story", false, "print the run's timeline as shrink does (idle workers left out)")
	fs.BoolVar(&r.full, "full", false, "print the run's timeline with every event, idle workers included")
	fs.StringVar(&r.trace, "trace", "", "write the run's full trace, one event per line, to this file")
	fs.StringVar(&r.perfetto, "perfetto", "", "write the run as Chrome/Perfetto trace-event JSON to this file")
}

func cmdReplay(args []string, stdout io.Writer) error {
	fs := newFlags("replay")
	var rf runFlags
	rf.register(fs, true)
	var pf replayFlags
	pf.register(fs)
	file, help, err := parseWithFile(fs, args, stdout)
	if help || err != nil {
		return err
	}
	if err := checkRange("runs", pf.runs, 1, maxReplayRuns, ""); err != nil {
		return err
	}
	if pf.want != "" && len(pf.want) != 16 {
		return usageErr("-hash %q: want the 16 hex digits run prints", pf.want)
	}
	if file != "" {
		if set := identityFlagsSet(fs); len(set) > 0 {
			return usageErr("-%s: a replay file says what ran; give FILE or the run's flags, not both", set[0])
		}
		return replayFile(stdout, file, pf)
	}
	id, opts, err := rf.config()
	if err != nil {
		return err
	}
	opts.Trace = pf.story || pf.full || pf.trace != "" || pf.perfetto != ""
	return replayRuns(stdout, pf, strings.ToLower(pf.want), func() (*harness.Result, string, error) {
		res, err := runScenario(id, opts)
		if err != nil {
			return nil, "", err
		}
		return res, res.Repro(), nil
	})
}

// parseWithFile parses flags with at most one file argument anywhere
// among them (drysim replay FILE -full, or drysim replay -full FILE).
func parseWithFile(fs *flag.FlagSet, args []string, stdout io.Writer) (file string, help bool, err error) {
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			printHelp(stdout, fs)
			return "", true, nil
		}
		if err != nil {
			return "", false, usageErr("%v%s (see drysim help %s)", err, kindHint(err.Error()), fs.Name())
		}
		if fs.NArg() == 0 {
			return file, false, nil
		}
		if file != "" {
			return "", false, usageErr("unexpected argument %q: replay takes one file (see drysim help %s)", fs.Arg(0), fs.Name())
		}
		file, args = fs.Arg(0), fs.Args()[1:]
	}
}

// identityFlagsSet lists the flags given that say what a run is: with a
// replay file they would be ignored, so they are refused.
func identityFlagsSet(fs *flag.FlagSet) []string {
	names := append(scenarios.FieldNames(), "recipe", "stop-on", "budget")
	var set []string
	fs.Visit(func(f *flag.Flag) {
		if slices.Contains(names, f.Name) {
			set = append(set, f.Name)
		}
	})
	return set
}

// replayFile runs a replay file strictly, pf.runs times; a file that
// cannot be read, of another version, or whose decisions do not fit is
// bad input. The hash to confirm is the file's, and -hash if given.
func replayFile(stdout io.Writer, path string, pf replayFlags) error {
	if err := checkInput(path); err != nil {
		return err
	}
	in, err := os.Open(path)
	if err != nil {
		return usageErr("replay file: %v", err)
	}
	f, err := harness.ParseReplayFile(in)
	in.Close()
	if err != nil {
		return usageErr("%s: %v", path, err)
	}
	want := f.Hash
	if pf.want != "" && !strings.EqualFold(pf.want, f.Hash) {
		want = strings.ToLower(pf.want) // a mismatch with what the user asked for is what they want to see
	}
	return replayRuns(stdout, pf, want, func() (*harness.Result, string, error) {
		res, err := f.Run()
		switch {
		case errors.Is(err, scenarios.ErrConfig):
			return nil, "", usageErr("%s: %s", path, configMessage(err))
		case res != nil && res.Outcome == sim.Diverged:
			return nil, "", usageErr("%s: %v", path, err)
		case res == nil:
			return nil, "", err
		}
		return res, f.Command(path), nil // a wrong hash is the comparison's to report
	})
}

// replayRuns runs a run pf.runs times, prints the first with what was
// asked for (-full, -trace, -perfetto) and confirms the hashes.
func replayRuns(stdout io.Writer, pf replayFlags, want string, run func() (*harness.Result, string, error)) error {
	outs, err := openOutputs("perfetto", pf.perfetto, "trace", pf.trace)
	if err != nil {
		return err
	}
	hashes := make([]string, pf.runs)
	var werr error
	for i := range hashes {
		res, repro, err := run()
		if err != nil {
			abortOutputs(outs)
			return err
		}
		if i == 0 {
			printRun(stdout, res, repro)
			werr = showRun(stdout, res, pf, outs)
		}
		hashes[i] = res.HashString()
	}
	err = confirm(stdout, hashes, want)
	if werr != nil {
		return writeFailed(werr, err != nil)
	}
	return err
}

// showRun prints the timeline (-full) and writes the trace files asked for.
func showRun(w io.Writer, res *harness.Result, pf replayFlags, outs []*output) error {
	if pf.story || pf.full {
		fmt.Fprintln(w)
		if err := harness.WriteStory(w, res, pf.full); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	return writeOutputs(w, res, nil, outs[0], outs[1])
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
		fmt.Fprintf(w, "MISMATCH   hash %s, wanted %s: this build (%s) or config is not the one that printed it\n", hashes[0], want, harness.Build())
		return errFindings
	case want != "":
		fmt.Fprintf(w, "confirmed  same trace hash %s on every run\n", want)
	default:
		fmt.Fprintf(w, "confirmed  same trace hash %s on every run (pass -hash to compare with a report)\n", hashes[0])
	}
	return nil
}

// checkInput refuses an input path that is a device or a FIFO before
// anything opens it (opening a FIFO blocks).
func checkInput(path string) error {
	if err := sweep.CheckRegular(path); err != nil {
		return usageErr("%s", resultsMessage(err))
	}
	return nil
}

func replayCommand() command {
	return command{name: "replay", summary: "rerun a run (or a replay file) and confirm its trace hash",
		usage: "drysim replay FILE [flags]   or   drysim replay -scenario <name> [run flags] [-hash H]",
		examples: []example{
			{"drysim replay story.replay", "replay a saved or shrunk run strictly and check the hash in the file"},
			{"drysim replay story.replay -story -perfetto story.json", "the same, print its timeline, and export it for ui.perfetto.dev"},
			{"drysim replay -scenario reclaim-race -strategy naive -seed 1 -hash <hash>", "confirm a reported run is the same one"},
		},
		exits: "0 the same hash on every run (and the wanted one); 1 a mismatch; 2 bad input, or a file that does not fit this build",
		run:   cmdReplay}
}
