// Package scenarios is what runs inside a world: the reference systems
// (System: Drydock, Atlantis, the containers/storage layer store), one file
// per documented race (its workload, failpoints, the fixes that close it
// and a recipe that makes it happen on seed 1), the drivers that run each
// system's workload, and the checkers that watch them. It starts no goroutine, reads no clock
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
// Prepare checks an identity against its scenario and its system;
// Prepared.Start builds the experiment inside a sim.World (for Drydock the
// allocator, hoax blueprint, requesters and a conductor; for the others
// their model, workers and conductor) and Experiment.Finish reads what it
// found once the world has run. The harness does exactly that around
// w.Run.
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
// The same checker watches live runs (allocator/liveload): LiveChecker
// puts a commit counter and the audit log's clock where the world's step
// and time were, and reads a store's rows as each commit leaves them
// (Observe) or a dump's, replaying its audit log commit by commit (Replay,
// hiding each resource's attributes until the commit that set them).
// LiveInvariants are the invariants it checks live: all but those whose
// bound is model time (Invariant.NotLive says why for each).
//
// # Systems
//
// Every scenario belongs to one System (Systems lists them): its named
// strategies and their roles, its fixes, failpoints and invariants, what a
// run's overrides mean in it, and how one of its scenarios is prepared and
// started inside a world. Drydock's are the allocator's lists and the
// checker's table; Atlantis (systems/atlantis) and the layer store
// (systems/layerstore) are models with runtime seams of their own, run in
// a world through systems/simrt, watched by checkers that read the events
// the models emit. A deadlock (the kernel's waits-for cycle) is their
// no-deadlock violation, naming the tasks, what each was doing and the
// locks.
//
// # Fixes and expectations
//
// A scenario declares the fixes that close its race (ClosedBy for Drydock,
// Closing by name for the others); what every strategy of its system must
// do follows (Expectations): one that does not close a closing fix must
// reproduce the race within ReproduceSeeds, one that closes all of them
// must break no invariant over HoldSeeds. Variants add racy strategies the
// reference's ablations do not reach. The catalogue test fails when a fix
// closes no scenario of its system, a scenario has no recipe or names
// another system's invariant, fix or failpoint, or an invariant has no
// check.
package scenarios
