// Package harness runs worlds: one run (Run), many side by side (Runner,
// bounded and streaming: it takes runs from an iterator as it has room),
// every strategy of a scenario against its expectation (Check), a sweep
// into a results file (Sweep), a failing run shrunk to its shortest story
// (Shrink), a search for a violation (Hunt), every schedule of a small run
// up to a preemption bound (Verify, over sim/verify), and runs saved and
// replayed as plain-text files (ReplayFile).
// It is the other side of the determinism line from package scenarios:
// here goroutines and files are allowed, inside a world they are not.
//
//	res, err := harness.Run(scenarios.Identity{Scenario: "reclaim-race", Strategy: "naive", Seed: 1}, harness.Options{})
//	if v := res.FirstRaceViolation(); v != nil {
//		fmt.Println(v, "\nrepro:", res.Repro())
//	}
//
// What a run is lives in scenarios.Identity; how it is executed (trace,
// decisions, where it stops, step budget, coroutine pool, a schedule to
// replay) is Options. A Result keeps the kernel's result for replay and
// drawing; Result.Record files it for a sweep.
//
// # Check
//
// Check runs each strategy's seeds through a Runner and folds them in
// seed order, so the rows are those a serial run would give, at any
// parallelism. A "reproduces" row stops taking seeds at the first one
// that reproduces; lower seeds still running finish and count.
//
// With CheckConfig.Variants every "holds" row runs again at
// VariantWorkers workers and under pct:3 (VariantSeeds seeds each), and
// with CheckConfig.Budgets a "holds" row also fails when its Cost (steps
// per lease, lock timeouts, virtual time to activate every lease) exceeds
// BudgetFactor times the recorded Baseline (testdata/baseline.json,
// rewritten by go test -run TestBudgetBaseline -update), so a fix that
// holds by becoming slow does not pass.
//
// # Liveness budgets
//
// A run's liveness budget is its scenario's (Prepared.Liveness), stretched
// in proportion when the run is larger than the scenario (DefaultBudget),
// or Options.Budget; the world's time limit follows it.
//
// # Hunt
//
// Hunt runs one scenario until a run fails: seed after seed under a
// scheduler (random, pct, swarm), or under sim/guided's feedback-guided
// search (Guided), whose runs are sim.Choosers over the scenario's worlds.
// Runs are planned and folded in fixed batches, so a hunt's seed decides
// its runs and finding at any parallelism; the finding is saved as a
// ReplayFile and replayed once to check its hash. docs/guided.md measures
// the searches against each other (make hunt-table).
//
// # Shrink and replay files
//
// Shrink reduces a failing run, configuration first (leases, workers,
// requesters, limit, failpoints, how often requesters poll, each read in
// the scenario's system's terms: an Atlantis run's leases are its project
// commands, its clients its pull requests, its limit its projects, its
// poll poll-retry's interval; a layer-store run's are operations,
// storage.Store objects, layers and think time), then the seed and
// scheduler with the shortest story, then its decision list to the forced
// context switches; the result is a ReplayFile, which Run replays strictly
// and checks against its hash. A deadlock shrinks like any race: it is a
// no-deadlock violation. WriteStory prints a traced
// run as a timeline.
//
// # Verify
//
// Verify runs one identity's seed under sim/verify's search: every
// schedule with at most VerifyConfig.Preemptions preemptions (or delays,
// with Delays; with Timers, early timer firings too, each costing one),
// each run stopped at its first violation of any forbidden invariant (or
// looking for VerifyConfig.Invariant only). Store reads (readOnlyLabels)
// commute with each other under the reduction; every other labelled step
// may write. The first failing schedule comes back as a ReplayFile that
// Verify has already replayed strictly to the same hash.
package harness
