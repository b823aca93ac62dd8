package scenarios_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
)

// Every recipe reproduces its race on seed 1 with every racy strategy the
// scenario names, and on slot breaks nothing slot is meant to hold.
func TestEveryRecipeReproducesOnSeedOne(t *testing.T) {
	for _, rc := range scenarios.Recipes() {
		s, err := scenarios.ByName(rc.Name)
		require.NoError(t, err)
		for _, e := range s.Expect {
			t.Run(rc.Name+"/"+e.Strategy, func(t *testing.T) {
				res := run(t, scenarios.RunConfig{Scenario: rc.Name, Strategy: e.Strategy, Seed: 1, Failpoints: rc.Failpoints})
				if e.Reproduces {
					require.True(t, res.Reproduced(), "recipe must reproduce on seed 1: %v\nrepro: %s", res.Violations, res.Repro())
					return
				}
				for _, v := range res.Violations {
					require.Equal(t, scenarios.InvReclaimStall, v.Invariant, "%s must hold under the recipe: %v\nrepro: %s", e.Strategy, v, res.Repro())
				}
				require.Equal(t, "done", res.Outcome.String(), res.Reason)
				if s.Steals && e.Strategy == "slot" {
					require.Positive(t, res.Metrics.Steals, "the steal recipe makes a steal happen on slot too")
				}
			})
		}
	}
}
