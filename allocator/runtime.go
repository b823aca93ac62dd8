package allocator

import (
	"math/rand/v2"
	"time"

	"github.com/pingcap/failpoint"
)

// Runtime is the world the allocator runs in: its clock, its concurrency and
// its randomness. The allocator takes all three from here and nothing from
// package time, sync or math/rand, so the same code runs inside the
// simulator (allocator/simrt) and on real goroutines.
type Runtime interface {
	// Now is the current time.
	Now() time.Time
	// Sleep blocks the calling task.
	Sleep(d time.Duration)
	// Go starts a task.
	Go(name string, fn func())
	// NewLock makes a named lock (a MySQL named lock in Drydock).
	NewLock(name string) Lock
	// NewNotifier makes a wake-up channel for idle workers.
	NewNotifier(name string) Notifier
	// StepBegin and StepEnd bracket one indivisible step. In the simulator
	// StepBegin is one scheduling point and no other task runs until the
	// next one; a live runtime would hold a mutex between the two. Every
	// store and queue call is one step. (A pair of calls rather than a
	// closure: a closure per store call was a third of all allocation.)
	StepBegin(label string)
	StepEnd()
	// Failpoint evaluates the named failpoint: nil unless it is enabled
	// and its terms fire. It is not a scheduling point (nothing shared is
	// touched); what the caller does with the value has its own.
	Failpoint(name string) failpoint.Value
	// Rand returns the named PRNG stream.
	Rand(stream string) *rand.Rand
}

// Lock is a named mutual-exclusion lock.
type Lock interface {
	Lock()
	TryLock() bool
	LockTimeout(d time.Duration) bool
	Unlock()
}

// Notifier wakes idle workers without losing a wake-up: read Seq before
// checking for work, then Wait(seq, timeout) returns at once if a Notify
// came in between. A negative timeout waits without bound.
type Notifier interface {
	Seq() uint64
	Wait(seq uint64, timeout time.Duration) bool
	Notify()
	Broadcast()
}
