package sim

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Body sets up one world (its objects and tasks) and returns a check to run
// after the world has finished cleanly; the check may be nil.
type Body func(w *World) (check func() error)

// ExploreOptions says which runs Find and Explore try.
type ExploreOptions struct {
	Seeds     int      // how many seeds; 0 means 100
	FirstSeed uint64   // first seed; 0 means 1
	Strategy  Strategy // nil means Random{}
	// EarlyTimers is Config.EarlyTimers; 0 means DefaultEarlyTimers and a
	// negative value turns early timer firing off.
	EarlyTimers float64
	MaxSteps    int64
	MaxTime     time.Duration
}

func (o ExploreOptions) config(seed uint64) Config {
	early := o.EarlyTimers
	switch {
	case early == 0:
		early = DefaultEarlyTimers
	case early < 0:
		early = 0
	}
	strategy := o.Strategy
	if strategy == nil {
		strategy = Random{}
	}
	return Config{Seed: seed, Strategy: strategy, EarlyTimers: early, MaxSteps: o.MaxSteps, MaxTime: o.MaxTime, Decisions: true}
}

func (o ExploreOptions) seeds() (first uint64, n int) {
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
	Seed     uint64
	Strategy Strategy
	Config   Config
	Err      error
	Result   *Result
}

func (f *Failure) Error() string {
	return fmt.Sprintf("seed %d (strategy %s): %v", f.Seed, f.Strategy, f.Err)
}

// RunOnce runs body in one world made from cfg and returns the failure, if
// any, and the run's result.
func RunOnce(cfg Config, body Body) (*Failure, *Result) {
	w := New(cfg)
	check := body(w)
	res := w.Run()
	err := res.Err()
	if err == nil && check != nil {
		err = check()
	}
	if err == nil {
		return nil, res
	}
	return &Failure{Seed: cfg.Seed, Strategy: w.cfg.Strategy, Config: w.cfg, Err: err, Result: res}, res
}

// Find runs body on successive seeds and returns the first failure, or nil
// if every seed passed. A PCT strategy without a horizon gets, from the
// second seed on, the length of the longest run so far (see PCT).
func Find(opts ExploreOptions, body Body) *Failure {
	first, n := opts.seeds()
	learn := false
	if p, ok := opts.Strategy.(PCT); ok && p.Horizon == 0 {
		learn = true
	}
	for i := range n {
		f, res := RunOnce(opts.config(first+uint64(i)), body)
		if f != nil {
			return f
		}
		if p, ok := opts.Strategy.(PCT); learn && ok && res.Steps > p.Horizon {
			p.Horizon = res.Steps
			opts.Strategy = p
		}
	}
	return nil
}

// Explore runs body on many seeds under a test and fails the test at the
// first failing seed with the seed, the strategy and the command that
// replays just that run. Setting DRYSIM_SEED (and DRYSIM_STRATEGY) in the
// environment replays one seed with tracing on and logs its trace.
func Explore(t testing.TB, opts ExploreOptions, body Body) {
	t.Helper()
	if one, ok := os.LookupEnv("DRYSIM_SEED"); ok {
		replayOne(t, opts, one, body)
		return
	}
	if f := Find(opts, body); f != nil {
		t.Fatalf("sim: %v\nreplay: %s", f, ReproCommand(t, f))
	}
}

func replayOne(t testing.TB, opts ExploreOptions, seedText string, body Body) {
	t.Helper()
	seed, err := strconv.ParseUint(seedText, 10, 64)
	if err != nil {
		t.Fatalf("sim: DRYSIM_SEED=%q is not a seed; want a whole number", seedText)
	}
	if s := os.Getenv("DRYSIM_STRATEGY"); s != "" {
		if opts.Strategy, err = ParseStrategy(s); err != nil {
			t.Fatalf("sim: DRYSIM_STRATEGY: %v", err)
		}
	}
	cfg := opts.config(seed)
	cfg.Trace = true
	f, res := RunOnce(cfg, body)
	t.Logf("sim: replayed seed %d (strategy %s): %s, hash %s\n%s", seed, cfg.Strategy, res.Outcome, res.HashString(), res.Trace)
	if f != nil {
		t.Fatalf("sim: %v", f)
	}
}

// ReproCommand is the shell command that reruns only f's seed of the
// running test.
func ReproCommand(t testing.TB, f *Failure) string {
	return fmt.Sprintf("DRYSIM_SEED=%d DRYSIM_STRATEGY=%s go test -count=1 -run '^%s$' %s",
		f.Seed, f.Strategy, strings.SplitN(t.Name(), "/", 2)[0], packageDir())
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
