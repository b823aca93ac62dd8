package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

type sweepFlags struct {
	scenarios, strategies, workers, scheds, shard, out string
	seeds, parallel, shards                            int
	firstSeed                                          uint64
	salvage                                            bool
}

func (s *sweepFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&s.scenarios, "scenarios", "all", "comma-separated scenarios, or all")
	fs.StringVar(&s.strategies, "strategies", "named", "comma-separated strategies (each scenario runs those of its system), named (the named ones of the scenarios' systems), or all (those and each reference's every "+scenarios.AblationSep+"<fix>)")
	fs.StringVar(&s.workers, "workers", "8,16,32,64,128", "comma-separated worker counts")
	fs.StringVar(&s.scheds, "sched", strings.Join(sim.SchedulerNames(), ","), "comma-separated schedulers ("+sim.SchedulerSyntax()+"), or all")
	fs.IntVar(&s.seeds, "seeds", 100, "seeds per combination")
	fs.Uint64Var(&s.firstSeed, "first-seed", 1, "first seed")
	fs.IntVar(&s.parallel, "parallel", 0, "worlds run at once (0: GOMAXPROCS)")
	fs.StringVar(&s.shard, "shard", "", "run only shard i/n of the plan (e.g. 0/4)")
	fs.IntVar(&s.shards, "shards", 0, "with JOB_COMPLETION_INDEX set and no -shard: the shard count (Kubernetes Indexed Job)")
	fs.StringVar(&s.out, "out", "results.jsonl", "results file (JSON Lines); runs already in it are skipped, and no other sweep may use it meanwhile")
	fs.BoolVar(&s.salvage, "salvage", false, "drop the lines of -out that are not valid records (a damaged file) instead of refusing it")
}

// plan builds and checks the sweep's plan, shard included.
func (s *sweepFlags) plan() (sweep.Plan, error) {
	workers, err := sweep.ParseInts(s.workers)
	if err != nil {
		return sweep.Plan{}, usageErr("-workers: %s", sweepMessage(err))
	}
	scheds, err := sweep.ParseScheds(s.scheds)
	if err != nil {
		return sweep.Plan{}, usageErr("-sched: %s", sweepMessage(err))
	}
	p := sweep.Plan{
		Scenarios: sweep.ParseList(s.scenarios, scenarios.Names()), Strategies: sweep.ParseStrategies(s.strategies, sweep.ParseList(s.scenarios, scenarios.Names())),
		Workers: workers, Scheds: scheds, Seeds: s.seeds, FirstSeed: s.firstSeed,
	}
	if p.Shard, err = s.shardOf(); err != nil {
		return p, err
	}
	if err := p.Validate(); err != nil {
		return p, usageErr("%s", sweepMessage(err))
	}
	return p, nil
}

// shardOf reads -shard, or JOB_COMPLETION_INDEX with -shards.
func (s *sweepFlags) shardOf() (sweep.Shard, error) {
	if s.shard != "" {
		sh, err := sweep.ParseShard(s.shard)
		if err != nil {
			return sh, usageErr("%s", sweepMessage(err))
		}
		return sh, nil
	}
	index, ok := os.LookupEnv("JOB_COMPLETION_INDEX")
	if !ok {
		if s.shards != 0 {
			return sweep.Shard{}, usageErr("-shards %d needs JOB_COMPLETION_INDEX in the environment, or use -shard i/n", s.shards)
		}
		return sweep.Shard{}, nil
	}
	if s.shards < 1 {
		return sweep.Shard{}, usageErr("JOB_COMPLETION_INDEX=%s is set: give the shard count with -shards n (or -shard i/n)", index)
	}
	i, err := strconv.Atoi(index)
	if err != nil || i < 0 || i >= s.shards {
		return sweep.Shard{}, usageErr("JOB_COMPLETION_INDEX=%q: want a whole number below -shards %d", index, s.shards)
	}
	return sweep.Shard{Index: i, Count: s.shards}, nil
}

func sweepMessage(err error) string {
	msg := trimPrefixes(err.Error(), sweep.ErrSweep.Error()+": ")
	return msg + kindHint(msg)
}

func cmdSweep(args []string, stdout io.Writer) error {
	fs := newFlags("sweep")
	var sf sweepFlags
	sf.register(fs)
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	plan, err := sf.plan()
	if err != nil {
		return err
	}
	if err := checkParallel(sf.parallel); err != nil {
		return err
	}
	out, err := sweep.OpenResults(sf.out, sweep.OpenOptions{
		Salvage: sf.salvage, Count: func(r sweep.Record) bool { return plan.Contains(r.Identity()) },
	})
	if err != nil {
		return usageErr("-out: %s", resultsMessage(err))
	}
	defer out.Close()
	already := out.Counted()
	fmt.Fprintf(stdout, "sweep      shard %s: %d runs planned, %d already in %s, %d to run\n", plan.Shard, plan.Len(), already, sf.out, plan.Len()-already)
	if st := out.Stats(); st.Bad > 0 {
		fmt.Fprintf(stdout, "salvaged   %s: dropped %d bad lines, kept %d records\n", sf.out, st.Bad, st.Records)
	}
	return runSweep(stdout, sf, plan, out, already)
}

// runSweep runs the plan's runs the file does not hold yet. The first
// Ctrl-C stops new runs and lets the running ones finish and be written;
// a second one stops at once, between two appends.
func runSweep(stdout io.Writer, sf sweepFlags, plan sweep.Plan, out *sweep.ResultsFile, already int) error {
	w := &lockedWriter{w: out}
	var taken, finished atomic.Int64
	todo := func(yield func(scenarios.Identity) bool) {
		for id := range plan.All() {
			if already > 0 && out.Done(id.String()) {
				continue
			}
			taken.Add(1)
			if !yield(id) {
				return
			}
		}
	}
	runner := harness.Runner{Parallel: sf.parallel}
	ctx, stop := watchInterrupts(context.Background(), func() {
		running := min(taken.Load()-finished.Load(), int64(runner.Workers()))
		fmt.Fprintf(os.Stderr, "\ndrysim sweep: finishing %d %s; Ctrl-C again to stop now\n", running, plural(running, "run"))
	}, func() {
		w.mu.Lock() // no append is half-written when the process ends
		fmt.Fprintf(os.Stderr, "drysim sweep: stopped; every finished run is in %s\n", sf.out)
		os.Exit(exitInterrupted)
	})
	defer stop()
	line := progressLine(os.Stderr)
	p, err := harness.Sweep(ctx, todo, plan.Len()-already, w, harness.SweepOptions{
		Runner: runner,
		Progress: func(p harness.Progress) {
			finished.Store(int64(p.Done))
			if line != nil {
				line(p)
			}
		},
	})
	fmt.Fprintf(stdout, "sweep      %d run now (%d failing), %.0f runs/s; %d of %d in %s\n",
		p.Done, p.Failed, p.Rate(), already+p.Done, plan.Len(), sf.out)
	if harness.ErrInterrupted(err) {
		fmt.Fprintf(stdout, "interrupted: every finished run is in %s; run the same command again to finish\n", sf.out)
		return errInterrupted
	}
	return err
}

// lockedWriter serializes appends with a hard stop (see runSweep).
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func resultsMessage(err error) string {
	return trimPrefixes(err.Error(), sweep.ErrResults.Error()+": ")
}

// progressLine redraws one status line on a terminal, at most five times a
// second; on anything else it stays quiet.
func progressLine(w *os.File) func(harness.Progress) {
	if fi, err := w.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	var last time.Time
	return func(p harness.Progress) {
		if p.Done < p.Total && time.Since(last) < 200*time.Millisecond {
			return
		}
		last = time.Now()
		fmt.Fprintf(w, "\rsweep %d/%d  %.0f runs/s  ETA %v  %d failing   ", p.Done, p.Total, p.Rate(), p.ETA().Round(time.Second), p.Failed)
		if p.Done == p.Total {
			fmt.Fprintln(w)
		}
	}
}

func sweepCommand() command {
	return command{name: "sweep", summary: "run scenarios x strategies x workers x schedulers x seeds in parallel into a results file",
		usage: "drysim sweep [flags]",
		examples: []example{
			{"drysim sweep -seeds 200 -out results.jsonl", "the default plan; run it again to resume, Ctrl-C stops after the running runs"},
			{"drysim sweep -scenarios reclaim-race -strategies naive,slot -workers 16,64 -seeds 50", "a smaller plan"},
			{"drysim sweep -seeds 1000 -shard 0/4 -out shard-0.jsonl", "one of four shards, for four machines"},
		},
		exits: "0 every planned run is in the file; 2 bad input, or a results file that is damaged (see -salvage) or in use; 130 stopped by Ctrl-C (run it again to resume)",
		run:   cmdSweep}
}

// plural is word, with an s unless n is 1.
func plural(n int64, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
