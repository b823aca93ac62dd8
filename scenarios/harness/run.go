package harness

import (
	"fmt"

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
	if opts.MaxSteps < 0 {
		return nil, fmt.Errorf("%w: max steps %d: want 0 (default %d) or more", scenarios.ErrConfig, opts.MaxSteps, RunMaxSteps)
	}
	p, err := scenarios.Prepare(id)
	if err != nil {
		return nil, err
	}
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

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}
