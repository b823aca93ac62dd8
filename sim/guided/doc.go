// Package guided is feedback-guided schedule search: it keeps a corpus of
// schedules that reached new behaviour, mutates their decisions, and mixes
// the mutants with fresh draws, until a run fails.
//
// A run's behaviour is read from the kernel's trace (Features): which
// roles' calls met on one object (a lock, a channel, a labelled store
// step) and how often, which context switches happened, in which order
// roles took each lock and which locks they nested, how the run ended,
// and whatever checker-relevant states the target adds. A run that shows
// a fact no earlier run showed joins the corpus.
//
// Every run is a sim.Chooser over one world seed. A fresh draw picks its
// own settings, as sim.Swarm does per seed: random, sticky (few context
// switches) or priority scheduling (PCT, made fair), the early-timer rate,
// and which tasks run slowly; three random draws in four are hurried
// (timers keep firing early past World.CalmAt, and a failure only about
// timing does not count from them). The first run of every search is a
// random draw. A mutant runs on its parent's seed and follows the
// parent's decisions except where its mutation says: Redraw (a new suffix),
// Flip (one other choice), Delay (a preemption), Splice (another corpus
// schedule of the same seed from a point on). An epsilon-greedy bandit,
// rewarded by new coverage, picks which kind each run is.
//
// The search is deterministic: its seed decides every plan, runs are
// planned and folded in fixed batches, and a run's schedule depends only on
// its plan, so the same seed gives the same runs and the same finding at
// any Parallel and GOMAXPROCS. The kernel records every decision a chooser
// makes, so a finding replays exactly: sim.Replay{Decisions:
// f.Decisions, Strict: true} on f.Seed gives f's hash.
//
//	f, stats := guided.Search(ctx, guided.Config{Seed: 1, Runs: 200}, func(seed uint64, s sim.Scheduler) guided.Report {
//		w := sim.New(sim.Config{Seed: seed, Scheduler: s, EarlyTimers: sim.DefaultEarlyTimers, Trace: true, Decisions: true})
//		check := body(w)
//		res := w.Run()
//		return guided.Report{Sim: res, Failed: res.Err() != nil || check() != nil}
//	})
//
// The package runs worlds but none of its code runs inside one; it knows
// nothing of any system. scenarios/harness.Hunt drives it for a scenario
// (drysim hunt -search guided), and docs/guided.md measures it against
// random, PCT and swarm.
package guided
