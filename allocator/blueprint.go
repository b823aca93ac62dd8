package allocator

import "errors"

// SlotClass says which fix a slot lock belongs to, so a strategy without
// that fix can leave it out while the blueprint stays as written.
type SlotClass uint8

const (
	// SlotBinding: almanac.host.binding(<binding>), one resource per host.
	SlotBinding SlotClass = iota + 1
	// SlotLimit: allocator(<blueprint>).limit(<n>), the concurrency limit.
	SlotLimit
	// SlotLease: a place for one lease on a resource; always written.
	SlotLease
)

// SlotLock is a lock key a blueprint declares (needSlotLock).
type SlotLock struct {
	Key   string
	Class SlotClass
}

// ResourceSpec is what a blueprint's allocateResource decides: the new
// resource's attributes and slot locks, written by the allocator in the
// resource's first-save transaction.
type ResourceSpec struct {
	Attributes Attributes
	SlotLocks  []SlotLock
	// ActivateWhenAllocated: the resource needs no setup and is created
	// active (Almanac hosts).
	ActivateWhenAllocated bool
}

// LeaseSpec is what a blueprint's acquireLease decides for a lease.
type LeaseSpec struct {
	SlotLocks []SlotLock
	// ActivateWhenAcquired: the lease goes straight from pending to active
	// inside acquireOnResource, under the resource lock, with no separate
	// activation (DrydockLease::setActivateWhenAcquired; Almanac hosts).
	ActivateWhenAcquired bool
}

// BlueprintImpl is a blueprint type: the allocator calls it where Drydock
// calls DrydockBlueprintImplementation. Calls may sleep (latency), fail and
// read the store through View; they never write it.
type BlueprintImpl interface {
	// Type is the resource type the blueprint builds ("host").
	Type() string
	// CanEverAllocate is loadBlueprintsForAllocatingLease's filter.
	CanEverAllocate(l Lease) bool
	// PrefersSupplemental: a resource with any live lease is "used", and
	// new resources are built before used ones are shared.
	PrefersSupplemental() bool
	// CanAllocateResource is the coarse, unlocked check (limits, free
	// bindings), read from the store without a lock.
	CanAllocateResource(v *View, bp Blueprint, l Lease) bool
	// AllocateResource picks attributes and slot locks for a new resource.
	AllocateResource(v *View, bp Blueprint, l Lease) (ResourceSpec, error)
	// ActivateResource sets a pending resource up.
	ActivateResource(r Resource) error
	// DestroyResource tears a released or broken resource down.
	DestroyResource(r Resource) error
	// CanAcquireLease is the coarse filter on candidate resources.
	CanAcquireLease(v *View, r Resource, l Lease) bool
	// AcquireLease is the blueprint's acquireLease: it picks the lease's
	// slot locks on r and says whether the lease activates as it is
	// acquired (Almanac hosts). It runs before the resource lock.
	AcquireLease(v *View, r Resource, l Lease) (LeaseSpec, error)
	// ActivateLease sets an acquired lease up on its resource.
	ActivateLease(r Resource, l Lease) error
	// DidReleaseLease is the release hook.
	DidReleaseLease(r Resource, l Lease)
	// DestroyLease is the destroy hook.
	DestroyLease(r Resource, l Lease)
}

// ErrTemporary marks blueprint errors the allocator retries by yielding
// (DrydockWorker::isTemporaryException) rather than breaking anything.
var ErrTemporary = errors.New("temporary")
