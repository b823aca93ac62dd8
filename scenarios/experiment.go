package scenarios

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
)

// Prepared is an identity resolved against its scenario and checked: all a
// run needs to know before its world exists.
type Prepared struct {
	Identity Identity // with defaults filled in
	Scenario *Scenario
	// Workload is a Drydock scenario's, with the identity's overrides.
	Workload Workload
	// Dims are the run's sizes in its system's terms (System.Dimensions):
	// what the shrinker lowers.
	Dims       Dims
	strategy   allocator.Strategy // Drydock's
	hoax       hoax.Config        // Drydock's
	failpoints []Failpoint
	// safety and liveness are the run's phases; ownLeases is the
	// scenario's own size (leases, or what the system calls them), which
	// DefaultBudget scales from.
	safety, liveness time.Duration
	ownLeases        int
	horizon          int64 // PCT's estimate of the run's steps
	// model is another system's resolved configuration, for its start.
	model any
}

// Dims are the sizes of a run the identity can override, in its system's
// terms: leases (or operations), clients, a limit, and how long a waiter
// polls.
type Dims struct {
	Leases, Clients, Limit int
	Poll                   time.Duration
}

// Prepare checks an identity and resolves it against its scenario; errors
// wrap ErrConfig and name the valid choices.
func Prepare(id Identity) (*Prepared, error) {
	if err := id.Validate(); err != nil {
		return nil, err
	}
	id = id.Normalized()
	s, _ := ByName(id.Scenario)
	p := &Prepared{Identity: id, Scenario: s, failpoints: id.Failpoints}
	if !id.NoScenarioFailpoints {
		p.failpoints = append(slices.Clone(s.Failpoints), id.Failpoints...)
	}
	if err := s.System().prepare(p); err != nil {
		return nil, fmt.Errorf("%w: scenario %s: %w", ErrConfig, s.Name, err)
	}
	return p, nil
}

// Scheduler is the identity's scheduler; one that spreads its choices over
// a horizon (PCT, swarm) and has none gets one estimated from the
// workload's size.
func (p *Prepared) Scheduler() sim.Scheduler {
	sched := p.Identity.Sched.Get()
	if h, ok := sched.(sim.HorizonScheduler); ok && h.HorizonSteps() == 0 {
		return h.WithHorizon(p.horizon)
	}
	return sched
}

// MaxTime is the run's virtual-time budget: the safety and liveness phases
// and an hour to stop.
func (p *Prepared) MaxTime() time.Duration { return runBudget(p.safety, p.liveness) }

// Safety is the run's safety phase (0 for a system without one).
func (p *Prepared) Safety() time.Duration { return p.safety }

// Liveness is the run's liveness budget: the scenario's until SetLiveness.
func (p *Prepared) Liveness() time.Duration { return p.liveness }

// SetLiveness gives the run another liveness budget; the world's time
// limit (MaxTime) follows it. Call it before Start.
func (p *Prepared) SetLiveness(d time.Duration) {
	p.liveness = d
	p.Workload.Liveness = d
}

// OwnLeases is the scenario's own size in leases (or what its system
// calls them), before the identity's overrides.
func (p *Prepared) OwnLeases() int { return p.ownLeases }

// Failpoints are the failpoints the run enables: the scenario's (unless
// left out), then the identity's.
func (p *Prepared) Failpoints() []Failpoint { return p.failpoints }

// Start builds the experiment inside w, as the scenario's system does, and
// starts its tasks; w.Run runs it. stopOn ends the run at the first
// violation of that invariant (or of any forbidden one, with StopOnAny;
// "" runs to the end).
func (p *Prepared) Start(w *sim.World, stopOn string) (*Experiment, error) {
	return p.Scenario.System().start(p, w, stopOn)
}

// Experiment is a scenario set up inside a world: for Drydock, the
// allocator, the hoax blueprint, the requesters and the checker watching
// them; another system keeps what it needs in finish.
type Experiment struct {
	w   *sim.World
	rt  *simrt.Runtime
	a   *allocator.Allocator
	h   *hoax.Hoax
	chk *checker
	d   *driver
	// finish, if set, is another system's Finish.
	finish func(res *sim.Result) Findings
}

// startDrydock builds a Drydock experiment inside w and starts its tasks.
func (p *Prepared) startDrydock(w *sim.World, stopOn string) (*Experiment, error) {
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
	chk := newChecker(w, storeRows{a.Store()}, h.Config(), stopOn)
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
	if e.finish != nil {
		return e.finish(res)
	}
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
// requesters' own bookkeeping. Other systems' drivers name their
// machinery with MachineryPrefix. (Called for every event of a story, so
// it builds no System.)
func Quiet(name string) bool {
	return allocator.QueueMachinery(name) || name == clientsDoneNotifier || strings.HasPrefix(name, MachineryPrefix)
}

// MachineryPrefix starts the name of a kernel object that only hands work
// around (a driver's queue, a client's wake-up): stories leave it out.
const MachineryPrefix = "machinery."

// Limit is the run's limit override in its system's terms (Drydock: the
// hoax blueprint's limit).
func (p *Prepared) Limit() int { return p.Dims.Limit }
