package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
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
	cfg, err := rf.config()
	if err != nil {
		return err
	}
	if *seeds < 1 {
		return usageErr("-seeds %d: want 1 or more", *seeds)
	}
	start := time.Now()
	res, err := scenarios.Shrink(scenarios.ShrinkConfig{
		Run: cfg, Invariant: *inv, Seeds: *seeds,
		Progress: func(s string) { fmt.Fprintf(stdout, "shrinking  %s\n", s) },
	})
	if err != nil {
		return usageErr("%s", configMessage(err))
	}
	path := *out
	if path == "" {
		path = fmt.Sprintf("shrunk-%s-%s-%d.replay", cfg.Scenario, strings.ReplaceAll(cfg.Strategy, "=", "-"), cfg.Seed)
	}
	if err := writeReplayFile(path, res.File); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "invariant  %s\nbefore     %s\nafter      %s\n", res.Invariant, res.Before, res.After)
	fmt.Fprintf(stdout, "took       %d runs, %v\n", res.Runs, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(stdout, "saved      %s (drysim replay %s reruns it and checks hash %s)\n\n", path, path, res.File.Hash)
	printTimeline(stdout, res.Result, *full)
	return nil
}

// printTimeline prints the run's events; unless full, it leaves out idle
// workers handing work around, which carries no story.
func printTimeline(w io.Writer, r *scenarios.Result, full bool) {
	tr := r.Sim.Trace
	fmt.Fprintf(w, "timeline (%d steps%s)\n", tr.Len(), map[bool]string{true: "", false: "; idle-worker hand-offs left out, -full shows them"}[full])
	for e := range tr.All() {
		if !full && idleMachinery(tr, e) {
			continue
		}
		line := fmt.Sprintf("%7d %12s  %-14s %-11s %s", e.Step, "+"+e.Time.Round(time.Millisecond).String(), tr.TaskName(e.Task), e.Kind, tr.Detail(e))
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	for _, v := range r.Violations {
		fmt.Fprintf(w, "violation  %s\n", v)
	}
}

func idleMachinery(tr *sim.Trace, e sim.Event) bool {
	switch e.Kind {
	case sim.KindStart, sim.KindExit:
		return true
	case sim.KindPoint, sim.KindWait, sim.KindSignal, sim.KindBroadcast, sim.KindWake, sim.KindTimer:
		name := tr.ObjName(e.Obj)
		return name == "queue.claim" || name == "queue.idle" || name == "queue.complete" || name == "clients.done"
	}
	return false
}

func writeReplayFile(path string, f *scenarios.ReplayFile) error {
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
