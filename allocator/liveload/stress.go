package liveload

import (
	"fmt"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/scenarios"
)

// StressConfig is the live side of the stress baseline: a scenario's own
// workload (its clients, leases, hold times, second releasers, operator,
// faults) run live on the in-memory store, again and again, each round
// on a fresh store, with no failpoints, until one of the race's own
// invariants breaks or the wall-time cap runs out.
type StressConfig struct {
	Scenario, Strategy string
	Workers            int
	TimeScale          float64
	Cap                time.Duration // wall time for all rounds
	Round              time.Duration // wall time for one round's requesters (0: 10 s)
	Seed               uint64
}

// StressResult is what the rounds found.
type StressResult struct {
	Rounds int
	Found  *Violation // the first race violation, nil if none within Cap
	Wall   time.Duration
}

// Stress runs rounds until a race invariant breaks or Cap is spent.
func Stress(cfg StressConfig) (StressResult, error) {
	sc, err := scenarios.ByName(cfg.Scenario)
	if err != nil {
		return StressResult{}, err
	}
	began := time.Now()
	var res StressResult
	for time.Since(began) < cfg.Cap {
		res.Rounds++
		v, err := stressRound(cfg, sc, cfg.Seed+uint64(res.Rounds))
		if err != nil {
			return res, err
		}
		if v != nil {
			res.Found = v
			break
		}
	}
	res.Wall = time.Since(began)
	return res, nil
}

// stressRound runs the scenario's workload once and returns its first
// violation of a race invariant, if any. The checker observes every
// commit as it happens (the in-memory store's observer, inside the step)
// and the round stops at the first race; a round that drained without one
// has its quiescent invariants checked too.
func stressRound(cfg StressConfig, sc *scenarios.Scenario, seed uint64) (*Violation, error) {
	var l *live
	var found *Violation
	race := func(v Violation) { // inside a commit, under the step lock
		if found == nil && sc.IsRace(v.Invariant) {
			found = &v
			l.d.stopping = true
		}
	}
	l, err := start(Config{
		Strategy: cfg.Strategy, Workers: cfg.Workers, Rate: 1, TimeScale: cfg.TimeScale, Scenario: sc.Name,
		Seed: seed, Store: memSpec(), Check: CheckAll,
	}, nil, race)
	if err != nil {
		return nil, err
	}
	l.rt.Do(func() { l.clients(sc.Workload) })
	l.awaitRound(cfg.Round)
	if drained := l.stop(); drained {
		l.quiesce()
	}
	var v *Violation
	l.rt.Do(func() { v = found })
	return v, nil
}

// clients starts the scenario's requesters: Clients tasks sharing Leases,
// their first requests spread over Arrival; an operator during the
// safety phase; faults off once it ends. Call it holding the step lock.
func (l *live) clients(wl scenarios.Workload) {
	n := max(min(wl.Clients, wl.Leases), 1)
	safetyEnd := l.rt.Now().Add(wl.Safety)
	for i := range n {
		share := wl.Leases / n
		if i < wl.Leases%n {
			share++
		}
		l.inflight++
		actor := allocator.ActorRef(allocator.ID(i + 1))
		l.rt.Go(fmt.Sprintf("client-%02d", i), func() {
			defer func() { l.inflight-- }()
			if wl.Arrival > 0 {
				l.rt.Sleep(time.Duration(l.d.rng.Int64N(int64(wl.Arrival))))
			}
			for range share {
				if l.d.stopping {
					return
				}
				l.d.useLease(actor)
			}
		})
	}
	if wl.Operator.Max > 0 {
		l.rt.Go("operator", func() { l.d.operate(func() bool { return !l.rt.Now().Before(safetyEnd) }) })
	}
	l.rt.Go("conductor", func() {
		l.rt.Sleep(wl.Safety)
		l.h.SetFaults(false)
	})
}

// awaitRound waits until every requester finished, a violation stopped
// them, or the round's wall budget ran out.
func (l *live) awaitRound(budget time.Duration) {
	if budget == 0 {
		budget = 10 * time.Second
	}
	deadline := time.Now().Add(budget)
	for time.Now().Before(deadline) {
		done := false
		l.rt.Do(func() { done = l.inflight == 0 || l.d.stopping })
		if done {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
}
