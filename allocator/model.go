package allocator

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"
)

// ID numbers rows; each table counts from 1.
type ID int64

// ObjectKind says which table a Ref points into.
type ObjectKind uint8

const (
	KindLease ObjectKind = iota + 1
	KindResource
	KindBlueprint
	KindActor // someone outside the allocator: a requester, an admin
)

// Ref names one object across tables: a slot lock's owner, a command's
// target or author.
type Ref struct {
	Kind ObjectKind
	ID   ID
}

// DrydockRef is Drydock itself as the author of a command (an expiry).
func DrydockRef() Ref { return Ref{KindActor, 0} }

// LeaseRef, ResourceRef and ActorRef build refs.
func LeaseRef(id ID) Ref    { return Ref{KindLease, id} }
func ResourceRef(id ID) Ref { return Ref{KindResource, id} }
func ActorRef(id ID) Ref    { return Ref{KindActor, id} }

func (r Ref) String() string {
	switch r.Kind {
	case KindLease:
		return fmt.Sprintf("lease:%d", r.ID)
	case KindResource:
		return fmt.Sprintf("resource:%d", r.ID)
	case KindBlueprint:
		return fmt.Sprintf("blueprint:%d", r.ID)
	case KindActor:
		if r.ID == 0 {
			return "drydock"
		}
		return fmt.Sprintf("actor:%d", r.ID)
	}
	return fmt.Sprintf("ref(%d):%d", r.Kind, r.ID)
}

// Attributes are a resource's properties or a lease's wants: an immutable
// set of key=value pairs. Nothing can change one in place (With returns a
// new value), so rows and their readers share them safely, and a read row
// never needs its attributes copied.
type Attributes struct {
	kv []attr // sorted by key
}

type attr struct{ k, v string }

// Attrs builds attributes from key, value pairs.
func Attrs(kv ...string) Attributes {
	if len(kv)%2 != 0 {
		panic(fmt.Sprintf("allocator: Attrs needs key, value pairs; got %d strings", len(kv)))
	}
	var a Attributes
	for i := 0; i < len(kv); i += 2 {
		a = a.With(kv[i], kv[i+1])
	}
	return a
}

// Get returns the value of key and whether it is set.
func (a Attributes) Get(key string) (string, bool) {
	i, ok := slices.BinarySearchFunc(a.kv, key, func(x attr, k string) int { return strings.Compare(x.k, k) })
	if !ok {
		return "", false
	}
	return a.kv[i].v, true
}

// Value returns the value of key, or "" if it is not set.
func (a Attributes) Value(key string) string {
	v, _ := a.Get(key)
	return v
}

// With returns a copy of a with key set to value.
func (a Attributes) With(key, value string) Attributes {
	i, ok := slices.BinarySearchFunc(a.kv, key, func(x attr, k string) int { return strings.Compare(x.k, k) })
	kv := slices.Clone(a.kv)
	if ok {
		kv[i].v = value
	} else {
		kv = slices.Insert(kv, i, attr{key, value})
	}
	return Attributes{kv: kv}
}

// Len returns how many keys are set.
func (a Attributes) Len() int { return len(a.kv) }

// All yields every key and value in key order.
func (a Attributes) All() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, x := range a.kv {
			if !yield(x.k, x.v) {
				return
			}
		}
	}
}

// Satisfies reports whether every want is present with the same value.
func (a Attributes) Satisfies(wants Attributes) bool {
	for k, v := range wants.All() {
		if got, ok := a.Get(k); !ok || got != v {
			return false
		}
	}
	return true
}

func (a Attributes) String() string {
	parts := make([]string, len(a.kv))
	for i, x := range a.kv {
		parts[i] = x.k + "=" + x.v
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// Blueprint is a configured source of resources.
type Blueprint struct {
	ID       ID
	Name     string
	Impl     BlueprintImpl
	Disabled bool
}

// Resource is a thing leases run on: a host, a working copy.
type Resource struct {
	ID        ID
	Blueprint ID
	Type      string
	Status    ResourceStatus
	// Attributes are the resource's properties; AttributesSet is false
	// between a first save without them and the save that adds them (the
	// pending-attributes race window).
	Attributes    Attributes
	AttributesSet bool
	// AllocatedBy is the lease whose run built the resource.
	AllocatedBy ID
	// Awaken lists queue tasks to wake when the resource becomes active.
	Awaken   []TaskID
	Created  time.Time
	Modified time.Time
}

// Lease is a request for a place on a resource.
type Lease struct {
	ID       ID
	Type     string
	Status   LeaseStatus
	Resource ID // 0 until acquired
	// Wants are the attributes the lease's resource must have.
	Wants Attributes
	// Blueprints limits the lease to these blueprints; empty means any.
	Blueprints []ID
	// Allocated and Reclaimed are internal.resourcePHIDs.allocated and
	// .reclaimed: resources this lease built, and resources it asked to
	// reclaim.
	Allocated []ID
	Reclaimed []ID
	// BreakCause says why a broken lease broke.
	BreakCause BreakCause
	// Until, if set, is when the lease expires: its worker then releases
	// it (DrydockWorker::checkObjectExpiration).
	Until time.Time
	// Task is the queue task that last ran the lease's update.
	Task      TaskID
	Requested time.Time
	Activated time.Time
	Modified  time.Time
}

// clone copies a row deeply enough that the copy can be changed and saved
// without touching the stored row (attributes are immutable and shared).
func (l Lease) clone() Lease {
	l.Blueprints = slices.Clone(l.Blueprints)
	l.Allocated = slices.Clone(l.Allocated)
	l.Reclaimed = slices.Clone(l.Reclaimed)
	return l
}

func (r Resource) clone() Resource {
	r.Awaken = slices.Clone(r.Awaken)
	return r
}

// BreakCause is why a lease broke.
type BreakCause uint8

const (
	BreakNone BreakCause = iota
	// BreakNoBlueprint: no blueprint can ever serve the lease.
	BreakNoBlueprint
	// BreakActivation: the blueprint failed to activate the lease.
	BreakActivation
	// BreakAllocationFailed: a blueprint claimed it could allocate, then
	// failed (without allocate-failure-yields).
	BreakAllocationFailed
	// BreakAcquireErrors: every acquisition attempt failed with an error.
	BreakAcquireErrors
)

var breakCauseNames = [...]string{"", "no-blueprint", "activation-failed", "allocation-failed", "acquire-errors"}

func (c BreakCause) String() string {
	if int(c) < len(breakCauseNames) {
		return breakCauseNames[c]
	}
	return fmt.Sprintf("BreakCause(%d)", uint8(c))
}

// ParseBreakCause reads a cause as String writes it.
func ParseBreakCause(s string) (BreakCause, bool) {
	for c := BreakNone; c <= BreakAcquireErrors; c++ {
		if c.String() == s {
			return c, true
		}
	}
	return BreakNone, false
}

// Own reports whether the cause lies with the lease itself rather than with
// a resource or blueprint that should have let it go back to the pool.
func (c BreakCause) Own() bool {
	return c == BreakNoBlueprint || c == BreakActivation || c == BreakAcquireErrors
}

// CommandKind is what a command asks for.
type CommandKind uint8

const (
	CommandRelease CommandKind = iota + 1
	CommandReclaim
)

func (k CommandKind) String() string {
	switch k {
	case CommandRelease:
		return "release"
	case CommandReclaim:
		return "reclaim"
	}
	return fmt.Sprintf("CommandKind(%d)", uint8(k))
}

// Command is a queued request for an object's single writer.
type Command struct {
	ID       ID
	Target   Ref
	Kind     CommandKind
	Author   Ref
	Consumed bool
	// Awaken lists queue tasks to wake once the command is consumed.
	Awaken []TaskID
}
