package liveload_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/liveload"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/scenarios"
)

// These tests hand the checker an audit log and rows as a live run's
// store would dump them, as a broken allocator would write them, and
// replay it the way drysim load does for a database (scenarios'
// LiveChecker.Replay): the simulator's checker must catch each invariant
// it checks live, and stay quiet on a run that kept them.

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func at(seconds int) time.Time { return t0.Add(time.Duration(seconds) * time.Second) }

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

func hook(name string, l, r allocator.ID) allocator.AuditEntry {
	return allocator.AuditEntry{Kind: allocator.AuditHook, Hook: name, Lease: l, Resource: r}
}

func when(e allocator.AuditEntry, t time.Time) allocator.AuditEntry { e.Time = t; return e }

// commits writes a log of commits, as a store marks them (EndsCommit).
func commits(cs ...[]allocator.AuditEntry) []allocator.AuditEntry {
	var out []allocator.AuditEntry
	for _, c := range cs {
		c = slices.Clone(c)
		c[len(c)-1].EndsCommit = true
		out = append(out, c...)
	}
	return out
}

// each makes every entry a commit of its own.
func each(es ...allocator.AuditEntry) []allocator.AuditEntry {
	var cs [][]allocator.AuditEntry
	for _, e := range es {
		cs = append(cs, []allocator.AuditEntry{e})
	}
	return commits(cs...)
}

func host(id allocator.ID, binding string) allocator.Resource {
	return allocator.Resource{ID: id, Blueprint: 1, Status: allocator.ResourceActive, AttributesSet: true, Attributes: allocator.Attrs(hoax.AttrBinding, binding)}
}

const (
	pend, act, rel, des = allocator.ResourcePending, allocator.ResourceActive, allocator.ResourceReleased, allocator.ResourceDestroyed
	lp, lq, la, lr, ld  = allocator.LeasePending, allocator.LeaseAcquired, allocator.LeaseActive, allocator.LeaseReleased, allocator.LeaseDestroyed
)

var linux, windows = allocator.Attrs(hoax.AttrFlavour, "linux"), allocator.Attrs(hoax.AttrFlavour, "windows")

type liveCase struct {
	name      string
	dump      allocator.Dump
	abandoned []allocator.ID
	want      string // invariant, "" for none
}

func check(tc liveCase) []liveload.Violation {
	lc := scenarios.NewLiveChecker(scenarios.LiveCheck{Hoax: hoax.Config{Limit: 1, LeasesPerResource: 1}, Timings: allocator.Timings{ReclaimIdle: time.Minute}})
	lc.Replay(tc.dump)
	for _, id := range tc.abandoned {
		lc.Abandoned(id)
	}
	lc.Quiescent()
	return lc.Violations()
}

func TestLiveCheckerCatchesEachInvariant(t *testing.T) {
	cases := append(append(lifeCases(), resourceCases()...), commandCases()...)
	covered := map[string]bool{}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			vs := check(tc)
			if tc.want == "" {
				require.Empty(t, vs)
				return
			}
			require.True(t, slices.ContainsFunc(vs, func(v liveload.Violation) bool { return v.Invariant == tc.want }), "%s not caught: %v", tc.want, vs)
			require.Positive(t, vs[0].Step, "a live violation names its commit")
		})
		covered[tc.want] = true
	}
	for _, inv := range scenarios.LiveInvariants() {
		require.True(t, covered[inv.Name], "no case breaks live invariant %s", inv.Name)
	}
}

// lifeCases are leases' lives, clean and broken.
func lifeCases() []liveCase {
	clean := allocator.Dump{
		Resources: []allocator.Resource{host(1, "h1")}, Leases: []allocator.Lease{{ID: 1, Resource: 1, Status: ld}},
		Audit: each(resStatus(1, 0, act), leaseStatus(1, 0, lp), link(1, 1, act), leaseStatus(1, lp, la),
			hook(allocator.HookDidReleaseLease, 1, 1), leaseStatus(1, la, lr), leaseStatus(1, lr, ld)),
	}
	return []liveCase{
		{"a clean life", clean, nil, ""},
		{"a link to a released resource", allocator.Dump{
			Resources: []allocator.Resource{host(1, "h1")},
			Audit:     each(resStatus(1, 0, act), resStatus(1, act, rel), link(1, 1, rel)),
		}, nil, scenarios.InvAcquireLiveResource},
		{"two leases on a one-lease host", allocator.Dump{
			Resources: []allocator.Resource{host(1, "h1")},
			Audit:     each(resStatus(1, 0, act), link(1, 1, act), link(2, 1, act)),
		}, nil, scenarios.InvLeaseCapacity},
		{"release hook twice", allocator.Dump{
			Audit: each(hook(allocator.HookDidReleaseLease, 3, 1), hook(allocator.HookDidReleaseLease, 3, 1)),
		}, nil, scenarios.InvReleaseOnce},
		{"released while linked, no release hook", allocator.Dump{
			Resources: []allocator.Resource{host(1, "h1")}, Leases: []allocator.Lease{{ID: 1, Resource: 1, Status: ld}},
			Audit: each(resStatus(1, 0, act), leaseStatus(1, 0, lp), link(1, 1, act), leaseStatus(1, lp, la), leaseStatus(1, la, lr), leaseStatus(1, lr, ld)),
		}, nil, scenarios.InvReleaseOnce},
		{"a write from a stale read", allocator.Dump{
			Audit: each(leaseStatus(1, 0, lp), leaseStatus(1, lp, lq), leaseStatus(1, lp, la)),
		}, nil, scenarios.InvSingleWriter},
		{"a destroyed lease released again", allocator.Dump{
			Audit: each(leaseStatus(1, 0, lp), leaseStatus(1, lp, lr), leaseStatus(1, lr, ld), leaseStatus(1, ld, lr)),
		}, nil, scenarios.InvStatusTransitions},
		{"a lease broken for its resource's fault", allocator.Dump{
			Audit: each(leaseStatus(1, 0, lp), allocator.AuditEntry{Kind: allocator.AuditLeaseStatus, Lease: 1, From: uint8(lp), To: uint8(allocator.LeaseBroken),
				Cause: allocator.BreakAllocationFailed.String()}),
		}, nil, scenarios.InvBrokenOwnCause},
		{"an active lease on a destroyed host", allocator.Dump{
			Resources: []allocator.Resource{host(1, "h1")}, Leases: []allocator.Lease{{ID: 1, Resource: 1, Status: la}},
			Audit: each(resStatus(1, 0, act), leaseStatus(1, 0, lp), link(1, 1, act), leaseStatus(1, lp, la), resStatus(1, act, rel), resStatus(1, rel, des)),
		}, nil, scenarios.InvNoLeaseOnDeadResource},
		{"a lease wanting windows on a linux host", allocator.Dump{
			Resources: []allocator.Resource{{ID: 1, Blueprint: 1, AttributesSet: true, Attributes: linux}}, Leases: []allocator.Lease{{ID: 1, Wants: windows}},
			Audit: each(resStatus(1, 0, act), link(1, 1, act)),
		}, nil, scenarios.InvAttributesMatch},
		{"an abandoned lease still pending", allocator.Dump{
			Leases: []allocator.Lease{{ID: 1, Status: lp}}, Audit: each(leaseStatus(1, 0, lp)),
		}, []allocator.ID{1}, scenarios.InvAbandonedEnded},
	}
}

// resourceCases break the rules of building, binding and reclaiming.
func resourceCases() []liveCase {
	return []liveCase{
		{"two live hosts on one binding", allocator.Dump{
			Resources: []allocator.Resource{host(1, "h1"), host(2, "h1")},
			Audit:     each(resStatus(1, 0, act), resStatus(2, 0, pend)),
		}, nil, scenarios.InvBindingUnique},
		{"past the limit of 1", allocator.Dump{
			Resources: []allocator.Resource{host(1, "h1"), host(2, "h2")},
			Audit:     each(resStatus(1, 0, act), resStatus(2, 0, act)),
		}, nil, scenarios.InvBlueprintLimit},
		{"a lease waiting on two pending builds", allocator.Dump{
			Resources: []allocator.Resource{{ID: 1, Blueprint: 2}, {ID: 2, Blueprint: 2}},
			Audit: commits([]allocator.AuditEntry{{Kind: allocator.AuditAllocate, Lease: 1, Resource: 1}, resStatus(1, 0, pend)},
				[]allocator.AuditEntry{{Kind: allocator.AuditAllocate, Lease: 1, Resource: 2}, resStatus(2, 0, pend)}),
		}, nil, scenarios.InvOnePendingAllocation},
		{"a build while an unattributed host would have served", allocator.Dump{
			Resources: []allocator.Resource{{ID: 1, Blueprint: 2, AttributesSet: true, Attributes: linux}, {ID: 2, Blueprint: 2, AttributesSet: true, Attributes: linux}},
			Leases:    []allocator.Lease{{ID: 1, Wants: linux}, {ID: 2, Wants: linux}},
			Audit: commits([]allocator.AuditEntry{{Kind: allocator.AuditAllocate, Lease: 1, Resource: 1}, resStatus(1, 0, act)},
				[]allocator.AuditEntry{{Kind: allocator.AuditAllocate, Lease: 2, Resource: 2}, resStatus(2, 0, act)},
				[]allocator.AuditEntry{{Kind: allocator.AuditAttributes, Resource: 1}}),
		}, nil, scenarios.InvNeedlessBuild},
		{"a limit slot taken for another blueprint's resource", allocator.Dump{
			Resources: []allocator.Resource{{ID: 1, Blueprint: 2}},
			Audit: commits([]allocator.AuditEntry{{Kind: allocator.AuditSlotAcquire, Owner: allocator.ResourceRef(1), Keys: []string{"allocator(1).limit(0)"}},
				{Kind: allocator.AuditAllocate, Lease: 1, Resource: 1}, resStatus(1, 0, pend)}),
		}, nil, scenarios.InvSlotLockOwners},
		{"a host destroyed holding its binding slot", allocator.Dump{
			Resources: []allocator.Resource{{ID: 1, Blueprint: 2, Status: des}},
			Audit: each(allocator.AuditEntry{Kind: allocator.AuditSlotAcquire, Owner: allocator.ResourceRef(1), Keys: []string{"k"}},
				resStatus(1, 0, act), resStatus(1, act, rel), resStatus(1, rel, des)),
		}, nil, scenarios.InvNoOrphanSlotLocks},
		{"a reclaim of a host in use", allocator.Dump{
			Audit: each(allocator.AuditEntry{Kind: allocator.AuditResourceRelease, Resource: 1, Cause: allocator.CauseReclaim, Live: []allocator.ID{4}}),
		}, nil, scenarios.InvReclaimIdleOnly},
		{"a reclaim of a host saved a second before", allocator.Dump{
			Audit: each(when(resStatus(1, 0, act), at(0)), when(allocator.AuditEntry{Kind: allocator.AuditResourceRelease, Resource: 1, Cause: allocator.CauseReclaim}, at(1))),
		}, nil, scenarios.InvReclaimRules},
		{"a host torn down while it is set up", allocator.Dump{
			Audit: each(allocator.AuditEntry{Kind: allocator.AuditHookStart, Hook: allocator.HookActivateResource, Resource: 1},
				allocator.AuditEntry{Kind: allocator.AuditHookStart, Hook: allocator.HookDestroyResource, Resource: 1}),
		}, nil, scenarios.InvHooksSerial},
	}
}

// commandCases misuse commands.
func commandCases() []liveCase {
	queued := allocator.AuditEntry{Kind: allocator.AuditCommand, Command: 1, Owner: allocator.LeaseRef(1), Cause: "release"}
	released := allocator.AuditEntry{Kind: allocator.AuditLeaseStatus, Lease: 1, From: uint8(la), To: uint8(lr), Command: 1}
	return []liveCase{
		{"one release command taking effect twice", allocator.Dump{
			Commands: []allocator.Command{{ID: 1, Target: allocator.LeaseRef(1), Consumed: true}},
			Audit:    each(queued, released, allocator.AuditEntry{Kind: allocator.AuditLeaseStatus, Lease: 1, From: uint8(ld), To: uint8(lr), Command: 1}),
		}, nil, scenarios.InvCommandEffects},
		{"a release command never consumed", allocator.Dump{
			Commands: []allocator.Command{{ID: 1, Target: allocator.LeaseRef(1)}},
			Audit:    each(queued, released),
		}, nil, scenarios.InvCommandEffects},
	}
}

// What the checker leaves out live it does not report, however broken:
// an expired lease long past its expiry, a failed activation never broken.
func TestLiveCheckerLeavesOutTimingInvariants(t *testing.T) {
	d := allocator.Dump{
		Leases: []allocator.Lease{{ID: 1, Status: lp, Until: at(1)}},
		Audit: each(when(leaseStatus(1, 0, lp), at(0)),
			when(allocator.AuditEntry{Kind: allocator.AuditHook, Hook: allocator.HookActivateLease, Lease: 1, Resource: 1, Cause: "hoax: failed"}, at(2)),
			when(resStatus(9, 0, act), at(3600))),
	}
	require.Empty(t, check(liveCase{dump: d}))
	for _, inv := range scenarios.Invariants() {
		live := slices.ContainsFunc(scenarios.LiveInvariants(), func(l scenarios.Invariant) bool { return l.Name == inv.Name })
		require.Equal(t, inv.NotLive == "", live, "%s: left out live exactly when it says why", inv.Name)
	}
}

// A clean stop leaves no lease that has not ended, no resource half-way
// and no slot lock held by an owner that is gone.
func TestLeftoversNameWhatAStopLeft(t *testing.T) {
	d := allocator.Dump{
		Leases:    []allocator.Lease{{ID: 1, Status: allocator.LeaseDestroyed}, {ID: 2, Status: allocator.LeaseActive}},
		Resources: []allocator.Resource{{ID: 1, Status: allocator.ResourceActive}, {ID: 2, Status: allocator.ResourcePending}},
		SlotLocks: []allocator.SlotLockRow{{Key: "a", Owner: allocator.ResourceRef(1)}, {Key: "b", Owner: allocator.LeaseRef(1)}, {Key: "c", Owner: allocator.ResourceRef(7)}},
	}
	vs := liveload.Leftovers(d)
	require.Len(t, vs, 4)
	require.Contains(t, vs[0].Detail, "lease 2 is still active")
	require.Contains(t, vs[1].Detail, "resource 2 is still pending")
	require.Contains(t, vs[2].Detail, "slot lock b is held by lease:1")
	require.Contains(t, vs[3].Detail, "slot lock c is held by resource:7")
}
