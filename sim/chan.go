package sim

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Chan is a channel between tasks with Go's semantics: unbuffered or
// buffered, FIFO waiters, close wakes every receiver, send on a closed
// channel panics. Every operation is a scheduling point.
type Chan[T any] struct {
	w      *World
	id     int32
	name   string
	buf    []T // ring of capacity len(buf)
	head   int
	count  int
	closed bool
	recvq  []*recvEntry[T]
	sendq  []*sendEntry[T]
}

// waiter is a task's state while it waits on one or more channel cases.
// Each task owns one, reused across waits.
type waiter struct {
	task   *Task
	fired  int  // index of the case that completed; -1 while waiting
	ok     bool // a receive got a value rather than a close
	closed bool // a send was woken by close and must panic
}

func (t *Task) startWait() *waiter {
	t.waiter = waiter{task: t, fired: -1}
	return &t.waiter
}

type sendEntry[T any] struct {
	wt  *waiter
	idx int
	v   T
}

type recvEntry[T any] struct {
	wt  *waiter
	idx int
	dst *T
}

// NewChan makes a channel with the given buffer capacity (0: unbuffered).
func NewChan[T any](w *World, name string, capacity int) *Chan[T] {
	if capacity < 0 {
		panic(fmt.Sprintf("sim: channel %s: negative capacity %d", name, capacity))
	}
	return &Chan[T]{w: w, id: w.register(name), name: name, buf: make([]T, capacity)}
}

// Len returns the number of buffered values.
func (c *Chan[T]) Len() int { return c.count }

// Send sends v, blocking until a receiver or buffer space takes it.
func (c *Chan[T]) Send(v T) {
	t := c.w.enter(KindSend, c.id, 0)
	if c.trySend(v) {
		return
	}
	wt := t.startWait()
	c.sendq = append(c.sendq, &sendEntry[T]{wt: wt, v: v})
	c.w.block(t, chanWait[T]{c, true}, 0, false)
	if wt.closed {
		panic("sim: send on closed channel " + c.name)
	}
}

// Recv receives a value; ok is false if the channel is closed and drained.
func (c *Chan[T]) Recv() (v T, ok bool) {
	t := c.w.enter(KindRecv, c.id, 0)
	if done, ok := c.tryRecv(&v); done {
		return v, ok
	}
	wt := t.startWait()
	c.recvq = append(c.recvq, &recvEntry[T]{wt: wt, dst: &v})
	c.w.block(t, chanWait[T]{c, false}, 0, false)
	return v, wt.ok
}

// Close closes the channel, waking every waiting receiver and sender.
func (c *Chan[T]) Close() {
	c.w.enter(KindClose, c.id, 0)
	if c.closed {
		panic("sim: close of closed channel " + c.name)
	}
	c.closed = true
	for _, r := range c.recvq {
		if r.wt.fired < 0 {
			c.deliver(r, *new(T), false)
		}
	}
	for _, s := range c.sendq {
		if s.wt.fired < 0 {
			s.wt.fired, s.wt.closed = s.idx, true
			c.w.wake(s.wt.task)
		}
	}
	c.recvq, c.sendq = nil, nil
}

// trySend sends without blocking; a closed channel panics, as in Go.
func (c *Chan[T]) trySend(v T) bool {
	if c.closed {
		panic("sim: send on closed channel " + c.name)
	}
	if r := c.popRecv(); r != nil {
		c.deliver(r, v, true)
		return true
	}
	if c.count < len(c.buf) {
		c.buf[(c.head+c.count)%len(c.buf)] = v
		c.count++
		return true
	}
	return false
}

// tryRecv receives without blocking. done reports whether it did.
func (c *Chan[T]) tryRecv(dst *T) (done, ok bool) {
	if c.count > 0 {
		v := c.buf[c.head]
		c.buf[c.head] = *new(T)
		c.head = (c.head + 1) % len(c.buf)
		c.count--
		if s := c.popSend(); s != nil {
			c.buf[(c.head+c.count)%len(c.buf)] = s.v
			c.count++
			c.release(s)
		}
		store(dst, v)
		return true, true
	}
	if s := c.popSend(); s != nil {
		store(dst, s.v)
		c.release(s)
		return true, true
	}
	if c.closed {
		store(dst, *new(T))
		return true, false
	}
	return false, false
}

func store[T any](dst *T, v T) {
	if dst != nil {
		*dst = v
	}
}

func (c *Chan[T]) deliver(r *recvEntry[T], v T, ok bool) {
	store(r.dst, v)
	r.wt.fired, r.wt.ok = r.idx, ok
	c.w.wake(r.wt.task)
}

func (c *Chan[T]) release(s *sendEntry[T]) {
	s.wt.fired = s.idx
	c.w.wake(s.wt.task)
}

// popRecv returns the first receiver still waiting. Entries of a select that
// another case already completed are dropped on the way.
func (c *Chan[T]) popRecv() *recvEntry[T] {
	for len(c.recvq) > 0 {
		r := c.recvq[0]
		c.recvq = c.recvq[1:]
		if r.wt.fired < 0 {
			return r
		}
	}
	return nil
}

func (c *Chan[T]) popSend() *sendEntry[T] {
	for len(c.sendq) > 0 {
		s := c.sendq[0]
		c.sendq = c.sendq[1:]
		if s.wt.fired < 0 {
			return s
		}
	}
	return nil
}

func (c *Chan[T]) dequeue(wt *waiter) {
	c.recvq = slices.DeleteFunc(c.recvq, func(r *recvEntry[T]) bool { return r.wt == wt })
	c.sendq = slices.DeleteFunc(c.sendq, func(s *sendEntry[T]) bool { return s.wt == wt })
}

// chanWait is what a task blocked in Send or Recv waits for.
type chanWait[T any] struct {
	c    *Chan[T]
	send bool
}

func (cw chanWait[T]) describe(*World) string {
	if cw.send {
		return fmt.Sprintf("send on chan %s (%d/%d buffered, no receiver)", cw.c.name, cw.c.count, len(cw.c.buf))
	}
	return fmt.Sprintf("receive on chan %s (empty, no sender)", cw.c.name)
}
func (cw chanWait[T]) holders(dst []*Task) []*Task { return dst }
func (cw chanWait[T]) cancel(t *Task)              { cw.c.dequeue(&t.waiter) }
func (cw chanWait[T]) objID() int32                { return cw.c.id }

// SelectCase is one arm of World.Select: a channel's SendCase or RecvCase,
// World.AfterCase, or DefaultCase.
type SelectCase interface {
	try(wt *waiter, idx int) bool
	enqueue(wt *waiter, idx int)
	dequeue(wt *waiter)
	String() string
}

// SendCase is a select arm that sends v on c. A nil c never proceeds.
func (c *Chan[T]) SendCase(v T) SelectCase { return &chanCase[T]{c: c, send: true, v: v} }

// RecvCase is a select arm that receives from c into dst (dst may be nil).
func (c *Chan[T]) RecvCase(dst *T) SelectCase { return &chanCase[T]{c: c, dst: dst} }

type chanCase[T any] struct {
	c    *Chan[T]
	send bool
	v    T
	dst  *T
}

func (k *chanCase[T]) try(wt *waiter, idx int) bool {
	if k.c == nil {
		return false
	}
	if k.send {
		if !k.c.trySend(k.v) {
			return false
		}
		wt.fired = idx
		return true
	}
	done, ok := k.c.tryRecv(k.dst)
	if done {
		wt.fired, wt.ok = idx, ok
	}
	return done
}

func (k *chanCase[T]) enqueue(wt *waiter, idx int) {
	switch {
	case k.c == nil:
	case k.send:
		k.c.sendq = append(k.c.sendq, &sendEntry[T]{wt: wt, idx: idx, v: k.v})
	default:
		k.c.recvq = append(k.c.recvq, &recvEntry[T]{wt: wt, idx: idx, dst: k.dst})
	}
}

func (k *chanCase[T]) dequeue(wt *waiter) {
	if k.c != nil {
		k.c.dequeue(wt)
	}
}

func (k *chanCase[T]) String() string {
	name := "<nil>"
	if k.c != nil {
		name = k.c.name
	}
	if k.send {
		return "send " + name
	}
	return "recv " + name
}

type defaultCase struct{}

// DefaultCase makes Select return at once when no other arm can proceed.
func DefaultCase() SelectCase { return defaultCase{} }

func (defaultCase) try(*waiter, int) bool { return false }
func (defaultCase) enqueue(*waiter, int)  {}
func (defaultCase) dequeue(*waiter)       {}
func (defaultCase) String() string        { return "default" }

// Select waits until one arm can proceed and runs it, like Go's select.
// Among several ready arms it picks one at random from the world's "select"
// stream, so the choice replays with the seed. It returns the chosen arm's
// index and, for a receive, whether a value (not a close) was received (an
// AfterCase arm counts as a receive). A Select that takes its default is a
// poll, which PCT takes as "nothing to do".
func (w *World) Select(cases ...SelectCase) (chosen int, recvOK bool) {
	t := w.enter(KindSelect, 0, int64(len(cases)))
	wt := t.startWait()
	rng := w.Rand("select")
	order := rng.Perm(len(cases))
	def := -1
	for _, i := range order {
		if _, ok := cases[i].(defaultCase); ok {
			def = i
			continue
		}
		if cases[i].try(wt, i) {
			return i, wt.ok
		}
	}
	if def >= 0 {
		t.polled = true // nothing was ready: a poll, seen at the task's next point
		return def, false
	}
	for i, k := range cases {
		k.enqueue(wt, i)
	}
	timeout, after := earliestAfter(cases)
	timedOut := w.block(t, selectWait(cases), timeout, after >= 0)
	for _, k := range cases {
		k.dequeue(wt)
	}
	if timedOut {
		return after, true
	}
	if wt.closed {
		panic("sim: send on closed channel in select: " + cases[wt.fired].String())
	}
	return wt.fired, wt.ok
}

// AfterCase is a select arm that proceeds once d of virtual time has
// passed, like `case <-time.After(d)` in Go, and mixes with arms of any
// element type. It needs no channel and no timer of its own: the waiting
// task's timer bounds the wait, so a select in a loop leaves nothing
// pending behind it (World.After's timer stays until it fires). An arm
// with d <= 0 is ready at once.
func (w *World) AfterCase(d time.Duration) SelectCase { return afterCase{d} }

type afterCase struct{ d time.Duration }

func (a afterCase) try(wt *waiter, idx int) bool {
	if a.d > 0 {
		return false
	}
	wt.fired, wt.ok = idx, true
	return true
}
func (afterCase) enqueue(*waiter, int) {}
func (afterCase) dequeue(*waiter)      {}
func (a afterCase) String() string     { return "after " + a.d.String() }

// earliestAfter returns the shortest AfterCase wait among cases and its
// arm's index, or index -1 if there is none.
func earliestAfter(cases []SelectCase) (time.Duration, int) {
	best := -1
	var d time.Duration
	for i, k := range cases {
		if a, ok := k.(afterCase); ok && (best < 0 || a.d < d) {
			best, d = i, a.d
		}
	}
	return d, best
}

type selectWait []SelectCase

func (s selectWait) describe(*World) string {
	if len(s) == 0 {
		return "select with no cases (blocks forever)"
	}
	arms := make([]string, len(s))
	for i, k := range s {
		arms[i] = k.String()
	}
	return "select on " + strings.Join(arms, ", ")
}
func (s selectWait) holders(dst []*Task) []*Task { return dst }
func (s selectWait) cancel(t *Task) {
	for _, k := range s {
		k.dequeue(&t.waiter)
	}
}
func (s selectWait) objID() int32 { return 0 }
