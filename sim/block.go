package sim

import (
	"slices"
	"time"
)

// waitable is anything a task can block on. It lets the kernel cancel a
// timed-out wait and explain a deadlock without knowing the primitive.
type waitable interface {
	// describe names the object and its state for a deadlock report.
	describe(w *World) string
	// holders appends the tasks that must act before a waiter can proceed.
	holders(dst []*Task) []*Task
	// cancel removes t from the wait queue after its timer fired.
	cancel(t *Task)
	// objID is the object's id for trace events (0 if it has none).
	objID() int32
}

// block parks t on `on` until another task wakes it or, if hasTimeout, until
// timeout of virtual time has passed. It reports whether the timer ended the
// wait.
//
// Blocking never ends the run by itself, even when the wait closes a
// waits-for cycle: as in Go, any task may unlock a mutex another task
// locked, so a cycle is only a deadlock once no task can run and no timer
// can fire (endStuck). Until then the cycle may still be broken.
func (w *World) block(t *Task, on waitable, timeout time.Duration, hasTimeout bool) (timedOut bool) {
	if w.killing {
		panic(errKilled)
	}
	t.state = taskBlocked
	t.waitOn = on
	t.timedOut = false
	t.since = w.now
	w.removeRunnable(t)
	if hasTimeout {
		w.timers.push(&t.timer, w.now+max(timeout, 0), &w.timerSeq)
		w.touchTimer(w.now + max(timeout, 0))
	} else if w.cycleDeadlocks {
		if cycle := w.findCycle(); cycle != nil {
			w.endRun(&ending{outcome: Deadlock, deadlock: w.deadlockReport(cycle)})
		}
	}
	w.turn(t)
	w.timers.remove(&t.timer)
	var arg int64
	if t.timedOut {
		arg = 1
	}
	w.record(t, KindWake, on.objID(), arg)
	t.waitOn = nil
	return t.timedOut
}

// wake makes a blocked task runnable again and disarms its timer.
func (w *World) wake(t *Task) {
	if t.state != taskBlocked {
		return
	}
	w.timers.remove(&t.timer)
	t.since = w.now
	w.makeRunnable(t)
}

// waitQueue is a FIFO of blocked tasks.
type waitQueue struct{ q []*Task }

func (q *waitQueue) push(t *Task) { q.q = append(q.q, t) }

func (q *waitQueue) len() int { return len(q.q) }

// pushFront queues t ahead of everyone (a barging mutex's overtaken waiter).
func (q *waitQueue) pushFront(t *Task) { q.q = slices.Insert(q.q, 0, t) }

func (q *waitQueue) pop() *Task {
	t := q.q[0]
	copy(q.q, q.q[1:])
	q.q[len(q.q)-1] = nil
	q.q = q.q[:len(q.q)-1]
	return t
}

func (q *waitQueue) contains(t *Task) bool { return slices.Contains(q.q, t) }

// remove deletes t from the queue, keeping the order of the others.
func (q *waitQueue) remove(t *Task) bool {
	for i, x := range q.q {
		if x == t {
			copy(q.q[i:], q.q[i+1:])
			q.q[len(q.q)-1] = nil
			q.q = q.q[:len(q.q)-1]
			return true
		}
	}
	return false
}

// wakeAll wakes every queued task in FIFO order and empties the queue.
func (q *waitQueue) wakeAll(w *World) {
	for _, t := range q.q {
		w.wake(t)
	}
	clear(q.q)
	q.q = q.q[:0]
}
