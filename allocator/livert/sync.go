package livert

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/pingcap/failpoint"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
)

// Lock is an in-process named lock: a one-slot semaphore, so that a wait
// can give up after a timeout. Waits happen without the step lock.
type Lock struct {
	rt *Runtime
	ch chan struct{}
}

var _ allocator.Lock = (*Lock)(nil)

// Lock waits for the lock without bound.
func (l *Lock) Lock() {
	if l.TryLock() {
		return
	}
	l.rt.Blocking(func() { l.ch <- struct{}{} })
	l.rt.held.Add(1)
}

// TryLock takes the lock if it is free.
func (l *Lock) TryLock() bool {
	select {
	case l.ch <- struct{}{}:
		l.rt.held.Add(1)
		return true
	default:
		return false
	}
}

// LockTimeout waits at most d of model time; a negative d waits without
// bound.
func (l *Lock) LockTimeout(d time.Duration) bool {
	if l.TryLock() {
		return true
	}
	if d < 0 {
		l.Lock()
		return true
	}
	ok := false
	l.rt.Blocking(func() {
		t := time.NewTimer(l.rt.Wall(d))
		defer t.Stop()
		select {
		case l.ch <- struct{}{}:
			ok = true
		case <-t.C:
		}
	})
	if ok {
		l.rt.held.Add(1)
	}
	return ok
}

// Unlock frees the lock; unlocking a free lock panics, as with sync.Mutex.
func (l *Lock) Unlock() {
	select {
	case <-l.ch:
		l.rt.held.Add(-1)
	default:
		panic("livert: unlock of an unlocked lock")
	}
}

// notifier is allocator.Notifier with its own mutex: a sequence number and
// the waiters in arrival order, each a channel closed to wake it.
type notifier struct {
	rt      *Runtime
	mu      sync.Mutex
	seq     uint64
	waiters []chan struct{}
}

func (n *notifier) lock()   { n.mu.Lock() }
func (n *notifier) unlock() { n.mu.Unlock() }

// Seq returns the current sequence number.
func (n *notifier) Seq() uint64 {
	n.lock()
	defer n.unlock()
	return n.seq
}

// Wait returns true at once if the sequence moved past seq, else waits
// for a Notify or Broadcast (true) or timeout of model time (false); a
// negative timeout waits without bound.
func (n *notifier) Wait(seq uint64, timeout time.Duration) bool {
	n.lock()
	if n.seq != seq {
		n.unlock()
		return true
	}
	ch := make(chan struct{})
	n.waiters = append(n.waiters, ch)
	n.unlock()
	woken := false
	n.rt.Blocking(func() { woken = waitOn(ch, n.rt.Wall(timeout)) })
	if woken {
		return true
	}
	n.lock()
	defer n.unlock()
	for i, w := range n.waiters {
		if w == ch {
			n.waiters = append(n.waiters[:i], n.waiters[i+1:]...)
			return false
		}
	}
	return true // woken between the timeout and the lock
}

func waitOn(ch chan struct{}, timeout time.Duration) bool {
	if timeout < 0 {
		<-ch
		return true
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-ch:
		return true
	case <-t.C:
		return false
	}
}

// Notify bumps the sequence and wakes the longest waiter.
func (n *notifier) Notify() {
	n.lock()
	defer n.unlock()
	n.seq++
	if len(n.waiters) > 0 {
		close(n.waiters[0])
		n.waiters = n.waiters[1:]
	}
}

// Broadcast bumps the sequence and wakes every waiter.
func (n *notifier) Broadcast() {
	n.lock()
	defer n.unlock()
	n.seq++
	for _, w := range n.waiters {
		close(w)
	}
	n.waiters = nil
}

// Failpoint evaluates a failpoint enabled with EnableFailpoint.
func (r *Runtime) Failpoint(name string) failpoint.Value {
	r.mu.Lock()
	_, ok := r.armed[name]
	r.mu.Unlock()
	if !ok {
		return nil
	}
	v, err := r.fps.EvalContext(r.ctx, name)
	if err != nil {
		return nil // filtered by the probability, or its count ran out
	}
	return v
}

// hook applies a leading probability, drawn from the runtime's own
// failpoints stream (the caller holds the step lock).
func (r *Runtime) hook(_ context.Context, name string) bool {
	r.mu.Lock()
	p := r.armed[name]
	r.mu.Unlock()
	return p >= 1 || r.draws.Float64() < p
}

// EnableFailpoint enables name with pingcap/failpoint terms, checked as
// allocator/simrt checks them (only actions that act on the run). Call it
// before the run.
func (r *Runtime) EnableFailpoint(name, terms string) error {
	t, err := simrt.ParseTerms(terms)
	if err != nil {
		return fmt.Errorf("failpoint %s: %w", name, err)
	}
	if err := r.fps.Enable(name, t.Rest); err != nil {
		return fmt.Errorf("failpoint %s: %w", name, err)
	}
	r.mu.Lock()
	r.armed[name] = t.Probability
	r.mu.Unlock()
	return nil
}
