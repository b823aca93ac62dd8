package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

// checkFlags are check's flags: which expectations, how many seeds, the
// run overrides every seed gets, and where the results go.
type checkFlags struct {
	scenario, strategies, junit string
	seeds, workers, parallel    int
	sched                       sim.SchedulerSpec
	overrides                   checkOverrides
	json, variants, budgets     bool
}

// checkOverrides are run's overrides, applied to every seed of a check.
type checkOverrides struct {
	leases, clients, limit int
	poll                   time.Duration
}

func (c *checkFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.scenario, "scenario", "", "scenario name, or all")
	fs.StringVar(&c.strategies, "strategies", "", "comma-separated strategies (default: every one the scenario expects something of)")
	fs.IntVar(&c.seeds, "seeds", 0, fmt.Sprintf(`seeds for each "holds" expectation (0: the scenario's, 200; at most %d)`, maxCheckSeeds))
	fs.IntVar(&c.workers, "workers", 64, "queue workers")
	fs.TextVar(&c.sched, "sched", c.sched, "scheduler: "+sim.SchedulerSyntax())
	fs.IntVar(&c.parallel, "parallel", 0, fmt.Sprintf("worlds run at once (0: GOMAXPROCS; at most %d)", maxParallel))
	fs.IntVar(&c.overrides.leases, "leases", 0, "override the scenario's lease count in every run (0: the scenario's)")
	fs.IntVar(&c.overrides.clients, "clients", 0, "override the scenario's requester count in every run (0: the scenario's)")
	fs.IntVar(&c.overrides.limit, "limit", 0, "override the hoax blueprint's limit in every run (0: the scenario's)")
	fs.DurationVar(&c.overrides.poll, "poll", 0, "override how often requesters look at their leases in every run (0: the scenario's)")
	fs.BoolVar(&c.json, "json", false, "print one JSON document (every row and a summary) instead of the table")
	fs.BoolVar(&c.variants, "variants", true, fmt.Sprintf(`also run every "holds" row at %d workers and under pct:3 (%d seeds each)`, harness.VariantWorkers, harness.VariantSeeds))
	fs.BoolVar(&c.budgets, "budgets", true, fmt.Sprintf(`fail a "holds" row that costs more than %.0fx its recorded baseline (steps per lease, lock timeouts, time to activate every lease)`, harness.BudgetFactor))
	fs.StringVar(&c.junit, "junit", "", "also write a JUnit XML file: one test case per expectation, a failure carrying its repro line")
}

// validate checks every flag before anything runs or prints.
func (c *checkFlags) validate() error {
	if err := checkRange("seeds", c.seeds, 0, maxCheckSeeds, "the scenario's"); err != nil {
		return err
	}
	if err := checkRange("workers", c.workers, 1, scenarios.MaxWorkers, ""); err != nil {
		return err
	}
	if err := checkParallel(c.parallel); err != nil {
		return err
	}
	return c.overrides.validate()
}

func (o checkOverrides) validate() error {
	for _, n := range []struct {
		flag string
		v    int
	}{{"leases", o.leases}, {"clients", o.clients}, {"limit", o.limit}} {
		if err := checkRange(n.flag, n.v, 0, scenarios.MaxLeases, "the scenario's"); err != nil {
			return err
		}
	}
	if o.poll < 0 {
		return usageErr("-poll %v: want 0 (the scenario's) or more", o.poll)
	}
	return nil
}

// apply puts the overrides into a check's config: every seed's run gets
// them.
func (o checkOverrides) apply(cfg *harness.CheckConfig) {
	cfg.Overrides.Leases, cfg.Overrides.Clients, cfg.Overrides.Limit, cfg.Overrides.Poll = o.leases, o.clients, o.limit, o.poll
}

func cmdCheck(args []string, stdout io.Writer) error {
	fs := newFlags("check")
	var cf checkFlags
	cf.register(fs)
	if help, err := parse(fs, args, stdout); help || err != nil {
		return err
	}
	names, err := checkScenarios(cf.scenario)
	if err != nil {
		return err
	}
	if err := cf.validate(); err != nil {
		return err
	}
	var list []string
	if cf.strategies != "" {
		list = strings.Split(cf.strategies, ",")
	}
	cfg := harness.CheckConfig{
		Strategies: list, Seeds: cf.seeds, Workers: cf.workers, Sched: cf.sched, Runner: harness.Runner{Parallel: cf.parallel},
		Variants: cf.variants,
	}
	cf.overrides.apply(&cfg)
	if cf.budgets {
		if cfg.Budgets, err = harness.DefaultBaseline(); err != nil {
			return err
		}
	}
	if err := checkStrategies(names, list); err != nil {
		return err
	}
	outs, err := openOutputs("junit", cf.junit)
	if err != nil {
		return err
	}
	rows, err := runChecks(stdout, names, cfg, !cf.json)
	if err != nil {
		abortOutputs(outs)
		return err
	}
	return reportChecks(stdout, rows, cf, outs[0])
}

func checkScenarios(name string) ([]string, error) {
	switch name {
	case "":
		return nil, usageErr("-scenario is required; valid: all, %s", strings.Join(scenarios.Names(), ", "))
	case "all":
		return scenarios.Names(), nil
	}
	if _, err := scenarios.ByName(name); err != nil {
		return nil, usageErr("-scenario: %v", err)
	}
	return []string{name}, nil
}

// checkStrategies finds a strategy no scenario can check before any row
// is printed.
func checkStrategies(names, strategies []string) error {
	for _, name := range names {
		s, _ := scenarios.ByName(name)
		for _, st := range strategies {
			if _, err := s.Expectation(st); err != nil {
				return usageErr("-strategies: %v%s", err, kindHint(err.Error()))
			}
		}
	}
	return nil
}

const checkHeader = "%-22s %-40s %6s %7s %6s %7s %6s  %-22s %s\n"

// timedRow is a check row and the wall time it took.
type timedRow struct {
	harness.CheckRow
	took time.Duration
}

// runChecks runs every scenario's expectations; with table set it prints
// a row as each strategy finishes (the header with the first row, so bad
// input found late still comes before any table).
func runChecks(w io.Writer, names []string, cfg harness.CheckConfig, table bool) ([]timedRow, error) {
	var all []timedRow
	last := time.Now()
	cfg.Progress = func(r harness.CheckRow) {
		all = append(all, timedRow{r, time.Since(last)})
		last = time.Now()
		if !table {
			return
		}
		if len(all) == 1 {
			fmt.Fprintf(w, checkHeader, "scenario", "strategy", "seeds", "failing", "first", "steals", "stalls", "expected", "verdict")
		}
		first := "-"
		if r.FirstSeed != 0 {
			first = fmt.Sprint(r.FirstSeed)
		}
		fmt.Fprintf(w, checkHeader, r.Scenario, rowName(r), fmt.Sprint(r.Seeds), fmt.Sprint(r.Failing), first,
			fmt.Sprint(r.Steals), fmt.Sprint(r.Stalls), r.Expect, r.Verdict())
	}
	for _, name := range names {
		cfg.Scenario = name
		if _, err := harness.Check(context.Background(), cfg); err != nil {
			return nil, usageErr("%s", flagMessage(err))
		}
	}
	return all, nil
}

// reportChecks prints the summary (or the JSON document), writes the
// JUnit file if asked, and gives the exit status.
func reportChecks(w io.Writer, rows []timedRow, cf checkFlags, junit *output) error {
	failed := 0
	for _, r := range rows {
		if !r.OK {
			failed++
		}
	}
	var err error
	if cf.json {
		err = writeCheckJSON(w, rows)
	} else {
		summarize(w, rows, failed)
	}
	if err != nil {
		return err
	}
	if junit != nil {
		if err := junit.write(func(out io.Writer) error { return writeJUnit(out, rows) }); err != nil {
			return writeFailed(err, failed > 0)
		}
	}
	if failed > 0 {
		return errFindings
	}
	return nil
}

func summarize(w io.Writer, rows []timedRow, failed int) {
	fmt.Fprintln(w)
	for _, r := range rows {
		if r.OverBudget != "" {
			fmt.Fprintf(w, "%s / %s: over budget: %s\n", r.Scenario, rowName(r.CheckRow), r.OverBudget)
		}
		if r.FirstSeed == 0 {
			continue
		}
		fmt.Fprintf(w, "%s / %s, seed %d: %s\n  repro: %s\n  hash:  %s\n", r.Scenario, rowName(r.CheckRow), r.FirstSeed, r.First, r.Repro, r.Hash)
	}
	for _, r := range rows {
		if r.Stalls > 0 {
			fmt.Fprintf(w, "%s / %s: %d seeds stalled (%d leases parked behind a refused reclaim; measured, not failed): seeds %s\n",
				r.Scenario, rowName(r.CheckRow), r.Stalls, r.StalledLeases, joinSeeds(r.StalledSeeds, r.Stalls))
		}
	}
	if failed > 0 {
		fmt.Fprintf(w, "\n%d of %d expectations FAILED\n", failed, len(rows))
		return
	}
	fmt.Fprintf(w, "\nall %d expectations met\n", len(rows))
}

func checkCommand() command {
	return command{name: "check", summary: "run every strategy of a scenario against its expectation", usage: "drysim check -scenario <name|all> [flags]",
		examples: []example{
			{"drysim check -scenario reclaim-race", "every strategy against its expectation, 200 seeds for a \"holds\""},
			{"drysim check -scenario all -seeds 30 -junit check.xml", "every scenario, fewer seeds, a JUnit file for CI"},
			{"drysim check -scenario release-race -json", "one JSON document with the rows and a summary"},
		},
		exits: "0 every expectation met; 1 an expectation failed; 2 bad input", run: cmdCheck}
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
