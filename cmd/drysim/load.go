package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/liveload"
	"github.com/drysim/drysim/allocator/stores"
	"github.com/drysim/drysim/scenarios"
)

// loadFlags are drysim load's flags.
type loadFlags struct {
	cfg          liveload.Config
	store, check string
}

func (l *loadFlags) register(fs *flag.FlagSet) {
	c := &l.cfg
	fs.StringVar(&c.Strategy, "strategy", "slot", "locking strategy: "+strings.Join(allocator.StrategyNames(), ", ")+", or "+allocator.AblationPrefix+"<fix>")
	fs.IntVar(&c.Workers, "workers", allocator.DefaultWorkers, "queue workers (goroutines)")
	fs.DurationVar(&c.Duration, "duration", 30*time.Second, "how long leases are requested (wall time)")
	fs.Float64Var(&c.Rate, "leases-per-s", 100, "leases requested per wall second")
	fs.StringVar(&l.store, "store", "mem", "where the rows live: mem, sqlite:PATH or mysql:DSN (user[:pass]@tcp(host:port)/database)")
	fs.Float64Var(&c.TimeScale, "time-scale", 0.01, "wall time per model time: Drydock's waits and the hoax latencies are multiplied by it (1 is real time)")
	fs.StringVar(&c.Scenario, "scenario", "double-allocation", "the scenario whose hoax knobs, timings and lease hold times the load uses")
	fs.IntVar(&c.Limit, "limit", 0, "the hoax blueprint's resource limit (0: the scenario's); each resource takes its leases-per-resource")
	fs.Uint64Var(&c.Seed, "seed", 1, "seed of the runtime's PRNG streams (the interleaving is the wall clock's)")
	fs.BoolVar(&c.Fresh, "fresh", true, "empty the store's tables first (a fleet's processes after the first pass -fresh=false)")
	fs.StringVar(&l.check, "check", string(liveload.CheckAll), "all: the audit log, then the end state; safety: the audit log only (a fleet's processes; a last -duration 0 run checks the end state)")
	fs.DurationVar(&c.Drain, "drain", time.Minute, "how long the stop may take to release every lease and empty the queue")
	fs.Func("failpoint", "enable a failpoint, name=terms (repeatable; drysim list shows them)", func(v string) error {
		fp, err := scenarios.ParseFailpoint(v)
		if err == nil {
			c.Failpoints = append(c.Failpoints, fp)
		}
		return err
	})
}

// config checks the flags; every problem is a one-line usage error.
func (l *loadFlags) config() (liveload.Config, error) {
	c := l.cfg
	spec, err := stores.ParseSpec(l.store)
	if err != nil {
		return c, usageErr("-store: %v", err)
	}
	c.Store, c.Check = spec, liveload.Check(l.check)
	if err := c.Validate(); err != nil {
		return c, usageErr("%v", err)
	}
	return c, nil
}

func cmdLoad(args []string, stdout io.Writer) error {
	fs := newFlags("load")
	var lf loadFlags
	lf.register(fs)
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	cfg, err := lf.config()
	if err != nil {
		return err
	}
	cfg.Progress = loadProgress(os.Stderr, cfg.Duration)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	rep, err := liveload.Run(ctx, cfg)
	if cfg.Progress != nil {
		fmt.Fprintln(os.Stderr)
	}
	if err != nil {
		return err // a store that cannot be opened or read: exit 2
	}
	rep.Print(stdout)
	if !rep.Held() {
		return errFindings
	}
	return nil
}

// loadProgress redraws one status line on a terminal; elsewhere it is
// quiet.
func loadProgress(w *os.File, total time.Duration) func(liveload.Progress) {
	if fi, err := w.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(p liveload.Progress) {
		rate := float64(p.Activated) / max(p.Elapsed.Seconds(), 1e-9)
		fmt.Fprintf(w, "\rload %v/%v  %d requested  %d active  %.0f leases/s  %d in flight   ",
			p.Elapsed.Round(time.Second), total, p.Requested, p.Activated, rate, p.InFlight)
	}
}

func loadCommand() command {
	return command{name: "load", summary: "run the allocator live (goroutines, wall clock) against mem, SQLite or MySQL and check the store",
		usage: "drysim load [-store mem|sqlite:PATH|mysql:DSN] [flags]",
		examples: []example{
			{"drysim load -duration 10s", "slot on the in-memory store at 100 leases/s for 10 s, then every live invariant"},
			{"drysim load -store sqlite:/tmp/drydock.db -strategy naive", "the baseline on a SQLite file: it breaks invariants"},
			{"drysim load -store 'mysql:root@tcp(127.0.0.1:3306)/drysim' -workers 256", "the same tables on MySQL or MariaDB"},
		},
		exits: "0 every live invariant held; 1 a violation; 2 bad input, or a store that could not be opened or read", run: cmdLoad}
}
