package liveload_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/liveload"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/scenarios"
)

// Shorthands for audit entries.
func resStatus(r allocator.ID, from, to allocator.ResourceStatus) allocator.AuditEntry {
	return allocator.AuditEntry{Kind: allocator.AuditResourceStatus, Resource: r, From: uint8(from), To: uint8(to)}
}

func leaseStatus(l allocator.ID, from, to allocator.LeaseStatus) allocator.AuditEntry {
	return allocator.AuditEntry{Kind: allocator.AuditLeaseStatus, Lease: l, From: uint8(from), To: uint8(to)}
}

func link(l, r allocator.ID, rs allocator.ResourceStatus) allocator.AuditEntry {
	return allocator.AuditEntry{Kind: allocator.AuditLink, Lease: l, Resource: r, ResourceStatus: rs}
}

func host(id allocator.ID, binding string) allocator.Resource {
	return allocator.Resource{ID: id, Blueprint: 1, Status: allocator.ResourceActive, AttributesSet: true, Attributes: allocator.Attrs(hoax.AttrBinding, binding)}
}

// The checker catches each invariant it claims to, from the audit log and
// the end state alone, and says nothing of a run that kept them.
func TestCheckerCatchesEachInvariant(t *testing.T) {
	const (
		pend, act, rel, des = allocator.ResourcePending, allocator.ResourceActive, allocator.ResourceReleased, allocator.ResourceDestroyed
	)
	lp, lq, la, ld := allocator.LeasePending, allocator.LeaseAcquired, allocator.LeaseActive, allocator.LeaseDestroyed
	tests := []struct {
		name string
		dump allocator.Dump
		want string // invariant, "" for none
	}{
		{"a clean life", allocator.Dump{
			Resources: []allocator.Resource{host(1, "h1")}, Leases: []allocator.Lease{{ID: 1, Resource: 1, Status: ld}},
			Audit: []allocator.AuditEntry{resStatus(1, 0, act), leaseStatus(1, 0, lp), link(1, 1, act), leaseStatus(1, lp, la),
				{Kind: allocator.AuditHook, Hook: allocator.HookDidReleaseLease, Lease: 1}, leaseStatus(1, la, allocator.LeaseReleased), leaseStatus(1, allocator.LeaseReleased, ld)},
		}, ""},
		{"two live hosts on one binding", allocator.Dump{
			Resources: []allocator.Resource{host(1, "h1"), host(2, "h1")},
			Audit:     []allocator.AuditEntry{resStatus(1, 0, act), resStatus(2, 0, pend)},
		}, scenarios.InvBindingUnique},
		{"past the limit of 1", allocator.Dump{
			Resources: []allocator.Resource{host(1, "h1"), host(2, "h2")},
			Audit:     []allocator.AuditEntry{resStatus(1, 0, act), resStatus(2, 0, act)},
		}, scenarios.InvBlueprintLimit},
		{"a link to a released resource", allocator.Dump{
			Resources: []allocator.Resource{host(1, "h1")},
			Audit:     []allocator.AuditEntry{resStatus(1, 0, act), resStatus(1, act, rel), link(1, 1, rel)},
		}, scenarios.InvAcquireLiveResource},
		{"two leases on a one-lease host", allocator.Dump{
			Resources: []allocator.Resource{host(1, "h1")},
			Audit:     []allocator.AuditEntry{resStatus(1, 0, act), link(1, 1, act), link(2, 1, act)},
		}, scenarios.InvLeaseCapacity},
		{"release hook twice", allocator.Dump{
			Audit: []allocator.AuditEntry{{Kind: allocator.AuditHook, Hook: allocator.HookDidReleaseLease, Lease: 3}, {Kind: allocator.AuditHook, Hook: allocator.HookDidReleaseLease, Lease: 3}},
		}, scenarios.InvReleaseOnce},
		{"a reclaim of a host in use", allocator.Dump{
			Audit: []allocator.AuditEntry{{Kind: allocator.AuditResourceRelease, Resource: 1, Cause: allocator.CauseReclaim, Live: []allocator.ID{4}}},
		}, scenarios.InvReclaimIdleOnly},
		{"a write from a stale read", allocator.Dump{
			Audit: []allocator.AuditEntry{leaseStatus(1, 0, lp), leaseStatus(1, lp, lq), leaseStatus(1, lp, la)},
		}, scenarios.InvSingleWriter},
		{"an orphan slot lock", allocator.Dump{
			Resources: []allocator.Resource{{ID: 1, Status: des}},
			SlotLocks: []allocator.SlotLockRow{{Key: "allocator(1).limit(0)", Owner: allocator.ResourceRef(1)}},
		}, scenarios.InvNoOrphanSlotLocks},
		{"an active lease on a destroyed host", allocator.Dump{
			Resources: []allocator.Resource{{ID: 1, Status: des}}, Leases: []allocator.Lease{{ID: 1, Resource: 1, Status: la}},
		}, scenarios.InvNoLeaseOnDeadResource},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			vs := liveload.CheckDump(hoax.Config{Limit: 1, LeasesPerResource: 1}, tc.dump, true)
			if tc.want == "" {
				require.Empty(t, vs)
				return
			}
			var names []string
			for _, v := range vs {
				names = append(names, v.Invariant)
			}
			require.Contains(t, names, tc.want, "%v", vs)
		})
	}
}

// A clean stop leaves no lease that has not ended and no resource half-way.
func TestLeftoversNameWhatAStopLeft(t *testing.T) {
	d := allocator.Dump{
		Leases:    []allocator.Lease{{ID: 1, Status: allocator.LeaseDestroyed}, {ID: 2, Status: allocator.LeaseActive}},
		Resources: []allocator.Resource{{ID: 1, Status: allocator.ResourceActive}, {ID: 2, Status: allocator.ResourcePending}},
	}
	vs := liveload.Leftovers(d)
	require.Len(t, vs, 2)
	require.Contains(t, vs[0].Detail, "lease 2 is still active")
	require.Contains(t, vs[1].Detail, "resource 2 is still pending")
}
