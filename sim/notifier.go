package sim

import (
	"fmt"
	"time"
)

// Notifier is a futex-like notification: Notify and Broadcast bump a sequence
// number and wake waiters. A waiter passes the sequence it saw when it last
// checked its condition, so a notification between that check and the Wait
// is never lost: Wait returns at once if the sequence has moved.
//
// It is what an idle worker needs ("sleep until work arrives or until the
// next delayed task is due") without polling the clock.
type Notifier struct {
	w       *World
	id      int32
	name    string
	seq     uint64
	waiters waitQueue
}

// NewNotifier makes a notifier.
func (w *World) NewNotifier(name string) *Notifier {
	return &Notifier{w: w, id: w.register(name), name: name}
}

// Seq returns the current sequence number. It is not a scheduling point.
func (n *Notifier) Seq() uint64 { return n.seq }

// Wait blocks until the sequence differs from seq or timeout has passed; a
// negative timeout waits without bound. It reports whether a notification
// (rather than the timeout) ended the wait.
func (n *Notifier) Wait(seq uint64, timeout time.Duration) bool {
	t := n.w.enter(KindWait, n.id, int64(timeout))
	if n.seq != seq {
		return true
	}
	n.waiters.push(t)
	return !n.w.block(t, n, timeout, timeout >= 0)
}

// Notify bumps the sequence and wakes the longest waiter.
func (n *Notifier) Notify() {
	n.w.enter(KindSignal, n.id, 0)
	n.seq++
	if n.waiters.len() > 0 {
		n.w.wake(n.waiters.pop())
	}
}

// Broadcast bumps the sequence and wakes every waiter.
func (n *Notifier) Broadcast() {
	n.w.enter(KindBroadcast, n.id, 0)
	n.seq++
	n.waiters.wakeAll(n.w)
}

func (n *Notifier) describe(*World) string {
	return fmt.Sprintf("notifier %s (seq %d)", n.name, n.seq)
}
func (n *Notifier) holders(dst []*Task) []*Task { return dst }
func (n *Notifier) cancel(t *Task)              { n.waiters.remove(t) }
func (n *Notifier) objID() int32                { return n.id }
