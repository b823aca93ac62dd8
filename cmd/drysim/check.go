package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

func cmdCheck(args []string, stdout io.Writer) error {
	fs := newFlags("check")
	scenario := fs.String("scenario", "", "scenario name, or all")
	strategies := fs.String("strategies", "", "comma-separated strategies (default: every one the scenario expects something of)")
	seeds := fs.Int("seeds", 0, `seeds for each "holds" expectation (0: the scenario's, 200)`)
	workers := fs.Int("workers", 64, "queue workers")
	var sched sim.SchedulerSpec
	fs.TextVar(&sched, "sched", sched, "scheduler: "+sim.SchedulerSyntax())
	parallel := fs.Int("parallel", 0, "worlds run at once (0: GOMAXPROCS)")
	variants := fs.Bool("variants", true, fmt.Sprintf(`also run every "holds" row at %d workers and under pct:3 (%d seeds each)`, harness.VariantWorkers, harness.VariantSeeds))
	budgets := fs.Bool("budgets", true, fmt.Sprintf(`fail a "holds" row that costs more than %.0fx its recorded baseline (steps per lease, lock timeouts, time to activate every lease)`, harness.BudgetFactor))
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	names, err := checkScenarios(*scenario)
	if err != nil {
		return err
	}
	switch {
	case *seeds < 0:
		return usageErr("-seeds %d: want 0 (the scenario's) or more", *seeds)
	case *workers < 1:
		return usageErr("-workers %d: want 1 or more", *workers)
	case *parallel < 0:
		return usageErr("-parallel %d: want 0 (GOMAXPROCS) or more", *parallel)
	}
	var list []string
	if *strategies != "" {
		list = strings.Split(*strategies, ",")
	}
	cfg := harness.CheckConfig{
		Strategies: list, Seeds: *seeds, Workers: *workers, Sched: sched, Runner: harness.Runner{Parallel: *parallel}, Variants: *variants,
	}
	if *budgets {
		if cfg.Budgets, err = harness.DefaultBaseline(); err != nil {
			return err
		}
	}
	return runChecks(stdout, names, cfg)
}

func checkScenarios(name string) ([]string, error) {
	switch name {
	case "":
		return nil, usageErr("-scenario is required; valid: all, %s", strings.Join(scenarios.Names(), ", "))
	case "all":
		return scenarios.Names(), nil
	}
	if _, err := scenarios.ByName(name); err != nil {
		return nil, usageErr("%v", err)
	}
	return []string{name}, nil
}

const checkHeader = "%-22s %-40s %6s %7s %6s %7s %6s  %-22s %s\n"

// runChecks prints a row as each strategy finishes, then the first failure
// of every row with its repro line.
func runChecks(w io.Writer, names []string, cfg harness.CheckConfig) error {
	for _, name := range names { // bad input is found before any output
		s, _ := scenarios.ByName(name)
		for _, st := range cfg.Strategies {
			if _, err := s.Expectation(st); err != nil {
				return usageErr("-strategies: %v", err)
			}
		}
	}
	fmt.Fprintf(w, checkHeader, "scenario", "strategy", "seeds", "failing", "first", "steals", "stalls", "expected", "verdict")
	var all []harness.CheckRow
	cfg.Progress = func(r harness.CheckRow) {
		first := "-"
		if r.FirstSeed != 0 {
			first = fmt.Sprint(r.FirstSeed)
		}
		fmt.Fprintf(w, checkHeader, r.Scenario, rowName(r), fmt.Sprint(r.Seeds), fmt.Sprint(r.Failing), first,
			fmt.Sprint(r.Steals), fmt.Sprint(r.Stalls), r.Expect, r.Verdict())
	}
	for _, name := range names {
		cfg.Scenario = name
		rows, err := harness.Check(context.Background(), cfg)
		if err != nil {
			return usageErr("%s", configMessage(err))
		}
		all = append(all, rows...)
	}
	return summarize(w, all)
}

func summarize(w io.Writer, rows []harness.CheckRow) error {
	failed := 0
	fmt.Fprintln(w)
	for _, r := range rows {
		if !r.OK {
			failed++
		}
		if r.OverBudget != "" {
			fmt.Fprintf(w, "%s / %s: over budget: %s\n", r.Scenario, rowName(r), r.OverBudget)
		}
		if r.FirstSeed == 0 {
			continue
		}
		fmt.Fprintf(w, "%s / %s, seed %d: %s\n  repro: %s\n  hash:  %s\n", r.Scenario, r.Strategy, r.FirstSeed, r.First, r.Repro, r.Hash)
	}
	for _, r := range rows {
		if r.Stalls > 0 {
			fmt.Fprintf(w, "%s / %s: %d seeds stalled (%d leases parked behind a refused reclaim; measured, not failed): seeds %s\n",
				r.Scenario, r.Strategy, r.Stalls, r.StalledLeases, joinSeeds(r.StalledSeeds, r.Stalls))
		}
	}
	if failed > 0 {
		fmt.Fprintf(w, "\n%d of %d expectations FAILED\n", failed, len(rows))
		return errFindings
	}
	fmt.Fprintf(w, "\nall %d expectations met\n", len(rows))
	return nil
}

// rowName is the strategy, and where a variant row ran.
func rowName(r harness.CheckRow) string {
	switch {
	case r.Workers != 64 && r.Sched != "random":
		return fmt.Sprintf("%s (w%d, %s)", r.Strategy, r.Workers, r.Sched)
	case r.Workers != 64:
		return fmt.Sprintf("%s (w%d)", r.Strategy, r.Workers)
	case r.Sched != "random":
		return fmt.Sprintf("%s (%s)", r.Strategy, r.Sched)
	}
	return r.Strategy
}

// joinSeeds lists seeds, saying how many more there were.
func joinSeeds(seeds []uint64, total int) string {
	parts := make([]string, len(seeds))
	for i, s := range seeds {
		parts[i] = fmt.Sprint(s)
	}
	out := strings.Join(parts, " ")
	if total > len(seeds) {
		out += fmt.Sprintf(" and %d more", total-len(seeds))
	}
	return out
}
