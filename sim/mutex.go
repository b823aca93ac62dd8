package sim

import (
	"fmt"
	"time"
)

// Mutex is a named mutual-exclusion lock. Lock, TryLock, LockTimeout and
// Unlock are all scheduling points, contended or not: a simulator that
// switches only on contention cannot see lock-order deadlocks.
//
// By default Unlock hands the lock to the longest waiter (FIFO), so a waiter
// is never overtaken; the order in which tasks queue is itself chosen by
// the schedule. A barging mutex (Barging, Config.Barging) behaves like
// sync.Mutex instead: see Barging.
type Mutex struct {
	w       *World
	id      int32
	name    string
	holder  *Task
	waiters waitQueue

	barging  bool
	starving bool  // barging only: handing off in order (Go's starvation mode)
	woken    *Task // barging only: the waiter Unlock woke, not yet run
}

// NewMutex makes a mutex; name appears in traces and deadlock reports.
func (w *World) NewMutex(name string, opts ...MutexOption) *Mutex {
	m := &Mutex{w: w, id: w.register(name), name: name, barging: w.cfg.Barging}
	for _, o := range opts {
		o(m)
	}
	return m
}

// Name returns the mutex's name.
func (m *Mutex) Name() string { return m.name }

// Holder returns the task holding m, or nil.
func (m *Mutex) Holder() *Task { return m.holder }

// Lock blocks until the running task holds m. Locking a mutex the task
// already holds hangs, as in Go, until another task unlocks it (any task
// may); if none can, the run ends as a deadlock.
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
	ok := m.holder == nil && !(m.starving && m.waiters.len() > 0)
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
	if m.barging {
		return m.acquireBarging(t, d, hasTimeout)
	}
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

// releaseFor releases m for Cond.Wait: t need not be the holder (any task
// may unlock), but m must be locked.
func (m *Mutex) releaseFor(t *Task) error {
	if m.holder == nil {
		return fmt.Errorf("mutex %s is unlocked", m.name)
	}
	m.release()
	return nil
}

// release passes m to the first waiter, if any. No scheduling point: callers
// (Unlock, Cond.Wait) have already made one.
func (m *Mutex) release() {
	if m.barging {
		m.releaseBarging()
		return
	}
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
