package atlantis

import (
	"fmt"
	"time"
)

// EventKind is what an event records.
type EventKind uint8

const (
	// EvDirEnter and EvDirExit bracket a command's work in a working
	// directory (Work: clone, plan, apply, unlock).
	EvDirEnter EventKind = iota + 1
	EvDirExit
	// EvLockGranted: the lock store told Pull it owns Project's lock.
	EvLockGranted
	// EvLockReleased: Pull gave up its claim on Project's lock.
	EvLockReleased
	// EvLockWait: a working-dir lock (Lock) was asked for: got it or not
	// (OK), after Waited, with Retries polls, TimedOut.
	EvLockWait
	// EvPlanned: a plan of Project was written in Pull's directory, made
	// against the project's state Serial and upstream Base.
	EvPlanned
	// EvApplied: Pull applied Plan to Project, whose state was Serial and
	// whose last merged change upstream was LastMerge.
	EvApplied
	// EvMerged: Pull was merged; upstream's head is now Base.
	EvMerged
	// EvResult: a project command ended (Result).
	EvResult
)

var eventNames = [...]string{"?", "dir-enter", "dir-exit", "lock-granted", "lock-released", "lock-wait", "planned", "applied", "merged", "result"}

func (k EventKind) String() string {
	if int(k) < len(eventNames) {
		return eventNames[k]
	}
	return fmt.Sprintf("EventKind(%d)", uint8(k))
}

// Event is one thing Atlantis did, as a checker sees it, emitted at the
// instant it happened (no other task runs between the change and its
// event).
type Event struct {
	Kind    EventKind
	Actor   string // the command
	Pull    int
	Project int // -1: none
	Dir     string
	Work    string
	Lock    string
	OK      bool
	Waited  time.Duration
	Retries int
	// TimedOut: a lock wait ended by its timeout.
	TimedOut  bool
	Serial    int
	Base      int
	LastMerge int
	Plan      Plan
	Result    Result
}

func (e Event) String() string {
	return fmt.Sprintf("%s %s pull=%d project=%d dir=%s", e.Kind, e.Actor, e.Pull, e.Project, e.Dir)
}
