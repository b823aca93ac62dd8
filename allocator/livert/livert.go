package livert

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pingcap/failpoint"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
)

// Options configure a runtime.
type Options struct {
	// Seed seeds every Rand stream.
	Seed uint64
	// TimeScale is wall time per model time (0 means 1: real time).
	TimeScale float64
	// Locks, if set, makes the allocator's named locks (NewLock) instead
	// of in-process ones: the MySQL store's GET_LOCK locks.
	Locks func(name string) allocator.Lock
}

// Runtime is allocator.Runtime on goroutines and the wall clock.
type Runtime struct {
	step  sync.Mutex // the step lock: held while a task runs allocator code
	start time.Time  // wall clock at New
	base  time.Time  // model time at New
	scale float64
	seed  uint64
	locks func(string) allocator.Lock

	mu     sync.Mutex // guards the fields below
	rands  map[string]*rand.Rand
	armed  map[string]float64
	panics []string

	fps   *failpoint.Failpoints
	ctx   context.Context
	draws *rand.Rand // decides probabilistic failpoints; under the step lock
	tasks sync.WaitGroup
	held  atomic.Int64 // in-process locks held now
}

var _ allocator.Runtime = (*Runtime)(nil)

// New makes a runtime. Model time starts at the wall clock's now.
func New(o Options) *Runtime {
	if o.TimeScale <= 0 {
		o.TimeScale = 1
	}
	now := time.Now()
	r := &Runtime{
		start: now, base: now.Round(0), scale: o.TimeScale, seed: o.Seed, locks: o.Locks,
		rands: map[string]*rand.Rand{}, armed: map[string]float64{}, fps: new(failpoint.Failpoints),
	}
	r.draws = r.Rand(simrt.FailpointStream)
	r.ctx = failpoint.WithHook(context.Background(), r.hook)
	return r
}

// TimeScale is wall time per model time.
func (r *Runtime) TimeScale() float64 { return r.scale }

// Wall converts a model duration to wall time.
func (r *Runtime) Wall(d time.Duration) time.Duration {
	if d < 0 {
		return d
	}
	return time.Duration(float64(d) * r.scale)
}

// Now is model time: the wall clock since New, divided by the time scale.
func (r *Runtime) Now() time.Time {
	return r.base.Add(time.Duration(float64(time.Since(r.start)) / r.scale))
}

// Sleep sleeps d of model time, without the step lock.
func (r *Runtime) Sleep(d time.Duration) {
	if d = r.Wall(d); d > 0 {
		r.Blocking(func() { time.Sleep(d) })
	}
}

// Blocking runs fn without the step lock: for anything that waits (I/O, a
// lock, a timer), so that other tasks run meanwhile. The caller must hold
// the step lock, as every task does outside Blocking.
func (r *Runtime) Blocking(fn func()) {
	r.step.Unlock()
	defer r.step.Lock()
	fn()
}

// Do runs fn holding the step lock: how code outside any task (a command's
// main goroutine, a test) calls into the allocator.
func (r *Runtime) Do(fn func()) {
	r.step.Lock()
	defer r.step.Unlock()
	fn()
}

// Go starts a task: a goroutine that holds the step lock whenever it is not
// blocked. A panic ends the task and is kept for Panics.
func (r *Runtime) Go(name string, fn func()) {
	r.tasks.Add(1)
	go func() {
		defer r.tasks.Done()
		r.step.Lock()
		defer r.step.Unlock()
		defer func() {
			if p := recover(); p != nil {
				buf := make([]byte, 16<<10)
				buf = buf[:runtime.Stack(buf, false)]
				r.mu.Lock()
				r.panics = append(r.panics, fmt.Sprintf("task %s panicked: %v\n%s", name, p, buf))
				r.mu.Unlock()
			}
		}()
		fn()
	}()
}

// Wait blocks until every task has returned. Call it without the step lock.
func (r *Runtime) Wait() { r.tasks.Wait() }

// Panics returns the panics of tasks so far, each with its stack.
func (r *Runtime) Panics() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.panics...)
}

// StepBegin lets every task waiting for the step lock go first, then takes
// it back: a step is where the simulator may switch tasks, and here it is
// where the scheduler may. The step then runs under the lock, indivisible
// for every in-memory structure (the in-memory store, the queue).
func (r *Runtime) StepBegin(string) {
	r.step.Unlock()
	runtime.Gosched()
	r.step.Lock()
}

// StepEnd ends a step; the step lock stays with the task.
func (r *Runtime) StepEnd() {}

// Rand returns the named stream, seeded from the seed and the name.
func (r *Runtime) Rand(stream string) *rand.Rand {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.rands[stream]; ok {
		return s
	}
	h := fnv.New64a()
	h.Write([]byte(stream))
	s := rand.New(rand.NewPCG(r.seed, h.Sum64()))
	r.rands[stream] = s
	return s
}

// NewLock makes a named lock: Options.Locks's, or an in-process one.
func (r *Runtime) NewLock(name string) allocator.Lock {
	if r.locks != nil {
		return r.locks(name)
	}
	return &Lock{rt: r, ch: make(chan struct{}, 1)}
}

// HeldLocks counts the in-process locks held now: after a clean stop, 0.
func (r *Runtime) HeldLocks() int { return int(r.held.Load()) }

// NewNotifier makes a notifier.
func (r *Runtime) NewNotifier(string) allocator.Notifier { return &notifier{rt: r} }
