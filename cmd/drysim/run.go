package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/drysim/drysim/reports"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

func cmdRun(args []string, stdout io.Writer) error {
	fs := newFlags("run")
	var rf runFlags
	rf.register(fs, true)
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
	outs, err := openOutputs("save", *save, "perfetto", *perfetto, "trace", *trace)
	if err != nil {
		return err
	}
	opts.Trace, opts.Decisions = *trace != "" || *perfetto != "", *save != ""
	res, err := runScenario(id, opts)
	if err != nil {
		abortOutputs(outs)
		return err
	}
	printRun(stdout, res, res.Repro())
	werr := writeOutputs(stdout, res, outs[0], outs[1], outs[2])
	if werr != nil {
		return writeFailed(werr, res.Failed())
	}
	if res.Failed() {
		return errFindings
	}
	return nil
}

// writeOutputs writes whichever of a run's replay file, Perfetto trace
// and event trace were asked for, and says where each went. It tries them
// all and returns the first error.
func writeOutputs(w io.Writer, res *harness.Result, save, perfetto, trace *output) error {
	var errs []error
	if save != nil {
		f, err := harness.NewReplayFile(res)
		if err == nil {
			err = save.write(f.Write)
		}
		if err == nil {
			fmt.Fprintf(w, "saved      %s (%d decisions; drysim replay %s)\n", save.path, len(f.Decisions), save.path)
		}
		errs = append(errs, err)
	}
	if perfetto != nil {
		err := perfetto.write(func(out io.Writer) error { return writePerfetto(out, res) })
		if err == nil {
			fmt.Fprintf(w, "perfetto   %s (open it in ui.perfetto.dev)\n", perfetto.path)
		}
		errs = append(errs, err)
	}
	if trace != nil {
		err := trace.write(res.Sim.Trace.Dump)
		if err == nil {
			fmt.Fprintf(w, "trace      %s (%d events)\n", trace.path, res.Sim.Trace.Len())
		}
		errs = append(errs, err)
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func writePerfetto(out io.Writer, res *harness.Result) error {
	var violations []string
	for _, v := range res.Violations {
		violations = append(violations, v.String())
	}
	return reports.WritePerfetto(out, res.Sim.Trace, res.Repro(), violations)
}

// printRun prints a run's outcome, counts, warnings, findings and
// violations (the race's first), its hash and build, and, if it failed,
// repro: the command that reruns it.
func printRun(w io.Writer, r *harness.Result, repro string) {
	c, m := r.Identity, r.Metrics
	fmt.Fprintf(w, "scenario   %s  strategy %s  seed %d  workers %d  sched %s\n", c.Scenario, c.Strategy, c.Seed, c.Workers, c.Sched)
	fmt.Fprintf(w, "outcome    %s after %d steps, %v virtual (liveness budget %v)\n", r.Outcome, r.Steps, r.Elapsed.Round(1e6), r.Budget)
	if !printSystemCounts(w, r) {
		fmt.Fprintf(w, "leases     %d requested, %d became active, %d broken; resources %d built, %d needed; %d steals\n",
			m.LeasesRequested, m.LeasesActivated, m.LeasesBroken, m.ResourcesBuilt, m.ResourcesNeeded, m.Steals)
	}
	for _, warning := range r.Warnings {
		fmt.Fprintf(w, "warning    %s\n", warning)
	}
	violations := printFindings(w, r)
	printViolations(w, r, violations)
	fmt.Fprintf(w, "hash       %s\n", r.HashString())
	fmt.Fprintf(w, "build      %s\n", harness.Build())
	if r.Failed() {
		fmt.Fprintf(w, "repro: %s\n", repro)
	}
}

// printFindings says how a run that did not simply finish ended, and
// returns the violations left to list: a liveness violation that only
// means the budget ran out is said as that instead.
func printFindings(w io.Writer, r *harness.Result) []scenarios.Violation {
	violations := r.Violations
	longer := min(2*r.Budget, harness.MaxBudget)
	switch {
	case r.Outcome == sim.TimeBudget:
		fmt.Fprintf(w, "finding    time budget exhausted: the run passed its virtual-time limit (%s); give it longer with -budget %v\n", r.Reason, longer)
		return violations
	case r.BudgetExhausted():
		violations = slices.DeleteFunc(slices.Clone(violations), func(v scenarios.Violation) bool { return v.Invariant == scenarios.InvLiveness })
		fmt.Fprintf(w, "finding    time budget exhausted: leases were still becoming active when the %v liveness budget ran out (%d of %d active), "+
			"so this is not a stall; rerun with -budget %v\n", r.Budget, r.Metrics.LeasesActivated, r.Metrics.LeasesRequested, longer)
	case r.Outcome != sim.Done:
		fmt.Fprintf(w, "finding    %s\n", r.Reason)
		if r.Sim.Panic != nil {
			fmt.Fprintf(w, "stack\n%s\n", indent(firstLines(fromPanic(r.Sim.Panic.Stack), 20)))
		}
	}
	return violations
}

// printViolations lists up to ten violations, the race's first: it is
// what the scenario is about.
func printViolations(w io.Writer, r *harness.Result, violations []scenarios.Violation) {
	n := len(violations)
	switch {
	case n == 0 && r.Outcome == sim.Done && len(r.Violations) == 0:
		fmt.Fprintln(w, "violations none: every invariant held")
		return
	case n == 0:
		fmt.Fprintln(w, "violations none before the run ended")
		return
	}
	race := "race not reproduced"
	if v := r.FirstRaceViolation(); v != nil {
		race = "race reproduced: " + v.Invariant
	}
	if !r.Failed() {
		race += "; measured, not failed: exit status 0"
	}
	fmt.Fprintf(w, "violations %d (%s)\n", n, race)
	ordered := slices.Clone(violations)
	slices.SortStableFunc(ordered, func(a, b scenarios.Violation) int {
		return cmp.Compare(boolInt(!r.IsRace(a.Invariant)), boolInt(!r.IsRace(b.Invariant)))
	})
	for _, v := range ordered[:min(n, 10)] {
		fmt.Fprintf(w, "  %s\n", v)
	}
	if n > 10 {
		fmt.Fprintf(w, "  ... %d more\n", n-10)
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

func runCommand() command {
	return command{name: "run", summary: "run one scenario with one strategy and seed", usage: "drysim run -scenario <name> [flags]",
		examples: []example{
			{"drysim run -scenario reclaim-race -strategy naive -seed 1", "the headline race (PHI312) without Drydock's fixes: a violation and its repro line"},
			{"drysim run -scenario reclaim-race -strategy naive -recipe reclaim-race -save r.replay", "make the race happen on seed 1 and save the run as a replay file"},
			{"drysim run -scenario double-allocation -leases 10000 -budget 6h", "a bigger workload with a longer liveness budget"},
		},
		exits: exitsRun, run: cmdRun}
}
