// Package sim is drysim's deterministic simulation kernel: it runs many
// tasks one at a time under a seeded scheduler and a virtual clock, so any
// interleaving can be found, recorded and replayed exactly.
//
// # How it works
//
// A World owns everything a run can observe: one seed and the PRNG streams
// derived from it, a virtual clock with a timer heap, the tasks, and the
// locks and channels they share. Each task is a coroutine (iter.Pull). At
// every call into the kernel — Lock, Unlock, Sleep, Send, Point, Yield, ... —
// the running task reaches a scheduling point: the Scheduler picks which
// runnable task runs next, and only then is the call's event recorded and
// its action done. Code between two points runs alone, so it is atomic.
//
// Time moves only in the kernel. When no task can run, the clock jumps to
// the earliest timer. With Config.EarlyTimers > 0 the scheduler may also fire
// the earliest timer at a scheduling point while tasks could still run, the
// way a timeout lands in the middle of someone's work on a slow machine.
//
// Every choice the scheduler makes is a Decision; with Config.Decisions set,
// Result.Decisions holds them all, and Replay{Decisions: ...} follows them
// to reproduce the run (the seed alone reproduces it too).
// Every event feeds a 64-bit trace hash (Result.Hash): equal seed and config
// give an equal hash on any machine, at any GOMAXPROCS, with or without the
// race detector.
//
// # Usage
//
//	w := sim.New(sim.Config{Seed: 42, Scheduler: sim.PCT{Depth: 2}})
//	mu := w.NewMutex("counter")
//	n := 0
//	for _, name := range []string{"a", "b"} {
//		w.Go(name, func() {
//			mu.Lock()
//			n++
//			mu.Unlock()
//		})
//	}
//	res := w.Run()
//	fmt.Println(res.Outcome, res.HashString())
//
// In tests, Explore runs a Body on many seeds and, at the first failure,
// fails with the seed, the scheduler and the command that replays it:
//
//	sim.Explore(t, sim.ExploreOptions{Seeds: 200}, func(w *sim.World) func() error { ... })
//
// # Driving a world from outside
//
// RunUntil(t) runs until nothing can happen before virtual time t and
// returns, so a test can start tasks between steps (a property test's state
// machine does); Stop ends a run on purpose (outcome Stopped). Chooser hands
// every scheduling decision to a function, so a property-testing library can
// draw the interleaving itself and shrink it. A Pool lets worlds run one
// after another reuse their coroutines (and their grown stacks); it changes
// no result.
//
// # Rules for code that runs inside a world
//
//  1. Take time from World.Now and World.Sleep, never from package time.
//  2. Take randomness from World.Rand(stream), never from math/rand.
//  3. Start concurrency with World.Go and share through the world's Mutex,
//     RWMutex, Cond, WaitGroup, Once, Notifier and Chan (with Select); no go
//     statements, no sync.
//  4. Do not let behaviour depend on map iteration order.
//
// # Ends of a run
//
// Run returns a Result whose Outcome is Done, Deadlock (with the waits-for
// cycle, or every blocked task and what it waits for), StepBudget or
// TimeBudget (a liveness finding, never a hang), Panic (a task's panic with
// its stack: a finding, not a crash of the harness) or Diverged (a strict
// replay that no longer fits). Every task's goroutine has exited by then.
//
// # Glossary
//
//   - scheduling point: a kernel call at which another task may run first
//     (Kind.IsPoint; Trace.Points counts them).
//   - step: one recorded event; budgets count steps. Besides scheduling
//     points, steps record task starts, exits and panics, timer firings and
//     the wake-up that ends a blocked call.
//   - decision: a choice among several runnable tasks, or to fire a timer.
//   - stream: a named PRNG derived from the seed ("sched", "select", ...).
package sim
