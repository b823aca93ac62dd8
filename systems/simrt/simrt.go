// Package simrt runs the reference systems under systems/ inside a
// sim.World: one Runtime that is both layerstore.Runtime and
// atlantis.Runtime, on the world's clock, locks and failpoints. It wraps
// the allocator's runtime (allocator/simrt), so failpoints mean the same
// in every system and draw from the same stream.
//
//	w := sim.New(sim.Config{Seed: 1})
//	rt := simrt.New(w)
//	layers, _ := layerstore.New(rt, layerstore.Config{Strategy: st, Layers: 4})
//
// It lives outside the model packages so that they never import the
// simulator (a test checks it).
package simrt

import (
	allocsimrt "github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/atlantis"
	"github.com/drysim/drysim/systems/layerstore"
)

// Runtime is layerstore.Runtime and atlantis.Runtime on a sim.World.
type Runtime struct {
	*allocsimrt.Runtime
	w *sim.World
}

var (
	_ layerstore.Runtime = (*Runtime)(nil)
	_ atlantis.Runtime   = (*Runtime)(nil)
)

// New makes a runtime on w.
func New(w *sim.World) *Runtime { return &Runtime{Runtime: allocsimrt.New(w), w: w} }

// Base is the allocator's runtime underneath: its failpoint registry.
func (r *Runtime) Base() *allocsimrt.Runtime { return r.Runtime }

// NewRWLock makes a world RWMutex with the policy.
func (r *Runtime) NewRWLock(name string, policy layerstore.Policy) layerstore.RWLock {
	return &rwLock{RWMutex: r.w.NewRWMutex(name, simPolicy(policy)), w: r.w, waitingOn: "write lock " + name}
}

func simPolicy(p layerstore.Policy) sim.RWPolicy {
	switch p {
	case layerstore.ReaderPreferring:
		return sim.ReaderPreferring
	case layerstore.WriterPreferring:
		return sim.WriterPreferring
	}
	return sim.GoRW
}

// rwLock is a world RWMutex that can say how many writers it has queued.
type rwLock struct {
	*sim.RWMutex
	w         *sim.World
	waitingOn string
}

// WritersWaiting counts the tasks blocked in Lock on this lock now; the
// kernel describes each blocked task's wait, so it reads that.
func (l *rwLock) WritersWaiting() int {
	n := 0
	for _, t := range l.w.Tasks() {
		if t.Waiting() == l.waitingOn {
			n++
		}
	}
	return n
}

// NewMutex makes a world mutex (Lock, TryLock, LockTimeout, Unlock).
func (r *Runtime) NewMutex(name string) atlantis.Mutex { return r.w.NewMutex(name) }
