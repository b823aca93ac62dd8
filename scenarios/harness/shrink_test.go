package harness_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// firstFailingSeed is the seed check reports for a racy strategy.
func firstFailingSeed(t *testing.T, scenario, strategy string) uint64 {
	t.Helper()
	rows := check(t, harness.CheckConfig{Scenario: scenario, Strategies: []string{strategy}})
	require.True(t, rows[0].OK)
	return rows[0].FirstSeed
}

func TestShrinkReclaimRaceToASmallStoryThatReplays(t *testing.T) {
	seed := firstFailingSeed(t, "reclaim-race", "naive")
	start := time.Now()
	// A budget given to shrink is every run's, and the file's.
	res, err := harness.Shrink(harness.ShrinkConfig{Run: scenarios.Identity{Scenario: "reclaim-race", Strategy: "naive", Seed: seed, Workers: 64}, Budget: 2 * time.Hour})
	require.NoError(t, err)
	took := time.Since(start)
	t.Logf("reclaim-race/naive seed %d, %s, in %v (%d runs)\n  before: %s\n  after:  %s", seed, res.Invariant, took, res.Runs, res.Before, res.After)

	require.Contains(t, []string{scenarios.InvReclaimIdleOnly, scenarios.InvAcquireLiveResource}, res.Invariant)
	require.Equal(t, 64, res.Before.Workers)
	require.LessOrEqual(t, res.After.Workers, 4)
	require.LessOrEqual(t, res.After.Leases, 3)
	require.LessOrEqual(t, res.After.Points, 80, "scheduling points in the shrunk story (sim.Kind.IsPoint)")
	require.LessOrEqual(t, res.After.Forced, res.After.Decisions)
	require.Equal(t, 2*time.Hour, res.File.Budget)
	require.Equal(t, 2*time.Hour, res.Result.Budget)
	require.Equal(t, res.Invariant, res.Result.Violations[len(res.Result.Violations)-1].Invariant, "the run ends at the violation")

	var b bytes.Buffer
	require.NoError(t, res.File.Write(&b))
	file, err := harness.ParseReplayFile(strings.NewReader(b.String()))
	require.NoError(t, err)
	for range 3 {
		again, err := file.Run()
		require.NoError(t, err, "the shrunk file replays strictly with its hash")
		require.Equal(t, res.File.Hash, again.HashString())
	}
}

// Every racy strategy of every scenario shrinks to a run that still breaks
// the same invariant (sizes logged for the record). It takes minutes on 2
// cores, so it runs under make long (DRYSIM_LONG=1); make test replays
// every race's stored shrunk story (TestRaceStories) and shrinks one race
// afresh (TestShrinkReclaimRaceToASmallStoryThatReplays).
func TestShrinkEveryRace(t *testing.T) {
	if os.Getenv("DRYSIM_LONG") == "" {
		t.Skip("shrinks every racy scenario: DRYSIM_LONG=1 (make long) runs it")
	}
	for _, s := range scenarios.All() {
		for _, e := range s.Expectations() {
			if !e.Reproduces || e.Strategy != "naive" {
				continue
			}
			seed := firstFailingSeed(t, s.Name, e.Strategy)
			start := time.Now()
			res, err := harness.Shrink(harness.ShrinkConfig{Run: scenarios.Identity{Scenario: s.Name, Strategy: e.Strategy, Seed: seed, Workers: 64}})
			require.NoError(t, err, s.Name)
			t.Logf("%-22s %-22s %6v  before %s\n%52s after  %s", s.Name, res.Invariant, time.Since(start).Round(time.Millisecond), res.Before, "", res.After)
			require.LessOrEqual(t, res.After.Workers, res.Before.Workers)
			require.LessOrEqual(t, res.After.Leases, res.Before.Leases)
			require.Less(t, res.After.Steps, res.Before.Steps)
			require.Equal(t, res.Invariant, res.Result.Violations[len(res.Result.Violations)-1].Invariant, "the shrunk run still breaks %s", res.Invariant)
		}
	}
}
