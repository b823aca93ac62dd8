package allocator

import (
	"errors"
	"fmt"
)

// LeaseStatus is a lease's place in its life cycle (DrydockLeaseStatus).
type LeaseStatus uint8

const (
	LeasePending LeaseStatus = iota + 1
	LeaseAcquired
	LeaseActive
	LeaseReleased
	LeaseBroken
	LeaseDestroyed
)

var leaseStatusNames = map[LeaseStatus]string{
	LeasePending: "pending", LeaseAcquired: "acquired", LeaseActive: "active",
	LeaseReleased: "released", LeaseBroken: "broken", LeaseDestroyed: "destroyed",
}

func (s LeaseStatus) String() string {
	if n, ok := leaseStatusNames[s]; ok {
		return n
	}
	return fmt.Sprintf("LeaseStatus(%d)", uint8(s))
}

// Releasable: a release command or direct release may act on the lease.
func (s LeaseStatus) Releasable() bool {
	return s == LeasePending || s == LeaseAcquired || s == LeaseActive || s == LeaseBroken
}

// Commandable: the lease worker consumes commands for the lease.
func (s LeaseStatus) Commandable() bool { return s.Releasable() }

// Activating: pending or acquired, not yet usable by its holder.
func (s LeaseStatus) Activating() bool { return s == LeasePending || s == LeaseAcquired }

// Linked: the lease holds (or is about to hold) a place on its resource.
func (s LeaseStatus) Linked() bool { return s == LeaseAcquired || s == LeaseActive }

// Ended: the lease will never become active again.
func (s LeaseStatus) Ended() bool {
	return s == LeaseReleased || s == LeaseBroken || s == LeaseDestroyed
}

// ResourceStatus is a resource's place in its life cycle.
type ResourceStatus uint8

const (
	ResourcePending ResourceStatus = iota + 1
	ResourceActive
	ResourceReleased
	ResourceBroken
	ResourceDestroyed
)

var resourceStatusNames = map[ResourceStatus]string{
	ResourcePending: "pending", ResourceActive: "active", ResourceReleased: "released",
	ResourceBroken: "broken", ResourceDestroyed: "destroyed",
}

func (s ResourceStatus) String() string {
	if n, ok := resourceStatusNames[s]; ok {
		return n
	}
	return fmt.Sprintf("ResourceStatus(%d)", uint8(s))
}

// Releasable: a release or reclaim may act on the resource.
func (s ResourceStatus) Releasable() bool {
	return s == ResourcePending || s == ResourceActive || s == ResourceBroken
}

// Commandable: the resource worker consumes commands. Broken resources take
// none (DrydockResourceStatus; the seed's errata says otherwise, the code
// does not).
func (s ResourceStatus) Commandable() bool { return s == ResourcePending || s == ResourceActive }

// Live: the resource is, or is becoming, usable.
func (s ResourceStatus) Live() bool { return s == ResourcePending || s == ResourceActive }

// ErrIllegalTransition is wrapped by every rejected status change.
var ErrIllegalTransition = errors.New("illegal status transition")

// leaseTransitions lists every legal lease status change (docs/drydock.md §1).
var leaseTransitions = map[[2]LeaseStatus]bool{
	{LeasePending, LeaseAcquired}:   true, // acquireOnResource
	{LeasePending, LeaseActive}:     true, // acquire with activate-when-acquired
	{LeaseAcquired, LeaseActive}:    true, // activateOnResource
	{LeaseAcquired, LeasePending}:   true, // throw-back when the resource failed (D19076)
	{LeasePending, LeaseReleased}:   true,
	{LeaseAcquired, LeaseReleased}:  true,
	{LeaseActive, LeaseReleased}:    true,
	{LeaseBroken, LeaseReleased}:    true,
	{LeasePending, LeaseBroken}:     true,
	{LeaseAcquired, LeaseBroken}:    true,
	{LeaseActive, LeaseBroken}:      true,
	{LeaseReleased, LeaseDestroyed}: true,
	{LeaseBroken, LeaseDestroyed}:   true,
}

// resourceTransitions lists every legal resource status change.
var resourceTransitions = map[[2]ResourceStatus]bool{
	{ResourcePending, ResourceActive}:     true,
	{ResourcePending, ResourceReleased}:   true,
	{ResourceActive, ResourceReleased}:    true,
	{ResourcePending, ResourceBroken}:     true,
	{ResourceActive, ResourceBroken}:      true,
	{ResourceReleased, ResourceDestroyed}: true,
	{ResourceBroken, ResourceDestroyed}:   true,
}

// CheckLeaseTransition returns nil if a lease may go from `from` to `to`.
func CheckLeaseTransition(from, to LeaseStatus) error {
	if leaseTransitions[[2]LeaseStatus{from, to}] {
		return nil
	}
	return fmt.Errorf("lease %s -> %s: %w", from, to, ErrIllegalTransition)
}

// CheckResourceTransition returns nil if a resource may go from `from` to `to`.
func CheckResourceTransition(from, to ResourceStatus) error {
	if resourceTransitions[[2]ResourceStatus{from, to}] {
		return nil
	}
	return fmt.Errorf("resource %s -> %s: %w", from, to, ErrIllegalTransition)
}

// AllLeaseStatuses lists the lease statuses in order.
func AllLeaseStatuses() []LeaseStatus {
	return []LeaseStatus{LeasePending, LeaseAcquired, LeaseActive, LeaseReleased, LeaseBroken, LeaseDestroyed}
}

// AllResourceStatuses lists the resource statuses in order.
func AllResourceStatuses() []ResourceStatus {
	return []ResourceStatus{ResourcePending, ResourceActive, ResourceReleased, ResourceBroken, ResourceDestroyed}
}
