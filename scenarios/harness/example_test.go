package harness_test

import (
	"context"
	"fmt"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// Check finds the first seed on which the naive strategy shows the reclaim
// race; running that seed again gives the same run, and the reference
// strategy on the same seed breaks nothing.
func ExampleRun() {
	rows, err := harness.Check(context.Background(), harness.CheckConfig{Scenario: "reclaim-race", Strategies: []string{"naive"}})
	if err != nil || !rows[0].OK {
		fmt.Println("no seed reproduced:", err)
		return
	}
	id := scenarios.Identity{Scenario: "reclaim-race", Strategy: "naive", Seed: rows[0].FirstSeed}
	res, _ := harness.Run(id, harness.Options{})
	again, _ := harness.Run(id, harness.Options{})
	fmt.Println("race reproduced:", res.Reproduced())
	fmt.Println("same hash again:", again.HashString() == res.HashString())
	fmt.Println("repro line:", res.Repro() == id.Command("run"))

	id.Strategy = "slot"
	fixed, _ := harness.Run(id, harness.Options{})
	fmt.Println("slot breaks an invariant:", fixed.FirstForbidden() != nil)
	// Output:
	// race reproduced: true
	// same hash again: true
	// repro line: true
	// slot breaks an invariant: false
}
