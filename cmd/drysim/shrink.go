package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/drysim/drysim/scenarios/harness"
)

func cmdShrink(args []string, stdout io.Writer) error {
	fs := newFlags("shrink")
	var rf runFlags
	rf.register(fs, true)
	inv := fs.String("invariant", "", "the violation to keep (default: the run's first race violation)")
	out := fs.String("out", "", "write the shrunk run as a replay file here (default: shrunk-<scenario>-<strategy>-<seed>.replay)")
	full := fs.Bool("full", false, "print every event of the shrunk run, idle workers included")
	seeds := fs.Int("seeds", 300, fmt.Sprintf("seeds each smaller configuration may try (1 to %d)", maxShrinkSeeds))
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	id, opts, err := rf.config()
	if err != nil {
		return err
	}
	if err := checkRange("seeds", *seeds, 1, maxShrinkSeeds, ""); err != nil {
		return err
	}
	path := *out
	if path == "" {
		path = fmt.Sprintf("shrunk-%s-%s-%d.replay", id.Scenario, strings.ReplaceAll(id.Strategy, "=", "-"), id.Seed)
	}
	outs, err := openOutputs("out", path)
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := harness.Shrink(harness.ShrinkConfig{
		Run: id, Invariant: *inv, Seeds: *seeds, Budget: opts.Budget,
		Progress: func(s string) { fmt.Fprintf(stdout, "shrinking  %s\n", s) },
	})
	if err != nil {
		abortOutputs(outs)
		return usageErr("%s", flagMessage(err))
	}
	// The file holds the decisions up to the last forced one (a replay
	// fills in the rest), so that is the count the header and this agree on.
	res.After.Decisions = len(res.File.Decisions)
	fmt.Fprintf(stdout, "invariant  %s\nbefore     %s\nafter      %s\n", res.Invariant, res.Before, res.After)
	fmt.Fprintf(stdout, "took       %d runs, %v\n", res.Runs, time.Since(start).Round(time.Millisecond))
	werr := outs[0].write(res.File.Write)
	if werr == nil {
		fmt.Fprintf(stdout, "saved      %s (%s reruns it and checks hash %s)\n\n", path, res.File.Command(path), res.File.Hash)
	} else {
		fmt.Fprintf(stdout, "NOT SAVED  %s; the story is below, and its file header would have been:\n", path)
		fmt.Fprintln(stdout, indent(strings.TrimSpace(replayHeader(res.File))))
		fmt.Fprintln(stdout)
	}
	if err := harness.WriteStory(stdout, res.Result, *full); err != nil {
		return err
	}
	if werr != nil {
		return writeFailed(werr, true)
	}
	return nil
}

// replayHeader is a replay file's text up to its decisions: what the run
// was, for when the file itself could not be written.
func replayHeader(f *harness.ReplayFile) string {
	var b strings.Builder
	_ = f.Write(&b)
	text, _, _ := strings.Cut(b.String(), "# before step")
	return text
}

func shrinkCommand() command {
	return command{name: "shrink", summary: "reduce a failing run to its smallest story and save it as a replay file", usage: "drysim shrink -scenario <name> [run flags] [-out FILE]",
		examples: []example{
			{"drysim shrink -scenario reclaim-race -strategy naive -seed 1 -out story.replay", "shrink the headline race to a story of a few dozen events"},
			{"drysim shrink -scenario release-race -strategy naive -seed 1 -invariant single-writer", "keep a particular violation"},
		},
		exits: "0 shrunk (the story printed, the file saved); 1 shrunk, but the file could not be written; 2 bad input, or a run with nothing to shrink",
		run:   cmdShrink}
}
