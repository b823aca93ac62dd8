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
}

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
	return sim.Config{Seed: seed, Scheduler: scheduler, EarlyTimers: early, MaxSteps: o.MaxSteps, MaxTime: o.MaxTime, Decisions: true}
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
// if every seed passed. A sim.PCT scheduler without a horizon gets, from the
// second seed on, the length of the longest run so far (see sim.PCT).
func Find(opts Options, body Body) *Failure {
	first, n := opts.seeds()
	learn := false
	if p, ok := opts.Scheduler.(sim.PCT); ok && p.Horizon == 0 {
		learn = true
	}
	for i := range n {
		f, res := RunOnce(opts.config(first+uint64(i)), body)
		if f != nil {
			return f
		}
		if p, ok := opts.Scheduler.(sim.PCT); learn && ok && res.Steps > p.Horizon {
			p.Horizon = res.Steps
			opts.Scheduler = p
		}
	}
	return nil
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
