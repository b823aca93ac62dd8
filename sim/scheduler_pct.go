package sim

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// PCT is probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010):
// tasks get random priorities, the highest-priority runnable task runs, and
// at Depth-1 random steps the running task drops to the lowest priority. A
// bug that needs d ordering constraints is found with probability at least
// 1/(n*k^(d-1)) per run, for n tasks and k steps.
//
// A task that polls — Yield, a zero Sleep, a failed TryLock or TryRLock, a
// Select that took its default — drops below every other task at that
// point, as in shuttle and Coyote: it waits for someone else to act, and
// PCT never preempts, so a poll loop at the top priority would otherwise
// run until the step budget. A budget under PCT thus means a real livelock.
//
// The guarantee needs k close to the run's length: change points drawn from
// far beyond the end never happen. simtest.Find and Explore therefore set
// Horizon from the longest finished run so far when it is 0.
type PCT struct {
	Depth   int   // bug depth to target; 0 means 3
	Horizon int64 // the k above: steps the change points are drawn from; 0 means DefaultPCTHorizon
}

// String is the scheduler's name as ParseScheduler reads it: "pct:<depth>",
// or "pct:<depth>:<horizon>" when the horizon is not the default.
func (p PCT) String() string {
	if p.Horizon == 0 {
		return fmt.Sprintf("pct:%d", p.depth())
	}
	return fmt.Sprintf("pct:%d:%d", p.depth(), p.Horizon)
}

// HorizonSteps returns the horizon, 0 if unset (see HorizonScheduler).
func (p PCT) HorizonSteps() int64 { return p.Horizon }

// WithHorizon returns p with its horizon set to steps.
func (p PCT) WithHorizon(steps int64) Scheduler {
	p.Horizon = steps
	return p
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

func (p PCT) newPicker(rng *rand.Rand) picker {
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
	lowest  int64       // the next poll demotion's priority, below all others
}

func (s *pctSched) spawned(t *Task) {
	// Initial priorities sit above every demoted priority (< depth).
	t.prio = s.depth + s.rng.Int64N(1<<40)
}

func (s *pctSched) pick(w *World, fireable bool) (*Task, bool, error) {
	cur := w.current
	for s.done < len(s.changes) && s.changes[s.done].step <= w.step {
		if cur != nil {
			cur.prio = s.changes[s.done].prio
		}
		s.done++
	}
	if cur != nil && cur.polled {
		// A task that polls waits for another to act: it goes below every
		// other task (as shuttle's and Coyote's PCT do on a yield), or a
		// poll loop would keep the highest priority and starve the task it
		// waits for until the step budget.
		cur.prio = s.lowest
		s.lowest--
	}
	if fireEarly(w, s.rng, fireable) {
		return nil, false, nil
	}
	best := w.runnable[0]
	for _, t := range w.runnable[1:] {
		if t.prio > best.prio || (t.prio == best.prio && t.id < best.id) {
			best = t
		}
	}
	return best, false, nil
}

// DefaultPCTHorizon is the horizon PCT uses when nothing better is known.
const DefaultPCTHorizon = 1000

var pctInfo = SchedulerInfo{
	Name: "pct", Syntax: "pct, pct:<depth>, pct:<depth>:<horizon>",
	Doc:   "probabilistic concurrency testing: random priorities, depth-1 change points (depth 3 by default)",
	parse: parsePCT,
}

// parsePCT reads the arguments of "pct", "pct:<depth>" or
// "pct:<depth>:<horizon>".
func parsePCT(args string, has bool) (Scheduler, error) {
	if !has {
		return PCT{Depth: 3}, nil // as PCT{} runs, spelled out so it reads back equal
	}
	s := "pct:" + args
	depthText, horizonText, hasHorizon := strings.Cut(args, ":")
	d, err := strconv.Atoi(depthText)
	if err != nil || d < 1 || d > 64 {
		return nil, fmt.Errorf("sim: scheduler %q: pct depth must be a whole number from 1 to 64", s)
	}
	p := PCT{Depth: d}
	if hasHorizon {
		p.Horizon, err = strconv.ParseInt(horizonText, 10, 64)
		if err != nil || p.Horizon < 1 {
			return nil, fmt.Errorf("sim: scheduler %q: pct horizon must be a whole number of steps, 1 or more", s)
		}
	}
	return p, nil
}
