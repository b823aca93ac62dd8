package harness

import (
	"context"
	"fmt"
	"iter"
	"slices"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// CheckConfig says which expectations Check verifies and how.
type CheckConfig struct {
	Scenario string
	// Strategies to check (any strategy name; empty: every one in the
	// scenario's Expectations).
	Strategies []string
	// Seeds overrides how many seeds a "holds" expectation runs (0: the
	// scenario's). "Reproduces within K" always allows the scenario's K.
	Seeds     int
	FirstSeed uint64 // first seed to run; 0 means 1
	Workers   int
	Sched     sim.SchedulerSpec
	// Overrides are applied to every run: its Leases, Clients, Limit, Poll,
	// NoScenarioFailpoints and Failpoints (the rest of it is ignored).
	Overrides scenarios.Identity
	// Variants adds, for every "holds" row, the same check at
	// VariantWorkers workers and under the PCT scheduler, VariantSeeds
	// seeds each: a fixed strategy must hold at any scale and schedule.
	Variants bool
	// Budgets, if set, fail a "holds" row whose cost exceeds its stored
	// baseline by more than BudgetFactor (see Baseline).
	Budgets Baseline
	// Runner runs the seeds (its Parallel worlds at once).
	Runner Runner
	// Progress, if set, is called after each strategy's row is done.
	Progress func(CheckRow)
}

// CheckRow is one line of the check table.
type CheckRow struct {
	Scenario, Strategy string
	Expect             scenarios.Expectation
	Seeds              int    // seeds run
	Failing            int    // seeds that broke an invariant (race ones for "reproduces")
	FirstSeed          uint64 // first such seed, 0 if none
	First              string // its first violation
	Repro              string // the command that reruns it
	Hash               string // its trace hash
	Steals             int    // pending-steals seen over all seeds
	// Stalls counts the seeds that broke a measured invariant (a lease
	// parked for ever behind a refused reclaim: scenarios.InvReclaimStall);
	// StalledLeases counts the leases parked in them, and StalledSeeds
	// lists the first of those seeds (up to MaxListedSeeds).
	Stalls        int
	StalledLeases int
	StalledSeeds  []uint64
	// Workers and Sched say where the row ran; Cost is what it cost, and
	// OverBudget names the budget it broke ("" if none).
	Workers    int
	Sched      string
	Cost       Cost
	OverBudget string
	OK         bool
}

// MaxListedSeeds bounds the stalled seeds a row lists.
const MaxListedSeeds = 10

// Verdict is "ok" or "FAIL".
func (r CheckRow) Verdict() string {
	if r.OK {
		return "ok"
	}
	return "FAIL"
}

// Check runs each strategy of a scenario against its expectation. Bad
// input (an unknown scenario or strategy) is an error wrapping
// scenarios.ErrConfig; a failed expectation is a row that is not OK.
func Check(ctx context.Context, cfg CheckConfig) ([]CheckRow, error) {
	s, err := scenarios.ByName(cfg.Scenario)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", scenarios.ErrConfig, err)
	}
	expects, err := expectations(s, cfg.Strategies)
	if err != nil {
		return nil, err
	}
	var rows []CheckRow
	for _, e := range expects {
		if !e.Reproduces && cfg.Seeds > 0 {
			e.Seeds = cfg.Seeds
		}
		for _, c := range variants(cfg, e) {
			row, err := checkOne(ctx, s, c.expect, c.cfg)
			if err != nil {
				return rows, err
			}
			if cfg.Progress != nil {
				cfg.Progress(row)
			}
			rows = append(rows, row)
		}
	}
	return rows, nil
}

// Defaults for CheckConfig.Variants.
const (
	VariantWorkers = 8
	VariantSeeds   = 50
)

type variant struct {
	expect scenarios.Expectation
	cfg    CheckConfig
}

// variants is the row as configured and, for a "holds" row with Variants
// on, the same at VariantWorkers workers and under PCT.
func variants(cfg CheckConfig, e scenarios.Expectation) []variant {
	out := []variant{{e, cfg}}
	if !cfg.Variants || e.Reproduces {
		return out
	}
	small := e
	small.Seeds = min(e.Seeds, VariantSeeds)
	few, pct := cfg, cfg
	few.Workers = VariantWorkers
	out = append(out, variant{small, few})
	if _, already := cfg.Sched.Scheduler.(sim.PCT); already {
		return out // the row itself runs under PCT: a PCT variant would repeat it on fewer seeds
	}
	pct.Sched = sim.SchedulerSpec{Scheduler: sim.PCT{Depth: 3}}
	return append(out, variant{small, pct})
}

func expectations(s *scenarios.Scenario, strategies []string) ([]scenarios.Expectation, error) {
	if len(strategies) == 0 {
		return s.Expectations(), nil
	}
	var out []scenarios.Expectation
	for _, st := range strategies {
		e, err := s.Expectation(st)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", scenarios.ErrConfig, err)
		}
		out = append(out, e)
	}
	return out, nil
}

// seedOutcome is what one seed adds to a row, kept small so a row of many
// seeds holds no worlds.
type seedOutcome struct {
	seed          uint64
	cost          Cost
	steals        int
	stalled       int // leases parked behind a measured hole
	failed        bool
	first         string
	repro, hash   string
	reproducesRow bool // a race violation: ends a "reproduces" row
}

// checkOne runs the seeds in parallel and folds them in seed order, so the
// row is the one a serial run gives. A "reproduces" expectation stops
// taking seeds once one reproduces; seeds below it still finish.
func checkOne(ctx context.Context, s *scenarios.Scenario, e scenarios.Expectation, cfg CheckConfig) (CheckRow, error) {
	first := max(cfg.FirstSeed, 1)
	last := first + uint64(e.Seeds) - 1
	var outcomes []seedOutcome
	var runErr error
	cutoff := last
	err := cfg.Runner.Run(ctx, seedJobs(s.Name, e.Strategy, cfg, first, last), func(j Job, res *Result, err error) bool {
		if err != nil {
			runErr = cmpOr(runErr, err)
			return false
		}
		o := outcomeOf(res, e)
		outcomes = append(outcomes, o)
		if e.Reproduces && o.reproducesRow && o.seed < cutoff {
			cutoff = o.seed
		}
		return !(e.Reproduces && o.reproducesRow)
	})
	if runErr != nil {
		return CheckRow{}, runErr
	}
	if err != nil {
		return CheckRow{}, err
	}
	slices.SortFunc(outcomes, func(a, b seedOutcome) int { return compareSeeds(a.seed, b.seed) })
	row := fold(s.Name, e, outcomes, cutoff)
	row.Workers, row.Sched = cmpOr(cfg.Workers, allocatorDefaultWorkers), cfg.Sched.String()
	if !e.Reproduces && cfg.Budgets != nil {
		row.OverBudget = cfg.Budgets.judge(BaselineKey(row.Scenario, row.Strategy, row.Workers, row.Sched), row.Cost)
		row.OK = row.OK && row.OverBudget == ""
	}
	return row, nil
}

func compareSeeds(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func seedJobs(scenario, strategy string, cfg CheckConfig, first, last uint64) iter.Seq[Job] {
	return func(yield func(Job) bool) {
		for seed := first; seed <= last && seed >= first; seed++ {
			o := cfg.Overrides
			id := scenarios.Identity{Scenario: scenario, Strategy: strategy, Seed: seed, Workers: cfg.Workers, Sched: cfg.Sched,
				Leases: o.Leases, Clients: o.Clients, Limit: o.Limit, Poll: o.Poll, NoScenarioFailpoints: o.NoScenarioFailpoints, Failpoints: o.Failpoints}
			if !yield(Job{Identity: id}) {
				return
			}
		}
	}
}

func outcomeOf(r *Result, e scenarios.Expectation) seedOutcome {
	o := seedOutcome{seed: r.Identity.Seed, steals: r.Metrics.Steals, cost: costOf(r.Metrics)}
	for _, v := range r.Violations {
		if scenarios.IsMeasured(v.Invariant) {
			o.stalled++
		}
	}
	first := r.FirstForbidden()
	if e.Reproduces {
		first = r.FirstRaceViolation()
		o.reproducesRow = first != nil
	}
	o.failed = first != nil || (!e.Reproduces && r.Outcome != sim.Done)
	if !o.failed {
		return o
	}
	o.repro, o.hash = r.Repro(), r.HashString()
	if first != nil {
		o.first = first.String()
	} else {
		o.first = fmt.Sprintf("%s: %s", r.Outcome, r.Reason)
	}
	return o
}

// fold adds the seeds up to cutoff to a row, in seed order.
func fold(scenario string, e scenarios.Expectation, outcomes []seedOutcome, cutoff uint64) CheckRow {
	row := CheckRow{Scenario: scenario, Strategy: e.Strategy, Expect: e}
	for _, o := range outcomes {
		if o.seed > cutoff {
			break
		}
		row.Seeds++
		row.Cost.add(o.cost, row.Seeds)
		row.Steals += o.steals
		if o.stalled > 0 {
			row.Stalls++
			row.StalledLeases += o.stalled
			if len(row.StalledSeeds) < MaxListedSeeds {
				row.StalledSeeds = append(row.StalledSeeds, o.seed)
			}
		}
		if !o.failed {
			continue
		}
		row.Failing++
		if row.FirstSeed == 0 {
			row.FirstSeed, row.First, row.Repro, row.Hash = o.seed, o.first, o.repro, o.hash
		}
	}
	row.OK = (e.Reproduces && row.Failing > 0) || (!e.Reproduces && row.Failing == 0)
	return row
}
