// Package livert runs the allocator on real goroutines, real locks and the
// wall clock: allocator.Runtime outside the simulator, for load tests.
//
//	rt := livert.New(livert.Options{Seed: 1, TimeScale: 0.001})
//	a, _ := allocator.New(rt, allocator.Config{Strategy: slot, Workers: 256})
//	h, _ := hoax.New(rt, cfg)
//	rt.Do(func() { a.AddBlueprint("hoax", h); a.Start() })
//	...
//	rt.Do(a.Stop)
//	rt.Wait()
//
// # The step lock
//
// The allocator and hoax were written for the simulator, where a task runs
// alone from one scheduling point to the next: they keep maps (object
// locks, holders, hoax counts) and PRNG streams with no locking of their
// own. So that the same code runs unchanged here, a task holds the
// runtime's step lock while it runs allocator code, and lets go of it
// wherever the simulator could switch tasks: at every step (StepBegin lets
// others in first), and around everything that blocks — Sleep, lock waits,
// notifier waits, and database I/O (Blocking, which the SQL stores call
// around each statement). CPU work is therefore serialised, as it is in
// the simulator, while waits and database round trips overlap: 256
// workers against MariaDB keep 256 transactions in flight. The race
// detector sees every hand-over (the step lock is a sync.Mutex), which is
// how `go test -race` checks the allocator's unlocked state.
//
// # Time
//
// Now is the wall clock scaled by 1/TimeScale from the moment New ran:
// with TimeScale 0.001 one model second passes per wall millisecond. Every
// duration the allocator or hoax waits — Sleep, a lock's timeout, a
// notifier's — is multiplied by TimeScale, so Drydock's 15 s yield takes
// 15 ms and a hoax latency of 2 s takes 2 ms. Durations measured with Now
// are in model time; Wall converts them back.
//
// # Locks
//
// NewLock makes an in-process lock (a one-slot semaphore: a channel, so a
// wait can time out) unless Options.Locks makes them elsewhere: the MySQL
// store gives named locks (GET_LOCK), shared by every process on the
// database.
//
// # Failpoints and randomness
//
// As in allocator/simrt, each runtime has its own failpoint registry
// (EnableFailpoint), and a probabilistic term draws from the runtime's own
// "failpoints" stream. Rand(name) streams are seeded from Options.Seed and
// the name; what a live run draws still depends on the interleaving, which
// the wall clock decides.
package livert
