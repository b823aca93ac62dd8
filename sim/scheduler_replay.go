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

func (s *replaySched) pick(w *World, fireable bool) (*Task, bool, error) {
	fb := fallbackTask(w)
	if s.pos >= len(s.r.Decisions) {
		return fb, true, nil
	}
	d := s.r.Decisions[s.pos]
	s.pos++
	if d.Task == DefaultDecision {
		return fb, true, nil
	}
	if t, ok := fits(w, d, fireable); ok {
		return t, t == fb, nil
	}
	if s.r.Strict {
		return nil, false, fmt.Errorf("replay diverged at decision %d (step %d): %s does not fit; runnable: %s",
			s.pos-1, w.step, describeDecision(w, d), runnableNames(w))
	}
	w.misfits++
	return fb, true, nil
}

// fits reports whether decision d can be followed now, and which task it
// runs (nil for a timer firing).
func fits(w *World, d Decision, fireable bool) (*Task, bool) {
	if d.Task == FireTimer {
		return nil, fireable
	}
	t := w.taskByID(d.Task)
	return t, t != nil && t.runIdx >= 0
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
	case w.taskByID(d.Task) != nil:
		return "running task " + w.taskByID(d.Task).String()
	case d.Task >= 0 && d.Task < w.nextTask:
		return "running finished task " + strconv.Itoa(int(d.Task))
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
