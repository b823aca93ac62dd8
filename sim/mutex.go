package sim

import (
	"fmt"
	"time"
)

// Mutex is a named mutual-exclusion lock. Lock, TryLock, LockTimeout and
// Unlock are all scheduling points, contended or not: a simulator that
// switches only on contention cannot see lock-order deadlocks.
//
// Unlock hands the lock to the longest waiter (FIFO), so a waiter is never
// overtaken; the order in which tasks queue is itself chosen by the schedule.
type Mutex struct {
	w       *World
	id      int32
	name    string
	holder  *Task
	waiters waitQueue
}

// NewMutex makes a mutex; name appears in traces and deadlock reports.
func (w *World) NewMutex(name string) *Mutex {
	return &Mutex{w: w, id: w.register(name), name: name}
}

// Name returns the mutex's name.
func (m *Mutex) Name() string { return m.name }

// Holder returns the task holding m, or nil.
func (m *Mutex) Holder() *Task { return m.holder }

// Lock blocks until the running task holds m. Locking a mutex the task
// already holds is reported as a deadlock, as it would hang in Go.
func (m *Mutex) Lock() {
	t := m.w.enter(KindLock, m.id, 0)
	m.acquire(t, 0, false)
}

// TryLock takes m if it is free and reports whether it did.
func (m *Mutex) TryLock() bool {
	t := m.w.mustCurrent(KindTryLock)
	if !m.w.killing {
		m.w.turn(t)
	}
	ok := m.holder == nil
	if ok {
		m.holder = t
	}
	t.polled = !ok // a failed try is a poll: seen at the task's next point
	m.w.record(t, KindTryLock, m.id, boolArg(ok))
	return ok
}

// LockTimeout waits at most d of virtual time for m and reports whether the
// running task now holds it.
func (m *Mutex) LockTimeout(d time.Duration) bool {
	t := m.w.enter(KindLockTimeout, m.id, int64(d))
	return m.acquire(t, d, true)
}

func (m *Mutex) acquire(t *Task, d time.Duration, hasTimeout bool) bool {
	if m.holder == nil {
		m.holder = t
		return true
	}
	m.waiters.push(t)
	return !m.w.block(t, m, d, hasTimeout)
}

// Unlock releases m. As in Go, any task may unlock a locked mutex; unlocking
// a free one panics in the calling task.
func (m *Mutex) Unlock() {
	t := m.w.enter(KindUnlock, m.id, 0)
	if m.holder == nil {
		panic(fmt.Sprintf("sim: unlock of unlocked mutex %s by %s", m.name, t))
	}
	m.release()
}

// release passes m to the first waiter, if any. No scheduling point: callers
// (Unlock, Cond.Wait) have already made one.
func (m *Mutex) release() {
	if m.waiters.len() == 0 {
		m.holder = nil
		return
	}
	next := m.waiters.pop()
	m.holder = next
	m.w.wake(next)
}

func (m *Mutex) describe(*World) string {
	return "mutex " + m.name
}

func (m *Mutex) holders(dst []*Task) []*Task {
	if m.holder != nil {
		dst = append(dst, m.holder)
	}
	return dst
}

func (m *Mutex) cancel(t *Task) { m.waiters.remove(t) }

func (m *Mutex) objID() int32 { return m.id }

func boolArg(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
