package layerstore

import (
	"fmt"
	"time"
)

// EventKind is what an event records.
type EventKind uint8

const (
	// EvLocked: Actor holds Lock (Write: exclusively) after waiting Waited.
	// Immediate (a read lock taken without waiting) comes with the writers
	// blocked on the lock at that instant.
	EvLocked EventKind = iota + 1
	// EvUnlocking: Actor is about to release Lock.
	EvUnlocking
	// EvRead: Actor read Layer and saw Stamp (the write that made it).
	EvRead
	// EvMutateBegin and EvMutateEnd bracket a change to the layers on
	// disk (a write, or a repair on load); EvMutateEnd carries the new
	// Stamp.
	EvMutateBegin
	EvMutateEnd
	// EvReload: a layer store reloaded layers.json.
	EvReload
)

var eventNames = [...]string{"?", "locked", "unlocking", "read", "mutate-begin", "mutate-end", "reload"}

func (k EventKind) String() string {
	if int(k) < len(eventNames) {
		return eventNames[k]
	}
	return fmt.Sprintf("EventKind(%d)", uint8(k))
}

// Event is one thing the layer store did, as a checker sees it. Events
// are emitted at the instant they happen: no other task runs between the
// change and its event.
type Event struct {
	Kind  EventKind
	Actor string // who called the operation
	Store string // which layer store ("store-1/ro")
	Lock  string // layers.lock or layer-<n>
	Write bool   // the lock is held (or asked for) exclusively
	// Immediate: a read lock taken at once; WritersWaiting were blocked on
	// it then.
	Immediate      bool
	WritersWaiting int
	Waited         time.Duration
	Layer          int
	Stamp          uint64
	Repair         bool // a mutation that repairs an incomplete layer
}

func (e Event) String() string {
	return fmt.Sprintf("%s %s store=%s lock=%s write=%t layer=%d stamp=%d", e.Kind, e.Actor, e.Store, e.Lock, e.Write, e.Layer, e.Stamp)
}
