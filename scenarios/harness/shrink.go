package harness

import (
	"fmt"
	"slices"
	"time"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// ShrinkConfig says which failing run to reduce.
type ShrinkConfig struct {
	Run scenarios.Identity
	// Invariant is the violation to keep; "" means the run's first race
	// violation, or its first violation if no race one.
	Invariant string
	// Seeds is how many seeds each smaller configuration may try before
	// the shrinker gives it up (0: 300). The last search, for the seed
	// with the shortest story, tries ten times as many under each of four
	// schedulers: by then a run is a handful of tasks and stops at its
	// violation.
	Seeds int
	// Budget is the liveness budget every run gets (Options.Budget; 0:
	// the default, which follows from each run's size). A run that broke
	// liveness under a longer budget is shrunk under that budget, and its
	// replay file carries it.
	Budget time.Duration
	// Progress, if set, hears one line per accepted reduction.
	Progress func(string)
}

// Size is how big a run is.
type Size struct {
	Workers, Leases, Clients, Limit, Failpoints int
	Steps                                       int64 // trace events until the violation (whole run for Before)
	// Points are the scheduling points among them (sim.Kind.IsPoint):
	// the calls tasks made into the kernel, not starts, timer firings or
	// wake-ups. Known only for a traced run.
	Points int
	// Decisions are the scheduling decisions the run made; Forced are those
	// that differ from what a replay's fixed rule would pick: the context
	// switches the story needs.
	Decisions, Forced int
}

func (s Size) String() string {
	out := fmt.Sprintf("%d workers, %d leases, %d clients, limit %d, %d failpoints, %d steps",
		s.Workers, s.Leases, s.Clients, s.Limit, s.Failpoints, s.Steps)
	if s.Points > 0 {
		out += fmt.Sprintf(" (%d scheduling points)", s.Points)
	}
	if s.Decisions > 0 {
		out += fmt.Sprintf(", %d decisions (%d forced)", s.Decisions, s.Forced)
	}
	return out
}

// ShrinkResult is the smallest run found that still breaks the invariant.
type ShrinkResult struct {
	Invariant     string
	Before, After Size
	File          *ReplayFile
	Result        *Result // the shrunk run, with its trace
	Runs          int     // runs spent
}

// Shrink reduces a failing run while it still violates the same invariant:
// first its configuration (lease count, worker count, requesters, blueprint
// limit, failpoints), each time looking for a seed that still fails, then
// its decision list, delta-debugging style: drop chunks of decisions and
// let the replay's fixed rule fill the gaps. The result replays exactly.
func Shrink(cfg ShrinkConfig) (*ShrinkResult, error) {
	sh := &shrinker{cfg: cfg, seeds: cmpOr(cfg.Seeds, 300)}
	orig, err := Run(cfg.Run, Options{Budget: cfg.Budget})
	if err != nil {
		return nil, err
	}
	sh.runs++
	inv, ok := targetInvariant(orig, cfg.Invariant)
	if !ok {
		return nil, fmt.Errorf("%w: run %s breaks no invariant %q to shrink", scenarios.ErrConfig, orig.Repro(), cfg.Invariant)
	}
	sh.inv = inv
	sh.opts = Options{StopOn: inv, Decisions: true, Budget: cfg.Budget}
	before := sh.size(orig.Identity, orig)
	c := sh.explicit(orig.Identity)
	c = sh.reduceConfig(c)
	c = sh.shortestWitness(c)
	file, err := NewReplayFile(sh.reduceDecisions(c))
	if err != nil {
		return nil, err
	}
	file.Decisions, file.Names = trimFallback(file.Decisions, file.Names)
	final, err := file.Run() // strict, traced: the file must reproduce the run exactly
	if err != nil {
		return nil, fmt.Errorf("shrunk run does not replay: %w", err)
	}
	after := sh.size(final.Identity, final)
	after.Forced = forced(final.Sim.Decisions)
	after.Points = final.Sim.Trace.Points()
	return &ShrinkResult{Invariant: inv, Before: before, After: after, File: file, Result: final, Runs: sh.runs + 1}, nil
}

type shrinker struct {
	cfg   ShrinkConfig
	seeds int
	inv   string
	opts  Options // how every trial runs: stopping at the invariant
	runs  int
}

func targetInvariant(r *Result, want string) (string, bool) {
	if want != "" {
		return want, slices.ContainsFunc(r.Violations, func(v scenarios.Violation) bool { return v.Invariant == want })
	}
	if v := r.FirstRaceViolation(); v != nil {
		return v.Invariant, true
	}
	if len(r.Violations) > 0 {
		return r.Violations[0].Invariant, true
	}
	return "", false
}

func (sh *shrinker) size(c scenarios.Identity, r *Result) Size {
	p, _ := scenarios.Prepare(c)
	return Size{Workers: p.Identity.Workers, Leases: p.Dims.Leases, Clients: p.Dims.Clients, Limit: p.Dims.Limit,
		Failpoints: len(p.Failpoints()), Steps: r.Steps, Decisions: len(r.Sim.Decisions)}
}

// explicit spells out every default so each can be lowered on its own.
func (sh *shrinker) explicit(c scenarios.Identity) scenarios.Identity {
	p, _ := scenarios.Prepare(c)
	c = p.Identity
	c.Leases, c.Clients, c.Limit = p.Dims.Leases, p.Dims.Clients, p.Dims.Limit
	c.Failpoints, c.NoScenarioFailpoints = slices.Clone(p.Failpoints()), true
	return c
}

func (sh *shrinker) note(format string, args ...any) {
	if sh.cfg.Progress != nil {
		sh.cfg.Progress(fmt.Sprintf(format, args...))
	}
}

// fails reports whether c (its seed as given) violates the invariant.
func (sh *shrinker) fails(c scenarios.Identity) (*Result, bool) {
	return sh.failsWith(c, sh.opts)
}

func (sh *shrinker) failsWith(c scenarios.Identity, opts Options) (*Result, bool) {
	sh.runs++
	r, err := Run(c, opts)
	if err != nil {
		return nil, false
	}
	return r, slices.ContainsFunc(r.Violations, func(v scenarios.Violation) bool { return v.Invariant == sh.inv })
}

// witness looks for a seed on which c fails, starting from c's own.
func (sh *shrinker) witness(c scenarios.Identity) (scenarios.Identity, bool) {
	start := c.Seed
	for i := range sh.seeds {
		c.Seed = start + uint64(i)
		if _, ok := sh.fails(c); ok {
			return c, true
		}
	}
	return c, false
}

// reduceConfig lowers one dimension at a time, smallest values first,
// until no dimension can be lowered.
func (sh *shrinker) reduceConfig(c scenarios.Identity) scenarios.Identity {
	dims := []struct {
		name string
		get  func(*scenarios.Identity) *int
	}{
		{"leases", func(c *scenarios.Identity) *int { return &c.Leases }},
		{"workers", func(c *scenarios.Identity) *int { return &c.Workers }},
		{"clients", func(c *scenarios.Identity) *int { return &c.Clients }},
		{"limit", func(c *scenarios.Identity) *int { return &c.Limit }},
	}
	for changed := true; changed; {
		changed = false
		for _, d := range dims {
			for _, v := range smallerValues(*d.get(&c)) {
				try := c
				*d.get(&try) = v
				try.Clients = min(try.Clients, try.Leases)
				if w, ok := sh.witness(try); ok {
					sh.note("%s %d -> %d (seed %d)", dimension(c, d.name), *d.get(&c), v, w.Seed)
					c, changed = w, true
					break
				}
			}
		}
		if sh.dropFailpoints(&c) {
			changed = true
		}
	}
	return sh.quieterClients(c)
}

// quieterClients makes requesters look at their leases less often, if the
// invariant still breaks: their polls are steps that tell no story.
func (sh *shrinker) quieterClients(c scenarios.Identity) scenarios.Identity {
	p, _ := scenarios.Prepare(c)
	current := p.Dims.Poll
	for _, p := range []time.Duration{10 * time.Minute, time.Minute, 20 * time.Second} {
		if p <= current {
			continue
		}
		try := c
		try.Poll = p
		if w, ok := sh.witness(try); ok {
			sh.note("%s: %v instead of %v (seed %d)", dimension(c, "poll"), p, current, w.Seed)
			return w
		}
	}
	return c
}

func (sh *shrinker) dropFailpoints(c *scenarios.Identity) bool {
	for i := range c.Failpoints {
		try := *c
		try.Failpoints = slices.Delete(slices.Clone(c.Failpoints), i, i+1)
		if w, ok := sh.witness(try); ok {
			sh.note("dropped failpoint %s (seed %d)", c.Failpoints[i], w.Seed)
			*c = w
			return true
		}
	}
	return false
}

// shortestWitness picks, among the seeds that still fail, the one that
// reaches the violation in the fewest steps: the shortest story. PCT of a
// low depth switches tasks rarely, so it often tells a shorter one than
// the random scheduler; the replay file's decisions make either exact.
// Once a story is known, a trial ends when it can no longer beat it.
func (sh *shrinker) shortestWitness(c scenarios.Identity) scenarios.Identity {
	shortScheds := []sim.Scheduler{sim.Random{}, sim.PCT{Depth: 1}, sim.PCT{Depth: 2}, sim.PCT{Depth: 3}}
	best, bestSteps := c, int64(-1)
	for i := range sh.seeds * 10 * len(shortScheds) {
		try, opts := c, sh.opts
		try.Seed = c.Seed + uint64(i/len(shortScheds))
		try.Sched = sim.SchedulerSpec{Scheduler: shortScheds[i%len(shortScheds)]}
		if bestSteps > 0 {
			opts.MaxSteps = bestSteps - 1
		}
		if r, ok := sh.failsWith(try, opts); ok && (bestSteps < 0 || r.Steps < bestSteps) {
			best, bestSteps = try, r.Steps
		}
	}
	sh.note("shortest story: seed %d, scheduler %s, %d steps", best.Seed, best.Sched, bestSteps)
	return best
}

// smallerValues are the values below n worth trying, smallest first: every
// value up to 8, then halvings.
func smallerValues(n int) []int {
	var out []int
	for v := 1; v < n && v <= 8; v++ {
		out = append(out, v)
	}
	for v := n / 2; v > 8; v /= 2 {
		out = append(out, v)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// reduceDecisions runs c and then blanks out chunks of its decision list
// (sim.DefaultDecision: "whatever the fixed rule picks"), halving the chunk
// size down to single decisions, keeping every blanking after which the
// invariant still breaks no later than before. Blanking, unlike deleting, leaves the later
// decisions where they were. What survives are the forced switches.
func (sh *shrinker) reduceDecisions(c scenarios.Identity) *Result {
	best, _ := sh.fails(c)
	list := blanked(best.Sim.Decisions)
	start := forced(list)
	for chunk := max(forced(list)/2, 1); chunk >= 1; chunk /= 2 {
		for i := 0; i < len(list); i++ {
			if list[i].Task == sim.DefaultDecision {
				continue
			}
			cand, end := slices.Clone(list), i
			for n := 0; end < len(cand) && n < chunk; end++ {
				if cand[end].Task != sim.DefaultDecision {
					cand[end].Task = sim.DefaultDecision
					n++
				}
			}
			if r, ok := sh.replay(c, cand); ok && r.Steps <= best.Steps {
				best, list = r, blanked(r.Sim.Decisions)
			}
		}
	}
	sh.note("forced switches %d -> %d", start, forced(list))
	return best
}

// blanked turns the decisions the fixed rule makes anyway into blanks.
func blanked(ds []sim.Decision) []sim.Decision {
	out := slices.Clone(ds)
	for i := range out {
		if out[i].Fallback {
			out[i].Task = sim.DefaultDecision
		}
	}
	return out
}

func forced(ds []sim.Decision) (n int) {
	for _, d := range ds {
		if d.Task != sim.DefaultDecision && !d.Fallback {
			n++
		}
	}
	return n
}

// replay runs c leniently on decisions; the result's own decisions are the
// complete list a strict replay needs.
func (sh *shrinker) replay(c scenarios.Identity, decisions []sim.Decision) (*Result, bool) {
	opts := sh.opts
	opts.lenient = decisions
	return sh.failsWith(c, opts)
}

// trimFallback drops trailing decisions the replay's rule makes anyway.
func trimFallback(ds []sim.Decision, names []string) ([]sim.Decision, []string) {
	n := len(ds)
	for n > 0 && ds[n-1].Fallback {
		n--
	}
	return ds[:n], names[:n]
}

// dimension names an override in the run's system's terms: "leases" for
// Drydock, "leases (operations in all)" for the layer store.
func dimension(c scenarios.Identity, name string) string {
	s, err := scenarios.ByName(c.Scenario)
	if err != nil {
		return name
	}
	d := s.System().Dimensions
	meaning := map[string]string{"leases": d.Leases, "clients": d.Clients, "limit": d.Limit, "poll": d.Poll}[name]
	if meaning == "" {
		return name
	}
	return name + " (" + meaning + ")"
}
