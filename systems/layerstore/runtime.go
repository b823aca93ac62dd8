package layerstore

import (
	"time"

	"github.com/pingcap/failpoint"
)

// Runtime is the world the layer store runs in: its clock, its locks and
// its failpoints. The store takes them from here and nothing from package
// time, sync or the simulator, so the same code runs in a sim.World
// (systems/simrt) and could run on real goroutines.
type Runtime interface {
	// Now is the current time.
	Now() time.Time
	// Sleep blocks the calling task: work that takes time (reading or
	// writing layers.json, a layer's data).
	Sleep(d time.Duration)
	// NewRWLock makes a named reader/writer lock with a policy.
	NewRWLock(name string, policy Policy) RWLock
	// StepBegin and StepEnd bracket one indivisible step (a file read or
	// write): one scheduling point in the simulator.
	StepBegin(label string)
	StepEnd()
	// Failpoint evaluates the named failpoint: nil unless enabled and
	// firing. It is not a scheduling point.
	Failpoint(name string) failpoint.Value
}

// RWLock is a named reader/writer lock.
type RWLock interface {
	RLock()
	// TryRLock takes a read lock if RLock would not block.
	TryRLock() bool
	RUnlock()
	Lock()
	Unlock()
	// WritersWaiting is how many writers are blocked in Lock at this
	// instant: what a checker needs to see a reader pass a waiting writer.
	WritersWaiting() int
}
