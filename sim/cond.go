package sim

import (
	"fmt"
	"strings"
)

// Locker is a lock a Cond can wait on, like sync.Locker: a *Mutex, an
// *RWMutex (its write lock), RWMutex.RLocker, or a type of the caller's
// that locks one of them.
type Locker interface {
	Lock()
	Unlock()
}

// kernelLocker is a Locker of this package. Cond.Wait releases it with no
// scheduling point of its own, atomically with queuing the waiter.
type kernelLocker interface {
	Locker
	releaseFor(t *Task) error
}

// Cond is a condition variable over a Locker, like sync.Cond.
type Cond struct {
	w       *World
	id      int32
	name    string
	L       Locker
	waiters waitQueue
}

// NewCond makes a condition variable whose Wait releases and retakes l.
func (w *World) NewCond(name string, l Locker) *Cond {
	return &Cond{w: w, id: w.register(name), name: name, L: l}
}

// Wait atomically releases c.L and blocks until Signal or Broadcast, then
// retakes c.L before returning. As with sync.Cond, callers loop on their
// condition: a wake-up is a hint, not a promise.
//
// A Locker of this package is released with no scheduling point of its
// own. Any other Locker's Unlock is called after the task has joined the
// queue, as sync.Cond does, so a Signal between that Unlock and the block
// still wakes it.
func (c *Cond) Wait() {
	t := c.w.enter(KindWait, c.id, 0)
	c.waiters.push(t)
	if kl, ok := c.L.(kernelLocker); ok {
		if err := kl.releaseFor(t); err != nil {
			c.waiters.remove(t)
			panic(fmt.Sprintf("sim: Cond %s: Wait with its lock not held: %s", c.name, strings.TrimPrefix(err.Error(), "sim: ")))
		}
		c.w.block(t, c, 0, false)
	} else {
		c.L.Unlock()
		if c.waiters.contains(t) { // not signalled while unlocking
			c.w.block(t, c, 0, false)
		}
	}
	c.L.Lock()
}

// Signal wakes the longest-waiting task, if any.
func (c *Cond) Signal() {
	c.w.enter(KindSignal, c.id, 0)
	if c.waiters.len() > 0 {
		c.w.wake(c.waiters.pop())
	}
}

// Broadcast wakes every waiting task.
func (c *Cond) Broadcast() {
	c.w.enter(KindBroadcast, c.id, 0)
	c.waiters.wakeAll(c.w)
}

func (c *Cond) describe(*World) string      { return "cond " + c.name }
func (c *Cond) holders(dst []*Task) []*Task { return dst }
func (c *Cond) cancel(t *Task)              { c.waiters.remove(t) }
func (c *Cond) objID() int32                { return c.id }

// WaitGroup waits for a collection of tasks to finish, like sync.WaitGroup.
type WaitGroup struct {
	w       *World
	id      int32
	name    string
	n       int
	waiters waitQueue
}

// NewWaitGroup makes a wait group.
func (w *World) NewWaitGroup(name string) *WaitGroup {
	return &WaitGroup{w: w, id: w.register(name), name: name}
}

// Add adds delta to the counter. Outside a task it only sets up the world.
func (g *WaitGroup) Add(delta int) {
	if g.w.current != nil {
		g.w.enter(KindWGAdd, g.id, int64(delta))
	}
	g.n += delta
	if g.n < 0 {
		panic(fmt.Sprintf("sim: WaitGroup %s: negative counter", g.name))
	}
	if g.n == 0 {
		g.waiters.wakeAll(g.w)
	}
}

// Done decrements the counter by one.
func (g *WaitGroup) Done() { g.Add(-1) }

// Wait blocks until the counter is zero.
func (g *WaitGroup) Wait() {
	t := g.w.enter(KindWGWait, g.id, 0)
	if g.n == 0 {
		return
	}
	g.waiters.push(t)
	g.w.block(t, g, 0, false)
}

func (g *WaitGroup) describe(*World) string {
	return fmt.Sprintf("waitgroup %s (counter %d)", g.name, g.n)
}
func (g *WaitGroup) holders(dst []*Task) []*Task { return dst }
func (g *WaitGroup) cancel(t *Task)              { g.waiters.remove(t) }
func (g *WaitGroup) objID() int32                { return g.id }

// Once runs a function once, like sync.Once: callers that arrive while it
// runs block until it has finished.
type Once struct {
	w       *World
	id      int32
	name    string
	done    bool
	runner  *Task
	waiters waitQueue
}

// NewOnce makes a Once.
func (w *World) NewOnce(name string) *Once {
	return &Once{w: w, id: w.register(name), name: name}
}

// Do calls f if no call of Do has started yet; otherwise it waits for the
// first call to return.
func (o *Once) Do(f func()) {
	t := o.w.enter(KindOnce, o.id, 0)
	if o.done {
		return
	}
	if o.runner != nil {
		o.waiters.push(t)
		o.w.block(t, o, 0, false)
		return
	}
	o.runner = t
	defer func() {
		o.done = true
		o.runner = nil
		o.waiters.wakeAll(o.w)
	}()
	f()
}

func (o *Once) describe(*World) string { return "once " + o.name }
func (o *Once) holders(dst []*Task) []*Task {
	if o.runner != nil {
		dst = append(dst, o.runner)
	}
	return dst
}
func (o *Once) cancel(t *Task) { o.waiters.remove(t) }
func (o *Once) objID() int32   { return o.id }
