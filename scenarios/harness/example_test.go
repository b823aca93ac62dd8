package harness_test

import (
	"context"
	"fmt"
	"time"

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

// Verify searches every schedule of one small run within a bound. At the
// size of release-race's shrunk story the naive strategy releases a lease
// twice within one delay of the fixed schedule, and the violating schedule
// replays to the same hash; slot holds for every schedule within two.
func ExampleVerify() {
	run := scenarios.Identity{Scenario: "release-race", Strategy: "naive", Seed: 507, Workers: 1, Leases: 1, Clients: 1, Limit: 1,
		Poll: 10 * time.Minute, NoScenarioFailpoints: true}
	for _, strategy := range []string{"naive", "slot"} {
		run.Strategy = strategy
		res, err := harness.Verify(harness.VerifyConfig{Run: run, Preemptions: 2, Delays: true, Reduction: true, Timers: true, Invariant: harness.VerifyRace})
		if err != nil {
			fmt.Println(err)
			return
		}
		replayed := res.File != nil && res.File.Hash == res.Failure.HashString()
		fmt.Printf("%s: violation=%v complete=%v replayable=%v\n", strategy, res.Failed, res.Complete, replayed)
	}
	// Output:
	// naive: violation=true complete=false replayable=true
	// slot: violation=false complete=true replayable=false
}

// Hunt runs a scenario until a run breaks its race, here under feedback-
// guided search with the scenario's failpoints off; the finding is a
// replay file that reruns to its hash.
func ExampleHunt() {
	res, err := harness.Hunt(context.Background(), harness.HuntConfig{
		Run:    scenarios.Identity{Scenario: "release-race", Strategy: "naive", NoScenarioFailpoints: true},
		Search: harness.Guided, Runs: 50, RaceOnly: true, Parallel: 1,
	})
	if err != nil || res.Found == nil {
		fmt.Println("nothing found:", err)
		return
	}
	again, err := res.File.Run() // strict: a different hash is an error
	fmt.Println("found:", res.Found.Reproduced())
	fmt.Println("replays to its hash:", err == nil && again.HashString() == res.File.Hash)
	// Output:
	// found: true
	// replays to its hash: true
}
