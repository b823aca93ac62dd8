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
// In tests, simtest.Explore runs a Body on many seeds and, at the first
// failure, fails with the seed, the scheduler and the command that replays
// it (simtest.Find returns the failure instead):
//
//	simtest.Explore(t, simtest.Options{Seeds: 200, Scheduler: sim.Swarm{}}, func(w *sim.World) func() error { ... })
//
// A search shares one coroutine Pool across its runs and keeps no decision
// log; it runs the failing seed once more with Config.Decisions on, so the
// failure can be replayed, saved and shrunk.
//
// # Schedulers
//
// Schedulers lists the ones a user can name (ParseScheduler reads them):
//
//   - random: a runnable task uniformly at every point.
//   - pct:<depth>[:<horizon>]: probabilistic concurrency testing. Random
//     priorities, the highest runs, depth-1 change points demote the
//     running task. A task that polls — Yield, Sleep(0), a failed TryLock,
//     a Select that took its default — drops below everyone at once, so a
//     poll loop cannot starve the task it waits for: a step budget under
//     PCT means a real livelock.
//   - swarm[:<horizon>]: each seed draws its own settings — random or
//     pct:1..3, the early-timer rate, which tasks run slowly — so one sweep
//     covers many configurations (Swarm.Draw says what a seed drew).
//     World.CalmAt ends its early timers and slow tasks at a virtual time,
//     as a liveness phase ends every other fault: a schedule that fires
//     timers while work is runnable would exhaust any time budget.
//
// Package sim/guided searches schedules by feedback instead of by seed: a
// corpus of runs that reached new behaviour (read from the trace), mutated
// and replayed through a Chooser, mixed with fresh draws
// (drysim hunt -search guided; docs/guided.md).
//
// PCT and Swarm spread their change points over a horizon that should be
// the length of a run; a HorizonScheduler with none set learns it from the
// finished runs of a simtest search. Replay and Chooser (decisions from a
// list or a function) are built in code, and so is Guide, which package
// sim/verify drives to run every schedule up to a preemption bound: at each
// decision it learns the runnable tasks, which of them was running, and
// what the steps since the last decision touched (a Footprint: kernel
// objects, labelled points, PRNG streams, timer instants), which is what a
// partial-order reduction needs. A new scheduler is one file and one line
// in Schedulers.
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
// # The sync mirror
//
// The primitives behave as their sync and channel counterparts do,
// including what Go allows but rarely means: any task may unlock a mutex
// another task locked. Beyond the basics:
//
//   - Cond waits on any Locker: a *Mutex, an *RWMutex, RWMutex.RLocker, or
//     a Locker of the caller's.
//   - World.AfterCase(d) is a Select arm that times out after d, next to
//     arms of any element type. Prefer it to World.After in a loop: After's
//     timer stays pending until it fires, and a world that is never idle
//     never lets that time pass.
//   - A Mutex hands itself to its longest waiter. Barging(true) (or
//     Config.Barging) makes it behave like sync.Mutex instead: a running
//     task may take it just after Unlock, ahead of the waiters, until one
//     has waited StarvationThreshold of virtual time. Starvation bugs
//     need it.
//
// In code:
//
//	w.Select(jobs.RecvCase(&job), quit.RecvCase(nil), w.AfterCase(time.Second))
//	ready := w.NewCond("ready", rw.RLocker())
//	m := w.NewMutex("pool", sim.Barging(true))
//
// # Ends of a run
//
// Run returns a Result whose Outcome is Done, Deadlock, StepBudget or
// TimeBudget (a liveness finding, never a hang), Panic (a task's panic with
// its stack: a finding, not a crash of the harness), Stopped, or Diverged
// (a strict replay that no longer fits). Every task's goroutine has exited
// by then.
//
// A deadlock is reported only when no task can run and no timer can fire:
// until then a runnable task could still unlock a lock on a waits-for
// cycle. The report names the cycle, when there is one, and every blocked
// task with what it waits for. A world whose code never unlocks for
// another task calls DeadlockOnCycle, and a cycle ends its run at the
// step it closes.
//
// Whatever ended the run, Result.Unfinished lists the tasks it cut off:
// which could still run (and how many points each reached), which waited on
// what, held by whom, for how long, on a cycle or not. After a budget that
// list is the livelock or leak finding, and Reason names the first few:
//
//	step budget of 10000 events exhausted; 2 unfinished: a#0 runnable for 0s (5036 points); b#1 runnable for 0s (4964 points)
//
// After Run, a task cut off by the end reports Done() false and CutOff()
// true, and Waiting still tells what it waited for.
//
// # Memory
//
// A world keeps what is live: unfinished tasks, pending timers, the objects
// tasks still reference. It forgets finished tasks, and keeps object names
// only for a trace (Config.Trace); task IDs keep counting and names still
// feed the hash, so neither replays nor hashes change. A 10M-step polling
// run stays at a couple of megabytes. Tracing, recording decisions and
// World.Tasks's full list (kept when the run is recorded) grow with the
// run, by design.
//
// # Glossary
//
//   - scheduling point: a kernel call at which another task may run first
//     (Kind.IsPoint; Trace.Points counts them).
//   - step: one recorded event; budgets count steps. Besides scheduling
//     points, steps record task starts, exits and panics, timer firings and
//     the wake-up that ends a blocked call.
//   - decision: a choice among several runnable tasks, or to fire a timer.
//   - poll: a point at which a task only checks for work (Yield, Sleep(0),
//     a failed try, a Select default); PCT demotes it.
//   - stream: a named PRNG derived from the seed ("sched", "select", ...).
//
// Package sim/bugbench measures how many seeds each scheduler needs to find
// 24 classic concurrency bugs, and checks that their fixed twins are never
// reported.
package sim
