package sim_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

// pollingPrograms each have a task that polls until another task, which
// never blocks either, has done its work. None of them livelocks in Go.
var pollingPrograms = []struct {
	name  string
	build func(w *sim.World)
}{
	{"yield-until-flag", func(w *sim.World) {
		done := false
		w.Go("poller", func() {
			for !done {
				w.Yield()
			}
		})
		w.Go("worker", func() {
			for range 5 {
				w.Point(w.Label("work"), 0)
			}
			done = true
		})
	}},
	{"zero-sleep-until-flag", func(w *sim.World) {
		done := false
		w.Go("poller", func() {
			for !done {
				w.Sleep(0)
			}
		})
		w.Go("worker", func() { w.Point(w.Label("work"), 0); done = true })
	}},
	{"trylock-spin", func(w *sim.World) {
		mu := w.NewMutex("spin")
		for _, name := range []string{"a", "b", "c"} {
			w.Go(name, func() {
				for !mu.TryLock() {
				}
				w.Point(w.Label("critical"), 0)
				mu.Unlock()
			})
		}
	}},
	{"rw-trylock-spin", func(w *sim.World) {
		rw := w.NewRWMutex("spin", sim.GoRW)
		w.Go("writer", func() {
			for !rw.TryLock() {
			}
			w.Point(w.Label("write"), 0)
			rw.Unlock()
		})
		w.Go("reader", func() {
			for !rw.TryRLock() {
			}
			w.Point(w.Label("read"), 0)
			rw.RUnlock()
		})
	}},
	{"select-default-poll", func(w *sim.World) {
		ch := sim.NewChan[int](w, "ch", 0)
		w.Go("poller", func() {
			for {
				if i, _ := w.Select(ch.RecvCase(nil), sim.DefaultCase()); i == 0 {
					return
				}
			}
		})
		w.Go("sender", func() { w.Point(w.Label("work"), 0); ch.Send(1) })
	}},
}

func TestPCTEndsPollingProgramsWithoutTheBudget(t *testing.T) {
	for _, p := range pollingPrograms {
		for _, depth := range []int{1, 2, 3} {
			scheduler := sim.PCT{Depth: depth}
			t.Run(p.name+"/"+scheduler.String(), func(t *testing.T) {
				budgets := 0
				for seed := uint64(1); seed <= 1000; seed++ {
					w := sim.New(sim.Config{Seed: seed, Scheduler: scheduler, MaxSteps: 10_000})
					p.build(w)
					res := w.Run()
					if res.Outcome != sim.Done {
						budgets++
						require.Equal(t, sim.Done, res.Outcome, "seed %d: %s", seed, res.Reason())
					}
				}
				require.Zero(t, budgets)
			})
		}
	}
}

// A real livelock still ends at the budget under PCT (and Random): each task
// waits, politely yielding, for the other to finish first.
func TestPCTStillEndsARealLivelockAtTheBudget(t *testing.T) {
	for _, scheduler := range []sim.Scheduler{sim.Random{}, sim.PCT{Depth: 1}, sim.PCT{Depth: 3}} {
		for seed := uint64(1); seed <= 100; seed++ {
			w := sim.New(sim.Config{Seed: seed, Scheduler: scheduler, MaxSteps: 10_000})
			var aDone, bDone bool
			w.Go("a", func() {
				for !bDone {
					w.Yield()
				}
				aDone = true
			})
			w.Go("b", func() {
				for !aDone {
					w.Yield()
				}
				bDone = true
			})
			res := w.Run()
			require.Equal(t, sim.StepBudget, res.Outcome, "%s seed %d", scheduler, seed)
			require.Len(t, res.Unfinished, 2, "both tasks are named")
		}
	}
}
