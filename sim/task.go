package sim

import (
	"fmt"
	"runtime/debug"
	"time"
)

type taskState uint8

const (
	taskRunnable taskState = iota
	taskBlocked
	taskDone
)

// Task is a simulated thread of control: a coroutine that runs only when the
// scheduler picks it and gives control back at every scheduling point.
type Task struct {
	// Fields every scheduling point touches come first, to share a cache
	// line: with a thousand tasks, each switch lands on a cold Task.
	w       *World
	id      int32
	state   taskState
	started bool
	killed  bool // resumed only to unwind: its next point panics errKilled
	// polled: at this scheduling point the task only polls (a yield, a
	// zero sleep, or a try that failed just before), so it has nothing to
	// do until another task acts. PCT demotes it.
	polled bool
	runIdx int   // index in w.runnable, -1 when not runnable
	coro   *coro // the coroutine running it, nil once it has finished
	points int64 // scheduling points it reached, for Result.Unfinished
	prio   int64 // PCT priority

	name string
	fn   func()

	// What the task is blocked on, for wake-ups and deadlock reports.
	waitOn   waitable
	timer    timer // the task's own timer: sleeps and wait timeouts
	timedOut bool  // the last block ended by its timer
	waiter   waiter

	// For reports on unfinished tasks (Result.Unfinished).
	since   time.Duration // virtual time it started, last blocked or woke
	cut     bool          // the end of the run cut it off
	cutWait string        // what it waited for then
}

// ID returns the task's number, 0 for the first task of a world.
func (t *Task) ID() int32 { return t.id }

// Name returns the name the task was started with.
func (t *Task) Name() string { return t.name }

func (t *Task) String() string { return fmt.Sprintf("%s#%d", t.name, t.id) }

// errKilled unwinds a task whose run has ended. It is recovered at the top of
// the task and never escapes the package.
type killedError struct{}

func (killedError) Error() string { return "sim: task killed at end of run" }

var errKilled error = killedError{}

// Go starts a task. Called from inside a task it is a scheduling point; from
// outside, it prepares the world before Run.
func (w *World) Go(name string, fn func()) *Task {
	if w.end != nil || w.killing {
		panic("sim: Go called after the run ended")
	}
	parent := w.current
	if parent != nil {
		parent.points++
		w.turn(parent)
	}
	t := &Task{w: w, id: w.nextTask, name: name, fn: fn, runIdx: -1, since: w.now}
	w.nextTask++
	if w.fp != nil {
		w.fp.touch(Access{Space: SpaceTasks})
	}
	t.timer.task = t
	t.timer.index = -1
	t.waiter.task = t
	w.hash = mixString(w.hash, name)
	if parent != nil {
		w.record(parent, KindGo, 0, int64(t.id))
	}
	t.coro = w.pool.get()
	t.coro.task = t
	w.tasks = append(w.tasks, t)
	if w.keepsHistory() {
		w.history = append(w.history, t)
	}
	w.live++
	w.sched.spawned(t)
	w.makeRunnable(t)
	return t
}

// run runs the task's function on its coroutine.
func (t *Task) run() {
	t.started = true
	returned := false
	defer func() { t.exit(recover(), returned) }()
	t.w.record(t, KindStart, 0, 0)
	t.fn()
	returned = true
}

// exit runs when the task's function returns or unwinds: r is what it
// panicked with, and neither a panic nor a return means runtime.Goexit
// (t.FailNow inside a task), which iter.Pull passes on to Run's caller.
func (t *Task) exit(r any, returned bool) {
	w := t.w
	t.finish()
	if w.killing || r == errKilled {
		return
	}
	if r == nil && !returned {
		w.endRun(&ending{outcome: Panic, panic: &PanicReport{
			Task: t.String(), Value: "runtime.Goexit in a task (t.FailNow or require inside a task ends the test at once)",
		}})
		return
	}
	if r != nil {
		w.record(t, KindPanic, 0, 0)
		w.endRun(&ending{outcome: Panic, panic: &PanicReport{
			Task: t.String(), Value: fmt.Sprint(r), Stack: string(debug.Stack()),
		}})
		return
	}
	w.record(t, KindExit, 0, 0)
	w.next = w.schedule()
}

func (t *Task) finish() {
	if t.state == taskDone {
		return
	}
	t.w.removeRunnable(t)
	t.w.timers.remove(&t.timer)
	t.state = taskDone
	t.waitOn = nil
	t.w.live--
	t.w.finished++
	t.w.compactTasks()
}

func (w *World) makeRunnable(t *Task) {
	if t.runIdx >= 0 || t.state == taskDone {
		return
	}
	t.state = taskRunnable
	t.runIdx = len(w.runnable)
	w.runnable = append(w.runnable, t)
}

func (w *World) removeRunnable(t *Task) {
	i := t.runIdx
	if i < 0 {
		return
	}
	last := len(w.runnable) - 1
	moved := w.runnable[last]
	w.runnable[i] = moved
	moved.runIdx = i
	w.runnable[last] = nil
	w.runnable = w.runnable[:last]
	t.runIdx = -1
}

// mustCurrent returns the running task or panics with the name of the call
// that was made from outside any task.
func (w *World) mustCurrent(kind Kind) *Task {
	t := w.current
	if t == nil {
		panic(fmt.Sprintf("sim: %s called outside a task (call it from a function passed to World.Go)", kind))
	}
	return t
}

// Done reports whether the task has finished: returned or panicked. A task
// the end of the run cut off (a budget, a deadlock, Stop) is not done; see
// CutOff.
func (t *Task) Done() bool { return t.state == taskDone && !t.cut }

// CutOff reports whether the run ended while the task was still runnable or
// blocked. Its goroutine has exited all the same.
func (t *Task) CutOff() bool { return t.cut }

// Waiting describes what a blocked task waits for, or "" if it is not
// blocked. After the run it tells what a cut-off task waited for.
func (t *Task) Waiting() string {
	if t.cut {
		return t.cutWait
	}
	if t.state != taskBlocked || t.waitOn == nil {
		return ""
	}
	return t.waitOn.describe(t.w)
}
