package sim

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// FireTimer is the Decision.Task value that means "fire the earliest timer
// now" instead of running a task.
const FireTimer int32 = -1

// DefaultDecision in a Replay list means "whatever the fixed rule picks
// here": it always fits, so a shrinker can blank out decisions without
// shifting the ones after them.
const DefaultDecision int32 = -2

// Decision is one choice the scheduler made where it had one: which task ran
// next, or FireTimer. Replaying a run's decisions in order reproduces it.
type Decision struct {
	Step int64 // events recorded before the choice; informational
	Task int32 // the chosen task's ID, or FireTimer
	// Fallback: under Replay, the choice equals what the fixed rule picks
	// (however it was made). Only the other decisions are forced switches;
	// a replay list may drop trailing fallback decisions.
	Fallback bool
}

// Strategy chooses the next task at each scheduling point. The set is closed:
// Random, PCT and Replay.
type Strategy interface {
	String() string
	newScheduler(rng *rand.Rand) scheduler
}

type scheduler interface {
	// pick chooses among w.runnable (len >= 1), or FireTimer if fireable.
	pick(w *World, fireable bool) (Decision, error)
	spawned(t *Task)
}

// Random picks a runnable task uniformly at every scheduling point.
type Random struct{}

func (Random) String() string { return "random" }

func (Random) newScheduler(rng *rand.Rand) scheduler { return &randomSched{rng: rng} }

type randomSched struct{ rng *rand.Rand }

func (s *randomSched) spawned(*Task) {}

func (s *randomSched) pick(w *World, fireable bool) (Decision, error) {
	if fireEarly(w, s.rng, fireable) {
		return Decision{Task: FireTimer}, nil
	}
	return Decision{Task: w.runnable[s.rng.IntN(len(w.runnable))].id}, nil
}

func fireEarly(w *World, rng *rand.Rand, fireable bool) bool {
	return fireable && w.cfg.EarlyTimers > 0 && rng.Float64() < w.cfg.EarlyTimers
}

// PCT is probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010):
// tasks get random priorities, the highest-priority runnable task runs, and
// at Depth-1 random steps the running task drops to the lowest priority. A
// bug that needs d ordering constraints is found with probability at least
// 1/(n*k^(d-1)) per run, for n tasks and k steps.
//
// The guarantee needs k close to the run's length: change points drawn from
// far beyond the end never happen. Find and Explore therefore set Horizon
// from the longest run seen so far when it is 0.
type PCT struct {
	Depth   int   // bug depth to target; 0 means 3
	Horizon int64 // the k above: steps the change points are drawn from; 0 means DefaultPCTHorizon
}

// String is the strategy's name as ParseStrategy reads it: "pct:<depth>",
// or "pct:<depth>:<horizon>" when the horizon is not the default.
func (p PCT) String() string {
	if p.Horizon == 0 {
		return fmt.Sprintf("pct:%d", p.depth())
	}
	return fmt.Sprintf("pct:%d:%d", p.depth(), p.Horizon)
}

func (p PCT) depth() int {
	if p.Depth == 0 {
		return 3
	}
	return p.Depth
}

func (p PCT) validate() error {
	if p.Depth < 0 || p.Horizon < 0 {
		return fmt.Errorf("sim: PCT{Depth: %d, Horizon: %d} has a negative field; want 0 (default) or more", p.Depth, p.Horizon)
	}
	return nil
}

func (p PCT) newScheduler(rng *rand.Rand) scheduler {
	horizon := p.Horizon
	if horizon == 0 {
		horizon = DefaultPCTHorizon
	}
	d := p.depth()
	s := &pctSched{rng: rng, depth: int64(d)}
	for i := 1; i < d; i++ {
		s.changes = append(s.changes, pctChange{step: 1 + rng.Int64N(horizon), prio: int64(i)})
	}
	slices.SortStableFunc(s.changes, func(a, b pctChange) int { return cmp.Compare(a.step, b.step) })
	return s
}

// pctChange demotes the task running at step to prio.
type pctChange struct{ step, prio int64 }

type pctSched struct {
	rng     *rand.Rand
	depth   int64
	changes []pctChange // sorted by step
	done    int         // changes already applied
}

func (s *pctSched) spawned(t *Task) {
	// Initial priorities sit above every demoted priority (< depth).
	t.prio = s.depth + s.rng.Int64N(1<<40)
}

func (s *pctSched) pick(w *World, fireable bool) (Decision, error) {
	for s.done < len(s.changes) && s.changes[s.done].step <= w.step {
		if t := w.current; t != nil {
			t.prio = s.changes[s.done].prio
		}
		s.done++
	}
	if fireEarly(w, s.rng, fireable) {
		return Decision{Task: FireTimer}, nil
	}
	best := w.runnable[0]
	for _, t := range w.runnable[1:] {
		if t.prio > best.prio || (t.prio == best.prio && t.id < best.id) {
			best = t
		}
	}
	return Decision{Task: best.id}, nil
}

// DefaultPCTHorizon is the horizon PCT uses when nothing better is known.
const DefaultPCTHorizon = 1000

// Replay follows a recorded decision list. When the list runs out it falls
// back to a fixed rule: keep running the current task if it can run, else
// the runnable task with the lowest ID; it never fires a timer early.
//
// A decision that does not fit the run (its task cannot run, or it fires a
// timer when none is pending) ends the run as Diverged when Strict is set;
// otherwise the fallback rule is used and Result.Misfits counts it, which is
// what a shrinker wants while it deletes decisions.
type Replay struct {
	Decisions []Decision
	Strict    bool
}

func (r Replay) String() string { return "replay" }

func (r Replay) newScheduler(*rand.Rand) scheduler { return &replaySched{r: r} }

type replaySched struct {
	r   Replay
	pos int
}

func (s *replaySched) spawned(*Task) {}

func (s *replaySched) pick(w *World, fireable bool) (Decision, error) {
	fb := fallbackTask(w).id
	if s.pos >= len(s.r.Decisions) {
		return Decision{Task: fb, Fallback: true}, nil
	}
	d := s.r.Decisions[s.pos]
	s.pos++
	switch {
	case d.Task == DefaultDecision:
		return Decision{Task: fb, Fallback: true}, nil
	case fits(w, d, fireable):
		return Decision{Task: d.Task, Fallback: d.Task == fb}, nil
	case s.r.Strict:
		return Decision{}, fmt.Errorf("replay diverged at decision %d (step %d): %s does not fit; runnable: %s",
			s.pos-1, w.step, describeDecision(w, d), runnableNames(w))
	}
	w.misfits++
	return Decision{Task: fb, Fallback: true}, nil
}

func fits(w *World, d Decision, fireable bool) bool {
	if d.Task == FireTimer {
		return fireable
	}
	return d.Task >= 0 && int(d.Task) < len(w.tasks) && w.tasks[d.Task].runIdx >= 0
}

func fallbackTask(w *World) *Task {
	if t := w.current; t != nil && t.runIdx >= 0 {
		return t
	}
	best := w.runnable[0]
	for _, t := range w.runnable[1:] {
		if t.id < best.id {
			best = t
		}
	}
	return best
}

func describeDecision(w *World, d Decision) string {
	switch {
	case d.Task == FireTimer:
		return "firing a timer"
	case d.Task >= 0 && int(d.Task) < len(w.tasks):
		return "running task " + w.tasks[d.Task].String()
	default:
		return "running unknown task " + strconv.Itoa(int(d.Task))
	}
}

func runnableNames(w *World) string {
	names := make([]string, len(w.runnable))
	for i, t := range w.runnable {
		names[i] = t.String()
	}
	return strings.Join(names, ", ")
}

// ParseStrategy reads the strategy names the CLI and test helpers accept:
// "random", "pct", "pct:<depth>" or "pct:<depth>:<horizon>".
func ParseStrategy(s string) (Strategy, error) {
	if s == "random" {
		return Random{}, nil
	}
	if s == "pct" {
		return PCT{}, nil
	}
	rest, ok := strings.CutPrefix(s, "pct:")
	if !ok {
		return nil, fmt.Errorf("sim: unknown strategy %q; valid: random, pct, pct:<depth>, pct:<depth>:<horizon>", s)
	}
	depthText, horizonText, hasHorizon := strings.Cut(rest, ":")
	d, err := strconv.Atoi(depthText)
	if err != nil || d < 1 || d > 64 {
		return nil, fmt.Errorf("sim: strategy %q: pct depth must be a whole number from 1 to 64", s)
	}
	p := PCT{Depth: d}
	if hasHorizon {
		p.Horizon, err = strconv.ParseInt(horizonText, 10, 64)
		if err != nil || p.Horizon < 1 {
			return nil, fmt.Errorf("sim: strategy %q: pct horizon must be a whole number of steps, 1 or more", s)
		}
	}
	return p, nil
}

// Chooser hands every decision to a function: options are the runnable
// tasks' IDs in ascending order, and fire says whether firing the earliest
// timer is also allowed (as the last option, index len(options)). It lets a
// property-testing library draw the interleaving itself and shrink it: a
// smaller index is a simpler schedule.
//
// If Choose panics, the run ends and Run panics with the same value once
// every task has been unwound.
type Chooser struct {
	Choose func(options []int32, fire bool) int
}

func (c Chooser) String() string { return "chooser" }

func (c Chooser) newScheduler(*rand.Rand) scheduler { return &chooserSched{c: c} }

type chooserSched struct {
	c    Chooser
	opts []int32
}

func (s *chooserSched) spawned(*Task) {}

func (s *chooserSched) pick(w *World, fireable bool) (d Decision, err error) {
	defer func() {
		// A panic in Choose is the caller's (a property-testing library
		// aborting its test case): end the run and re-raise it from Run.
		if r := recover(); r != nil {
			w.rethrow = r
			err = fmt.Errorf("chooser panicked: %v", r)
		}
	}()
	s.opts = s.opts[:0]
	for _, t := range w.runnable {
		s.opts = append(s.opts, t.id)
	}
	slices.Sort(s.opts)
	i := s.c.Choose(s.opts, fireable)
	switch {
	case fireable && i == len(s.opts):
		return Decision{Task: FireTimer}, nil
	case i < 0 || i >= len(s.opts):
		return Decision{}, fmt.Errorf("chooser picked option %d of %d", i, len(s.opts))
	}
	return Decision{Task: s.opts[i]}, nil
}
