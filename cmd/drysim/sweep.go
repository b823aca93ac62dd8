package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
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
	fs.StringVar(&s.out, "out", "results.jsonl", "results file (JSON Lines); runs already in it are skipped")
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
	return trimPrefixes(err.Error(), sweep.ErrSweep.Error()+": ")
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
	out, done, err := openResults(sf.out)
	if err != nil {
		return err
	}
	defer out.Close()
	already := 0
	for id := range plan.All() {
		if done[id.String()] {
			already++
		}
	}
	todo := func(yield func(scenarios.Identity) bool) {
		for id := range plan.All() {
			if !done[id.String()] && !yield(id) {
				return
			}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	p, err := harness.Sweep(ctx, todo, plan.Len()-already, out, harness.SweepOptions{Runner: harness.Runner{Parallel: sf.parallel}, Progress: progressLine(os.Stderr)})
	fmt.Fprintf(stdout, "sweep      shard %s: %d runs planned, %d already in %s, %d run now (%d failing), %.0f runs/s\n",
		plan.Shard, plan.Len(), already, sf.out, p.Done, p.Failed, p.Rate())
	if harness.ErrInterrupted(err) {
		fmt.Fprintf(stdout, "interrupted: every finished run is in %s; run the same command again to finish\n", sf.out)
		return errFindings
	}
	return err
}

// openResults opens a results file for appending after reading which runs
// it holds; a last line cut short by a crash is cut off first.
func openResults(path string) (*os.File, map[string]bool, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, nil, usageErr("results file: %v", err)
	}
	done, complete, err := sweep.ReadDone(f)
	if err == nil {
		err = f.Truncate(complete)
	}
	if err == nil {
		_, err = f.Seek(complete, io.SeekStart)
	}
	if err != nil {
		f.Close()
		return nil, nil, usageErr("results file %s: %v", path, err)
	}
	return f, done, nil
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
