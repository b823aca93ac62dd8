package harness_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// Every recipe reproduces its race on seed 1 with every racy strategy the
// scenario names, and on slot breaks nothing slot is meant to hold. The
// baseline lacks every fix at once, so on seed 1 it may fall into another
// race first (on reclaim-race it builds past the limit before any reclaim
// is needed); the recipe must still make it fail there.
func TestEveryRecipeReproducesOnSeedOne(t *testing.T) {
	for _, s := range scenarios.All() {
		for _, e := range s.Expectations() {
			if notFor(s, e.Strategy) {
				continue
			}
			t.Run(s.Name+"/"+e.Strategy, func(t *testing.T) {
				res := run(t, scenarios.Identity{Scenario: s.Name, Strategy: e.Strategy, Seed: 1, Failpoints: s.Recipe.Failpoints})
				switch {
				case e.Reproduces && isBaseline(s, e.Strategy):
					require.NotNil(t, res.FirstForbidden(), "recipe must make the baseline fail on seed 1\nrepro: %s", res.Repro())
					return
				case e.Reproduces:
					require.True(t, res.Reproduced(), "recipe must reproduce on seed 1: %v\nrepro: %s", res.Violations, res.Repro())
					return
				}
				require.Nil(t, res.FirstForbidden(), "%s must hold under the recipe\nrepro: %s", e.Strategy, res.Repro())
				require.Equal(t, sim.Done, res.Outcome, res.Reason)
				if s.Steals && e.Strategy == s.System().Reference {
					require.Positive(t, res.Metrics.Steals, "the steal recipe makes a steal happen on slot too")
				}
			})
		}
	}
}

// notFor reports whether strategy is the ablation of a fix the scenario's
// recipe says it does not reproduce on seed 1.
func notFor(s *scenarios.Scenario, strategy string) bool {
	for _, f := range s.Recipe.NotFor {
		if allocator.Ablation(f).Name == strategy {
			return true
		}
	}
	return false
}
