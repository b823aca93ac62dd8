package atlantis

import (
	"time"

	"github.com/pingcap/failpoint"
)

// Runtime is the world Atlantis runs in: its clock, its locks and its
// failpoints. The model takes them from here and nothing from package
// time, sync or the simulator, so the same code runs in a sim.World
// (systems/simrt) and could run on real goroutines.
type Runtime interface {
	// Now is the current time.
	Now() time.Time
	// Sleep blocks the calling task: work that takes time (a clone, a
	// plan, an apply, a poll interval).
	Sleep(d time.Duration)
	// NewMutex makes a named in-memory lock (the working-dir locker's).
	NewMutex(name string) Mutex
	// StepBegin and StepEnd bracket one indivisible step (a lock-store
	// transaction, a change to a directory): one scheduling point in the
	// simulator.
	StepBegin(label string)
	StepEnd()
	// Failpoint evaluates the named failpoint: nil unless enabled and
	// firing. It is not a scheduling point.
	Failpoint(name string) failpoint.Value
}

// Mutex is a named lock that can be tried, waited for, or waited for with
// a timeout (FIFO among waiters).
type Mutex interface {
	Lock()
	TryLock() bool
	LockTimeout(d time.Duration) bool
	Unlock()
}
