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
	// LivenessOnly: the failure is only about liveness (a budget ran out,
	// work was left undone), no safety violation. The search does not
	// count it from a run whose schedule kept timers firing early past
	// World.CalmAt (Settings.Hurried): that schedule may be the cause.
	LivenessOnly bool
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
	arms    [numArms]arm
}

// Search runs schedules until one fails, cfg.Runs have run or ctx ends.
// The first run is a random draw. After it a bandit picks each run's kind
// by how often that kind lately showed new behaviour: a fresh draw of a
// settings family (random — three in four hurried —, sticky or
// priority scheduling, each with its own early-timer rate and slow tasks)
// on the next seed, or a mutation of a corpus schedule on its seed
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

// Arms of the bandit that picks each run's kind: a fresh draw of one
// settings family, or one mutation of a corpus schedule.
const (
	armRedraw = numFamilies + iota
	armFlip
	armDelay
	armSplice
	numArms
)

func armName(a int) string {
	if a < numFamilies {
		return familyNames[a]
	}
	return Mutation(a - numFamilies + 1).String()
}

// arm is what the search has seen of one kind of run: discounted counts
// of its runs and of those that showed something new.
type arm struct{ runs, hits float64 }

func (a arm) rate() float64 { return (a.hits + 1) / (a.runs + 2) }

// Bandit parameters: how often a run's kind is drawn uniformly rather
// than the best arm's, and how fast old evidence fades (coverage
// saturates, so an arm's yield falls over a search). Exploring 10% of the
// time rather than 20% (measured, 100 hunts per row, go run ./cmd/hunttable
// -searches guided,random -hunts 100 -bench-hunts 100): Drydock 4771 ->
// 4458 runs in all (random 5983), bugbench 10893 -> 10725 (random 12352).
const (
	explore  = 0.1
	discount = 0.98
)

// chooseArm is epsilon-greedy over the arms' rates of new coverage: the
// kind of run that lately found most new behaviour runs most, so a search
// spends its runs where this program's behaviour grows (fresh random
// draws on a program whose races need new workloads, mutants where one
// schedule's neighbourhood keeps giving).
func (s *search) chooseArm() int {
	usable := func(a int) bool {
		switch {
		case a < numFamilies:
			return true
		case len(s.corpus) == 0:
			return false
		case a == armSplice:
			return s.hasSiblings()
		}
		return true
	}
	var ok []int
	for a := range numArms {
		if usable(a) {
			ok = append(ok, a)
		}
	}
	if s.rng.Float64() < explore {
		return ok[s.rng.IntN(len(ok))]
	}
	best := ok[0]
	for _, a := range ok[1:] {
		if s.arms[a].rate() > s.arms[best].rate() {
			best = a
		}
	}
	return best
}

// plan draws the next run: a fresh draw, or a mutation of a corpus entry.
// The first run is a random draw: there is no corpus yet, and no feedback
// to choose by.
func (s *search) plan() *plan {
	s.run++
	p := &plan{run: s.run, genSeed: s.rng.Uint64()}
	p.arm = famRandom
	if s.run > 1 {
		p.arm = s.chooseArm()
	}
	if p.arm < numFamilies {
		p.mut, p.seed = Fresh, s.cfg.Seeds(s.fresh)
		p.settings = drawSettings(s.rng, p.arm, s.horizon)
		s.fresh++
		return p
	}
	e := s.pick()
	e.picks++
	p.parent, p.seed, p.settings = e, e.seed, e.settings
	p.at = s.rng.IntN(max(1, len(e.decisions)))
	switch p.arm {
	case armRedraw:
		p.mut = Redraw
		p.settings = drawSettings(s.rng, s.rng.IntN(numFamilies), s.horizon)
	case armFlip:
		p.mut = Flip
	case armDelay:
		p.mut, p.len = Delay, 1+s.rng.IntN(16)
	case armSplice:
		p.mut = Splice
		if p.other = s.sibling(e); p.other == nil {
			p.mut, p.arm = Flip, armFlip
		}
	}
	return p
}

// hasSiblings reports whether two corpus entries share a seed.
func (s *search) hasSiblings() bool {
	seen := map[uint64]bool{}
	for _, e := range s.corpus {
		if seen[e.seed] {
			return true
		}
		seen[e.seed] = true
	}
	return false
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
	dismissed := r.Failed && r.LivenessOnly && p.chooser != nil && p.chooser.hurried
	if dismissed {
		r.Failed = false
	}
	newFacts := 0
	for _, f := range Features(r.Sim, r.Extra) {
		if !s.seen[f] {
			s.seen[f] = true
			newFacts++
		}
	}
	for a := range s.arms {
		s.arms[a].runs *= discount
		s.arms[a].hits *= discount
	}
	s.arms[p.arm].runs++
	if newFacts > 0 {
		s.arms[p.arm].hits++
	}
	if r.Sim.Outcome == sim.Done {
		s.horizon = max(s.horizon, len(r.Sim.Decisions))
	}
	if newFacts > 0 && !r.Failed && !dismissed {
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
		return Report{Sim: res, Failed: err != nil, LivenessOnly: res.Outcome == sim.StepBudget || res.Outcome == sim.TimeBudget, Value: err}
	}
}
