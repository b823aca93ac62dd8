// Package simrt runs the allocator inside a sim.World: it implements
// allocator.Runtime with the world's clock, tasks, locks and PRNG streams,
// and gives each world its own failpoint registry.
//
//	w := sim.New(sim.Config{Seed: 1})
//	rt := simrt.New(w)
//	a, _ := allocator.New(rt, allocator.Config{Strategy: slot})
//
// It lives outside package allocator so that the allocator never imports
// the simulator (a test checks it).
package simrt

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/pingcap/failpoint"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/sim"
)

// Runtime is allocator.Runtime on a sim.World.
type Runtime struct {
	w      *sim.World
	labels map[string]sim.Label
	fps    *failpoint.Failpoints
	ctx    context.Context
	// armed holds the failpoints enabled in fps and, for each, the
	// probability applied by the hook (1 when the terms had none).
	armed map[string]float64
	// draws decides a probabilistic failpoint: its own stream, so that
	// enabling one does not change which host calls the hoax fails (its
	// "faults" stream) or anything else the seed decides.
	draws *rand.Rand
	// hits counts, per enabled failpoint, the evaluations that gave a
	// value: the times it fired. Counting touches nothing the run sees.
	hits map[string]int
}

var _ allocator.Runtime = (*Runtime)(nil)

// New makes a runtime on w.
func New(w *sim.World) *Runtime {
	r := &Runtime{
		w: w, labels: make(map[string]sim.Label), fps: new(failpoint.Failpoints),
		armed: make(map[string]float64), draws: w.Rand(FailpointStream), hits: make(map[string]int),
	}
	r.ctx = failpoint.WithHook(context.Background(), r.hook)
	return r
}

// World returns the world the runtime runs on.
func (r *Runtime) World() *sim.World { return r.w }

func (r *Runtime) label(name string) sim.Label {
	l, ok := r.labels[name]
	if !ok {
		l = r.w.Label(name)
		r.labels[name] = l
	}
	return l
}

// Now is the world's virtual time.
func (r *Runtime) Now() time.Time { return r.w.Now() }

// Sleep sleeps in virtual time.
func (r *Runtime) Sleep(d time.Duration) { r.w.Sleep(d) }

// Go starts a world task.
func (r *Runtime) Go(name string, fn func()) { r.w.Go(name, fn) }

// NewLock makes a world mutex.
func (r *Runtime) NewLock(name string) allocator.Lock { return r.w.NewMutex(name) }

// NewNotifier makes a world notifier.
func (r *Runtime) NewNotifier(name string) allocator.Notifier { return r.w.NewNotifier(name) }

// StepBegin is one scheduling point; until the task's next one no other
// task runs, so the step is indivisible.
func (r *Runtime) StepBegin(label string) { r.w.Point(r.label(label), 0) }

// StepEnd ends a step; in the simulator there is nothing to release.
func (r *Runtime) StepEnd() {}

// Rand returns the world's stream.
func (r *Runtime) Rand(stream string) *rand.Rand { return r.w.Rand(stream) }

// Failpoint evaluates a failpoint. It is not a scheduling point: the
// evaluation touches nothing another task can see, and every failpoint sits
// between two store steps (or before a sleep) that already are, so a point
// here would only add interleavings equivalent to ones the next point
// gives (a partial-order reduction). What a failpoint does when it fires
// (a window's sleep, a hoax failure saved to the store) has its own points.
// Only an enabled failpoint pays for failpoint.EvalContext, which builds
// wrapped errors even when nothing is enabled.
func (r *Runtime) Failpoint(name string) failpoint.Value {
	if _, ok := r.armed[name]; !ok {
		return nil
	}
	v, err := r.fps.EvalContext(r.ctx, name)
	if err != nil {
		return nil // filtered by the probability, or its count ran out
	}
	if v != nil {
		r.hits[name]++
	}
	return v // an "off" term gives nil too
}

// FailpointHits says how many times each enabled failpoint fired (gave a
// value), so a run can warn about one that never did: a window its
// strategy never opens, or a hoax failpoint while faults are off.
func (r *Runtime) FailpointHits() map[string]int {
	out := make(map[string]int, len(r.armed))
	for name := range r.armed { //drysim:order-independent: copied into a map
		out[name] = r.hits[name]
	}
	return out
}

// FailpointStream is the world PRNG stream that decides probabilistic
// failpoints.
const FailpointStream = "failpoints"

// hook applies a leading probability from the world's FailpointStream, so
// that the seed decides whether an enabled failpoint fires.
func (r *Runtime) hook(_ context.Context, name string) bool {
	p := r.armed[name]
	return p >= 1 || r.draws.Float64() < p
}

// EnableFailpoint enables name with pingcap/failpoint terms after checking
// them (see ParseTerms). It is set-up: call it before the run.
func (r *Runtime) EnableFailpoint(name, terms string) error {
	t, err := ParseTerms(terms)
	if err != nil {
		return fmt.Errorf("failpoint %s: %w", name, err)
	}
	if err := r.fps.Enable(name, t.Rest); err != nil {
		return fmt.Errorf("failpoint %s: %w", name, err)
	}
	r.armed[name] = t.Probability
	return nil
}
