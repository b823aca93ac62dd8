package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// maxHuntRuns: a hunt keeps nothing per run but the guided corpus, which
// is bounded; a million runs is hours.
const maxHuntRuns = 1_000_000

// huntFlags are hunt's own flags.
type huntFlags struct {
	search, out    string
	runs, parallel int
	maxTime        time.Duration
	schedSet, race bool
}

func (h *huntFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&h.search, "search", harness.Guided, "how to pick schedules: "+harness.HuntSearches())
	fs.IntVar(&h.runs, "runs", 100, fmt.Sprintf("runs at most (1 to %d)", maxHuntRuns))
	fs.DurationVar(&h.maxTime, "max-time", 0, "stop after this much wall time (0: no limit)")
	fs.StringVar(&h.out, "out", "", "write the finding as a replay file here (default: hunt-<scenario>-<strategy>-<search>.replay, only when found)")
	fs.BoolVar(&h.race, "race", false, "count only a violation of the scenario's race invariants (default: any violation, deadlock or exhausted budget)")
	fs.IntVar(&h.parallel, "parallel", 0, fmt.Sprintf("worlds run at once (0: GOMAXPROCS; at most %d); the result does not depend on it", maxParallel))
}

func cmdHunt(args []string, stdout io.Writer) error {
	id, opts, hf, err := parseHunt(args, stdout)
	if err != nil || id.Scenario == "" {
		return err
	}
	path := hf.out
	if path == "" {
		path = fmt.Sprintf("hunt-%s-%s-%s.replay", id.Scenario, strings.ReplaceAll(id.Strategy, "=", "-"), strings.ReplaceAll(hf.search, ":", "-"))
	}
	var outs []*output
	if hf.out != "" {
		if outs, err = openOutputs("out", hf.out); err != nil {
			return err
		}
	}
	ctx, stop := watchInterrupts(context.Background(), func() {
		fmt.Fprintln(os.Stderr, "\ndrysim hunt: finishing the running runs; Ctrl-C again to stop now")
	}, func() { os.Exit(exitInterrupted) })
	defer stop()
	if hf.maxTime > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, hf.maxTime)
		defer cancel()
	}
	fmt.Fprintf(stdout, "hunt       %s  search %s  seed %d  up to %d runs\n", strings.TrimPrefix(id.Command("run"), "drysim run "), hf.search, id.Seed, hf.runs)
	start := time.Now()
	line := huntProgress(os.Stderr, hf.runs, start)
	res, err := harness.Hunt(ctx, harness.HuntConfig{Run: id, Search: hf.search, Runs: hf.runs, Seed: id.Seed, Budget: opts.Budget, RaceOnly: hf.race,
		Parallel: hf.parallel, OnRun: line})
	if line != nil {
		fmt.Fprintln(os.Stderr)
	}
	stopped := errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
	if err != nil && !stopped {
		abortOutputs(outs)
		return usageErr("%s", flagMessage(err))
	}
	return reportHunt(stdout, res, err, hf, path, outs, time.Since(start).Round(time.Millisecond))
}

// parseHunt reads hunt's flags; a zero identity with no error means help
// was printed.
func parseHunt(args []string, stdout io.Writer) (scenarios.Identity, harness.Options, huntFlags, error) {
	fs := newFlags("hunt")
	var rf runFlags
	rf.register(fs, true)
	fs.Lookup("seed").Usage = "the hunt's seed: it picks the world seeds (1: seeds 1, 2, 3, ...) and every choice of a guided search"
	var hf huntFlags
	hf.register(fs)
	if help, err := parse(fs, args, stdout); help || err != nil {
		return scenarios.Identity{}, harness.Options{}, hf, err
	}
	fs.Visit(func(f *flag.Flag) { hf.schedSet = hf.schedSet || f.Name == "sched" })
	if hf.schedSet {
		return scenarios.Identity{}, harness.Options{}, hf, usageErr("-sched: a hunt picks each run's schedule; give -search %s", harness.HuntSearches())
	}
	id, opts, err := rf.config()
	if err != nil {
		return id, opts, hf, err
	}
	if rf.stopOn != "" {
		return id, opts, hf, usageErr("-stop-on: a hunt runs each schedule to the end; replay the finding with -stop-on instead")
	}
	return id, opts, hf, hf.validate()
}

// reportHunt prints what a hunt found (or that it found nothing, and why
// it stopped) and saves the finding; err is the hunt's stop, if any.
func reportHunt(stdout io.Writer, res *harness.HuntResult, err error, hf huntFlags, path string, outs []*output, took time.Duration) error {
	if res.Found == nil {
		abortOutputs(outs)
		fmt.Fprintf(stdout, "%s, %v\n", res.Describe(), took)
		switch {
		case errors.Is(err, context.Canceled):
			fmt.Fprintf(stdout, "interrupted after %d runs: no violation so far\n", res.Runs)
			return errInterrupted
		case errors.Is(err, context.DeadlineExceeded):
			fmt.Fprintf(stdout, "time limit %v reached after %d runs: no violation\n", hf.maxTime, res.Runs)
		}
		return nil
	}
	fmt.Fprintf(stdout, "%s, %v\n\n", res.Describe(), took)
	repro := res.Repro
	if repro == "" {
		repro = res.File.Command(path) + "   (a guided schedule: its decisions, not its seed, reproduce it)"
	}
	printRun(stdout, res.Found, repro)
	if outs == nil {
		var err error
		if outs, err = openOutputs("out", path); err != nil {
			return writeFailed(err, true)
		}
	}
	if err := outs[0].write(res.File.Write); err != nil {
		return writeFailed(err, true)
	}
	fmt.Fprintf(stdout, "saved      %s (%s reruns it and checks hash %s)\n", path, res.File.Command(path), res.File.Hash)
	return errFindings
}

func (h *huntFlags) validate() error {
	if _, err := harness.ParseHuntSearch(h.search); err != nil {
		return usageErr("-search %q: want %s", h.search, harness.HuntSearches())
	}
	if err := checkRange("runs", h.runs, 1, maxHuntRuns, ""); err != nil {
		return err
	}
	if h.maxTime < 0 {
		return usageErr("-max-time %v: want 0 (no limit) or more", h.maxTime)
	}
	return checkParallel(h.parallel)
}

// huntProgress redraws one status line on a terminal, at most five times a
// second; on anything else it stays quiet.
func huntProgress(w *os.File, runs int, start time.Time) func(harness.HuntRun) {
	if fi, err := w.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	var last time.Time
	return func(r harness.HuntRun) {
		if r.Run < runs && time.Since(last) < 200*time.Millisecond {
			return
		}
		last = time.Now()
		rate := float64(r.Run) / max(time.Since(start).Seconds(), 1e-9)
		fmt.Fprintf(w, "\rhunt %d/%d  %.0f runs/s", r.Run, runs, rate)
		if r.Features > 0 {
			fmt.Fprintf(w, "  %d features, %d schedules kept", r.Features, r.Corpus)
		}
		fmt.Fprint(w, "   ")
	}
}

func huntCommand() command {
	return command{name: "hunt", summary: "search schedules of one scenario for a violation: feedback-guided, or seed after seed under a scheduler",
		usage: "drysim hunt -scenario <name> [-strategy S] [-no-scenario-failpoints] [-race] [-search guided|random|pct:N|swarm] [-runs N] [-max-time D] [-out FILE]",
		examples: []example{
			{"drysim hunt -scenario pending-attributes -strategy naive -no-scenario-failpoints -race", "guided search for the race without its failpoint window; the finding is saved as a replay file"},
			{"drysim hunt -scenario double-allocation -strategy slot-without=binding-slot-locks -no-scenario-failpoints -race -search pct:2 -runs 200", "a hunt under PCT: seeds 1..200, the finding's repro line"},
			{"drysim hunt -scenario reclaim-race -strategy slot -runs 1000 -max-time 1m", "look for a violation of a fixed strategy for at most a minute"},
		},
		exits: "0 no violation within the runs or time; 1 a violation found (its replay file saved); 2 bad input; 130 stopped by Ctrl-C (the runs so far are reported)",
		run:   cmdHunt}
}
