package harness

import (
	"context"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/guided"
)

// Guided is the name of the feedback-guided search (sim/guided) among a
// hunt's searches; the others are the nameable schedulers.
const Guided = "guided"

// HuntSearches lists every search a hunt accepts, for help texts.
func HuntSearches() string { return Guided + ", " + sim.SchedulerSyntax() }

// ParseHuntSearch reads a search's name: Guided (a nil scheduler) or a
// scheduler's (sim.ParseScheduler). The error names the valid ones.
func ParseHuntSearch(name string) (sim.Scheduler, error) {
	if name == Guided {
		return nil, nil
	}
	s, err := sim.ParseScheduler(name)
	if err != nil {
		return nil, fmt.Errorf("%w: search %q: want %s", scenarios.ErrConfig, name, HuntSearches())
	}
	return s, nil
}

// HuntConfig says what a hunt looks for and how long it may look.
type HuntConfig struct {
	// Run is the scenario, strategy, workers and overrides; its Seed and
	// Sched are the hunt's to choose.
	Run scenarios.Identity
	// Search is Guided or a scheduler's name (sim.ParseScheduler).
	Search string
	// Runs bounds the hunt; 0 means 100.
	Runs int
	// Seed is the hunt's: it decides the world seeds (HuntWorldSeed) and
	// every choice of a guided search. 0 means 1.
	Seed uint64
	// RaceOnly counts only a violation of the scenario's race
	// (Result.Reproduced) as a finding; otherwise any failed run does
	// (Result.Failed: a forbidden violation, a deadlock, a budget).
	RaceOnly bool
	// Budget is every run's liveness budget (Options.Budget).
	Budget time.Duration
	// Parallel runs up to this many worlds at once (0: GOMAXPROCS). It
	// changes no result: runs are planned and folded in fixed batches.
	Parallel int
	// OnRun, if set, is called after each run, in run order.
	OnRun func(HuntRun)
}

// HuntRun is one run of a hunt, for progress.
type HuntRun struct {
	Run    int // 1-based
	Seed   uint64
	Origin string // the scheduler, or what a guided run mutated
	Failed bool
	// Features and Corpus: what a guided search has seen and kept.
	Features, Corpus int
}

// HuntResult is what a hunt found, if anything.
type HuntResult struct {
	Search string
	// Runs is how many runs the hunt took: the finding's run when it
	// found one.
	Runs int
	// Found is the first run that failed (HuntConfig.RaceOnly says what
	// counts), with its decisions; nil if none did.
	Found *Result
	// Origin says how the finding's schedule came about.
	Origin string
	// File replays the finding (every decision); Repro is the command
	// that reruns it from its seed, "" for a guided finding, whose
	// schedule only its decisions give.
	File  *ReplayFile
	Repro string
	// Features and Corpus: what a guided search saw and kept.
	Features, Corpus int
}

// HuntWorldSeed is the world seed of a hunt's n-th run (0-based; under
// Guided, its n-th fresh draw): hunt seed 1 runs seeds 1, 2, 3, ... as
// drysim check does, hunt seed h seeds from (h-1)*1,000,000+1.
func HuntWorldSeed(hunt uint64, n int) uint64 { return (max(hunt, 1)-1)*1_000_000 + uint64(n) + 1 }

// Hunt runs a scenario under one search until a run fails, cfg.Runs have
// run or ctx ends (then the result says how many ran, and ctx's error is
// returned with it). A finding is run again from its replay file, which
// must give its hash. Errors about the config wrap scenarios.ErrConfig.
func Hunt(ctx context.Context, cfg HuntConfig) (*HuntResult, error) {
	cfg.Runs = cmpOr(cfg.Runs, 100)
	cfg.Seed = cmpOr(cfg.Seed, 1)
	base := cfg.Run
	base.Seed, base.Sched = HuntWorldSeed(cfg.Seed, 0), sim.SchedulerSpec{}
	if err := base.Validate(); err != nil {
		return nil, err
	}
	p, err := scenarios.Prepare(base)
	if err != nil {
		return nil, err
	}
	if err := CheckFailpoints(p.Failpoints()); err != nil {
		return nil, err
	}
	if err := (Options{Budget: cfg.Budget}).check(); err != nil {
		return nil, err
	}
	cfg.Run = base
	var out *HuntResult
	s, err := ParseHuntSearch(cfg.Search)
	if err != nil {
		return nil, err
	}
	if s == nil {
		out = huntGuided(ctx, cfg)
	} else {
		out, err = huntSeeds(ctx, cfg, s)
	}
	if err != nil {
		return nil, err
	}
	if out.Found != nil {
		if err := out.confirm(cfg); err != nil {
			return out, err
		}
	}
	return out, ctx.Err()
}

// confirm makes the finding's replay file and replays it: it must give
// the finding's hash.
func (h *HuntResult) confirm(cfg HuntConfig) error {
	f, err := NewReplayFile(h.Found)
	if err != nil {
		return err
	}
	again, err := Run(h.Found.Identity, Options{Replay: f.Decisions, Budget: cfg.Budget})
	if err != nil {
		return err
	}
	if again.Hash != h.Found.Hash {
		return fmt.Errorf("hunt: the finding at run %d does not replay: hash %s, then %s", h.Runs, h.Found.HashString(), again.HashString())
	}
	h.File = f
	return nil
}

// huntGuided drives sim/guided over the scenario.
func huntGuided(ctx context.Context, cfg HuntConfig) *HuntResult {
	target := func(seed uint64, s sim.Scheduler) guided.Report {
		id := cfg.Run
		id.Seed = seed
		res, err := Run(id, Options{Scheduler: s, Trace: true, Budget: cfg.Budget})
		if err != nil {
			// The identity was validated: a run that cannot start is a bug.
			panic(fmt.Sprintf("hunt: %v", err))
		}
		return guided.Report{Sim: res.Sim, Failed: cfg.found(res), LivenessOnly: livenessOnly(res), Extra: huntFacts(res), Value: res}
	}
	gcfg := guided.Config{Seed: cfg.Seed, Runs: cfg.Runs, Parallel: Runner{Parallel: cfg.Parallel}.Workers(),
		Seeds: func(n int) uint64 { return HuntWorldSeed(cfg.Seed, n) }}
	if cfg.OnRun != nil {
		gcfg.OnRun = func(r guided.RunInfo) {
			cfg.OnRun(HuntRun{Run: r.Run, Seed: r.Seed, Origin: r.Origin, Failed: r.Failed, Features: r.Features, Corpus: r.Corpus})
		}
	}
	f, stats := guided.Search(ctx, gcfg, target)
	out := &HuntResult{Search: Guided, Runs: stats.Runs, Features: stats.Features, Corpus: stats.Corpus}
	if f != nil {
		res := f.Report.Value.(*Result)
		out.Found, out.Origin = res, f.Origin
	}
	return out
}

// found says whether a run is what the hunt looks for.
func (c HuntConfig) found(r *Result) bool {
	if c.RaceOnly {
		return r.Reproduced()
	}
	return r.Failed()
}

// livenessOnly reports whether a run broke nothing but timing: it ran out
// of a budget, left work undone within the liveness budget (an invariant
// of the liveness phase), or let a deadline pass (timeBound), with no
// other violation, deadlock or panic. Timers that keep firing early slow
// every task down, so such a run may fail these by its schedule alone.
func livenessOnly(r *Result) bool {
	if r.Outcome == sim.Deadlock || r.Outcome == sim.Panic {
		return false
	}
	for _, v := range r.Violations {
		if scenarios.IsMeasured(v.Invariant) || slices.Contains(timeBound, v.Invariant) {
			continue
		}
		if inv, err := scenarios.InvariantByName(v.Invariant); err != nil || inv.Phase != scenarios.PhaseLiveness {
			return false
		}
	}
	return true
}

// timeBound are the invariants outside the liveness phase that bound how
// long something may take in virtual time.
var timeBound = []string{scenarios.InvLeaseExpiry, scenarios.InvFailedActivationBreaks}

// huntFacts are a run's checker-relevant states, as coverage: the
// invariants it broke (measured ones included), and its metrics in
// powers of two.
func huntFacts(r *Result) []string {
	var out []string
	for _, v := range r.Violations {
		out = append(out, "violation:"+v.Invariant)
	}
	m := r.Metrics
	for _, x := range []struct {
		name string
		v    int
	}{{"steals", m.Steals}, {"broken", m.LeasesBroken}, {"surplus", m.ResourcesBuilt - m.ResourcesNeeded},
		{"timeouts", m.LockTimeouts}, {"slot-conflicts", m.SlotConflicts}, {"overshoots", m.LimitOvershoots},
		{"inactive", m.LeasesRequested - m.LeasesActivated}} {
		if x.v != 0 {
			out = append(out, fmt.Sprintf("%s:%d", x.name, bits.Len(uint(max(x.v, 0)))))
		}
	}
	return out
}

// huntSeeds runs seed after seed under one scheduler, in batches, as a
// check row does. A scheduler with an unset horizon learns it from the
// finished runs so far, as simtest.Find does.
func huntSeeds(ctx context.Context, cfg HuntConfig, s sim.Scheduler) (*HuntResult, error) {
	out := &HuntResult{Search: s.String()}
	runner := Runner{Parallel: cfg.Parallel}
	h, learn := s.(sim.HorizonScheduler)
	learn = learn && h.HorizonSteps() == 0
	for n := 0; n < cfg.Runs && ctx.Err() == nil; {
		batch := min(guided.DefaultBatch, cfg.Runs-n)
		jobs := make([]Job, batch)
		for i := range jobs {
			id := cfg.Run
			id.Seed, id.Sched = HuntWorldSeed(cfg.Seed, n+i), sim.SchedulerSpec{Scheduler: s}
			jobs[i] = Job{Identity: id, Options: Options{Budget: cfg.Budget}}
		}
		results := make([]*Result, batch)
		var runErr error
		_ = runner.Run(ctx, slices.Values(jobs), func(j Job, res *Result, err error) bool {
			runErr = cmpOr(runErr, err)
			if res != nil {
				results[j.Identity.Seed-jobs[0].Identity.Seed] = res
			}
			return true
		})
		if runErr != nil {
			return nil, runErr
		}
		for i, res := range results {
			if res == nil {
				return out, nil // interrupted
			}
			n++
			out.Runs = n
			failed := cfg.found(res)
			if cfg.OnRun != nil {
				cfg.OnRun(HuntRun{Run: n, Seed: res.Identity.Seed, Origin: res.Identity.Sched.String(), Failed: failed})
			}
			if failed {
				return out, out.record(jobs[i], res)
			}
			if learn && res.Outcome == sim.Done && res.Steps > s.(sim.HorizonScheduler).HorizonSteps() {
				s = s.(sim.HorizonScheduler).WithHorizon(res.Steps)
			}
		}
	}
	return out, nil
}

// record runs a failing seed again with its decisions kept, for the
// replay file; the seed alone already reproduces it (Repro).
func (h *HuntResult) record(j Job, failed *Result) error {
	j.Options.Decisions = true
	res, err := Run(j.Identity, j.Options)
	if err != nil {
		return err
	}
	if res.Hash != failed.Hash {
		return errors.New("hunt: a failing seed ran differently the second time: " + failed.Repro())
	}
	h.Found, h.Origin, h.Repro = res, "seed "+fmt.Sprint(res.Identity.Seed)+" under "+res.Identity.Sched.String(), res.Repro()
	return nil
}

// Describe is the hunt's result in one line.
func (h *HuntResult) Describe() string {
	var b strings.Builder
	if h.Found == nil {
		fmt.Fprintf(&b, "%s: nothing in %d runs", h.Search, h.Runs)
	} else {
		fmt.Fprintf(&b, "%s: found at run %d (%s)", h.Search, h.Runs, h.Origin)
	}
	if h.Search == Guided {
		fmt.Fprintf(&b, "; %d features seen, %d schedules kept", h.Features, h.Corpus)
	}
	return b.String()
}
