package allocator

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"
)

// Timings are Drydock's waits and delays. Scenarios shorten ReclaimIdle the
// way D19080's test plan did (3 s instead of 3 min).
type Timings struct {
	Yield            time.Duration // a lease or resource yield (15 s)
	MinYield         time.Duration // the queue's floor on any yield (5 s)
	RetryAfter       time.Duration // retry delay after an ordinary failure (300 s)
	WorkerLockWait   time.Duration // an update worker's wait for its object's lock (1 s)
	ResourceLockWait time.Duration // acquire's wait for the resource lock (15 s)
	GlobalLockWait   time.Duration // the global strategy's wait (15 s)
	ReclaimIdle      time.Duration // how long a resource must be idle to be reclaimed (3 min)
}

// DefaultTimings are Drydock's values (docs/drydock.md §0, §3).
func DefaultTimings() Timings {
	return Timings{
		Yield: 15 * time.Second, MinYield: 5 * time.Second, RetryAfter: 300 * time.Second,
		WorkerLockWait: time.Second, ResourceLockWait: 15 * time.Second, GlobalLockWait: 15 * time.Second,
		ReclaimIdle: 3 * time.Minute,
	}
}

// withDefaults fills zero fields from DefaultTimings.
func (t Timings) withDefaults() Timings {
	d := DefaultTimings()
	fill := func(v *time.Duration, def time.Duration) {
		if *v == 0 {
			*v = def
		}
	}
	fill(&t.Yield, d.Yield)
	fill(&t.MinYield, d.MinYield)
	fill(&t.RetryAfter, d.RetryAfter)
	fill(&t.WorkerLockWait, d.WorkerLockWait)
	fill(&t.ResourceLockWait, d.ResourceLockWait)
	fill(&t.GlobalLockWait, d.GlobalLockWait)
	fill(&t.ReclaimIdle, d.ReclaimIdle)
	return t
}

// DefaultWorkers is the number of queue workers when Config.Workers is 0.
const DefaultWorkers = 64

// Config configures an allocator.
type Config struct {
	Strategy Strategy
	Workers  int     // queue workers; 0 means DefaultWorkers
	Timings  Timings // zero fields mean Drydock's values
}

// Validate names the first field no allocator could use.
func (c Config) Validate() error {
	if c.Workers < 0 {
		return fmt.Errorf("allocator: workers %d is negative; want 0 (default %d) or more", c.Workers, DefaultWorkers)
	}
	t := c.Timings
	for _, f := range []struct {
		name string
		d    time.Duration
	}{
		{"Yield", t.Yield}, {"MinYield", t.MinYield}, {"RetryAfter", t.RetryAfter},
		{"WorkerLockWait", t.WorkerLockWait}, {"ResourceLockWait", t.ResourceLockWait},
		{"GlobalLockWait", t.GlobalLockWait}, {"ReclaimIdle", t.ReclaimIdle},
	} {
		if f.d < 0 {
			return fmt.Errorf("allocator: timing %s is %v; want 0 (default) or more", f.name, f.d)
		}
	}
	if c.Strategy.Name == "" {
		return fmt.Errorf("allocator: no strategy; valid: naive, global, slot, slot-without=<fix>")
	}
	return nil
}

// Allocator is the reference allocator: a store, a task queue and the
// lease and resource update workers that run on it.
type Allocator struct {
	rt       Runtime
	strategy Strategy
	workers  int
	started  int // workers started so far
	timings  Timings
	store    *Store
	view     *View
	queue    *Queue
	rand     *rand.Rand
	global   Lock
	leaseLk  map[ID]Lock
	resLk    map[ID]Lock
	holders  map[ID]Notifier // each lease's holder, woken by awakenTasks
	metrics  Metrics
}

// New makes an allocator on rt. Blueprints are added with AddBlueprint;
// Start launches the workers.
func New(rt Runtime, cfg Config) (*Allocator, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Workers == 0 {
		cfg.Workers = DefaultWorkers
	}
	t := cfg.Timings.withDefaults()
	s := NewStore(rt)
	a := &Allocator{
		rt: rt, strategy: cfg.Strategy, workers: cfg.Workers, timings: t,
		store: s, view: &View{s: s}, queue: newQueue(rt, t), rand: rt.Rand("allocator"),
		leaseLk: make(map[ID]Lock), resLk: make(map[ID]Lock), holders: make(map[ID]Notifier),
	}
	if cfg.Strategy.Global {
		a.global = rt.NewLock("drydock.allocator")
	}
	return a, nil
}

// AddBlueprint registers a blueprint before the run starts.
func (a *Allocator) AddBlueprint(name string, impl BlueprintImpl) ID {
	return a.store.AddBlueprint(name, impl)
}

// Start launches the queue workers as runtime tasks.
func (a *Allocator) Start() { a.AddWorkers(a.workers) }

// AddWorkers starts n more queue workers, numbered after the ones running.
func (a *Allocator) AddWorkers(n int) {
	for range n {
		i := a.started
		a.started++
		a.rt.Go(fmt.Sprintf("worker-%02d", i), func() { a.queue.work(i+1, a.run) })
	}
}

// Stop makes every worker return after its current task.
func (a *Allocator) Stop() { a.queue.Stop() }

// Store returns the allocator's store, for requesters and observers.
func (a *Allocator) Store() *Store { return a.store }

// View returns the read API blueprints use.
func (a *Allocator) View() *View { return a.view }

// Strategy returns the strategy the allocator runs.
func (a *Allocator) Strategy() Strategy { return a.strategy }

// Timings returns the timings in force.
func (a *Allocator) Timings() Timings { return a.timings }

// QueueStats returns the task queue's counters.
func (a *Allocator) QueueStats() QueueStats { return a.queue.Stats() }

// OpenTasks returns how many queue tasks are not archived.
func (a *Allocator) OpenTasks() int { return a.queue.OpenTasks() }

func (a *Allocator) has(f Fix) bool { return a.strategy.Has(f) }

func (a *Allocator) now() time.Time { return a.rt.Now() }

// run is what a worker does with a claimed task.
func (a *Allocator) run(t Task) Outcome {
	if t.Kind == TaskLeaseUpdate {
		return a.updateLease(t)
	}
	return a.updateResource(t)
}

// Holder is what a lease's holder waits on: it is notified when the lease
// activates, breaks or is destroyed (DrydockLease::awakenTasks, which wakes
// the tasks that asked for the lease). Read Seq before looking at the
// lease, then Wait.
func (a *Allocator) Holder(id ID) Notifier {
	n, ok := a.holders[id]
	if !ok {
		n = a.rt.NewNotifier("lease.holder")
		a.holders[id] = n
	}
	return n
}

// awakenHolder wakes the lease's holder, if it ever waited.
func (a *Allocator) awakenHolder(id ID) {
	if n, ok := a.holders[id]; ok {
		n.Broadcast()
	}
}

func (a *Allocator) leaseLock(id ID) Lock { return a.objectLock(a.leaseLk, "drydock.lease:", id) }

func (a *Allocator) resourceLock(id ID) Lock { return a.objectLock(a.resLk, "drydock.resource:", id) }

// objectLock returns the named lock of one object, made on first use.
func (a *Allocator) objectLock(locks map[ID]Lock, prefix string, id ID) Lock {
	if lk, ok := locks[id]; ok {
		return lk
	}
	lk := a.rt.NewLock(prefix + strconv.FormatInt(int64(id), 10))
	locks[id] = lk
	return lk
}

// lockWait waits at most d for lk and records the wait.
func (a *Allocator) lockWait(lk Lock, d time.Duration) bool {
	start := a.now()
	ok := lk.LockTimeout(d)
	a.metrics.recordLockWait(a.now().Sub(start), ok)
	return ok
}

// shuffled returns xs in an order drawn from the allocator's stream.
func shuffled[T any](r *rand.Rand, xs []T) []T {
	r.Shuffle(len(xs), func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
	return xs
}
