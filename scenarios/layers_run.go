package scenarios

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/layerstore"
)

// layersRun is a layer-store scenario inside a world: the workers taking
// operations, a conductor enforcing the liveness budget, and the checker.
type layersRun struct {
	w      *sim.World
	wl     LayerWorkload
	layers *layerstore.Layers
	chk    *layersChecker
	rng    *rand.Rand
	share  float64 // of operations that read, drawn for this run
	left   int     // operations not yet taken
	// busy is each worker's current operation, for the deadlock report.
	busy    map[string]string
	running int
	done    *sim.Notifier
	ops     int
}

func newLayersRun(w *sim.World, lp *layersPrepared, stopOn string) *layersRun {
	r := &layersRun{w: w, wl: lp.wl, rng: w.Rand("workload"), left: lp.wl.Ops, busy: map[string]string{},
		done: w.NewNotifier(MachineryPrefix + "workers.done")}
	r.share = r.wl.ReaderShares[r.rng.IntN(len(r.wl.ReaderShares))]
	r.chk = &layersChecker{violations: newViolations(w, stopOn), bound: lp.wl.BoundWriterWait, last: map[int]uint64{}, inside: map[string]string{}}
	return r
}

// start opens the stores and starts the workers and the conductor.
func (r *layersRun) start(workers int) {
	stores := make([]*layerstore.Store, r.wl.Stores)
	for i := range stores {
		stores[i] = r.layers.Open(fmt.Sprintf("store-%d", i+1), r.wl.ReadOnly)
	}
	r.running = workers
	for i := range workers {
		name := fmt.Sprintf("worker-%02d", i+1)
		s := stores[i%len(stores)]
		r.w.Go(name, func() { r.work(name, s) })
	}
	r.w.Go("conductor", r.conduct)
}

// work takes operations until none are left.
func (r *layersRun) work(name string, s *layerstore.Store) {
	for r.left > 0 {
		r.left--
		r.operate(name, s)
		r.ops++
		r.busy[name] = "thinking"
		r.w.Sleep(draw(r.rng, r.wl.Think))
	}
	r.running--
	r.busy[name] = "done"
	r.done.Notify()
}

// operate draws one operation and runs it.
func (r *layersRun) operate(name string, s *layerstore.Store) {
	layers := r.wl.Layers
	x, pick := r.rng.Float64(), r.rng.IntN(layers)
	switch {
	case x < r.share:
		r.busy[name] = fmt.Sprintf("read %s", layerName(pick))
		_, err := s.Read(name, pick, draw(r.rng, r.wl.ReadHold))
		must(err)
	case x < r.share+r.wl.CopyShare && layers > 1:
		dst := (pick + 1 + r.rng.IntN(layers-1)) % layers
		r.busy[name] = fmt.Sprintf("copy %s -> %s", layerName(pick), layerName(dst))
		must(s.Copy(name, pick, dst, draw(r.rng, r.wl.CopyHold)))
	default:
		crash := r.rng.Float64() < r.wl.CrashShare
		r.busy[name] = fmt.Sprintf("write %s", layerName(pick))
		must(s.Write(name, pick, draw(r.rng, r.wl.WriteHold), crash))
	}
}

func layerName(i int) string { return layerstore.LayerLock(i) }

// must panics on an error the workload made impossible: a bug in drysim,
// which the kernel reports as a finding with its stack.
func must(err error) {
	if err != nil {
		panic(err)
	}
}

// conduct waits for the workers within the liveness budget.
func (r *layersRun) conduct() {
	deadline := r.wl.Liveness
	for {
		seq := r.done.Seq()
		if r.running == 0 {
			return
		}
		if r.w.Elapsed() >= deadline {
			r.chk.report(InvOperationsFinish, fmt.Sprintf("%d workers still busy after %v: %s", r.running, deadline, r.busyList()))
			r.w.Stop("liveness budget spent")
			return
		}
		r.done.Wait(seq, deadline-r.w.Elapsed())
	}
}

// doing says what a task was doing, for a deadlock report.
func (r *layersRun) doing(task string) string { return cmpOrString(r.busy[task], "not an operation") }

func (r *layersRun) busyList() string {
	var out []string
	for name, op := range r.busy { //drysim:order-independent: sorted below
		if op != "done" {
			out = append(out, name+": "+op)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "; ")
}

// finish reports a deadlock with the operations on its cycle and collects
// the metrics.
func (r *layersRun) finish(res *sim.Result) Findings {
	r.chk.deadlock(res, r.doing)
	c := r.chk
	m := Metrics{Operations: r.ops, ReaderShare: r.share, StaleReads: c.stale, Steps: res.Steps}
	m.LockWaits = len(c.waits)
	m.LockWaitP50, m.LockWaitP99, m.LockWaitMax = allocator.Percentile(c.waits, 50), allocator.Percentile(c.waits, 99), allocator.Percentile(c.waits, 100)
	m.WriterWaitP99, m.WriterWaitMax = allocator.Percentile(c.writerWaits, 99), allocator.Percentile(c.writerWaits, 100)
	return Findings{Violations: c.list, Metrics: m, Drained: res.Outcome == sim.Done}
}

// layersChecker watches the layer store's events.
type layersChecker struct {
	violations
	bound       bool
	last        map[int]uint64    // per layer, the stamp of its last completed write
	inside      map[string]string // per lock, who is changing what it guards
	waits       []time.Duration
	writerWaits []time.Duration
	stale       int
}

func (c *layersChecker) observe(e layerstore.Event) {
	switch e.Kind {
	case layerstore.EvLocked:
		c.locked(e)
	case layerstore.EvRead:
		if want := c.last[e.Layer]; e.Stamp != want {
			c.stale++
			c.report(InvReadFresh, fmt.Sprintf("%s read %s through %s and saw write %d; write %d had completed", e.Actor, layerName(e.Layer), e.Store, e.Stamp, want),
				e.Actor, layerName(e.Layer))
		}
	case layerstore.EvMutateBegin:
		if other, busy := c.inside[e.Lock]; busy {
			c.report(InvOneWriter, fmt.Sprintf("%s changes what %s guards (%s) while %s does", e.Actor, e.Lock, layerName(e.Layer), other), e.Actor, other, e.Lock)
		}
		c.inside[e.Lock] = e.Actor
	case layerstore.EvMutateEnd:
		delete(c.inside, e.Lock)
		if e.Lock == layerstore.StoreLock {
			c.last[e.Layer] = e.Stamp
		}
	}
}

// locked records lock waits and checks that no reader passes a writer
// waiting for the store's lock.
func (c *layersChecker) locked(e layerstore.Event) {
	c.waits = append(c.waits, e.Waited)
	if e.Write && e.Lock == layerstore.StoreLock {
		c.writerWaits = append(c.writerWaits, e.Waited)
	}
	if c.bound && e.Immediate && e.WritersWaiting > 0 && e.Lock == layerstore.StoreLock {
		c.report(InvWriterWaitBounded, fmt.Sprintf("%s took %s's read lock at once while %d writer(s) waited for it", e.Actor, e.Lock, e.WritersWaiting), e.Actor, e.Lock)
	}
}
