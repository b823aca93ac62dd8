package scenarios

import (
	"fmt"
	"slices"
)

// measured are invariants a fixed strategy may break without failing its
// expectation: known, documented holes that drysim counts instead of
// forbidding (see InvReclaimStall).
var measuredInvariants = []string{InvReclaimStall}

func isMeasured(inv string) bool { return slices.Contains(measuredInvariants, inv) }

// CheckConfig says which expectations Check verifies.
type CheckConfig struct {
	Scenario   string
	Strategies []string // empty: every strategy the scenario has an expectation for
	// Seeds overrides how many seeds a "holds" expectation runs (0: the
	// scenario's). "Reproduces within K" always allows the scenario's K.
	Seeds     int
	FirstSeed uint64 // first seed to run; 0 means 1
	Workers   int
	Sched     string
	// Batch runs a batch of configs and returns their results in order;
	// nil runs them one after another. reports.ParallelBatch runs them side
	// by side: this package, whose code runs inside worlds, starts no
	// goroutines. A batch's size is how many worlds run at once.
	Batch Batcher
	// Progress, if set, is called after each strategy's row is done.
	Progress func(CheckRow)
}

// CheckRow is one line of the check table.
type CheckRow struct {
	Scenario, Strategy string
	Expect             Expectation
	Seeds              int    // seeds run
	Failing            int    // seeds that broke an invariant (race ones for "reproduces")
	FirstSeed          uint64 // first such seed, 0 if none
	First              string // its first violation
	Repro              string // the command that reruns it
	Hash               string // its trace hash
	Steals             int    // pending-steals seen over all seeds
	Stalls             int    // seeds with a reclaim-stall (measured, see InvReclaimStall)
	OK                 bool
}

// Verdict is "ok" or "FAIL".
func (r CheckRow) Verdict() string {
	if r.OK {
		return "ok"
	}
	return "FAIL"
}

// Check runs each strategy of a scenario against its expectation.
func Check(cfg CheckConfig) ([]CheckRow, error) {
	s, err := ByName(cfg.Scenario)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	strategies := cfg.Strategies
	if len(strategies) == 0 {
		for _, e := range s.Expect {
			strategies = append(strategies, e.Strategy)
		}
	}
	var rows []CheckRow
	for _, st := range strategies {
		e, ok := s.Expectation(st)
		if !ok {
			return nil, fmt.Errorf("%w: scenario %s has no expectation for strategy %q; it has: %s", ErrConfig, s.Name, st, expectationNames(s))
		}
		if !e.Reproduces && cfg.Seeds > 0 {
			e.Seeds = cfg.Seeds
		}
		row, err := checkOne(s, e, cfg)
		if err != nil {
			return nil, err
		}
		if cfg.Progress != nil {
			cfg.Progress(row)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func expectationNames(s *Scenario) string {
	var names []string
	for _, e := range s.Expect {
		names = append(names, e.Strategy)
	}
	return fmt.Sprint(names)
}

// Batcher runs configs, returning results in the same order.
type Batcher interface {
	Size() int
	Run(cfgs []RunConfig) ([]*Result, error)
}

// serial runs a batch of one, in turn.
type serial struct{}

func (serial) Size() int { return 1 }

func (serial) Run(cfgs []RunConfig) ([]*Result, error) {
	out := make([]*Result, len(cfgs))
	for i, c := range cfgs {
		r, err := Run(c)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// checkOne runs the seeds in batches, in seed order, and stops a
// "reproduces" expectation at its first reproducing seed.
func checkOne(s *Scenario, e Expectation, cfg CheckConfig) (CheckRow, error) {
	row := CheckRow{Scenario: s.Name, Strategy: e.Strategy, Expect: e}
	batch := cfg.Batch
	if batch == nil {
		batch = serial{}
	}
	first := max(cfg.FirstSeed, 1)
	last := first + uint64(e.Seeds) - 1
	for next := first; next <= last; next += uint64(batch.Size()) {
		var cfgs []RunConfig
		for seed := next; seed <= last && seed < next+uint64(batch.Size()); seed++ {
			cfgs = append(cfgs, RunConfig{Scenario: s.Name, Strategy: e.Strategy, Workers: cfg.Workers, Sched: cfg.Sched, Seed: seed})
		}
		results, err := batch.Run(cfgs)
		if err != nil {
			return row, err
		}
		for _, r := range results {
			row.Seeds++
			if tally(&row, e, r) && e.Reproduces {
				row.OK = true
				return row, nil
			}
		}
	}
	row.OK = !e.Reproduces && row.Failing == 0
	return row, nil
}

// tally adds one run to the row and reports whether it counts as failing.
func tally(row *CheckRow, e Expectation, r *Result) bool {
	row.Steals += r.Metrics.Steals
	var first *Violation
	for i, v := range r.Violations {
		switch {
		case isMeasured(v.Invariant):
			row.Stalls++
		case first == nil:
			first = &r.Violations[i]
		}
	}
	if e.Reproduces {
		first = r.FirstRaceViolation()
	}
	failed := first != nil || (!e.Reproduces && r.Outcome.String() != "done")
	if !failed {
		return false
	}
	row.Failing++
	if row.FirstSeed == 0 {
		row.FirstSeed, row.Repro, row.Hash = r.Config.Seed, r.Repro(), r.HashString()
		if first != nil {
			row.First = first.String()
		} else {
			row.First = fmt.Sprintf("%s: %s", r.Outcome, r.Reason)
		}
	}
	return true
}
