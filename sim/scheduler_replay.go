package sim

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

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

func (r Replay) newPicker(*rand.Rand) picker { return &replaySched{r: r} }

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
