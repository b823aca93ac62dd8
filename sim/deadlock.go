package sim

import (
	"fmt"
	"slices"
	"strings"
)

// DeadlockReport explains why no task can make progress.
type DeadlockReport struct {
	// Cycle is the waits-for cycle, first waiter first, when there is one.
	Cycle []Wait
	// Blocked lists every blocked task at the end of the run.
	Blocked []Wait
}

// Wait is one edge of a waits-for graph: Task waits for On, held by Holders.
type Wait struct {
	Task    string
	On      string
	Holders []string
}

func (wt Wait) String() string {
	s := wt.Task + " waits for " + wt.On
	if len(wt.Holders) > 0 {
		s += " held by " + strings.Join(wt.Holders, ", ")
	}
	return s
}

func (d *DeadlockReport) String() string {
	if d == nil {
		return ""
	}
	if len(d.Cycle) > 0 {
		parts := make([]string, len(d.Cycle))
		for i, wt := range d.Cycle {
			parts[i] = wt.String()
		}
		return "waits-for cycle: " + strings.Join(parts, "; ")
	}
	parts := make([]string, len(d.Blocked))
	for i, wt := range d.Blocked {
		parts[i] = wt.String()
	}
	return "every task is blocked: " + strings.Join(parts, "; ")
}

// stuckForever reports whether t waits with no timer that could end it.
func stuckForever(t *Task) bool {
	return t.state == taskBlocked && t.timer.index < 0
}

// findCycle looks for a waits-for cycle among the tasks that wait with no
// timer, by one depth-first search that starts from each such task in ID
// order, so the same world state always yields the same cycle. It returns
// the tasks on the cycle, first waiter first, or nil.
func (w *World) findCycle() []*Task {
	const onPath, finished = 1, 2
	state := map[*Task]uint8{}
	for _, root := range w.tasks {
		if !stuckForever(root) || state[root] != 0 {
			continue
		}
		state[root] = onPath
		path := []cycleFrame{{t: root, next: root.waitOn.holders(nil)}}
		for len(path) > 0 {
			top := &path[len(path)-1]
			if len(top.next) == 0 {
				state[top.t] = finished
				path = path[:len(path)-1]
				continue
			}
			h := top.next[0]
			top.next = top.next[1:]
			switch {
			case !stuckForever(h) || state[h] == finished:
			case state[h] == onPath:
				return cycleFrom(path, h)
			default:
				state[h] = onPath
				path = append(path, cycleFrame{t: h, next: h.waitOn.holders(nil)})
			}
		}
	}
	return nil
}

// DeadlockOnCycle declares that no task of this world unlocks a lock
// another task holds, so a waits-for cycle among tasks waiting without a
// timeout is a deadlock the moment it closes: the run ends there, with the
// cycle, even while other tasks could still run. Go lets any task unlock a
// mutex, so by default the kernel reports a deadlock only when nothing can
// run and no timer can fire; a model of code that never unlocks for
// another (a lock store, a layer store) opts in to see the deadlock at
// the step it happens. It costs one check per blocking wait.
func (w *World) DeadlockOnCycle() { w.cycleDeadlocks = true }

// cycleFrame is one task on findCycle's search path.
type cycleFrame struct {
	t    *Task
	next []*Task // holders not yet followed
}

// cycleFrom cuts the cycle that closes at h out of a search path.
func cycleFrom(path []cycleFrame, h *Task) []*Task {
	var cycle []*Task
	for i := len(path) - 1; i >= 0; i-- {
		cycle = append(cycle, path[i].t)
		if path[i].t == h {
			break
		}
	}
	slices.Reverse(cycle)
	return cycle
}

// deadlockReport describes every blocked task and, if given, the cycle.
func (w *World) deadlockReport(cycle []*Task) *DeadlockReport {
	d := &DeadlockReport{}
	for _, t := range cycle {
		d.Cycle = append(d.Cycle, w.describeWait(t))
	}
	for _, t := range w.tasks {
		if t.state == taskBlocked {
			d.Blocked = append(d.Blocked, w.describeWait(t))
		}
	}
	return d
}

func (w *World) describeWait(t *Task) Wait {
	wt := Wait{Task: t.String(), On: t.waitOn.describe(w)}
	for _, h := range t.waitOn.holders(nil) {
		name := h.String()
		if h.state == taskDone {
			name += " (exited)"
		}
		wt.Holders = append(wt.Holders, name)
	}
	return wt
}

// ending is how a run ended; exactly one is set per run.
type ending struct {
	outcome  Outcome
	reason   string
	deadlock *DeadlockReport
	panic    *PanicReport
}

// PanicReport is a task panic captured as a finding.
type PanicReport struct {
	Task  string
	Value string
	Stack string
}

func (p *PanicReport) String() string {
	return fmt.Sprintf("task %s panicked: %s", p.Task, p.Value)
}
