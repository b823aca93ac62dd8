package harness_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

func run(t *testing.T, id scenarios.Identity) *harness.Result {
	t.Helper()
	return runWith(t, id, harness.Options{})
}

func runWith(t *testing.T, id scenarios.Identity, opts harness.Options) *harness.Result {
	t.Helper()
	res, err := harness.Run(id, opts)
	require.NoError(t, err)
	return res
}

func check(t *testing.T, cfg harness.CheckConfig) []harness.CheckRow {
	t.Helper()
	rows, err := harness.Check(context.Background(), cfg)
	require.NoError(t, err)
	return rows
}

// Same scenario, seed, strategy and workers: same trace hash, at any
// GOMAXPROCS, run after run.
func TestRunsAreDeterministicAtAnyGOMAXPROCS(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, sc := range scenarios.All() {
		name := sc.Name
		for _, strategy := range testStrategies(sc) {
			cfg := scenarios.Identity{Scenario: name, Strategy: strategy, Seed: 7}
			want := run(t, cfg)
			for _, procs := range []int{1, 2} {
				runtime.GOMAXPROCS(procs)
				for range 2 {
					got := run(t, cfg)
					require.Equal(t, want.HashString(), got.HashString(), "%s/%s GOMAXPROCS=%d", name, strategy, procs)
					require.Equal(t, want.Violations, got.Violations)
					require.Equal(t, want.Metrics, got.Metrics)
				}
			}
		}
	}
}

// Check folds seeds in seed order whatever order the parallel runner
// finishes them in: one world at a time and four side by side give the
// same rows.
func TestCheckDoesNotDependOnParallelism(t *testing.T) {
	cfg := harness.CheckConfig{Scenario: "reclaim-race", Seeds: 12, Runner: harness.Runner{Parallel: 1}}
	one := check(t, cfg)
	cfg.Runner.Parallel = 4
	require.Equal(t, one, check(t, cfg))
}

func TestAViolationNamesInvariantObjectsStepAndTime(t *testing.T) {
	const strategy = "slot-without=reclaim-recheck-under-lock"
	rows := check(t, harness.CheckConfig{Scenario: "reclaim-race", Strategies: []string{strategy}})
	require.True(t, rows[0].OK, "the ablation reproduces within its expectation")
	res := run(t, scenarios.Identity{Scenario: "reclaim-race", Strategy: strategy, Seed: rows[0].FirstSeed})
	v := res.FirstRaceViolation()
	require.NotNil(t, v)
	require.Equal(t, rows[0].First, v.String(), "check and run tell the same story")
	require.Equal(t, rows[0].Hash, res.HashString())
	require.Equal(t, scenarios.InvReclaimIdleOnly, v.Invariant)
	require.NotEmpty(t, v.Objects)
	require.Equal(t, allocator.KindResource, v.Objects[0].Kind)
	require.Positive(t, v.Step)
	require.Positive(t, v.Time)
	require.Regexp(t, `^reclaim-idle-only \[resource:\d+\] at step \d+ \(\+.+\): reclaim released resource \d+ with leases \[\d+(?: \d+)*\] linked to it$`, v.String())
	require.Equal(t, fmt.Sprintf("drysim run -scenario reclaim-race -strategy %s -seed %d -workers 64", strategy, rows[0].FirstSeed), res.Repro())
}

// Every expectation of every scenario, with fewer seeds: the fast form of
// `drysim check -scenario all` (make test also runs it with more).
func TestEveryExpectationHoldsOnAFewSeeds(t *testing.T) {
	for _, name := range scenarios.Names() {
		rows := check(t, harness.CheckConfig{Scenario: name, Seeds: 8})
		for _, r := range rows {
			require.True(t, r.OK, "%s / %s expected to %s: %d failing, first seed %d: %s\nrepro: %s",
				r.Scenario, r.Strategy, r.Expect, r.Failing, r.FirstSeed, r.First, r.Repro)
		}
	}
}

// Some seeds of reclaim-race on slot park a lease behind a refused reclaim
// (about 1 in 50). The hole is reported as reclaim-stall, not as a generic
// liveness failure, and check counts it without failing slot.
func TestReclaimStallIsReportedAndMeasured(t *testing.T) {
	var res *harness.Result
	for seed := uint64(1); seed <= 1500 && res == nil; seed++ {
		r := run(t, scenarios.Identity{Scenario: "reclaim-race", Strategy: "slot", Seed: seed})
		if len(r.Violations) > 0 {
			res = r
		}
	}
	require.NotNil(t, res, "no seed in 1..1500 shows the stall (it used to appear on about 2%)")
	for _, v := range res.Violations {
		require.Equal(t, scenarios.InvReclaimStall, v.Invariant, "slot breaks nothing else: %v", v)
		require.Contains(t, v.Detail, "its reclaim was refused and the resource stays active")
		l, err := res.Store.PeekLease(v.Objects[0].ID)
		require.NoError(t, err)
		require.Equal(t, allocator.LeasePending, l.Status)
		require.Contains(t, l.Reclaimed, v.Objects[1].ID)
		r, _ := res.Store.PeekResource(v.Objects[1].ID)
		require.Equal(t, allocator.ResourceActive, r.Status)
	}
	rows := check(t, harness.CheckConfig{Scenario: "reclaim-race", Strategies: []string{"slot"}, Seeds: 1, FirstSeed: res.Identity.Seed})
	require.True(t, rows[0].OK)
	require.Equal(t, 1, rows[0].Stalls, "stalls count seeds")
	require.Equal(t, len(res.Violations), rows[0].StalledLeases, "and the leases parked in them")
	require.Equal(t, []uint64{res.Identity.Seed}, rows[0].StalledSeeds)
}

func TestLeaseOverrideAndBadConfig(t *testing.T) {
	res := run(t, scenarios.Identity{Scenario: "release-race", Strategy: "slot", Seed: 1, Leases: 3})
	require.Equal(t, 3, res.Metrics.LeasesRequested)
	for _, bad := range []scenarios.Identity{
		{Scenario: "nope", Strategy: "slot"},
		{Scenario: "release-race", Strategy: "nope"},
		{Scenario: "release-race", Strategy: "slot", Workers: -1},
		{Scenario: "release-race", Strategy: "slot", Leases: scenarios.MaxLeases + 1},
		{Scenario: "release-race", Strategy: "slot", Failpoints: []scenarios.Failpoint{{Name: "x/y", Terms: "return(1)"}}},
	} {
		_, err := harness.Run(bad, harness.Options{})
		require.ErrorIs(t, err, scenarios.ErrConfig, fmt.Sprint(bad))
	}
	_, err := harness.Run(scenarios.Identity{Scenario: "release-race", Strategy: "slot"}, harness.Options{StopOn: "nothing"})
	require.ErrorIs(t, err, scenarios.ErrConfig)
}

func TestPCTSchedulerRunsAndReplays(t *testing.T) {
	cfg := scenarios.Identity{Scenario: "reclaim-race", Strategy: "naive", Seed: 3, Sched: sim.SchedulerSpec{Scheduler: sim.PCT{Depth: 3}}}
	a, b := run(t, cfg), run(t, cfg)
	require.Equal(t, a.HashString(), b.HashString())
	require.NotEqual(t, run(t, scenarios.Identity{Scenario: "reclaim-race", Strategy: "naive", Seed: 3}).HashString(), a.HashString())
	require.Contains(t, a.Repro(), "-sched pct:3")
}

// With fewer bindings than the limit, slot's leases do take the last
// binding and collide on its slot lock, and the loser is never saved.
func TestScarceBindingsCollideAndHold(t *testing.T) {
	conflicts := 0
	for seed := uint64(1); seed <= 10; seed++ {
		res := run(t, scenarios.Identity{Scenario: "scarce-bindings", Strategy: "slot", Seed: seed})
		require.Nil(t, res.FirstForbidden(), res.Repro())
		conflicts += res.Metrics.SlotConflicts
	}
	require.Positive(t, conflicts, "the collision path is used")
}
