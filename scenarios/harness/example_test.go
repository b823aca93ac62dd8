package harness_test

import (
	"fmt"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// One seed of the reclaim race under the naive strategy: the race shows,
// and the result says how to rerun exactly this run.
func ExampleRun() {
	res, err := harness.Run(scenarios.Identity{Scenario: "reclaim-race", Strategy: "naive", Seed: 1}, harness.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("race reproduced:", res.Reproduced())
	fmt.Println("invariant:", res.FirstRaceViolation().Invariant)
	fmt.Println("repro:", res.Repro())

	fixed, _ := harness.Run(scenarios.Identity{Scenario: "reclaim-race", Strategy: "slot", Seed: 1}, harness.Options{})
	fmt.Println("slot breaks an invariant:", fixed.Failed())
	// Output:
	// race reproduced: true
	// invariant: acquire-live-resource
	// repro: drysim run -scenario reclaim-race -strategy naive -seed 1 -workers 64
	// slot breaks an invariant: false
}
