package scenarios

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
)

// These tests hand the checker audit facts directly, as a broken allocator
// would write them, and check that each invariant catches what it claims
// to (and stays quiet on the correct facts). Nothing here edits the
// allocator: the facts are the fake.

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func at(seconds float64) time.Time { return t0.Add(time.Duration(seconds * float64(time.Second))) }

type factsRig struct {
	chk   *checker
	w     *sim.World
	store *allocator.Store
}

func newFactsRig(t *testing.T) *factsRig {
	t.Helper()
	w := sim.New(sim.Config{Seed: 1})
	rt := simrt.New(w)
	h, err := hoax.New(rt, hoax.Config{Limit: 2, LeasesPerResource: 1})
	require.NoError(t, err)
	store := allocator.NewStore(rt)
	r := &factsRig{chk: newChecker(w, storeRows{store}, h.Config(), ""), w: w, store: store}
	r.chk.reclaimIdle = 3 * time.Second
	return r
}

func (r *factsRig) commit(entries ...allocator.AuditEntry) {
	r.chk.onCommit(allocator.Commit{Audit: entries})
}

func (r *factsRig) broke(inv string) bool {
	return slices.ContainsFunc(r.chk.violations, func(v Violation) bool { return v.Invariant == inv })
}

func leaseStatus(l allocator.ID, from, to allocator.LeaseStatus, when float64) allocator.AuditEntry {
	return allocator.AuditEntry{Kind: allocator.AuditLeaseStatus, Lease: l, From: uint8(from), To: uint8(to), Time: at(when)}
}

func resourceStatus(r allocator.ID, from, to allocator.ResourceStatus, when float64) allocator.AuditEntry {
	return allocator.AuditEntry{Kind: allocator.AuditResourceStatus, Resource: r, From: uint8(from), To: uint8(to), Time: at(when)}
}

// brokenFacts are facts that break one invariant each, with the correct
// version of the same facts; the simulator's checker and the live one
// (checker_live_test.go) must both catch the first and pass the second.
type brokenFacts struct {
	name  string
	inv   string
	facts []allocator.AuditEntry
	quiet []allocator.AuditEntry // the correct version of the same facts
}

func brokenFactCases() []brokenFacts {
	return []brokenFacts{
		{
			name: "a lease slot taken by a lease not linked to that resource", inv: InvSlotLockOwners,
			facts: []allocator.AuditEntry{
				{Kind: allocator.AuditSlotAcquire, Owner: allocator.LeaseRef(1), Keys: []string{"hoax.resource(7).lease(0)"}},
				{Kind: allocator.AuditLink, Lease: 1, Resource: 8, ResourceStatus: allocator.ResourceActive},
			},
			quiet: []allocator.AuditEntry{
				{Kind: allocator.AuditSlotAcquire, Owner: allocator.LeaseRef(1), Keys: []string{"hoax.resource(8).lease(0)"}},
				{Kind: allocator.AuditLink, Lease: 1, Resource: 8, ResourceStatus: allocator.ResourceActive},
			},
		},
		{
			name: "a destroyed owner still holding a slot", inv: InvNoOrphanSlotLocks,
			facts: []allocator.AuditEntry{
				{Kind: allocator.AuditSlotAcquire, Owner: allocator.LeaseRef(1), Keys: []string{"k"}},
				leaseStatus(1, allocator.LeaseReleased, allocator.LeaseDestroyed, 1),
			},
			quiet: []allocator.AuditEntry{
				{Kind: allocator.AuditSlotAcquire, Owner: allocator.LeaseRef(1), Keys: []string{"k"}},
				{Kind: allocator.AuditSlotRelease, Owner: allocator.LeaseRef(1), Keys: []string{"k"}},
				leaseStatus(1, allocator.LeaseReleased, allocator.LeaseDestroyed, 1),
			},
		},
		{
			name: "two pending builds of one lease, whatever its own allocated list says", inv: InvOnePendingAllocation,
			facts: []allocator.AuditEntry{
				{Kind: allocator.AuditAllocate, Lease: 1, Resource: 1}, resourceStatus(1, 0, allocator.ResourcePending, 0),
				{Kind: allocator.AuditAllocate, Lease: 1, Resource: 2}, resourceStatus(2, 0, allocator.ResourcePending, 1),
			},
			quiet: []allocator.AuditEntry{
				{Kind: allocator.AuditAllocate, Lease: 1, Resource: 1}, resourceStatus(1, 0, allocator.ResourcePending, 0),
				resourceStatus(1, allocator.ResourcePending, allocator.ResourceActive, 1),
				{Kind: allocator.AuditAllocate, Lease: 1, Resource: 2}, resourceStatus(2, 0, allocator.ResourcePending, 2),
			},
		},
		{
			name: "a reclaim of a resource a lease left one second ago", inv: InvReclaimRules,
			facts: []allocator.AuditEntry{
				resourceStatus(1, 0, allocator.ResourceActive, 0),
				{Kind: allocator.AuditLink, Lease: 1, Resource: 1, ResourceStatus: allocator.ResourceActive, Time: at(1)},
				leaseStatus(1, allocator.LeaseReleased, allocator.LeaseDestroyed, 60),
				{Kind: allocator.AuditResourceRelease, Resource: 1, Cause: allocator.CauseReclaim, Time: at(61)},
			},
			quiet: []allocator.AuditEntry{
				resourceStatus(1, 0, allocator.ResourceActive, 0),
				{Kind: allocator.AuditLink, Lease: 1, Resource: 1, ResourceStatus: allocator.ResourceActive, Time: at(1)},
				leaseStatus(1, allocator.LeaseReleased, allocator.LeaseDestroyed, 60),
				{Kind: allocator.AuditResourceRelease, Resource: 1, Cause: allocator.CauseReclaim, Time: at(64)},
			},
		},
		{
			name: "a reclaim of a resource saved a second ago", inv: InvReclaimRules,
			facts: []allocator.AuditEntry{
				resourceStatus(1, 0, allocator.ResourceActive, 10),
				{Kind: allocator.AuditResourceRelease, Resource: 1, Cause: allocator.CauseReclaim, Time: at(11)},
			},
			quiet: []allocator.AuditEntry{
				resourceStatus(1, 0, allocator.ResourceActive, 10),
				{Kind: allocator.AuditResourceRelease, Resource: 1, Cause: allocator.CauseReclaim, Time: at(20)},
			},
		},
		{
			name: "one release command taking effect twice", inv: InvCommandEffects,
			facts: []allocator.AuditEntry{
				{Kind: allocator.AuditCommand, Command: 1, Owner: allocator.LeaseRef(1), Cause: "release"},
				{Kind: allocator.AuditLeaseStatus, Lease: 1, From: uint8(allocator.LeaseActive), To: uint8(allocator.LeaseReleased), Command: 1},
				{Kind: allocator.AuditLeaseStatus, Lease: 1, From: uint8(allocator.LeaseDestroyed), To: uint8(allocator.LeaseReleased), Command: 1},
			},
			quiet: []allocator.AuditEntry{
				{Kind: allocator.AuditCommand, Command: 1, Owner: allocator.LeaseRef(1), Cause: "release"},
				{Kind: allocator.AuditLeaseStatus, Lease: 1, From: uint8(allocator.LeaseActive), To: uint8(allocator.LeaseReleased), Command: 1},
				{Kind: allocator.AuditConsume, Command: 1},
			},
		},
		{
			name: "a resource torn down while it is being set up", inv: InvHooksSerial,
			facts: []allocator.AuditEntry{
				{Kind: allocator.AuditHookStart, Hook: allocator.HookActivateResource, Resource: 1},
				{Kind: allocator.AuditHookStart, Hook: allocator.HookDestroyResource, Resource: 1},
			},
			quiet: []allocator.AuditEntry{
				{Kind: allocator.AuditHookStart, Hook: allocator.HookActivateResource, Resource: 1},
				{Kind: allocator.AuditHook, Hook: allocator.HookActivateResource, Resource: 1},
				{Kind: allocator.AuditHookStart, Hook: allocator.HookDestroyResource, Resource: 1},
			},
		},
	}
}

func TestFactInvariantsCatchBrokenFacts(t *testing.T) {
	for _, tc := range brokenFactCases() {
		t.Run(tc.name, func(t *testing.T) {
			bad := newFactsRig(t)
			bad.commit(tc.facts...) // one commit, as one transaction writes them
			bad.chk.checkQuiescent()
			require.True(t, bad.broke(tc.inv), "%s not caught; violations: %v", tc.inv, bad.chk.violations)
			good := newFactsRig(t)
			good.commit(tc.quiet...)
			good.chk.checkQuiescent()
			require.False(t, good.broke(tc.inv), "%s on correct facts: %v", tc.inv, good.chk.violations)
		})
	}
}

type quiescentFacts struct {
	name  string
	inv   string
	facts []allocator.AuditEntry
	want  bool
}

// quiescentFactCases run on a store holding lease 1 and a release command
// for resource 1.
func quiescentFactCases() []quiescentFacts {
	failed := allocator.AuditEntry{Kind: allocator.AuditHook, Hook: allocator.HookActivateLease, Lease: 1, Resource: 1, Cause: "hoax: failed", Time: at(10)}
	return []quiescentFacts{
		{"activation failed, lease never broken", InvFailedActivationBreaks, []allocator.AuditEntry{failed}, true},
		{"activation failed, lease broken for another cause", InvFailedActivationBreaks, []allocator.AuditEntry{failed,
			{Kind: allocator.AuditLeaseStatus, Lease: 1, From: uint8(allocator.LeaseAcquired), To: uint8(allocator.LeaseBroken), Cause: allocator.BreakAcquireErrors.String(), Time: at(11)}}, true},
		{"activation failed, broken an hour later", InvFailedActivationBreaks, []allocator.AuditEntry{failed,
			{Kind: allocator.AuditLeaseStatus, Lease: 1, From: uint8(allocator.LeaseAcquired), To: uint8(allocator.LeaseBroken), Cause: allocator.BreakActivation.String(), Time: at(3610)}}, true},
		{"activation failed, broken for it at once", InvFailedActivationBreaks, []allocator.AuditEntry{failed,
			{Kind: allocator.AuditLeaseStatus, Lease: 1, From: uint8(allocator.LeaseAcquired), To: uint8(allocator.LeaseBroken), Cause: allocator.BreakActivation.String(), Time: at(11)}}, false},
		{"a release never consumed", InvCommandEffects, []allocator.AuditEntry{
			{Kind: allocator.AuditCommand, Command: 1, Owner: allocator.ResourceRef(1), Cause: "release"},
			{Kind: allocator.AuditResourceRelease, Resource: 1, Cause: allocator.CauseReleaseCommand, Command: 1}}, true},
	}
}

// The quiescent checks over facts: a failed lease activation must break
// the lease for that reason, soon; a command that took effect must be
// consumed.
func TestQuiescentFactChecks(t *testing.T) {
	for _, tc := range quiescentFactCases() {
		t.Run(tc.name, func(t *testing.T) {
			rig := newFactsRig(t)
			// the checker lists the store's leases and commands: give it one of each
			rig.w.Go("setup", func() {
				_ = rig.store.Tx("lease", func(tx *allocator.Tx) error { tx.InsertLease(allocator.Lease{}); return nil })
				_ = rig.store.Tx("command", func(tx *allocator.Tx) error {
					tx.InsertCommand(allocator.Command{Target: allocator.ResourceRef(1), Kind: allocator.CommandRelease})
					return nil
				})
			})
			rig.w.Run()
			rig.chk.violations = nil
			rig.commit(tc.facts...)
			rig.chk.checkQuiescent()
			require.Equal(t, tc.want, rig.broke(tc.inv), "%v", rig.chk.violations)
		})
	}
}
