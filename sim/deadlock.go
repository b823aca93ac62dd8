package sim

import (
	"fmt"
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

// findCycle looks for a path of permanent waits from start's holders back to
// start. It returns the tasks on the cycle, start first, or nil.
func (w *World) findCycle(start *Task) []*Task {
	type frame struct {
		t    *Task
		next []*Task
	}
	visited := map[*Task]bool{start: true}
	path := []frame{{t: start, next: start.waitOn.holders(nil)}}
	for len(path) > 0 {
		top := &path[len(path)-1]
		if len(top.next) == 0 {
			path = path[:len(path)-1]
			continue
		}
		h := top.next[0]
		top.next = top.next[1:]
		if h == start {
			cycle := make([]*Task, len(path))
			for i, f := range path {
				cycle[i] = f.t
			}
			return cycle
		}
		if visited[h] || !stuckForever(h) {
			continue
		}
		visited[h] = true
		path = append(path, frame{t: h, next: h.waitOn.holders(nil)})
	}
	return nil
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
