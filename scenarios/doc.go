// Package scenarios turns the allocator into experiments: one file per
// documented race, each with the workload that exposes it, the hoax knobs,
// the invariants that catch it, and what every strategy is expected to do.
//
// # A run
//
// Run builds a world from a RunConfig (scenario, strategy, seed, workers,
// scheduler, failpoints), starts the allocator's workers, a set of
// requesters ("clients") and a conductor, and runs it to the end:
//
//	res, err := scenarios.Run(scenarios.RunConfig{Scenario: "reclaim-race", Strategy: "naive", Seed: 1})
//	if v := res.FirstRaceViolation(); v != nil {
//		fmt.Println(v, "\nrepro:", res.Repro())
//	}
//
// The clients request leases, wait for them, hold them and release them.
// The conductor lets faults happen for the scenario's safety phase, then
// switches them off and gives every lease the liveness budget to become
// active or end, and the queue to drain, before it stops the allocator.
//
// # Invariants
//
// A checker watches every committed store step (Store.Observe) and reads
// only the store, its audit log and the hoax's counts: never what the
// allocator meant to do. Step invariants hold after every step; quiescent
// ones once the queue has drained, because Drydock lets them lapse between
// two worker runs (an active lease on a released resource while its
// release command is still queued). Invariants lists them; each violation
// names the invariant, the objects, the step and the virtual time.
//
// # Reproducing and shrinking
//
// Result.Repro is the drysim command line that reruns a run; NewReplayFile
// turns a run with its decisions into a ReplayFile (plain text, one
// decision per line) whose Run replays it strictly and checks its hash.
// Shrink reduces a failing run, configuration first (leases, workers,
// requesters, limit, failpoints), then decisions, to the forced context
// switches that still break the same invariant. Recipes are failpoint sets
// that make each race happen on seed 1.
//
// # Expectations
//
// Each scenario says, per strategy, "reproduces within K seeds" (some seed
// breaks one of its race invariants) or "holds over M seeds" (no seed
// breaks any invariant, measured ones aside: see InvReclaimStall). Check
// runs them, worlds in parallel, and returns one CheckRow per strategy
// with the first failing seed and the command that reruns it.
package scenarios
