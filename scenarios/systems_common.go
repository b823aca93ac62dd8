package scenarios

import (
	"fmt"
	"strings"
	"time"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/simrt"
)

// checkStopOn checks a stop-on invariant name (any system's, or StopOnAny).
func checkStopOn(stopOn string) error {
	if stopOn == "" || stopOn == StopOnAny {
		return nil
	}
	if _, err := InvariantByName(stopOn); err != nil {
		return fmt.Errorf("%w: stop-on: %w", ErrConfig, err)
	}
	return nil
}

// systemRuntime is the runtime the models under systems/ run on, with the
// run's failpoints enabled. None of them unlocks a lock another task
// holds, so a waits-for cycle is a deadlock where it closes.
func systemRuntime(w *sim.World, fps []Failpoint) (*simrt.Runtime, error) {
	w.DeadlockOnCycle()
	rt := simrt.New(w)
	if err := enableFailpoints(rt.Base(), fps); err != nil {
		return nil, err
	}
	return rt, nil
}

// violations is a system checker's list of what broke, with the same
// bounds and stop rule as Drydock's checker.
type violations struct {
	w        *sim.World
	list     []Violation
	reported map[string]bool
	stopOn   string
}

func newViolations(w *sim.World, stopOn string) violations {
	return violations{w: w, reported: map[string]bool{}, stopOn: stopOn}
}

// report records a violation of inv, once per invariant and first name.
func (v *violations) report(inv, detail string, names ...string) {
	key := inv
	if len(names) > 0 {
		key += "/" + names[0]
	}
	if v.reported[key] || len(v.list) >= maxViolations {
		return
	}
	v.reported[key] = true
	v.list = append(v.list, Violation{Invariant: inv, Names: names, Step: v.w.Step(), Time: v.w.Elapsed(), Detail: detail})
	if inv == v.stopOn || (v.stopOn == StopOnAny && !IsMeasured(inv)) {
		v.w.Stop("stopped at the first " + inv + " violation")
	}
}

// deadlock turns a run the kernel ended as a deadlock into a no-deadlock
// violation (see cycle). The systems' worlds declare DeadlockOnCycle: their
// models never unlock another task's lock, so a cycle ends the run at the
// step it closes, while the conductor's timer is still pending.
func (v *violations) deadlock(res *sim.Result, doing func(task string) string) {
	if res.Outcome != sim.Deadlock || res.Deadlock == nil {
		return
	}
	v.cycle(res.Deadlock, res.Steps, res.Elapsed, doing)
}

// cycle records a no-deadlock violation naming every task on the waits-for
// cycle, what it was doing, and the locks: doing says what a task (by
// name) was doing.
func (v *violations) cycle(d *sim.DeadlockReport, step int64, at time.Duration, doing func(task string) string) {
	waits := d.Cycle
	if len(waits) == 0 {
		waits = d.Blocked
	}
	var names, parts []string
	for _, wt := range waits {
		task := taskName(wt.Task)
		op := doing(task)
		names = append(names, task, strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(wt.On, "write lock "), "read lock "), "mutex "))
		parts = append(parts, fmt.Sprintf("%s (%s) waits for %s held by %s", task, op, wt.On, holderList(wt.Holders, doing)))
	}
	v.list = append(v.list, Violation{Invariant: InvNoDeadlock, Names: names, Step: step, Time: at,
		Detail: "waits-for cycle: " + strings.Join(parts, "; ")})
}

// maxNamedHolders bounds the holders a deadlock report names per lock: a
// read lock can have dozens.
const maxNamedHolders = 3

func holderList(holders []string, doing func(string) string) string {
	var out []string
	for _, h := range holders[:min(len(holders), maxNamedHolders)] {
		name := taskName(h)
		out = append(out, fmt.Sprintf("%s (%s)", name, doing(name)))
	}
	list := strings.Join(out, ", ")
	if n := len(holders) - maxNamedHolders; n > 0 {
		list += fmt.Sprintf(" and %d more", n)
	}
	return list
}

// taskName drops the kernel's "#id" from a task as a report spells it.
func taskName(s string) string {
	s = strings.TrimSuffix(s, " (exited)")
	if i := strings.LastIndex(s, "#"); i >= 0 {
		return s[:i]
	}
	return s
}

// cmpOrString is s, or def if s is empty.
func cmpOrString(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
