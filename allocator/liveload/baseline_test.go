package liveload_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator/liveload"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// baselineCap is the wall time each live row may take
// (DRYSIM_BASELINE_CAP, a Go duration; 10 s by default).
func baselineCap(b testing.TB) time.Duration {
	if v := os.Getenv("DRYSIM_BASELINE_CAP"); v != "" {
		d, err := time.ParseDuration(v)
		require.NoError(b, err, "DRYSIM_BASELINE_CAP")
		return d
	}
	return 10 * time.Second
}

// simToFirst runs the simulator seed by seed, without the scenario's
// failpoints (as the live rows run), until a seed reproduces the race;
// it returns the seeds run and the wall time they took.
func simToFirst(b testing.TB, scenario, strategy string, maxSeeds int, cap time.Duration) (seeds int, wall time.Duration, found bool) {
	began := time.Now()
	for seed := uint64(1); int(seed) <= maxSeeds && time.Since(began) < cap; seed++ {
		res, err := harness.Run(scenarios.Identity{Scenario: scenario, Strategy: strategy, Seed: seed, Workers: 64, NoScenarioFailpoints: true}, harness.Options{})
		require.NoError(b, err)
		if res.Reproduced() {
			return int(seed), time.Since(began), true
		}
	}
	return maxSeeds, time.Since(began), false
}

// BenchmarkStressBaseline is the stress baseline: for every racy scenario
// and each strategy expected to reproduce it, the wall time to the first
// violation of the race live (the scenario's workload on real goroutines,
// the in-memory store, time scale 0.001, no failpoints, round after round
// until a violation or the cap) beside the simulator's (seed after seed,
// the same workload, no failpoints). The table goes to standard output.
func BenchmarkStressBaseline(b *testing.B) {
	cap := baselineCap(b)
	scale := 0.001
	if v := os.Getenv("DRYSIM_BASELINE_SCALE"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		require.NoError(b, err)
		scale = f
	}
	for b.Loop() {
		fmt.Printf("\nstress baseline: wall time to the first race violation, live (64 workers, time scale %g, cap %v) vs simulator (64 workers, seed by seed)\n", scale, cap)
		fmt.Printf("%-24s %-42s %7s %10s %-26s %6s %10s %9s\n", "scenario", "strategy", "rounds", "live", "live found", "seeds", "sim", "live/sim")
		for _, sc := range scenarios.All() {
			if sc.System().Name != "drydock" {
				continue // live runs are Drydock's allocator; the other systems run in the simulator only
			}
			for _, e := range sc.Expectations() {
				if e.Reproduces {
					baselineRow(b, sc.Name, e.Strategy, scale, cap)
				}
			}
		}
	}
}

func baselineRow(b *testing.B, scenario, strategy string, scale float64, cap time.Duration) {
	live, err := liveload.Stress(liveload.StressConfig{Scenario: scenario, Strategy: strategy, Workers: 64, TimeScale: scale, Cap: cap, Seed: 1})
	require.NoError(b, err)
	seeds, simWall, simFound := simToFirst(b, scenario, strategy, 1000, cap)
	liveFound, simText := "none within the cap", simWall.Round(time.Millisecond).String()
	if live.Found != nil {
		liveFound = live.Found.Invariant
	}
	if !simFound {
		simText = ">" + simText
	}
	ratio := fmt.Sprintf("%.0fx", live.Wall.Seconds()/simWall.Seconds())
	if live.Found == nil {
		ratio = ">" + ratio
	}
	if !simFound {
		ratio = "n/a"
	}
	fmt.Printf("%-24s %-42s %7d %10v %-26s %6d %10s %9s\n", scenario, strategy, live.Rounds, live.Wall.Round(time.Millisecond), liveFound, seeds, simText, ratio)
}

// The live stress finds a race the simulator finds, and holds where the
// reference strategy holds: one round each, to keep make test short.
func TestStressFindsARaceLive(t *testing.T) {
	if testing.Short() {
		t.Skip("seconds of wall-clock load")
	}
	res, err := liveload.Stress(liveload.StressConfig{Scenario: "double-allocation", Strategy: "naive", Workers: 64, TimeScale: 0.001, Cap: 20 * time.Second, Seed: 1})
	require.NoError(t, err)
	require.NotNil(t, res.Found, "naive breaks double-allocation's race invariants live within 20 s")
	require.Contains(t, []string{scenarios.InvBindingUnique, scenarios.InvBlueprintLimit}, res.Found.Invariant)

	res, err = liveload.Stress(liveload.StressConfig{Scenario: "double-allocation", Strategy: "slot", Workers: 64, TimeScale: 0.001, Cap: time.Second, Seed: 1})
	require.NoError(t, err)
	require.Nil(t, res.Found, "slot holds")
	require.Positive(t, res.Rounds)
}
