package scenarios

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
)

// The live checker is the simulator's, driven from a log: these tests
// replay the same broken facts and whole simulated runs through it and
// require the simulator's verdicts.

// liveRig's configuration is newFactsRig's.
func liveRig() *LiveChecker {
	return NewLiveChecker(LiveCheck{Hoax: hoax.Config{Limit: 2, LeasesPerResource: 1}, Timings: allocator.Timings{ReclaimIdle: 3 * time.Second}})
}

// oneCommit marks facts as one transaction's, as a store would.
func oneCommit(facts []allocator.AuditEntry) []allocator.AuditEntry {
	out := slices.Clone(facts)
	out[len(out)-1].EndsCommit = true
	return out
}

func broke(vs []Violation, inv string) bool {
	return slices.ContainsFunc(vs, func(v Violation) bool { return v.Invariant == inv })
}

func isLive(inv string) bool {
	return slices.ContainsFunc(LiveInvariants(), func(i Invariant) bool { return i.Name == inv })
}

func TestLiveReplayCatchesTheSameBrokenFacts(t *testing.T) {
	for _, tc := range brokenFactCases() {
		t.Run(tc.name, func(t *testing.T) {
			require.True(t, isLive(tc.inv), "every step invariant runs live")
			bad := liveRig()
			bad.Replay(allocator.Dump{Audit: oneCommit(tc.facts)})
			bad.Quiescent()
			require.True(t, broke(bad.Violations(), tc.inv), "%s not caught live; violations: %v", tc.inv, bad.Violations())
			good := liveRig()
			good.Replay(allocator.Dump{Audit: oneCommit(tc.quiet)})
			good.Quiescent()
			require.False(t, broke(good.Violations(), tc.inv), "%s on correct facts, live: %v", tc.inv, good.Violations())
		})
	}
}

// The quiescent fact checks, live: command-effects as in the simulator;
// failed-activation-breaks is left out live (its bound is model time).
func TestLiveReplayQuiescentFactChecks(t *testing.T) {
	rows := allocator.Dump{
		Leases:   []allocator.Lease{{ID: 1}},
		Commands: []allocator.Command{{ID: 1, Target: allocator.ResourceRef(1), Kind: allocator.CommandRelease}},
	}
	for _, tc := range quiescentFactCases() {
		t.Run(tc.name, func(t *testing.T) {
			d := rows
			d.Audit = oneCommit(tc.facts)
			lc := liveRig()
			lc.Replay(d)
			lc.Quiescent()
			require.Equal(t, tc.want && isLive(tc.inv), broke(lc.Violations(), tc.inv), "%v", lc.Violations())
		})
	}
}

// A slot lock checked at the end of its commit, not at its entry: the
// lease's link comes after its lease slot in the same transaction, so
// replaying commit by commit matters.
func TestLiveReplayReadsTheLogCommitByCommit(t *testing.T) {
	slot := allocator.AuditEntry{Kind: allocator.AuditSlotAcquire, Owner: allocator.LeaseRef(1), Keys: []string{"hoax.resource(8).lease(0)"}}
	link := allocator.AuditEntry{Kind: allocator.AuditLink, Lease: 1, Resource: 8, ResourceStatus: allocator.ResourceActive, EndsCommit: true}
	lc := liveRig()
	lc.Replay(allocator.Dump{Audit: []allocator.AuditEntry{slot, link}})
	require.Empty(t, lc.Violations(), "slot and link in one commit")
	slot.EndsCommit = true
	lc = liveRig()
	lc.Replay(allocator.Dump{Audit: []allocator.AuditEntry{slot, link}})
	require.True(t, broke(lc.Violations(), InvSlotLockOwners), "a lease slot committed before its link: %v", lc.Violations())
}

// A resource saved before its attributes has none in the store until the
// commit that sets them, though a dump taken after the run shows them: the
// replay hides them until then, so a build while it was still unattributed
// is judged as the simulator judges it (needless-build).
func TestLiveReplayHidesAttributesUntilTheirCommit(t *testing.T) {
	linux := allocator.Attrs(hoax.AttrFlavour, "linux")
	d := allocator.Dump{
		Leases: []allocator.Lease{{ID: 1, Wants: linux}, {ID: 2, Wants: linux}},
		Resources: []allocator.Resource{
			{ID: 1, Blueprint: 1, Attributes: linux, AttributesSet: true},
			{ID: 2, Blueprint: 1, Attributes: linux, AttributesSet: true},
		},
		Audit: []allocator.AuditEntry{
			{Kind: allocator.AuditAllocate, Lease: 1, Resource: 1},
			{Kind: allocator.AuditResourceStatus, Resource: 1, To: uint8(allocator.ResourceActive), EndsCommit: true},
			{Kind: allocator.AuditAllocate, Lease: 2, Resource: 2},
			{Kind: allocator.AuditResourceStatus, Resource: 2, To: uint8(allocator.ResourceActive), EndsCommit: true},
			{Kind: allocator.AuditAttributes, Resource: 1, EndsCommit: true},
		},
	}
	lc := liveRig()
	lc.Replay(d)
	require.True(t, broke(lc.Violations(), InvNeedlessBuild), "lease 2 built while resource 1 would have served it: %v", lc.Violations())
}

// Simulated Drydock runs (every scenario, each strategy it expects
// something of, three seeds), checked by the live checker both ways, as
// the store's observer beside the simulator's checker and by replaying
// the store's dump afterwards, give the simulator's violations of the live
// invariants, in the same order: one checker, whichever way it is driven.
// The two live ways agree on steps (commits) and times too.
func TestLiveCheckerAgreesWithTheSimulator(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every Drydock scenario")
	}
	for _, s := range All() {
		if s.System().Name != "drydock" {
			continue
		}
		for _, e := range s.Expectations() {
			for seed := uint64(1); seed <= 3; seed++ {
				t.Run(fmt.Sprintf("%s/%s/%d", s.Name, e.Strategy, seed), func(t *testing.T) {
					simulated, observed, replayed := checkThreeWays(t, Identity{Scenario: s.Name, Strategy: e.Strategy, Seed: seed})
					require.Equal(t, liveText(simulated), liveText(observed), "observed live")
					require.Equal(t, observed, replayed, "replayed from the dump")
				})
			}
		}
	}
}

// checkThreeWays runs id in a world whose store tells both the simulator's
// checker and a LiveChecker of each commit, then replays the store's dump
// through another LiveChecker.
func checkThreeWays(t *testing.T, id Identity) (simulated, observed, replayed []Violation) {
	t.Helper()
	p, err := Prepare(id)
	require.NoError(t, err)
	w := sim.New(sim.Config{Seed: id.Seed, Scheduler: p.Scheduler(), MaxTime: p.MaxTime(), EarlyTimers: sim.DefaultEarlyTimers})
	exp, err := p.Start(w, "")
	require.NoError(t, err)
	cfg := LiveCheck{Hoax: exp.h.Config(), Timings: exp.a.Timings()}
	obs := NewLiveChecker(cfg)
	store := exp.a.Store()
	obs.chk.rows = storeRows{store}
	store.Observe(func(cm allocator.Commit) { exp.chk.onCommit(cm); obs.commit(cm) })
	res := w.Run()
	f := exp.Finish(res)
	require.Less(t, len(f.Violations), maxViolations, "a capped list may hold different violations")
	d, err := store.Dump()
	require.NoError(t, err)
	rep := NewLiveChecker(cfg)
	rep.Replay(d)
	for _, lc := range []*LiveChecker{obs, rep} {
		for l := range exp.chk.abandoned { //drysim:order-independent: a set
			lc.Abandoned(l)
		}
		if res.Outcome == sim.Done && f.Drained {
			lc.Quiescent()
		}
	}
	return f.Violations, obs.Violations(), rep.Violations()
}

// liveText is the live invariants' violations as text, without the step
// and time (the world's in the simulator, a commit count and the log's
// clock live).
func liveText(vs []Violation) (out []string) {
	for _, v := range vs {
		if isLive(v.Invariant) {
			out = append(out, fmt.Sprintf("%s %v %s", v.Invariant, v.ObjectNames(), v.Detail))
		}
	}
	return out
}
