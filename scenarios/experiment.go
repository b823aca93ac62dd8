package scenarios

import (
	"fmt"
	"slices"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
)

// Prepared is an identity resolved against its scenario and checked: all a
// run needs to know before its world exists.
type Prepared struct {
	Identity   Identity // with defaults filled in
	Scenario   *Scenario
	Workload   Workload // the scenario's, with the identity's overrides
	strategy   allocator.Strategy
	hoax       hoax.Config
	failpoints []Failpoint
}

// Prepare checks an identity and resolves it against its scenario; errors
// wrap ErrConfig and name the valid choices.
func Prepare(id Identity) (*Prepared, error) {
	if err := id.Validate(); err != nil {
		return nil, err
	}
	id = id.Normalized()
	s, _ := ByName(id.Scenario)
	st, _ := allocator.ParseStrategy(id.Strategy)
	p := &Prepared{Identity: id, Scenario: s, Workload: s.workload(id.Leases, id.Clients), strategy: st, hoax: s.Hoax}
	if id.Poll > 0 {
		p.Workload.Poll = id.Poll
	}
	if id.Limit > 0 {
		p.hoax.Limit = id.Limit
	}
	p.failpoints = id.Failpoints
	if !id.NoScenarioFailpoints {
		p.failpoints = append(slices.Clone(s.Failpoints), id.Failpoints...)
	}
	return p, nil
}

// Scheduler is the identity's scheduler; one that spreads its choices over
// a horizon (PCT, swarm) and has none gets one estimated from the
// workload's size.
func (p *Prepared) Scheduler() sim.Scheduler {
	sched := p.Identity.Sched.Get()
	if h, ok := sched.(sim.HorizonScheduler); ok && h.HorizonSteps() == 0 {
		return h.WithHorizon(p.Scenario.pctHorizon(p.Identity.Leases))
	}
	return sched
}

// MaxTime is the run's virtual-time budget: the safety and liveness phases
// and an hour to stop.
func (p *Prepared) MaxTime() time.Duration {
	return p.Workload.Safety + p.Workload.Liveness + time.Hour
}

// Failpoints are the failpoints the run enables: the scenario's (unless
// left out), then the identity's.
func (p *Prepared) Failpoints() []Failpoint { return p.failpoints }

// Experiment is a scenario set up inside a world: the allocator, the hoax
// blueprint, the requesters and the checker watching them.
type Experiment struct {
	w   *sim.World
	rt  *simrt.Runtime
	a   *allocator.Allocator
	h   *hoax.Hoax
	chk *checker
	d   *driver
}

// Start builds the experiment inside w and starts its tasks; w.Run runs it.
// stopOn ends the run at the first violation of that invariant (or of any
// forbidden one, with StopOnAny; "" runs to the end).
func (p *Prepared) Start(w *sim.World, stopOn string) (*Experiment, error) {
	if stopOn != "" && stopOn != StopOnAny {
		if _, err := InvariantByName(stopOn); err != nil {
			return nil, fmt.Errorf("%w: stop-on: %w", ErrConfig, err)
		}
	}
	rt := simrt.New(w)
	if err := enableFailpoints(rt, p.failpoints); err != nil {
		return nil, err
	}
	a, err := allocator.New(rt, allocator.Config{Strategy: p.strategy, Workers: p.Identity.Workers, Timings: p.Scenario.Timings})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	h, err := hoax.New(rt, p.hoax)
	if err != nil {
		return nil, fmt.Errorf("%w: scenario %s: %w", ErrConfig, p.Scenario.Name, err)
	}
	a.AddBlueprint("hoax", h)
	chk := newChecker(w, a.Store(), h, stopOn)
	chk.expiryGrace = a.Timings().RetryAfter + time.Minute
	chk.reclaimIdle = a.Timings().ReclaimIdle
	a.Store().Observe(chk.onCommit)
	d := newDriver(w, a, h, chk, p.Workload)
	a.Start()
	d.start()
	return &Experiment{w: w, rt: rt, a: a, h: h, chk: chk, d: d}, nil
}

// Findings are what a finished experiment found.
type Findings struct {
	Violations []Violation
	Metrics    Metrics
	// Drained: every requester finished and the queue drained within the
	// liveness budget, so the quiescent invariants were checked.
	Drained bool
	// Store and Hoax are the run's final state, for tests and reports that
	// look past the summary.
	Store *allocator.Store
	Hoax  *hoax.Hoax
	// FailpointHits counts, for each enabled failpoint, the times it gave
	// a value, so a run can warn about a failpoint that never fired.
	FailpointHits map[string]int
}

// Finish checks the quiescent invariants of a run that ended cleanly and
// collects what the experiment found. Call it once, after w.Run.
func (e *Experiment) Finish(res *sim.Result) Findings {
	if res.Outcome == sim.Done && e.d.drained {
		e.chk.checkQuiescent()
	}
	return Findings{
		Violations: e.chk.violations, Metrics: collectMetrics(e.a, e.chk, res),
		Drained: e.d.drained, Store: e.a.Store(), Hoax: e.h, FailpointHits: e.rt.FailpointHits(),
	}
}

// Quiet reports whether a kernel object or label name is machinery a story
// of a race can leave out: idle queue workers handing work around, and the
// requesters' own bookkeeping.
func Quiet(name string) bool {
	return allocator.QueueMachinery(name) || name == clientsDoneNotifier
}

// Limit is the hoax blueprint's limit the run uses.
func (p *Prepared) Limit() int { return p.hoax.Limit }
