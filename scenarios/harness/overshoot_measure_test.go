package harness_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// go test ./scenarios/harness -run TestMeasureLimitOvershoot -v with
// DRYSIM_MEASURE=1: how often, and how long, resources that are not
// destroyed exceed the blueprint limit under the reference strategy, while
// the invariant on limit-slot holders holds (docs/figures.md).
func TestMeasureLimitOvershoot(t *testing.T) {
	if os.Getenv("DRYSIM_MEASURE") == "" {
		t.Skip("a measurement: set DRYSIM_MEASURE=1")
	}
	for _, c := range []struct {
		scenario string
		limit    int
	}{{"double-allocation", 0}, {"reclaim-race", 0}, {"lost-hosts", 0}, {"reclaim-race", 1}, {"lost-hosts", 1}} {
		seeds, count, steps, broken := 0, 0, int64(0), 0
		for seed := uint64(1); seed <= 1000; seed++ {
			res := run(t, scenarios.Identity{Scenario: c.scenario, Strategy: "phabricator", Seed: seed, Limit: c.limit})
			m := res.Metrics
			if m.LimitOvershoots > 0 {
				seeds++
			}
			count += m.LimitOvershoots
			steps += m.LimitOvershootSteps
			for _, v := range res.Violations {
				if v.Invariant == scenarios.InvBlueprintLimit {
					broken++
				}
			}
		}
		t.Logf("%-18s limit %d: %d of 1000 seeds overshoot, %d overshoots lasting %d steps in all (0 virtual time each); blueprint-limit broken %d times",
			c.scenario, c.limit, seeds, count, steps, broken)
		if broken > 0 {
			t.Errorf("limit-slot holders exceeded the limit")
		}
	}
	_ = harness.Options{}
}

// The overshoot is real and measured, and the invariant is on the slot
// holders: widen the gap between a released resource freeing its limit
// slot and saving itself destroyed, and new resources take the freed slot
// while the old one is not destroyed yet.
func TestLimitOvershootIsMeasuredNotForbidden(t *testing.T) {
	wide := []scenarios.Failpoint{{Name: "allocator/afterSlotRelease", Terms: `return("20s")`}}
	seeds, overshoots := 0, 0
	for seed := uint64(1); seed <= 20; seed++ {
		res := run(t, scenarios.Identity{Scenario: "reclaim-race", Strategy: "slot", Seed: seed, Failpoints: wide})
		require.Nil(t, res.FirstForbidden(), "slot holds with the gap widened\nrepro: %s", res.Repro())
		if res.Metrics.LimitOvershoots > 0 {
			seeds++
			overshoots += res.Metrics.LimitOvershoots
			require.Positive(t, res.Metrics.LimitOvershootTime)
		}
	}
	t.Logf("with the gap widened to 20 s: %d of 20 seeds overshoot, %d times", seeds, overshoots)
	require.Positive(t, seeds)
}
