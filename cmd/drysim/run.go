package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/reports"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// failpointFlags collects repeated -failpoint name=terms flags.
type failpointFlags []scenarios.Failpoint

func (f *failpointFlags) String() string {
	parts := make([]string, len(*f))
	for i, fp := range *f {
		parts[i] = fp.String()
	}
	return strings.Join(parts, " ")
}

func (f *failpointFlags) Set(s string) error {
	fp, err := scenarios.ParseFailpoint(s)
	if err != nil {
		return errors.New(configMessage(err))
	}
	*f = append(*f, fp)
	return nil
}

// runFlags are the flags that pick one run; run and replay share them.
type runFlags struct {
	scenario, strategy, sched, stopOn string
	recipe                            string
	seed                              uint64
	workers, leases, clients, limit   int
	poll                              time.Duration
	noScenarioFPs                     bool
	failpoints                        failpointFlags
}

func (r *runFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&r.scenario, "scenario", "", "scenario name (drysim list shows them)")
	fs.StringVar(&r.strategy, "strategy", "slot", "locking strategy: naive, global, slot, slot-without=<fix>")
	fs.Uint64Var(&r.seed, "seed", 1, "the seed every random choice derives from")
	fs.IntVar(&r.workers, "workers", 64, "queue workers")
	fs.StringVar(&r.sched, "sched", "random", "scheduler: random, pct, pct:<depth>")
	fs.IntVar(&r.leases, "leases", 0, "override the scenario's lease count (0: the scenario's)")
	fs.IntVar(&r.clients, "clients", 0, "override the scenario's requester count (0: the scenario's)")
	fs.IntVar(&r.limit, "limit", 0, "override the hoax blueprint's limit (0: the scenario's)")
	fs.DurationVar(&r.poll, "poll", 0, "override how often requesters look at their leases (0: the scenario's)")
	fs.BoolVar(&r.noScenarioFPs, "no-scenario-failpoints", false, "leave out the scenario's own failpoints")
	fs.StringVar(&r.stopOn, "stop-on", "", "end the run at the first violation of this invariant")
	fs.StringVar(&r.recipe, "recipe", "", "add a race's failpoint recipe, which reproduces it on seed 1 (drysim list shows them)")
	fs.Var(&r.failpoints, "failpoint", "enable a failpoint, name=terms (repeatable), e.g. allocator/beforeLinkLease=return(2000)")
}

func (r *runFlags) config() (scenarios.RunConfig, error) {
	if r.scenario == "" {
		return scenarios.RunConfig{}, usageErr("-scenario is required; valid: %s", strings.Join(scenarios.Names(), ", "))
	}
	if r.workers < 1 {
		return scenarios.RunConfig{}, usageErr("-workers %d: want 1 or more", r.workers)
	}
	for _, n := range []struct {
		flag string
		v    int
	}{{"leases", r.leases}, {"clients", r.clients}, {"limit", r.limit}} {
		if n.v < 0 {
			return scenarios.RunConfig{}, usageErr("-%s %d: want 0 (the scenario's) or more", n.flag, n.v)
		}
	}
	fps := r.failpoints
	if r.recipe != "" {
		rc, err := scenarios.RecipeByName(r.recipe)
		if err != nil {
			return scenarios.RunConfig{}, usageErr("%s", configMessage(err))
		}
		fps = append(rc.Failpoints, fps...)
	}
	return scenarios.RunConfig{
		Scenario: r.scenario, Strategy: r.strategy, Seed: r.seed, Workers: r.workers,
		Sched: r.sched, Leases: r.leases, Clients: r.clients, Limit: r.limit, Poll: r.poll,
		NoScenarioFailpoints: r.noScenarioFPs, StopOn: r.stopOn, Failpoints: fps,
	}, nil
}

func cmdRun(args []string, stdout io.Writer) error {
	fs := newFlags("run")
	var rf runFlags
	rf.register(fs)
	trace := fs.String("trace", "", "write the run's full trace, one event per line, to this file")
	save := fs.String("save", "", "write the run as a replay file (every decision) to this file")
	perfetto := fs.String("perfetto", "", "write the run as Chrome/Perfetto trace-event JSON to this file (open it in ui.perfetto.dev)")
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	cfg, err := rf.config()
	if err != nil {
		return err
	}
	cfg.Trace, cfg.Decisions = *trace != "" || *perfetto != "", *save != ""
	res, err := runScenario(cfg)
	if err != nil {
		return err
	}
	printRun(stdout, res)
	if *save != "" {
		f, err := scenarios.NewReplayFile(res)
		if err != nil {
			return err
		}
		if err := writeReplayFile(*save, f); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "saved      %s (%d decisions; drysim replay %s)\n", *save, len(f.Decisions), *save)
	}
	if *perfetto != "" {
		if err := writePerfetto(*perfetto, res); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "perfetto   %s (open it in ui.perfetto.dev)\n", *perfetto)
	}
	if *trace != "" {
		if err := writeTrace(*trace, res.Sim.Trace); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "trace      %s (%d events)\n", *trace, res.Sim.Trace.Len())
	}
	if res.Failed() {
		return errFindings
	}
	return nil
}

func writePerfetto(path string, res *scenarios.Result) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("perfetto file: %w", err)
	}
	var violations []string
	for _, v := range res.Violations {
		violations = append(violations, v.String())
	}
	err = reports.WritePerfetto(f, res.Sim.Trace, res.Repro(), violations)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// runScenario runs cfg; a config error is bad input (exit 2).
func runScenario(cfg scenarios.RunConfig) (*scenarios.Result, error) {
	res, err := scenarios.Run(cfg)
	if errors.Is(err, scenarios.ErrConfig) {
		return nil, usageErr("%s", configMessage(err))
	}
	return res, err
}

// configMessage is a config error without its "bad run config" prefix:
// the command line it came from already says what was being configured.
func configMessage(err error) string {
	return trimPrefixes(err.Error(), scenarios.ErrConfig.Error()+": ")
}

// trimPrefixes drops every leading copy of prefix.
func trimPrefixes(s, prefix string) string {
	for strings.HasPrefix(s, prefix) {
		s = strings.TrimPrefix(s, prefix)
	}
	return s
}

func printRun(w io.Writer, r *scenarios.Result) {
	c, m := r.Config, r.Metrics
	fmt.Fprintf(w, "scenario   %s  strategy %s  seed %d  workers %d  sched %s\n", c.Scenario, c.Strategy, c.Seed, c.Workers, c.Sched)
	fmt.Fprintf(w, "outcome    %s after %d steps, %v virtual\n", r.Outcome, r.Steps, r.Elapsed.Round(1e6))
	fmt.Fprintf(w, "leases     %d requested, %d became active, %d broken; resources %d built, %d needed; %d steals\n",
		m.LeasesRequested, m.LeasesActivated, m.LeasesBroken, m.ResourcesBuilt, m.ResourcesNeeded, m.Steals)
	if r.Outcome != sim.Done {
		fmt.Fprintf(w, "finding    %s\n", r.Reason)
		if r.Sim.Panic != nil {
			fmt.Fprintf(w, "stack\n%s\n", indent(firstLines(fromPanic(r.Sim.Panic.Stack), 20)))
		}
	}
	if n := len(r.Violations); n > 0 {
		race := "race not reproduced"
		if v := r.FirstRaceViolation(); v != nil {
			race = "race reproduced: " + v.Invariant
		}
		fmt.Fprintf(w, "violations %d (%s)\n", n, race)
		ordered := slices.Clone(r.Violations) // the race first: it is what the scenario is about
		slices.SortStableFunc(ordered, func(a, b scenarios.Violation) int {
			return cmp.Compare(boolInt(!r.IsRace(a.Invariant)), boolInt(!r.IsRace(b.Invariant)))
		})
		for _, v := range ordered[:min(n, 10)] {
			fmt.Fprintf(w, "  %s\n", v)
		}
		if n > 10 {
			fmt.Fprintf(w, "  ... %d more\n", n-10)
		}
	} else if r.Outcome == sim.Done {
		fmt.Fprintln(w, "violations none: every invariant held")
	} else {
		fmt.Fprintln(w, "violations none before the run ended")
	}
	fmt.Fprintf(w, "hash       %s\n", r.HashString())
	if r.Failed() {
		fmt.Fprintf(w, "repro: %s\n", r.Repro())
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fromPanic drops the frames of the kernel's recover from a captured stack,
// so it starts where the task panicked.
func fromPanic(stack string) string {
	if i := strings.Index(stack, "\npanic("); i >= 0 {
		if j := strings.Index(stack[i+1:], "\n"); j >= 0 {
			if k := strings.Index(stack[i+1+j+1:], "\n"); k >= 0 {
				return stack[i+1+j+1+k+1:]
			}
		}
	}
	return stack
}

func firstLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[:min(len(lines), n)], "\n")
}

func indent(s string) string { return "  " + strings.ReplaceAll(s, "\n", "\n  ") }
