package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/drysim/drysim/scenarios/harness"
)

func cmdShrink(args []string, stdout io.Writer) error {
	fs := newFlags("shrink")
	var rf runFlags
	rf.register(fs)
	inv := fs.String("invariant", "", "the violation to keep (default: the run's first race violation)")
	out := fs.String("out", "", "write the shrunk run as a replay file here (default: shrunk-<scenario>-<strategy>-<seed>.replay)")
	full := fs.Bool("full", false, "print every event of the shrunk run, idle workers included")
	seeds := fs.Int("seeds", 300, "seeds each smaller configuration may try")
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	id, _, err := rf.config()
	if err != nil {
		return err
	}
	if *seeds < 1 {
		return usageErr("-seeds %d: want 1 or more", *seeds)
	}
	start := time.Now()
	res, err := harness.Shrink(harness.ShrinkConfig{
		Run: id, Invariant: *inv, Seeds: *seeds,
		Progress: func(s string) { fmt.Fprintf(stdout, "shrinking  %s\n", s) },
	})
	if err != nil {
		return usageErr("%s", configMessage(err))
	}
	path := *out
	if path == "" {
		path = fmt.Sprintf("shrunk-%s-%s-%d.replay", id.Scenario, strings.ReplaceAll(id.Strategy, "=", "-"), id.Seed)
	}
	if err := writeReplayFile(path, res.File); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "invariant  %s\nbefore     %s\nafter      %s\n", res.Invariant, res.Before, res.After)
	fmt.Fprintf(stdout, "took       %d runs, %v\n", res.Runs, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(stdout, "saved      %s (drysim replay %s reruns it and checks hash %s)\n\n", path, path, res.File.Hash)
	return harness.WriteStory(stdout, res.Result, *full)
}

func writeReplayFile(path string, f *harness.ReplayFile) error {
	out, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("replay file: %w", err)
	}
	if err := f.Write(out); err != nil {
		out.Close()
		return fmt.Errorf("replay file %s: %w", path, err)
	}
	return out.Close()
}
