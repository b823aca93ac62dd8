// Package scenarios is what runs inside a world: one file per documented
// race (its workload, hoax knobs, failpoints, the fixes that close it and
// a recipe that makes it happen on seed 1), the requesters that drive it,
// and the checker that watches it. It starts no goroutine, reads no clock
// and takes every random number from the world (docs/determinism.md); a
// test checks the whole package for that. Running worlds — one, many in
// parallel, shrinking, replay files — is package scenarios/harness.
//
// # What a run is
//
// An Identity names a run: scenario, locking strategy, scheduler, seed,
// worker count, overrides and failpoints. Its field list is the one
// vocabulary of drysim: flags (Register), the repro line (Args, Command),
// a replay file's header (WriteFields, Setter) and a sweep's key (String)
// are four spellings of it, so nothing spells a run out by hand.
//
//	id := scenarios.Identity{Scenario: "reclaim-race", Strategy: "naive", Seed: 1}
//	fmt.Println(id.Command("run"))
//	// drysim run -scenario reclaim-race -strategy naive -seed 1 -workers 64
//
// Prepare checks an identity against its scenario; Prepared.Start builds
// the experiment inside a sim.World (allocator, hoax blueprint, requesters
// and a conductor) and Experiment.Finish reads what it found once the world
// has run. The harness does exactly that around w.Run.
//
// # Invariants
//
// Invariants is one table: name, doc, phase (step, quiescent, liveness),
// whether it is forbidden or only measured, and its checks as hooks the
// checker calls at the moments they name (an audit entry, a committed row,
// quiescence, the liveness deadline). The checker reads only the store,
// its audit log and the hoax's counts: never what the allocator meant to
// do. Step invariants hold after every committed step; quiescent ones once
// the queue has drained, because Drydock lets them lapse between two
// worker runs (an active lease on a released resource while its release
// command is still queued).
//
// # Fixes and expectations
//
// A scenario declares the fixes that close its race (ClosedBy); what every
// strategy must do follows (Expectations): one that lacks a closing fix
// must reproduce the race within ReproduceSeeds, one that closes all of
// them must break no invariant over HoldSeeds. The catalogue test fails
// when a fix closes no scenario, a scenario has no recipe, or an invariant
// has no check.
package scenarios
