package liveload

import (
	"context"
	"fmt"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/livert"
	"github.com/drysim/drysim/allocator/stores"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/scenarios"
)

// Check says which invariants a run checks at its end.
type Check string

const (
	// CheckAll: the audit log's invariants, then, once the run has drained,
	// the end state's and that nothing was left behind.
	CheckAll Check = "all"
	// CheckSafety: the audit log's only, for a process of a fleet whose
	// other processes may still be running (a last `-duration 0` run
	// checks the end state once they all stopped).
	CheckSafety Check = "safety"
)

// Config is one load run.
type Config struct {
	Strategy  string
	Workers   int
	Duration  time.Duration // wall time requests arrive for
	Rate      float64       // leases requested per wall second
	Store     stores.Spec
	TimeScale float64 // wall time per model time (livert)
	Scenario  string  // whose hoax knobs, timings and lease hold the run uses
	Limit     int     // overrides the hoax blueprint's limit when more than 0
	// Failpoints are enabled in the run's own registry (none by default:
	// a load, unlike a scenario, widens no race window).
	Failpoints []scenarios.Failpoint
	Seed       uint64
	Fresh      bool // empty the tables before the run
	Check      Check
	// Drain bounds the wall time the stop may take (requesters releasing,
	// the queue emptying); 0 means a minute.
	Drain time.Duration
	// Progress, if set, is called about five times a second.
	Progress func(Progress)
}

// Progress is a running load's state.
type Progress struct {
	Elapsed              time.Duration
	Requested, Activated int
	InFlight             int
}

// Validate names the first setting no run could use.
func (c Config) Validate() error {
	switch {
	case c.Workers < 1:
		return fmt.Errorf("workers %d: want 1 or more", c.Workers)
	case c.Duration < 0:
		return fmt.Errorf("duration %v: want 0 or more", c.Duration)
	case c.Rate <= 0:
		return fmt.Errorf("leases per second %v: want more than 0", c.Rate)
	case c.TimeScale <= 0:
		return fmt.Errorf("time scale %v: want more than 0 (1 is real time; 0.001 runs a model second in a wall millisecond)", c.TimeScale)
	case c.Limit < 0:
		return fmt.Errorf("limit %d: want 0 (the scenario's) or more", c.Limit)
	case c.Check != CheckAll && c.Check != CheckSafety:
		return fmt.Errorf("check %q: want %s or %s", c.Check, CheckAll, CheckSafety)
	}
	if _, err := allocator.ParseStrategy(c.Strategy); err != nil {
		return err
	}
	_, err := scenarios.ByName(c.Scenario)
	return err
}

// memSpec is the in-memory store's spec.
func memSpec() stores.Spec { return stores.Spec{Kind: stores.Memory} }

// live is one run's allocator and everything around it.
type live struct {
	cfg Config
	sc  *scenarios.Scenario
	rt  *livert.Runtime
	db  *stores.DB // nil in memory
	a   *allocator.Allocator
	h   *hoax.Hoax
	d   *driver
	// chk is the simulator's checker, driven live: it observes an
	// in-memory store's commits as they happen, and replays a database's
	// audit log once the run is over (see scenarios.LiveChecker).
	chk *scenarios.LiveChecker
	// inflight counts client tasks not returned yet (under the step lock).
	inflight int
}

// start builds the allocator on the store, with its checker (which tells
// onViolation, if set, of each violation as the checker finds it), and
// starts its workers.
func start(cfg Config, db *stores.DB, onViolation func(Violation)) (*live, error) {
	sc, _ := scenarios.ByName(cfg.Scenario)
	st, _ := allocator.ParseStrategy(cfg.Strategy)
	opts := livert.Options{Seed: cfg.Seed, TimeScale: cfg.TimeScale}
	if db != nil && db.NamedLocks() {
		opts.Locks = db.NamedLock
	}
	rt := livert.New(opts)
	for _, fp := range cfg.Failpoints {
		if err := rt.EnableFailpoint(fp.Name, fp.Terms); err != nil {
			return nil, err
		}
	}
	acfg := allocator.Config{Strategy: st, Workers: cfg.Workers, Timings: sc.Timings}
	var a *allocator.Allocator
	var err error
	if db != nil {
		db.Bind(rt.Blocking, rt.Wall)
		a, err = allocator.NewOnStore(rt, acfg, db)
	} else {
		a, err = allocator.New(rt, acfg)
	}
	if err != nil {
		return nil, err
	}
	hcfg := sc.Hoax
	if cfg.Limit > 0 {
		hcfg.Limit = cfg.Limit
	}
	h, err := hoax.New(rt, hcfg)
	if err != nil {
		return nil, err
	}
	l := &live{cfg: cfg, sc: sc, rt: rt, db: db, a: a, h: h, d: newDriver(rt, a, h, sc.Workload)}
	l.chk = scenarios.NewLiveChecker(scenarios.LiveCheck{Hoax: hcfg, Timings: a.Timings(), OnViolation: onViolation})
	rt.Do(func() {
		if db == nil {
			l.chk.Observe(a.Store())
		}
		a.AddBlueprint("hoax", h)
		a.Start()
	})
	return l, nil
}

// client runs one requester task for one lease.
func (l *live) client() {
	l.inflight++
	actor := allocator.ActorRef(l.d.actors)
	l.d.actors++
	l.rt.Go("client", func() {
		defer func() { l.inflight-- }()
		l.d.useLease(actor)
	})
}

// arrive requests leases at the configured rate until stop is closed.
func (l *live) arrive(stop <-chan struct{}) {
	every := time.Duration(float64(time.Second) / l.cfg.Rate)
	next := time.Now()
	for {
		next = next.Add(every)
		select {
		case <-stop:
			return
		case <-time.After(time.Until(next)):
		}
		l.rt.Do(l.client)
	}
}

// Run runs a load: requests arrive at Rate for Duration (or until ctx is
// cancelled: Ctrl-C), then every requester releases what it holds, the
// queue drains, and the store is checked.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	db, err := stores.Open(cfg.Store)
	if err != nil {
		return nil, err
	}
	if db != nil {
		defer db.Close()
		if cfg.Fresh {
			if err := db.Reset(); err != nil {
				return nil, err
			}
		}
	}
	l, err := start(cfg, db, nil)
	if err != nil {
		return nil, err
	}
	began := time.Now()
	interrupted := l.load(ctx)
	wall := time.Since(began)
	drained := l.stop()
	return l.report(wall, interrupted, drained)
}

// load runs arrivals for the duration and reports whether ctx cut it short.
func (l *live) load(ctx context.Context) (interrupted bool) {
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { defer close(done); l.arrive(stop) }()
	timer := time.NewTimer(l.cfg.Duration)
	defer timer.Stop()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	began := time.Now()
	for {
		select {
		case <-ctx.Done():
			interrupted = true
		case <-timer.C:
		case <-tick.C:
			l.progress(time.Since(began))
			continue
		}
		close(stop)
		<-done
		return interrupted
	}
}

func (l *live) progress(elapsed time.Duration) {
	if l.cfg.Progress == nil {
		return
	}
	var p Progress
	l.rt.Do(func() {
		p = Progress{Elapsed: elapsed, Requested: l.d.requests, Activated: l.d.active, InFlight: l.inflight}
	})
	l.cfg.Progress(p)
}

// stop makes every requester release what it holds and return, waits for
// the queue to drain (within Drain), then stops the workers. It reports
// whether everything drained.
func (l *live) stop() bool {
	budget := l.cfg.Drain
	if budget == 0 {
		budget = time.Minute
	}
	deadline := time.Now().Add(budget)
	l.rt.Do(func() { l.d.stopping = true })
	quiet := func() (done bool) {
		l.rt.Do(func() { done = l.inflight == 0 && l.a.OpenTasks() == 0 })
		return done
	}
	drained := false
	for !drained && time.Now().Before(deadline) {
		if drained = quiet(); !drained {
			time.Sleep(5 * time.Millisecond)
		}
	}
	l.rt.Do(l.a.Stop)
	l.rt.Wait()
	return drained
}
