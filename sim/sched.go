package sim

import (
	"fmt"
	"math"
	"time"
)

// Run runs the world until every task has finished, a deadlock or a budget
// ends it, a task panics or Stop is called. It may follow calls to
// RunUntil; once the run has ended it returns the same result again. Every
// goroutine the world used has exited when Run returns.
func (w *World) Run() *Result {
	w.runUntil(math.MaxInt64)
	return w.finish()
}

// RunUntil runs the world until no task can run before virtual time t, or
// until the run ends, which it reports. The clock then stands at or before
// t, unless an early timer firing the scheduler chose took it past (by at
// most Config.EarlyTimerWindow). Between calls the caller may start tasks with Go; this is how a
// property test drives a world one operation at a time. Tasks that all wait
// with no timer pending pause the world rather than end it, since the caller
// may start one that wakes them; Run then reports them as a deadlock.
func (w *World) RunUntil(t time.Duration) (ended bool) {
	w.runUntil(t)
	if w.end != nil {
		w.finish()
		return true
	}
	return false
}

// Stop ends the run with outcome Stopped and reason, at once if called from
// a task (which does not resume) or at the next step otherwise. Observers
// use it to end a run at the violation they were waiting for.
func (w *World) Stop(reason string) {
	w.endRun(&ending{outcome: Stopped, reason: reason})
	if t := w.current; t != nil && !w.killing && t.state != taskDone {
		w.turn(t) // hands control back to Run, which unwinds this task
	}
}

func (w *World) runUntil(t time.Duration) {
	if w.result != nil {
		return
	}
	w.pauseAt, w.paused = t, false
	w.next = w.schedule()
	for w.next != nil {
		next := w.next
		w.next = nil
		w.current = next
		next.coro.resume()
		w.release(next)
	}
	w.current = nil
	if w.end == nil && !w.paused {
		// Unreachable while schedule keeps its contract: it returns nil
		// only after endRun or a pause. Kept as an assertion.
		panic("sim: scheduler stopped without an outcome")
	}
}

// finish computes the result once and unwinds every task.
func (w *World) finish() *Result {
	if w.result == nil {
		w.result = w.makeResult()
		w.killAll()
	}
	if r := w.rethrow; r != nil {
		w.rethrow = nil
		panic(r)
	}
	return w.result
}

// enter is the scheduling point every primitive begins with: the scheduler
// may run other tasks first, then the event is recorded and the caller's
// action runs atomically until its next point.
func (w *World) enter(kind Kind, obj int32, arg int64) *Task {
	return w.point(kind, obj, arg, false)
}

// enterPoll is enter for a call that only polls (Yield, a zero Sleep): the
// scheduler may take the task to have nothing to do (see Task.polled).
func (w *World) enterPoll(kind Kind, obj int32, arg int64) *Task {
	return w.point(kind, obj, arg, true)
}

// point is enter and enterPoll, which stay small enough to be inlined: a
// scheduling point is the kernel's hot path.
func (w *World) point(kind Kind, obj int32, arg int64, poll bool) *Task {
	t := w.mustCurrent(kind)
	if w.killing {
		return t
	}
	t.points++
	if poll {
		t.polled = true // a failed try may have set it already: never clear it here
	}
	w.turn(t)
	w.record(t, kind, obj, arg)
	return t
}

// turn offers the processor to the scheduler. It returns when t is picked
// again; if t stays the choice, no coroutine switch happens at all.
func (w *World) turn(t *Task) {
	next := w.schedule()
	t.polled = false // the scheduler has seen it; it described this point only
	if next == t {
		return
	}
	w.next = next
	if !t.coro.yield(struct{}{}) || t.killed {
		panic(errKilled)
	}
}

// record appends one event to the trace hash (and the trace, if kept).
func (w *World) record(t *Task, kind Kind, obj int32, arg int64) {
	if w.killing {
		return
	}
	w.step++
	w.hash = mixEvent(w.hash, w.now, t.id, kind, obj, arg)
	if w.fp != nil {
		w.touchEvent(t, kind, obj)
	}
	if w.cfg.Trace {
		w.events.append(Event{Step: w.step, Time: w.now, Task: t.id, Kind: kind, Obj: obj, Arg: arg})
	}
}

// schedule decides what runs next. It fires timers when nothing can run (or
// early, when the scheduler says so), and ends the run when nothing can ever
// run again. It returns nil exactly when the run has ended.
func (w *World) schedule() *Task {
	for w.end == nil {
		if w.step >= w.maxSteps {
			w.endRun(&ending{outcome: StepBudget, reason: fmt.Sprintf("step budget of %d events exhausted", w.maxSteps)})
			break
		}
		n := len(w.runnable)
		if n == 0 {
			if w.timers.Len() == 0 {
				if w.pauseAt != math.MaxInt64 && w.live > 0 {
					// Under RunUntil the caller may still start tasks that
					// wake these ones: idle, not yet a deadlock.
					w.paused = true
					return nil
				}
				w.endStuck()
				break
			}
			if w.timers.peek().when > w.pauseAt {
				w.paused = true // RunUntil's bound: nothing can run before it
				return nil
			}
			w.fireTimer()
			continue
		}
		early := w.canFireEarly()
		if n == 1 && !early {
			return w.runnable[0]
		}
		t, ok := w.decide(early)
		if ok {
			return t
		}
		if w.paused {
			return nil
		}
	}
	return nil
}

// canFireEarly: early firing is on and the earliest timer is due within the
// window. It depends only on world state, so a replay sees the same choice
// points.
func (w *World) canFireEarly() bool {
	if w.cfg.EarlyTimers <= 0 || w.timers.Len() == 0 {
		return false
	}
	return w.timers.peek().when-w.now <= w.cfg.EarlyTimerWindow
}

// decide asks the scheduler for one choice and records it. ok is false when
// the choice was to fire a timer early (or when it ended the run).
func (w *World) decide(fireable bool) (*Task, bool) {
	next, fallback, err := w.sched.pick(w, fireable)
	if err == errGuideStop {
		w.endRun(&ending{outcome: Stopped, reason: err.Error()})
		return nil, false
	}
	if err != nil {
		w.endRun(&ending{outcome: Diverged, reason: err.Error()})
		return nil, false
	}
	if w.cfg.Decisions {
		d := Decision{Step: w.step, Task: FireTimer, Fallback: fallback}
		if next != nil {
			d.Task = next.id
		}
		w.decisions = append(w.decisions, d)
	}
	if next == nil {
		// A decided firing happens even past RunUntil's bound, which then
		// pauses right after it: pausing never changes the run.
		w.paused = w.timers.peek().when > w.pauseAt
		w.fireTimer()
		return nil, false
	}
	return next, true
}

// endStuck ends a run in which no task can run and no timer is pending:
// only now is a waits-for cycle a deadlock, since no task is left that could
// unlock a lock on it.
func (w *World) endStuck() {
	if w.live == 0 {
		w.endRun(&ending{outcome: Done})
		return
	}
	w.endRun(&ending{outcome: Deadlock, deadlock: w.deadlockReport(w.findCycle())})
}

func (w *World) endRun(e *ending) {
	if w.end == nil {
		w.end = e
	}
	w.next = nil
}

// killAll unwinds every unfinished task so that no goroutine outlives Run
// (or, with a shared pool, so that every coroutine is parked in it again).
// A started task is resumed with killed set and panics at its next point;
// task code running its defers sees primitives that neither block nor
// yield. A task that never started is simply unbound from its coroutine.
func (w *World) killAll() {
	w.killing = true
	for _, t := range w.tasks {
		if t.state == taskDone {
			continue
		}
		w.current = t
		t.cutWait = t.Waiting()
		t.cut = true
		if t.started {
			t.killed = true
			t.coro.resume()
		} else {
			t.coro.task = nil
		}
		t.finish()
		w.release(t)
	}
	w.current = nil
	if w.ownsPool {
		w.pool.Close()
	}
}

// release returns a finished task's coroutine, now parked, to the pool.
func (w *World) release(t *Task) {
	if t.state == taskDone && t.coro != nil {
		w.pool.put(t.coro)
		t.coro = nil
	}
}
