// drysim:outside-world — this file runs worlds side by side from the test
// harness; none of it runs inside a world, so it may use goroutines.

package scenarios

import (
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/drysim/drysim/sim"
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
	Parallel  int // worlds run at once; 0 means GOMAXPROCS
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

// checkOne runs seeds 1..e.Seeds in parallel batches, in seed order, and
// stops a "reproduces" expectation at its first reproducing seed.
func checkOne(s *Scenario, e Expectation, cfg CheckConfig) (CheckRow, error) {
	row := CheckRow{Scenario: s.Name, Strategy: e.Strategy, Expect: e}
	par := cfg.Parallel
	if par <= 0 {
		par = runtime.GOMAXPROCS(0)
	}
	first := int(max(cfg.FirstSeed, 1))
	last := first + e.Seeds - 1
	pools := make([]*sim.Pool, par) // one per slot of a batch, reused batch after batch
	for i := range pools {
		pools[i] = sim.NewPool()
		defer pools[i].Close()
	}
	for next := first; next <= last; next += par {
		batch, err := runBatch(RunConfig{Scenario: s.Name, Strategy: e.Strategy, Workers: cfg.Workers, Sched: cfg.Sched}, next, min(next+par, last+1), pools)
		if err != nil {
			return row, err
		}
		for _, r := range batch {
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

// runBatch runs seeds [from, to) at once, one goroutine per world: worlds
// share nothing, so the results are the same as running them in turn.
func runBatch(base RunConfig, from, to int, pools []*sim.Pool) ([]*Result, error) {
	results := make([]*Result, to-from)
	errs := make([]error, to-from)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := base
			c.Seed, c.Pool = uint64(from+i), pools[i]
			results[i], errs[i] = Run(c)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return results, nil
}
