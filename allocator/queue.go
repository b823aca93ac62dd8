package allocator

import (
	"fmt"
	"slices"
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
}

// QueueStats counts what the queue did.
type QueueStats struct {
	Runs, Yields, Failures, Permanent int
}

// Queue is the task queue: workers claim due tasks in ID order.
type Queue struct {
	rt      Runtime
	timings Timings
	open    []*queuedTask // not archived, in ID order
	byID    map[TaskID]*queuedTask
	nextID  TaskID
	idle    Notifier
	stopped bool
	stats   QueueStats
}

func newQueue(rt Runtime, t Timings) *Queue {
	return &Queue{rt: rt, timings: t, byID: make(map[TaskID]*queuedTask), idle: rt.NewNotifier("queue.idle")}
}

// Schedule inserts a task that is due now and wakes an idle worker.
func (q *Queue) Schedule(kind TaskKind, obj ID) (id TaskID) {
	q.rt.Atomic("queue.schedule", func() {
		q.nextID++
		id = q.nextID
		t := &queuedTask{Task: Task{ID: id, Kind: kind, Object: obj}, due: q.rt.Now()}
		q.open = append(q.open, t)
		q.byID[id] = t
	})
	q.idle.Notify()
	return id
}

// Awaken makes yielded tasks that never failed due now
// (PhabricatorWorker::awakenTaskIDs). Running and failed tasks are left
// alone: a wake-up that arrives while a task runs is lost, as in Drydock.
func (q *Queue) Awaken(ids []TaskID) {
	if len(ids) == 0 {
		return
	}
	woke := false
	q.rt.Atomic("queue.awaken", func() {
		now := q.rt.Now()
		for _, id := range ids {
			if t := q.byID[id]; t != nil && !t.leased && t.failures == 0 && t.due.After(now) {
				t.due = now
				woke = true
			}
		}
	})
	if woke {
		q.idle.Notify()
	}
}

// claim leases the first due task. With none due it says how long until
// the next one (-1: none queued).
func (q *Queue) claim() (t *queuedTask, wait time.Duration, stop bool) {
	q.rt.Atomic("queue.claim", func() {
		if q.stopped {
			stop = true
			return
		}
		now := q.rt.Now()
		wait = -1
		for _, c := range q.open {
			if c.leased {
				continue
			}
			if !c.due.After(now) {
				c.leased = true
				t = c
				return
			}
			if d := c.due.Sub(now); wait < 0 || d < wait {
				wait = d
			}
		}
	})
	return t, wait, stop
}

// complete applies a run's outcome.
func (q *Queue) complete(t *queuedTask, out Outcome) {
	requeued := false
	q.rt.Atomic("queue.complete", func() {
		q.stats.Runs++
		now := q.rt.Now()
		t.leased = false
		switch out.kind {
		case outcomeFinish:
			q.archive(t)
		case outcomePermanent:
			q.stats.Permanent++
			q.archive(t)
		case outcomeYield:
			q.stats.Yields++
			t.due = now.Add(max(out.delay, q.timings.MinYield))
			requeued = true
		case outcomeFailure:
			q.stats.Failures++
			t.failures++
			t.due = now.Add(q.timings.RetryAfter)
			requeued = true
		}
	})
	if requeued {
		q.idle.Notify() // an idle worker may be waiting past the new due time
	}
}

func (q *Queue) archive(t *queuedTask) {
	i := slices.Index(q.open, t)
	q.open = slices.Delete(q.open, i, i+1)
	delete(q.byID, t.ID)
}

// Stop makes every worker return after its current task.
func (q *Queue) Stop() {
	q.rt.Atomic("queue.stop", func() { q.stopped = true })
	q.idle.Broadcast()
}

// Stats returns the queue's counters (no step).
func (q *Queue) Stats() QueueStats { return q.stats }

// OpenTasks returns how many tasks are queued or running (no step).
func (q *Queue) OpenTasks() int { return len(q.open) }

// work is one worker's loop.
func (q *Queue) work(run func(Task) Outcome) {
	for {
		seq := q.idle.Seq()
		t, wait, stop := q.claim()
		if stop {
			return
		}
		if t == nil {
			q.idle.Wait(seq, wait)
			continue
		}
		q.complete(t, run(t.Task))
	}
}
