package guided

import (
	"context"
	"math/rand/v2"
	"sync"

	"github.com/drysim/drysim/sim"
)

// Target runs one schedule: a world made with this seed and scheduler,
// with its trace (sim.Config.Trace, for the coverage) and its decisions
// (sim.Config.Decisions, for the corpus) kept. It must be deterministic:
// equal seeds and decisions give equal runs. Several may run at once (one
// per Config.Parallel), each in its own world.
type Target func(seed uint64, s sim.Scheduler) Report

// Report is what a Target says of a run.
type Report struct {
	// Failed: the run found what the search looks for.
	Failed bool
	// Sim is the kernel's result, with its trace and decisions.
	Sim *sim.Result
	// Extra are target-specific facts about the run that count as
	// coverage: checker-relevant states (an invariant that is only
	// measured broke, a metric's bucket), spelled as short strings.
	Extra []string
	// Value is anything the target wants back with a finding (the
	// harness's own result).
	Value any
}

// Config says how long a search runs and how.
type Config struct {
	// Seed decides every choice of the search: equal seeds give equal
	// sequences of runs, and the same finding.
	Seed uint64
	// Runs bounds the search; 0 means 100.
	Runs int
	// Seeds gives the world seed of the n-th fresh draw (0-based); nil
	// means n+1. Mutants run on their parent's seed.
	Seeds func(n int) uint64
	// Parallel runs up to this many worlds at once (0: 1). Runs are
	// planned and folded in batches of Batch whatever Parallel is, so the
	// search and its finding do not depend on it.
	Parallel int
	// Batch is how many runs are planned before their feedback is
	// folded; 0 means DefaultBatch.
	Batch int
	// OnRun, if set, is called after each run in run order, from the
	// calling goroutine.
	OnRun func(RunInfo)
}

// DefaultBatch is how many runs a search plans at once: enough for two
// cores, few enough that feedback is prompt.
const DefaultBatch = 4

// RunInfo describes one run of a search.
type RunInfo struct {
	Run      int // 1-based
	Seed     uint64
	Origin   string // a fresh draw's settings, or the mutation of which run
	Hash     uint64
	New      int // features no earlier run had
	Features int // features seen so far
	Corpus   int // schedules kept
	Failed   bool
}

// Finding is the first run that failed.
type Finding struct {
	RunInfo
	Decisions []sim.Decision // replay these (sim.Replay) on Seed
	Report    Report
}

// Stats say what a search did.
type Stats struct {
	Runs, Features, Corpus int
}

// entry is a corpus schedule: a run that reached new behaviour.
type entry struct {
	run       int
	seed      uint64
	decisions []sim.Decision
	settings  Settings
	score     int // new features it brought
	picks     int // times mutated
}

// maxCorpus bounds the corpus; beyond it the entry least worth mutating
// goes.
const maxCorpus = 256

type search struct {
	cfg     Config
	rng     *rand.Rand
	seen    map[uint64]bool
	corpus  []*entry
	fresh   int
	horizon int // decisions in the longest run so far
	run     int // runs planned
	folded  int // runs whose feedback is in
}

// Search runs schedules until one fails, cfg.Runs have run or ctx ends.
// The first run is plain random scheduling; after it, half the runs are
// fresh draws (their settings drawn per run: early-timer rate, slow tasks,
// random, sticky or priority scheduling) and half mutate a corpus schedule
// (Redraw, Flip, Delay, Splice). A run whose trace shows a fact no earlier
// run had (Features) joins the corpus, and the more new facts it brought
// the more often it is mutated.
func Search(ctx context.Context, cfg Config, target Target) (*Finding, Stats) {
	if cfg.Runs <= 0 {
		cfg.Runs = 100
	}
	if cfg.Batch <= 0 {
		cfg.Batch = DefaultBatch
	}
	if cfg.Seeds == nil {
		cfg.Seeds = func(n int) uint64 { return uint64(n) + 1 }
	}
	s := &search{cfg: cfg, rng: rand.New(rand.NewPCG(cfg.Seed, 0x6a09e667f3bcc909)), seen: map[uint64]bool{}}
	for s.run < cfg.Runs && ctx.Err() == nil {
		n := min(cfg.Batch, cfg.Runs-s.run)
		plans := make([]*plan, n)
		for i := range plans {
			plans[i] = s.plan()
		}
		reports := s.runAll(ctx, plans, target)
		for i, p := range plans {
			if reports[i].Sim == nil {
				return nil, s.stats() // interrupted before this run
			}
			if f := s.fold(p, reports[i]); f != nil {
				return f, s.stats()
			}
		}
	}
	return nil, s.stats()
}

func (s *search) stats() Stats {
	return Stats{Runs: s.folded, Features: len(s.seen), Corpus: len(s.corpus)}
}

// runAll runs a batch, up to Parallel at once; a run not started when ctx
// ends has no report.
func (s *search) runAll(ctx context.Context, plans []*plan, target Target) []Report {
	reports := make([]Report, len(plans))
	par := max(1, min(s.cfg.Parallel, len(plans)))
	var wg sync.WaitGroup
	next := make(chan int)
	for range par {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if ctx.Err() != nil {
					continue
				}
				reports[i] = target(plans[i].seed, plans[i].scheduler())
			}
		}()
	}
	for i := range plans {
		next <- i
	}
	close(next)
	wg.Wait()
	return reports
}

// plan draws the next run: a fresh draw, or a mutation of a corpus entry.
func (s *search) plan() *plan {
	s.run++
	p := &plan{run: s.run, genSeed: s.rng.Uint64()}
	if len(s.corpus) == 0 || s.rng.IntN(2) == 0 {
		p.mut, p.seed = Fresh, s.cfg.Seeds(s.fresh)
		if s.fresh == 0 {
			p.settings = plainRandom(s.rng.Uint64())
		} else {
			p.settings = drawSettings(s.rng, s.horizon)
		}
		s.fresh++
		return p
	}
	e := s.pick()
	e.picks++
	p.parent, p.seed, p.settings = e, e.seed, e.settings
	n := max(1, len(e.decisions))
	p.at = s.rng.IntN(n)
	switch s.rng.IntN(4) {
	case 0:
		p.mut = Redraw
		p.settings = drawSettings(s.rng, s.horizon)
	case 1:
		p.mut = Flip
	case 2:
		p.mut, p.len = Delay, 1+s.rng.IntN(16)
	case 3:
		p.mut = Splice
		if p.other = s.sibling(e); p.other == nil {
			p.mut = Flip
		}
	}
	return p
}

// pick chooses a corpus entry, weighted by the new facts it brought and
// less the more it has been mutated.
func (s *search) pick() *entry {
	total := 0.0
	for _, e := range s.corpus {
		total += e.weight()
	}
	r := s.rng.Float64() * total
	for _, e := range s.corpus {
		if r -= e.weight(); r < 0 {
			return e
		}
	}
	return s.corpus[len(s.corpus)-1]
}

func (e *entry) weight() float64 { return float64(1+e.score) / float64(1+e.picks) }

// sibling is another corpus entry run on the same seed, if any.
func (s *search) sibling(e *entry) *entry {
	var same []*entry
	for _, o := range s.corpus {
		if o != e && o.seed == e.seed {
			same = append(same, o)
		}
	}
	if len(same) == 0 {
		return nil
	}
	return same[s.rng.IntN(len(same))]
}

// fold takes a run's feedback, in run order.
func (s *search) fold(p *plan, r Report) *Finding {
	s.folded++
	newFacts := 0
	for _, f := range Features(r.Sim, r.Extra) {
		if !s.seen[f] {
			s.seen[f] = true
			newFacts++
		}
	}
	if r.Sim.Outcome == sim.Done {
		s.horizon = max(s.horizon, len(r.Sim.Decisions))
	}
	if newFacts > 0 && !r.Failed {
		s.admit(&entry{run: p.run, seed: p.seed, decisions: r.Sim.Decisions, settings: p.settings, score: newFacts})
	}
	info := RunInfo{Run: p.run, Seed: p.seed, Origin: p.origin(), Hash: r.Sim.Hash, New: newFacts,
		Features: len(s.seen), Corpus: len(s.corpus), Failed: r.Failed}
	if s.cfg.OnRun != nil {
		s.cfg.OnRun(info)
	}
	if r.Failed {
		return &Finding{RunInfo: info, Decisions: r.Sim.Decisions, Report: r}
	}
	return nil
}

func (s *search) admit(e *entry) {
	s.corpus = append(s.corpus, e)
	if len(s.corpus) <= maxCorpus {
		return
	}
	worst := 0
	for i, o := range s.corpus {
		if o.weight() < s.corpus[worst].weight() {
			worst = i
		}
	}
	s.corpus = append(s.corpus[:worst], s.corpus[worst+1:]...)
}

// BodyTarget is the Target for a program written as a body: it sets up a
// world and returns a check for after the run (nil for none), as
// simtest.Body and bugbench.Body do. A run fails when it does not end Done
// or its check fails. maxSteps bounds a run (0: sim.DefaultMaxSteps);
// timers may fire early (sim.DefaultEarlyTimers), as exploration does.
func BodyTarget(body func(w *sim.World) func() error, maxSteps int64) Target {
	return func(seed uint64, s sim.Scheduler) Report {
		w := sim.New(sim.Config{Seed: seed, Scheduler: s, EarlyTimers: sim.DefaultEarlyTimers, MaxSteps: maxSteps, Trace: true, Decisions: true})
		check := body(w)
		res := w.Run()
		err := res.Err()
		if err == nil && check != nil {
			err = check()
		}
		return Report{Sim: res, Failed: err != nil, Value: err}
	}
}
