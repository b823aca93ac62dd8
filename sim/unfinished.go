package sim

import (
	"fmt"
	"strings"
	"time"
)

// TaskReport is where one unfinished task stood when the run ended. After a
// budget it is the finding itself: which tasks spun (a livelock), which
// waited and on what (a leak, a lost wake-up), and for how long.
type TaskReport struct {
	Task    string // name#id
	ID      int32
	Blocked bool     // false: the task could run
	On      string   // what a blocked task waited for
	Holders []string // tasks that had to act before it could go on (lock holders)
	Timed   bool     // a timer (a sleep or a wait's timeout) would have woken it
	// InCycle: the task waited, with no timer, on a waits-for cycle. Only a
	// task off the cycle unlocking a lock on it could have broken it.
	InCycle bool
	Since   time.Duration // virtual time it started, last blocked or last woke
	For     time.Duration // how long it had been so when the run ended
	Points  int64         // scheduling points it reached over the whole run
}

func (r TaskReport) String() string {
	if !r.Blocked {
		return fmt.Sprintf("%s runnable for %v (%d points)", r.Task, r.For, r.Points)
	}
	s := fmt.Sprintf("%s blocked for %v on %s", r.Task, r.For, r.On)
	if len(r.Holders) > 0 {
		s += " held by " + strings.Join(r.Holders, ", ")
	}
	if r.InCycle {
		s += " (waits-for cycle)"
	}
	return s
}

// unfinished reports every task that has not finished, in ID order.
func (w *World) unfinished() []TaskReport {
	if w.live == 0 {
		return nil // a finished run, the common case: no search for cycles
	}
	inCycle := map[*Task]bool{}
	for _, t := range w.findCycle() {
		inCycle[t] = true
	}
	var out []TaskReport
	for _, t := range w.tasks {
		if t.state == taskDone {
			continue
		}
		r := TaskReport{Task: t.String(), ID: t.id, Since: t.since, For: w.now - t.since, Points: t.points}
		if t.state == taskBlocked && t.waitOn != nil {
			wt := w.describeWait(t)
			r.Blocked, r.On, r.Holders = true, wt.On, wt.Holders
			r.Timed, r.InCycle = !stuckForever(t), inCycle[t]
		}
		out = append(out, r)
	}
	return out
}

// maxReasonTasks bounds how many unfinished tasks a one-line Reason names;
// Result.Unfinished has them all.
const maxReasonTasks = 8

// unfinishedSummary is the part of a budget's Reason that names the tasks
// still running or waiting.
func unfinishedSummary(rs []TaskReport) string {
	if len(rs) == 0 {
		return ""
	}
	parts := make([]string, 0, min(len(rs), maxReasonTasks)+1)
	for i, r := range rs {
		if i == maxReasonTasks {
			parts = append(parts, fmt.Sprintf("and %d more (Result.Unfinished)", len(rs)-i))
			break
		}
		parts = append(parts, r.String())
	}
	return fmt.Sprintf("; %d unfinished: %s", len(rs), strings.Join(parts, "; "))
}
