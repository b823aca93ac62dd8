package sim_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

// foreignUnlockPrograms never deadlock in Go: a task waits for a lock that
// it (or a task that has exited) holds, and another task, still runnable,
// unlocks it. Go allows any goroutine to unlock a locked sync.Mutex.
var foreignUnlockPrograms = []struct {
	name  string
	build func(w *sim.World)
}{
	{"handoff", func(w *sim.World) {
		// main locks, starts a helper that unlocks on its behalf, and
		// locks again: the second Lock waits for a lock main holds.
		mu := w.NewMutex("baton")
		w.Go("main", func() {
			mu.Lock()
			w.Go("helper", func() {
				w.Yield() // some work first
				mu.Unlock()
			})
			mu.Lock()
			mu.Unlock()
		})
	}},
	{"ping-pong", func(w *sim.World) {
		// Two mutexes used as semaphores: each side locks its own and
		// unlocks the other's. b starts locked by a setup task that exits.
		a, b := w.NewMutex("a"), w.NewMutex("b")
		w.Go("setup", func() {
			b.Lock()
			w.Go("ping", func() {
				for range 3 {
					a.Lock()
					b.Unlock()
				}
			})
			w.Go("pong", func() {
				for range 3 {
					b.Lock()
					a.Unlock()
				}
			})
		})
	}},
}

func TestForeignUnlockIsNotADeadlock(t *testing.T) {
	for _, p := range foreignUnlockPrograms {
		for _, scheduler := range []sim.Scheduler{sim.Random{}, sim.PCT{Depth: 2}, sim.PCT{Depth: 3}} {
			t.Run(p.name+"/"+scheduler.String(), func(t *testing.T) {
				reports := 0
				for seed := uint64(1); seed <= 1000; seed++ {
					w := sim.New(sim.Config{Seed: seed, Scheduler: scheduler, EarlyTimers: sim.DefaultEarlyTimers})
					p.build(w)
					res := w.Run()
					if res.Outcome != sim.Done {
						reports++
						require.Equal(t, sim.Done, res.Outcome, "seed %d: %s", seed, res.Reason())
					}
				}
				require.Zero(t, reports)
			})
		}
	}
}

// A real cycle is reported once nothing can run, even when tasks outside
// it ran (and finished) for a long time after it closed.
func TestCycleIsReportedOnceEveryoneElseHasFinished(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	a, b := w.NewMutex("A"), w.NewMutex("B")
	w.Go("t1", func() { a.Lock(); w.Sleep(time.Millisecond); b.Lock() })
	w.Go("t2", func() { b.Lock(); w.Sleep(time.Millisecond); a.Lock() })
	w.Go("bystander", func() {
		for range 100 {
			w.Sleep(time.Second)
		}
	})
	res := w.Run()
	require.Equal(t, sim.Deadlock, res.Outcome, res.Reason())
	require.Equal(t, 100*time.Second, res.Elapsed, "reported when the bystander is done, not before")
	require.Len(t, res.Deadlock.Cycle, 2)
	require.Contains(t, res.Reason(), "t1#0 waits for mutex B held by t2#1")
	require.Contains(t, res.Reason(), "t2#1 waits for mutex A held by t1#0")
}
