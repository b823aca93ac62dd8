package sim

import "time"

// StarvationThreshold is how long (virtual time) a waiter of a barging
// Mutex may be overtaken before the mutex hands itself to its waiters in
// order, as sync.Mutex switches to starvation mode after 1ms. Virtual time
// passes only in sleeps and timeouts, so a barging mutex used by tasks
// that never sleep can overtake a waiter without bound: in Go that is a
// waiter starved for up to a millisecond at a time.
const StarvationThreshold = time.Millisecond

// MutexOption sets how one Mutex behaves (NewMutex).
type MutexOption func(*Mutex)

// Barging sets whether a mutex lets a running task take it just after
// Unlock, ahead of the tasks that wait for it, as sync.Mutex does in its
// normal mode: Unlock frees the lock and wakes the longest waiter, which
// must then win it against whoever asks first, and goes back to the front
// of the queue if it loses. A waiter overtaken for StarvationThreshold
// turns the mutex to handing off in order until the queue drains or a
// waiter got it quickly (Go's starvation mode). Starvation bugs need this;
// without it (the default, unless Config.Barging) a mutex is strictly FIFO.
func Barging(on bool) MutexOption { return func(m *Mutex) { m.barging = on } }

// acquireBarging is Lock and LockTimeout on a barging mutex.
func (m *Mutex) acquireBarging(t *Task, d time.Duration, hasTimeout bool) bool {
	start, woken := m.w.now, false
	for {
		if m.holder == nil && (woken || !(m.starving && m.waiters.len() > 0)) {
			m.holder = t
			return true
		}
		wait := d - (m.w.now - start)
		if woken {
			if hasTimeout && wait <= 0 {
				return false // lost the race with no time left
			}
			if m.w.now-start >= StarvationThreshold {
				m.starving = true
			}
			m.waiters.pushFront(t) // an overtaken waiter keeps its place
		} else {
			m.waiters.push(t)
		}
		if m.w.block(t, m, wait, hasTimeout) {
			return false
		}
		if m.holder == t { // handed off in starvation mode
			if m.w.now-start < StarvationThreshold || m.waiters.len() == 0 {
				m.starving = false
			}
			return true
		}
		m.woken, woken = nil, true
	}
}

// releaseBarging is Unlock on a barging mutex: in starvation mode it hands
// the lock to the longest waiter; otherwise it frees the lock and wakes that
// waiter (unless an earlier one is still on its way) to compete for it.
func (m *Mutex) releaseBarging() {
	if m.waiters.len() == 0 {
		m.holder, m.starving = nil, false
		return
	}
	if m.starving {
		next := m.waiters.pop()
		m.holder = next
		m.w.wake(next)
		return
	}
	m.holder = nil
	if m.woken == nil {
		m.woken = m.waiters.pop()
		m.w.wake(m.woken)
	}
}
