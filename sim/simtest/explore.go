// Package simtest runs a sim.World body over many seeds from a test and,
// at the first failure, fails the test with the seed, the scheduler and the
// one command that replays just that run. It is the test face of package
// sim: the kernel and the drysim binary never import testing, and only
// tests import this package (as testing/synctest sits over
// internal/synctest).
//
//	func TestCounter(t *testing.T) {
//		simtest.Explore(t, simtest.Options{Seeds: 200}, func(w *sim.World) func() error {
//			... // start tasks on w; return a check to run after the world ends
//		})
//	}
//
// DRYSIM_SEED=n (and DRYSIM_SCHEDULER=name) in the environment replays one
// seed with tracing on and logs its trace.
//
// A search is fast because its runs share one coroutine pool and keep no
// decision log; only the failing seed is run a second time with its
// decisions recorded (Failure.Result.Decisions), which also checks that the
// body is deterministic.
package simtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/drysim/drysim/sim"
)

// Body sets up one world (its objects and tasks) and returns a check to run
// after the world has finished cleanly; the check may be nil.
type Body func(w *sim.World) (check func() error)

// Options says which runs Find and Explore try.
type Options struct {
	Seeds     int           // how many seeds; 0 means 100
	FirstSeed uint64        // first seed; 0 means 1
	Scheduler sim.Scheduler // nil means sim.Random{}
	// EarlyTimers is sim.Config.EarlyTimers; 0 means sim.DefaultEarlyTimers and a
	// negative value turns early timer firing off.
	EarlyTimers float64
	MaxSteps    int64
	MaxTime     time.Duration
	// Pool lends the runs coroutines (sim.Pool). Nil: Find makes one for
	// its runs and closes it when it returns. It changes no result.
	Pool *sim.Pool
}

// config is the run for one seed. It keeps no decision log: a search
// spends most of its runs passing, and the seed alone replays a run, so
// Find records decisions only when it re-runs a failing seed.
func (o Options) config(seed uint64) sim.Config {
	early := o.EarlyTimers
	switch {
	case early == 0:
		early = sim.DefaultEarlyTimers
	case early < 0:
		early = 0
	}
	scheduler := o.Scheduler
	if scheduler == nil {
		scheduler = sim.Random{}
	}
	return sim.Config{Seed: seed, Scheduler: scheduler, EarlyTimers: early, MaxSteps: o.MaxSteps, MaxTime: o.MaxTime, Pool: o.Pool}
}

func (o Options) seeds() (first uint64, n int) {
	first, n = o.FirstSeed, o.Seeds
	if first == 0 {
		first = 1
	}
	if n == 0 {
		n = 100
	}
	return first, n
}

// Failure is a run that did not finish cleanly or whose check failed.
type Failure struct {
	Seed      uint64
	Scheduler sim.Scheduler
	Config    sim.Config
	Err       error
	Result    *sim.Result
}

func (f *Failure) Error() string {
	return fmt.Sprintf("seed %d (scheduler %s): %v", f.Seed, f.Scheduler, f.Err)
}

// RunOnce runs body in one world made from cfg and returns the failure, if
// any, and the run's result.
func RunOnce(cfg sim.Config, body Body) (*Failure, *sim.Result) {
	w := sim.New(cfg)
	check := body(w)
	res := w.Run()
	err := res.Err()
	if err == nil && check != nil {
		err = check()
	}
	if err == nil {
		return nil, res
	}
	return &Failure{Seed: cfg.Seed, Scheduler: w.Config().Scheduler, Config: w.Config(), Err: err, Result: res}, res
}

// Find runs body on successive seeds and returns the first failure, or nil
// if every seed passed. A scheduler with an unset horizon (sim.PCT, see
// sim.HorizonScheduler) gets, from the second seed on, the length of the
// longest finished run so far.
//
// Runs keep no decision log and share one coroutine pool (Options.Pool).
// The failing seed is run once more with its decisions recorded, so the
// Failure's Result can be replayed, saved or shrunk.
func Find(opts Options, body Body) *Failure {
	if opts.Pool == nil {
		opts.Pool = sim.NewPool()
		defer opts.Pool.Close()
	}
	first, n := opts.seeds()
	h, learn := opts.Scheduler.(sim.HorizonScheduler)
	learn = learn && h.HorizonSteps() == 0
	for i := range n {
		f, res := RunOnce(opts.config(first+uint64(i)), body)
		if f != nil {
			return recordDecisions(f, body)
		}
		if learn {
			opts.Scheduler = learnHorizon(opts.Scheduler, res)
		}
	}
	return nil
}

// learnHorizon raises a horizon scheduler's horizon to the length of res,
// if res is a finished run longer than the horizon. A run cut off by a
// budget says nothing about how long runs are: a livelock would set the
// horizon to the budget and spread PCT's change points over steps that
// finished runs never reach.
func learnHorizon(s sim.Scheduler, res *sim.Result) sim.Scheduler {
	h, ok := s.(sim.HorizonScheduler)
	if !ok || res.Outcome != sim.Done || res.Steps <= h.HorizonSteps() {
		return s
	}
	return h.WithHorizon(res.Steps)
}

// recordDecisions runs f's seed again with its decisions recorded. The
// same config must give the same run; if the hash differs, the body
// depends on something outside the world, which f's error then says.
func recordDecisions(f *Failure, body Body) *Failure {
	cfg := f.Config
	cfg.Decisions = true
	again, res := RunOnce(cfg, body)
	switch {
	case res.Hash != f.Result.Hash:
		f.Err = fmt.Errorf("%w; and the run is not deterministic: a second run of the seed gave hash %s, not %s (the body uses state, time or randomness from outside the world)",
			f.Err, res.HashString(), f.Result.HashString())
	case again != nil:
		f.Config, f.Result = again.Config, again.Result
	}
	f.Config.Pool = nil // Find's pool is closed once it returns
	return f
}

// Explore runs body on many seeds under a test and fails the test at the
// first failing seed with the seed, the scheduler and the command that
// replays just that run. Setting DRYSIM_SEED (and DRYSIM_SCHEDULER) in the
// environment replays one seed with tracing on and logs its trace.
func Explore(t testing.TB, opts Options, body Body) {
	t.Helper()
	if one, ok := os.LookupEnv("DRYSIM_SEED"); ok {
		replayOne(t, opts, one, body)
		return
	}
	if f := Find(opts, body); f != nil {
		t.Fatalf("sim: %v\nreplay: %s", f, ReproCommand(t, f))
	}
}

func replayOne(t testing.TB, opts Options, seedText string, body Body) {
	t.Helper()
	seed, err := strconv.ParseUint(seedText, 10, 64)
	if err != nil {
		t.Fatalf("sim: DRYSIM_SEED=%q is not a seed; want a whole number", seedText)
	}
	if s := os.Getenv("DRYSIM_SCHEDULER"); s != "" {
		if opts.Scheduler, err = sim.ParseScheduler(s); err != nil {
			t.Fatalf("sim: DRYSIM_SCHEDULER: %v", err)
		}
	}
	cfg := opts.config(seed)
	cfg.Trace = true
	f, res := RunOnce(cfg, body)
	t.Logf("sim: replayed seed %d (scheduler %s): %s, hash %s\n%s", seed, cfg.Scheduler, res.Outcome, res.HashString(), res.Trace)
	if f != nil {
		t.Fatalf("sim: %v", f)
	}
}

// ReproCommand is the shell command that reruns only f's seed of the
// running test.
func ReproCommand(t testing.TB, f *Failure) string {
	return fmt.Sprintf("DRYSIM_SEED=%d DRYSIM_SCHEDULER=%s go test -count=1 -run '^%s$' %s",
		f.Seed, f.Scheduler, strings.SplitN(t.Name(), "/", 2)[0], packageDir())
}

// packageDir is the test's package directory relative to the module root,
// as go test wants it ("./sim").
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil || rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		if filepath.Dir(dir) == dir {
			return "."
		}
	}
}
