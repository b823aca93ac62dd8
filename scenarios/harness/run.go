package harness

import (
	"fmt"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// RunMaxSteps bounds a scenario run's trace events unless Options.MaxSteps
// says otherwise (sim.DefaultMaxSteps is the kernel's own, lower default).
const RunMaxSteps = 20_000_000

// Options say how a run is executed: none of them is part of what the run
// is (scenarios.Identity), but StopOn, MaxSteps and the decision lists
// decide where it ends or what schedules it.
type Options struct {
	// Trace keeps every event (Result.Sim.Trace); Decisions keeps every
	// scheduling decision, which replay files and shrinking need.
	Trace, Decisions bool
	// StopOn ends the run at the first violation of this invariant, or of
	// any forbidden one with scenarios.StopOnAny, so a shrunk run's story
	// ends where it breaks.
	StopOn string
	// MaxSteps bounds the run's trace events; 0 means RunMaxSteps.
	MaxSteps int64
	// Budget is the liveness phase's virtual time: once the faults stop,
	// every lease must become active or end within it. 0 means
	// DefaultBudget, the scenario's own stretched to the workload. It is
	// part of a repro line when set (Result.Repro), since it decides
	// where the run ends.
	Budget time.Duration
	// Replay, if set, schedules by these decisions (strict) instead of the
	// identity's scheduler.
	Replay []sim.Decision
	// Scheduler, if set, schedules instead of the identity's scheduler (a
	// sim.Chooser for property tests). It is not part of a repro line:
	// save the run's decisions to replay it.
	Scheduler sim.Scheduler
	// Pool, if set, lends the world coroutines (sim.Pool): a goroutine that
	// runs many worlds one after another saves growing their stacks. It
	// changes nothing about the run.
	Pool *sim.Pool
	// lenient, if set, schedules by these decisions and fills whatever does
	// not fit with the replay's fixed rule (the shrinker's trial runs).
	lenient []sim.Decision
}

func (o Options) scheduler(p *scenarios.Prepared) sim.Scheduler {
	switch {
	case o.Scheduler != nil:
		return o.Scheduler
	case o.Replay != nil:
		return sim.Replay{Decisions: o.Replay, Strict: true}
	case o.lenient != nil:
		return sim.Replay{Decisions: o.lenient}
	}
	return p.Scheduler()
}

func (o Options) keepsDecisions() bool {
	return o.Decisions || o.Replay != nil || o.lenient != nil || o.Scheduler != nil
}

// Run runs one scenario to the end and checks it. Errors are about the
// identity or options (they wrap scenarios.ErrConfig); what the run found
// is in the Result.
func Run(id scenarios.Identity, opts Options) (*Result, error) {
	if err := opts.check(); err != nil {
		return nil, err
	}
	p, err := scenarios.Prepare(id)
	if err != nil {
		return nil, err
	}
	if err := CheckFailpoints(p.Failpoints()); err != nil {
		return nil, err
	}
	// The world's time limit follows from the budget (Prepared.MaxTime).
	p.SetLiveness(cmpOr(opts.Budget, DefaultBudget(p)))
	w := sim.New(sim.Config{
		Seed: p.Identity.Seed, Scheduler: opts.scheduler(p), EarlyTimers: sim.DefaultEarlyTimers,
		MaxSteps: cmpOr(opts.MaxSteps, RunMaxSteps), MaxTime: p.MaxTime(),
		Trace: opts.Trace, Decisions: opts.keepsDecisions(), Pool: opts.Pool,
	})
	exp, err := p.Start(w, opts.StopOn)
	if err != nil {
		return nil, err
	}
	simRes := w.Run()
	return newResult(p, opts, simRes, exp.Finish(simRes), w.Tasks()), nil
}

// Bounds on Options.Budget: under a minute no lease gets through a
// blueprint's latencies; beyond a year of virtual time a run would take
// hours of real time polling.
const (
	MinBudget = time.Minute
	MaxBudget = 365 * 24 * time.Hour
)

func (o Options) check() error {
	switch {
	case o.MaxSteps < 0:
		return fmt.Errorf("%w: max steps %d: want 0 (default %d) or more", scenarios.ErrConfig, o.MaxSteps, RunMaxSteps)
	case o.Budget != 0 && (o.Budget < MinBudget || o.Budget > MaxBudget):
		return fmt.Errorf("%w: budget %v: want 0 (the scenario's, scaled with the workload) or %v to %v", scenarios.ErrConfig, o.Budget, MinBudget, MaxBudget)
	}
	return nil
}

// budgetWorkers is how many workers a scenario's own liveness budget is
// enough for. Past it every queue task wakes more idle workers, and under
// the coarse lock each waits its turn (measured on double-allocation at
// seed 1, global: all 200 leases active 17 virtual minutes in at 1024
// workers, 5h48m in at 2048, against a 1h budget).
const budgetWorkers = 256

// DefaultBudget is the scenario's liveness budget, stretched in proportion
// to the workload when it is larger than the scenario's own: more leases
// than the scenario requests, or more than budgetWorkers workers. A run of
// the scenario's own size keeps its budget exactly (and its trace hash).
func DefaultBudget(p *scenarios.Prepared) time.Duration {
	scale := max(1, ceilDiv(p.Dims.Leases, p.OwnLeases()), ceilDiv(p.Identity.Workers, budgetWorkers))
	return p.Liveness() * time.Duration(scale)
}

func ceilDiv(a, b int) int {
	if b <= 0 {
		return 1
	}
	return (a + b - 1) / b
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}
