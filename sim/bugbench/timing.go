package bugbench

import (
	"time"

	"github.com/drysim/drysim/sim"
)

// timingPrograms need time or fairness to go wrong: a timeout landing
// mid-work, a writer starved by readers, tasks that wait for each other
// forever without blocking.
func timingPrograms() []Program {
	return []Program{
		{Name: "timer-race", Pattern: "a lock wait times out mid-update and the waiter reads the half-done state without the lock", Buggy: timerRace(false), Fixed: timerRace(true)},
		{Name: "writer-starvation", Pattern: "overlapping readers of a reader-preferring lock keep a writer out", Buggy: writerStarvation(false), Fixed: writerStarvation(true)},
		{Name: "after-you-livelock", Pattern: "each task raises its flag, then waits for the other's to drop", Buggy: afterYou(false), Fixed: afterYou(true), MaxSteps: 5000},
	}
}

func timerRace(fixed bool) Body {
	return func(w *sim.World) func() error {
		mu := w.NewMutex("state")
		first, second, torn := false, false, false
		w.Go("holder", func() {
			mu.Lock()
			first = true
			for range 4 {
				w.Point(w.Label("work"), 0)
			}
			second = true
			mu.Unlock()
		})
		w.Go("waiter", func() {
			if !mu.LockTimeout(1000 * ms) {
				if !fixed {
					torn = first && !second // read without the lock
					return
				}
				mu.Lock()
			}
			torn = first && !second
			mu.Unlock()
		})
		return func() error {
			if torn {
				return errorf("waiter saw a half-done update")
			}
			return nil
		}
	}
}

// writerStarvation: four readers hold the lock 10ms at a time, staggered so
// that one always holds it; a writer arrives at 5ms. A reader that gets in
// while the writer waits in the lock's queue overtakes it; the writer is
// starved once three have. (Timing the writer's wait would also count the
// time a slow writer took to ask.)
func writerStarvation(fixed bool) Body {
	return func(w *sim.World) func() error {
		policy := sim.ReaderPreferring
		if fixed {
			policy = sim.GoRW // a waiting writer holds back new readers
		}
		rw := w.NewRWMutex("layer", policy)
		var writer *sim.Task
		overtakes := 0
		for r := range 4 {
			w.Go("reader", func() {
				w.Sleep(time.Duration(r) * 2500 * time.Microsecond)
				for range 20 {
					rw.RLock()
					if writer.Waiting() == "write lock layer" {
						overtakes++
					}
					w.Sleep(10 * ms)
					rw.RUnlock()
					w.Sleep(ms)
				}
			})
		}
		writer = w.Go("writer", func() {
			w.Sleep(5 * ms)
			rw.Lock()
			rw.Unlock()
		})
		return func() error {
			if overtakes >= 3 {
				return errorf("writer starved: %d readers got in while it waited", overtakes)
			}
			return nil
		}
	}
}

// afterYou: each task raises its flag and waits, yielding, while the
// other's is up. If both raise theirs before either looks, both wait
// forever. The fix is Peterson's: a turn variable breaks the tie.
func afterYou(fixed bool) Body {
	return func(w *sim.World) func() error {
		var flag [2]bool
		turn, inside, overlap := 0, 0, false
		for me, name := range []string{"alice", "bob"} {
			other := 1 - me
			w.Go(name, func() {
				flag[me] = true
				turn = other
				w.Point(w.Label("raised"), 0)
				for flag[other] && (!fixed || turn == other) {
					w.Yield()
				}
				inside++
				overlap = overlap || inside > 1
				w.Point(w.Label("critical"), 0)
				inside--
				flag[me] = false
			})
		}
		return func() error {
			if overlap {
				return errorf("both tasks were in the critical section")
			}
			return nil
		}
	}
}
