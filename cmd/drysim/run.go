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

	"github.com/drysim/drysim/reports"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

// runFlags are the flags that pick one run: its identity, and where it
// stops. run, replay and shrink share them.
type runFlags struct {
	id     scenarios.Identity
	stopOn string
}

func (r *runFlags) register(fs *flag.FlagSet) {
	r.id = scenarios.DefaultIdentity()
	r.id.Register(fs)
	fs.StringVar(&r.stopOn, "stop-on", "", "end the run at the first violation of this invariant (or any)")
}

// config checks the flags; every problem is a one-line usage error.
func (r *runFlags) config() (scenarios.Identity, harness.Options, error) {
	id := r.id
	if id.Scenario == "" {
		return id, harness.Options{}, usageErr("-scenario is required; valid: %s", strings.Join(scenarios.Names(), ", "))
	}
	if id.Workers < 1 {
		return id, harness.Options{}, usageErr("-workers %d: want 1 or more", id.Workers)
	}
	for _, n := range []struct {
		flag string
		v    int
	}{{"leases", id.Leases}, {"clients", id.Clients}, {"limit", id.Limit}} {
		if n.v < 0 {
			return id, harness.Options{}, usageErr("-%s %d: want 0 (the scenario's) or more", n.flag, n.v)
		}
	}
	if err := id.Validate(); err != nil {
		return id, harness.Options{}, usageErr("%s", configMessage(err))
	}
	if r.stopOn != "" && r.stopOn != scenarios.StopOnAny {
		if _, err := scenarios.InvariantByName(r.stopOn); err != nil {
			return id, harness.Options{}, usageErr("-stop-on: %v", err)
		}
	}
	return id, harness.Options{StopOn: r.stopOn}, nil
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
	id, opts, err := rf.config()
	if err != nil {
		return err
	}
	opts.Trace, opts.Decisions = *trace != "" || *perfetto != "", *save != ""
	res, err := runScenario(id, opts)
	if err != nil {
		return err
	}
	printRun(stdout, res)
	if *save != "" {
		f, err := harness.NewReplayFile(res)
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

func writePerfetto(path string, res *harness.Result) error {
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

// runScenario runs id; a config error is bad input (exit 2).
func runScenario(id scenarios.Identity, opts harness.Options) (*harness.Result, error) {
	res, err := harness.Run(id, opts)
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

func printRun(w io.Writer, r *harness.Result) {
	c, m := r.Identity, r.Metrics
	fmt.Fprintf(w, "scenario   %s  strategy %s  seed %d  workers %d  sched %s\n", c.Scenario, c.Strategy, c.Seed, c.Workers, c.Sched)
	fmt.Fprintf(w, "outcome    %s after %d steps, %v virtual\n", r.Outcome, r.Steps, r.Elapsed.Round(1e6))
	if !printSystemCounts(w, r) {
		fmt.Fprintf(w, "leases     %d requested, %d became active, %d broken; resources %d built, %d needed; %d steals\n",
			m.LeasesRequested, m.LeasesActivated, m.LeasesBroken, m.ResourcesBuilt, m.ResourcesNeeded, m.Steals)
	}
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
