package allocator

import (
	"container/heap"
	"fmt"
	"time"
)

// TaskID numbers queue tasks.
type TaskID int64

// TaskKind says which worker runs a task.
type TaskKind uint8

const (
	TaskLeaseUpdate TaskKind = iota + 1
	TaskResourceUpdate
)

func (k TaskKind) String() string {
	if k == TaskLeaseUpdate {
		return "lease-update"
	}
	return "resource-update"
}

// Task is a queued unit of work: run the update worker of one object.
type Task struct {
	ID     TaskID
	Kind   TaskKind
	Object ID
}

type outcomeKind uint8

const (
	outcomeFinish outcomeKind = iota
	outcomeYield
	outcomePermanent
	outcomeFailure
)

// Outcome is how a task run ended (PhabricatorWorkerActiveTask::executeTask).
type Outcome struct {
	kind  outcomeKind
	delay time.Duration
	err   error
}

// Finish archives the task.
func Finish() Outcome { return Outcome{kind: outcomeFinish} }

// Yield re-runs the task after max(d, MinYield); it is not a failure.
func Yield(d time.Duration) Outcome { return Outcome{kind: outcomeYield, delay: d} }

// Permanent archives the task as failed.
func Permanent(err error) Outcome { return Outcome{kind: outcomePermanent, err: err} }

// Failure counts a failure and retries after RetryAfter; a task that ever
// failed can no longer be awakened early.
func Failure(err error) Outcome { return Outcome{kind: outcomeFailure, err: err} }

func (o Outcome) String() string {
	switch o.kind {
	case outcomeYield:
		return fmt.Sprintf("yield %v", o.delay)
	case outcomePermanent:
		return fmt.Sprintf("permanent failure: %v", o.err)
	case outcomeFailure:
		return fmt.Sprintf("failure: %v", o.err)
	}
	return "finish"
}

type queuedTask struct {
	Task
	due      time.Time
	failures int
	leased   bool
	idx      int // position in whichever heap holds it
}

// QueueStats counts what the queue did.
type QueueStats struct {
	Runs, Yields, Failures, Permanent int
}

// Queue is the task queue: workers claim the due task with the lowest ID,
// as PhabricatorWorkerLeaseQuery does. Tasks not due yet wait in a heap by
// due time and move to a heap by ID when they fall due, so a claim costs
// O(log n) however many tasks are yielding.
type Queue struct {
	rt      Runtime
	timings Timings
	byID    map[TaskID]*queuedTask // every task not archived
	waiting taskHeap               // not leased, not yet due; by due time
	ready   taskHeap               // not leased, due; by ID
	nextID  TaskID
	idle    Notifier
	// keeper is the due time one idle worker (keeperBy) sleeps until; zero
	// when nobody does. Only that worker wakes for the next delayed task;
	// the others sleep until notified, so 64 idle workers do not all wake
	// for it. The keeper gives the job up as soon as it claims again.
	keeper   time.Time
	keeperBy int
	stopped  bool
	stats    QueueStats
}

// The queue's own step labels and notifier: how idle workers claim work,
// sleep and hand results back.
const (
	labelClaim    = "queue.claim"
	labelComplete = "queue.complete"
	notifierIdle  = "queue.idle"
)

// QueueMachinery reports whether a kernel object or label name is the
// queue's hand-off machinery (idle workers claiming, sleeping, completing),
// which a story of a race can leave out.
func QueueMachinery(name string) bool {
	return name == labelClaim || name == labelComplete || name == notifierIdle
}

func newQueue(rt Runtime, t Timings) *Queue {
	return &Queue{
		rt: rt, timings: t, byID: make(map[TaskID]*queuedTask), idle: rt.NewNotifier(notifierIdle),
		waiting: taskHeap{byDue: true},
	}
}

// Schedule inserts a task that is due now and wakes an idle worker.
func (q *Queue) Schedule(kind TaskKind, obj ID) TaskID {
	q.rt.StepBegin("queue.schedule")
	q.nextID++
	t := &queuedTask{Task: Task{ID: q.nextID, Kind: kind, Object: obj}, due: q.rt.Now()}
	q.byID[t.ID] = t
	heap.Push(&q.ready, t)
	q.rt.StepEnd()
	q.idle.Notify()
	return t.ID
}

// ScheduleAt inserts a task due at `at` (scheduleUpdate($epoch), as
// didActivate does for a lease's expiry) and wakes an idle worker if no
// one keeps an earlier time.
func (q *Queue) ScheduleAt(kind TaskKind, obj ID, at time.Time) TaskID {
	q.rt.StepBegin("queue.schedule")
	q.nextID++
	t := &queuedTask{Task: Task{ID: q.nextID, Kind: kind, Object: obj}, due: at}
	q.byID[t.ID] = t
	heap.Push(&q.waiting, t)
	notify := q.keeper.IsZero() || at.Before(q.keeper)
	q.rt.StepEnd()
	if notify {
		q.idle.Notify()
	}
	return t.ID
}

// Awaken makes yielded tasks that never failed due now
// (PhabricatorWorker::awakenTaskIDs). Running and failed tasks are left
// alone: a wake-up that arrives while a task runs is lost, as in Drydock.
func (q *Queue) Awaken(ids []TaskID) {
	if len(ids) == 0 {
		return
	}
	woke := false
	q.rt.StepBegin("queue.awaken")
	now := q.rt.Now()
	for _, id := range ids {
		if t := q.byID[id]; t != nil && !t.leased && t.failures == 0 && t.due.After(now) {
			heap.Remove(&q.waiting, t.idx)
			t.due = now
			heap.Push(&q.ready, t)
			woke = true
		}
	}
	q.rt.StepEnd()
	if woke {
		q.idle.Notify()
	}
}

// claim leases the due task with the lowest ID. With none due it says how
// long to sleep: until the next due time if no other idle worker keeps
// that time, else until notified (-1).
func (q *Queue) claim(worker int) (t *queuedTask, wait time.Duration, stop, more bool) {
	q.rt.StepBegin(labelClaim)
	defer q.rt.StepEnd()
	if q.stopped {
		return nil, 0, true, false
	}
	now := q.rt.Now()
	if q.keeperBy == worker || !q.keeper.After(now) {
		q.keeper, q.keeperBy = time.Time{}, 0 // awake, or its time has come: the job is free
	}
	for len(q.waiting.items) > 0 && !q.waiting.items[0].due.After(now) {
		heap.Push(&q.ready, heap.Pop(&q.waiting))
	}
	if len(q.ready.items) > 0 {
		t = heap.Pop(&q.ready).(*queuedTask)
		t.leased = true
		return t, 0, false, len(q.ready.items) > 0
	}
	wait = -1
	if len(q.waiting.items) > 0 {
		if next := q.waiting.items[0].due; q.keeper.IsZero() || next.Before(q.keeper) {
			q.keeper, q.keeperBy = next, worker
			wait = next.Sub(now)
		}
	}
	return nil, wait, false, false
}

// complete applies a run's outcome.
func (q *Queue) complete(t *queuedTask, out Outcome) {
	q.rt.StepBegin(labelComplete)
	q.stats.Runs++
	now := q.rt.Now()
	t.leased = false
	switch out.kind {
	case outcomeFinish:
		delete(q.byID, t.ID)
	case outcomePermanent:
		q.stats.Permanent++
		delete(q.byID, t.ID)
	case outcomeYield:
		q.stats.Yields++
		t.due = now.Add(max(out.delay, q.timings.MinYield))
		heap.Push(&q.waiting, t)
	case outcomeFailure:
		q.stats.Failures++
		t.failures++
		t.due = now.Add(q.timings.RetryAfter)
		heap.Push(&q.waiting, t)
	}
	// A requeued task nobody sleeps until: wake someone to keep its time.
	notify := out.kind != outcomeFinish && out.kind != outcomePermanent && (q.keeper.IsZero() || t.due.Before(q.keeper))
	q.rt.StepEnd()
	if notify {
		q.idle.Notify()
	}
}

// Stop makes every worker return after its current task.
func (q *Queue) Stop() {
	q.rt.StepBegin("queue.stop")
	q.stopped = true
	q.rt.StepEnd()
	q.idle.Broadcast()
}

// Stats returns the queue's counters (no step).
func (q *Queue) Stats() QueueStats { return q.stats }

// OpenTasks returns how many tasks are queued or running (no step).
func (q *Queue) OpenTasks() int { return len(q.byID) }

// taskHeap orders tasks by due time (then ID) or by ID alone.
type taskHeap struct {
	items []*queuedTask
	byDue bool
}

func (h taskHeap) Len() int { return len(h.items) }

func (h taskHeap) Less(i, j int) bool {
	a, b := h.items[i], h.items[j]
	if h.byDue && !a.due.Equal(b.due) {
		return a.due.Before(b.due)
	}
	return a.ID < b.ID
}

func (h taskHeap) Swap(i, j int) {
	h.items[i], h.items[j] = h.items[j], h.items[i]
	h.items[i].idx, h.items[j].idx = i, j
}

func (h *taskHeap) Push(x any) {
	t := x.(*queuedTask)
	t.idx = len(h.items)
	h.items = append(h.items, t)
}

func (h *taskHeap) Pop() any {
	t := h.items[len(h.items)-1]
	h.items[len(h.items)-1] = nil
	h.items = h.items[:len(h.items)-1]
	return t
}

// work is worker number worker's loop (numbered from 1).
func (q *Queue) work(worker int, run func(Task) Outcome) {
	for {
		seq := q.idle.Seq()
		t, wait, stop, more := q.claim(worker)
		if stop {
			return
		}
		if t == nil {
			q.idle.Wait(seq, wait)
			continue
		}
		if more {
			q.idle.Notify() // more tasks are due: hand the next to another worker
		}
		q.complete(t, run(t.Task))
	}
}
