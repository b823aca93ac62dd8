package scenarios

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
)

// RunConfig is one run: a scenario, a strategy, a seed. Together they
// determine the run exactly.
type RunConfig struct {
	Scenario string
	Strategy string // allocator strategy: naive, global, slot, slot-without=<fix>
	Seed     uint64
	Workers  int    // queue workers; 0 means 64
	Sched    string // scheduler: random (default), pct, pct:<depth>
	// Failpoints are enabled on top of the scenario's own.
	Failpoints []Failpoint
	// Leases, Clients and Limit override the scenario's lease count,
	// requester count and blueprint limit (0: the scenario's).
	Leases, Clients, Limit int
	// Poll overrides how often a requester looks at its lease (0: the
	// scenario's). A shrinker raises it: polls carry no story.
	Poll time.Duration
	// NoScenarioFailpoints drops the scenario's own failpoints, leaving
	// only Failpoints (a shrinker removes them one by one).
	NoScenarioFailpoints bool
	// StopOn ends the run at the first violation of this invariant (or of
	// any, with StopOnAny), so a shrunk run's story ends where it breaks.
	StopOn string
	// Trace and Decisions keep the trace and the decision list.
	Trace, Decisions bool
	// Replay, if set, schedules by these decisions (strict) instead of
	// Sched.
	Replay []sim.Decision
	// Schedule, if set, drives scheduling instead of Sched (a sim.Chooser
	// for property tests). It is not part of a repro line: save the run's
	// decisions to replay it.
	Schedule sim.Strategy
	// Pool, if set, lends the world coroutines (sim.Pool): a goroutine that
	// runs many worlds one after another saves growing their stacks. It
	// changes nothing about the run.
	Pool     *sim.Pool
	MaxSteps int64
	// lenient, if set, schedules by these decisions and fills whatever does
	// not fit with the replay's fixed rule (the shrinker's trial runs).
	lenient []sim.Decision
}

// StopOnAny as RunConfig.StopOn ends a run at its first violation of any
// invariant that is not merely measured.
const StopOnAny = "any"

// ErrConfig is wrapped by every error about a RunConfig.
var ErrConfig = errors.New("bad run config")

// DefaultMaxSteps bounds a scenario run.
const DefaultMaxSteps = 20_000_000

// normalize fills defaults and checks every field, naming valid choices.
func (c RunConfig) normalize() (RunConfig, *Scenario, allocator.Strategy, sim.Strategy, error) {
	s, err := ByName(c.Scenario)
	if err != nil {
		return c, nil, allocator.Strategy{}, nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	st, err := allocator.ParseStrategy(c.Strategy)
	if err != nil {
		return c, nil, allocator.Strategy{}, nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if c.Workers < 0 || c.Leases < 0 || c.Clients < 0 || c.Limit < 0 || c.MaxSteps < 0 || c.Poll < 0 {
		return c, nil, st, nil, fmt.Errorf("%w: workers, leases, clients, limit and max steps must be 0 (default) or more", ErrConfig)
	}
	if c.StopOn != "" && c.StopOn != StopOnAny && !knownInvariant(c.StopOn) {
		return c, nil, st, nil, fmt.Errorf("%w: unknown invariant %q to stop on; valid: %s", ErrConfig, c.StopOn, strings.Join(invariantNames(), ", "))
	}
	if c.Workers == 0 {
		c.Workers = allocator.DefaultWorkers
	}
	if c.Sched == "" {
		c.Sched = "random"
	}
	sched, err := sim.ParseStrategy(c.Sched)
	if err != nil {
		return c, nil, st, nil, fmt.Errorf("%w: scheduler: %w", ErrConfig, err)
	}
	if p, ok := sched.(sim.PCT); ok && p.Horizon == 0 {
		p.Horizon = s.pctHorizon(c.Leases)
		sched = p
	}
	switch {
	case c.Schedule != nil:
		sched = c.Schedule
	case c.Replay != nil:
		sched = sim.Replay{Decisions: c.Replay, Strict: true}
	case c.lenient != nil:
		sched = sim.Replay{Decisions: c.lenient}
	}
	return c, s, st, sched, nil
}

// pctHorizon estimates a run's length in steps, for PCT's change points.
func (s *Scenario) pctHorizon(leases int) int64 {
	if leases == 0 {
		leases = s.Workload.Leases
	}
	return int64(leases) * 400
}

// KnownFailpoints lists every failpoint a run accepts.
func KnownFailpoints() []string {
	names := append(allocator.FailpointNames(), hoax.FailpointNames()...)
	slices.Sort(names)
	return names
}

// Run runs one scenario to the end and checks it.
func Run(cfg RunConfig) (*Result, error) {
	cfg, s, strategy, sched, err := cfg.normalize()
	if err != nil {
		return nil, err
	}
	wl := s.workload(cfg.Leases, cfg.Clients)
	if cfg.Poll > 0 {
		wl.Poll = cfg.Poll
	}
	w := sim.New(sim.Config{
		Seed: cfg.Seed, Strategy: sched, EarlyTimers: sim.DefaultEarlyTimers,
		MaxSteps: cmpOr(cfg.MaxSteps, DefaultMaxSteps), MaxTime: wl.Safety + wl.Liveness + time.Hour,
		Trace: cfg.Trace, Decisions: cfg.Decisions || cfg.Replay != nil || cfg.lenient != nil || cfg.Schedule != nil,
		Pool: cfg.Pool,
	})
	rt := simrt.New(w)
	fps := cfg.Failpoints
	if !cfg.NoScenarioFailpoints {
		fps = append(slices.Clone(s.Failpoints), fps...)
	}
	if err := enableFailpoints(rt, fps); err != nil {
		return nil, err
	}
	a, err := allocator.New(rt, allocator.Config{Strategy: strategy, Workers: cfg.Workers, Timings: s.Timings})
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	hcfg := s.Hoax
	if cfg.Limit > 0 {
		hcfg.Limit = cfg.Limit
	}
	h, err := hoax.New(rt, hcfg)
	if err != nil {
		return nil, fmt.Errorf("%w: scenario %s: %w", ErrConfig, s.Name, err)
	}
	a.AddBlueprint("hoax", h)
	chk := newChecker(w, a.Store(), h)
	chk.stopOn = cfg.StopOn
	a.Store().Observe(chk.onCommit)
	d := newDriver(w, a, h, chk, wl)
	a.Start()
	d.start()
	simRes := w.Run()
	if simRes.Outcome == sim.Done && d.drained {
		chk.checkQuiescent()
	}
	return newResult(cfg, s, simRes, a, chk, d), nil
}

func enableFailpoints(rt *simrt.Runtime, fps []Failpoint) error {
	known := KnownFailpoints()
	for _, fp := range fps {
		if err := allocator.CheckFailpointName(fp.Name, known); err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
		if err := rt.EnableFailpoint(fp.Name, fp.Terms); err != nil {
			return fmt.Errorf("%w: %w", ErrConfig, err)
		}
	}
	return nil
}

// workload applies the lease and client overrides, keeping clients <=
// leases.
func (s *Scenario) workload(leases, clients int) Workload {
	wl := s.Workload
	if leases > 0 {
		wl.Leases = leases
	}
	if clients > 0 {
		wl.Clients = clients
	}
	if wl.Poll == 0 {
		wl.Poll = 5 * time.Second
	}
	wl.Clients = max(min(wl.Clients, wl.Leases), 1)
	return wl
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// ParseFailpoint reads "name=terms".
func ParseFailpoint(s string) (Failpoint, error) {
	name, terms, ok := strings.Cut(s, "=")
	if !ok || name == "" || terms == "" {
		return Failpoint{}, fmt.Errorf("%w: failpoint %q: want name=terms, e.g. %s=return(2000)", ErrConfig, s, allocator.FPBeforeLinkLease)
	}
	if err := allocator.CheckFailpointName(name, KnownFailpoints()); err != nil {
		return Failpoint{}, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	if _, err := simrt.ParseTerms(terms); err != nil {
		return Failpoint{}, fmt.Errorf("%w: failpoint %s: %w", ErrConfig, name, err)
	}
	return Failpoint{Name: name, Terms: terms}, nil
}
