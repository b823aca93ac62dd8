package sim

import (
	"fmt"
	"time"
)

// epoch is the instant every world's clock starts at. It is fixed so that
// times printed in traces are equal across runs and machines.
func epoch() time.Time { return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) }

// Now returns the virtual time. It is not a scheduling point: reading the
// clock does not let other tasks run.
func (w *World) Now() time.Time { return w.epoch.Add(w.now) }

// Elapsed returns the virtual time since the world began.
func (w *World) Elapsed() time.Duration { return w.now }

// Yield is a bare scheduling point: other tasks may run before it returns.
// A task that yields says it has nothing to do for now: PCT lowers its
// priority, so a task polling in a loop cannot starve the one it waits for.
func (w *World) Yield() { w.enterPoll(KindYield, 0, 0) }

// Point is a scheduling point with a user label, for code that models its
// own critical steps (a store call, a failpoint, a network send).
func (w *World) Point(l Label, arg int64) { w.enter(KindPoint, int32(l), arg) }

// Sleep blocks the running task for d of virtual time. A sleep of d <= 0
// does not block: like Yield, it is a poll.
func (w *World) Sleep(d time.Duration) {
	if d <= 0 {
		w.enterPoll(KindSleep, 0, int64(d))
		return
	}
	t := w.enter(KindSleep, 0, int64(d))
	w.block(t, sleeping{}, d, true)
}

// After returns a channel that receives the virtual time once d has passed,
// like time.After. Its timer stays pending until then, and virtual time
// passes only when the world idles (or a timer fires early): in a select
// loop, use AfterCase, which leaves nothing pending behind.
func (w *World) After(d time.Duration) *Chan[time.Time] {
	c := NewChan[time.Time](w, fmt.Sprintf("after(%v)", d), 1)
	tm := &timer{index: -1}
	tm.fn = func() { c.trySend(w.Now()) }
	w.timers.push(tm, w.now+max(d, 0), &w.timerSeq)
	w.touchTimer(w.now + max(d, 0))
	return c
}

type sleeping struct{}

func (sleeping) describe(*World) string      { return "sleep" }
func (sleeping) holders(dst []*Task) []*Task { return dst }
func (sleeping) cancel(*Task)                {}
func (sleeping) objID() int32                { return 0 }

// timer is either a task's own timer (it wakes the task with timedOut set)
// or a free-standing one that calls fn.
type timer struct {
	when  time.Duration
	seq   uint64
	index int // position in the heap, -1 when not pending
	task  *Task
	fn    func()
}

// fireTimer advances the clock to the earliest deadline and fires that timer.
// Past MaxTime the run ends instead.
func (w *World) fireTimer() {
	tm := w.timers.peek()
	if w.cfg.MaxTime > 0 && tm.when > w.cfg.MaxTime {
		w.endRun(&ending{outcome: TimeBudget, reason: fmt.Sprintf("virtual time budget of %v exhausted", w.cfg.MaxTime)})
		return
	}
	w.timers.pop()
	w.now = max(w.now, tm.when)
	w.calmIfDue()
	if tm.fn != nil {
		w.recordKernel(KindTimer, int64(tm.when))
		tm.fn()
		return
	}
	t := tm.task
	w.record(t, KindTimer, t.waitOn.objID(), int64(tm.when))
	t.timedOut = true
	t.waitOn.cancel(t)
	w.wake(t)
}

// timerHeap is a binary min-heap on (when, seq) with positions kept in the
// timers, so a wait that ends early removes its timer in O(log n).
type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }

func (h timerHeap) peek() *timer { return h[0] }

func (h timerHeap) less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}

func (h timerHeap) swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}

func (h *timerHeap) push(tm *timer, when time.Duration, seq *uint64) {
	*seq++
	tm.when, tm.seq, tm.index = when, *seq, len(*h)
	*h = append(*h, tm)
	h.up(tm.index)
}

func (h *timerHeap) pop() *timer {
	tm := (*h)[0]
	h.remove(tm)
	return tm
}

// remove takes tm out of the heap if it is pending.
func (h *timerHeap) remove(tm *timer) {
	i := tm.index
	if i < 0 {
		return
	}
	last := len(*h) - 1
	if i != last {
		h.swap(i, last)
	}
	(*h)[last] = nil
	*h = (*h)[:last]
	tm.index = -1
	if i != last {
		h.down(i)
		h.up(i)
	}
}

func (h timerHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(i, p) {
			return
		}
		h.swap(i, p)
		i = p
	}
}

func (h timerHeap) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h.less(r, l) {
			m = r
		}
		if !h.less(m, i) {
			return
		}
		h.swap(i, m)
		i = m
	}
}
