package sim_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

// budgetCases end at a budget; their unfinished tasks must be reported.
var budgetCases = []struct {
	name    string
	cfg     sim.Config
	build   func(w *sim.World)
	outcome sim.Outcome
	want    []sim.TaskReport // compared on Task, Blocked, On, Holders, Timed, InCycle, For
	reason  []string
}{
	{
		name: "livelock: two tasks yield forever",
		cfg:  sim.Config{MaxSteps: 1000},
		build: func(w *sim.World) {
			for _, name := range []string{"polite-a", "polite-b"} {
				w.Go(name, func() {
					for {
						w.Yield()
					}
				})
			}
		},
		outcome: sim.StepBudget,
		want:    []sim.TaskReport{{Task: "polite-a#0"}, {Task: "polite-b#1"}},
		reason:  []string{"step budget of 1000 events exhausted; 2 unfinished: polite-a#0 runnable for 0s (", "polite-b#1 runnable for 0s ("},
	},
	{
		name: "leak: a receiver nobody sends to, beside a poller",
		cfg:  sim.Config{MaxTime: time.Minute},
		build: func(w *sim.World) {
			results := sim.NewChan[int](w, "results", 0)
			w.Go("poller", func() {
				for {
					w.Sleep(time.Second)
				}
			})
			w.Go("leaked", func() { w.Sleep(10 * time.Second); results.Recv() })
		},
		outcome: sim.TimeBudget,
		want: []sim.TaskReport{
			{Task: "poller#0", Blocked: true, On: "sleep", Timed: true},
			{Task: "leaked#1", Blocked: true, On: "receive on chan results (empty, no sender)", For: 50 * time.Second},
		},
		reason: []string{"leaked#1 blocked for 50s on receive on chan results (empty, no sender)"},
	},
	{
		name: "deadlock beside a poller: a cycle, not yet final",
		cfg:  sim.Config{MaxTime: time.Minute},
		build: func(w *sim.World) {
			a, b := w.NewMutex("A"), w.NewMutex("B")
			w.Go("t1", func() { a.Lock(); w.Sleep(time.Millisecond); b.Lock() })
			w.Go("t2", func() { b.Lock(); w.Sleep(time.Millisecond); a.Lock() })
			w.Go("poller", func() {
				for {
					w.Sleep(time.Second)
				}
			})
		},
		outcome: sim.TimeBudget,
		want: []sim.TaskReport{
			{Task: "t1#0", Blocked: true, On: "mutex B", Holders: []string{"t2#1"}, InCycle: true, For: time.Minute - time.Millisecond},
			{Task: "t2#1", Blocked: true, On: "mutex A", Holders: []string{"t1#0"}, InCycle: true, For: time.Minute - time.Millisecond},
			{Task: "poller#2", Blocked: true, On: "sleep", Timed: true},
		},
		reason: []string{"t1#0 blocked for 59.999s on mutex B held by t2#1 (waits-for cycle)"},
	},
}

func TestABudgetNamesWhoWasStillRunningAndWhoWaitedOnWhat(t *testing.T) {
	tests := budgetCases
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg
			cfg.Seed = 1
			w := sim.New(cfg)
			tc.build(w)
			res := w.Run()
			require.Equal(t, tc.outcome, res.Outcome, res.Reason())
			require.Len(t, res.Unfinished, len(tc.want))
			for i, want := range tc.want {
				got := res.Unfinished[i]
				if want.For == 0 && got.Timed {
					got.For = 0 // a sleeper's last wake-up depends on the schedule
				}
				got.ID, got.Since, got.Points = 0, 0, 0
				require.Equal(t, want, got)
			}
			for _, frag := range tc.reason {
				require.Contains(t, res.Reason(), frag)
			}
		})
	}
}

func TestARunnableTaskReportsItsPoints(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1, MaxSteps: 500})
	w.Go("spinner", func() {
		for {
			w.Yield()
		}
	})
	res := w.Run()
	require.Equal(t, sim.StepBudget, res.Outcome)
	require.Len(t, res.Unfinished, 1)
	// 499 steps recorded a yield (the first recorded its start), and the
	// 500th yield is the call the budget ended in.
	require.Equal(t, int64(500), res.Unfinished[0].Points)
}

func TestTasksCutOffByTheEndAreNotDone(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1, Decisions: true})
	m := w.NewMutex("m")
	finisher := w.Go("finisher", func() { m.Lock() })
	waiter := w.Go("waiter", func() { w.Sleep(time.Second); m.Lock() })
	res := w.Run()
	require.Equal(t, sim.Deadlock, res.Outcome)
	require.True(t, finisher.Done())
	require.False(t, finisher.CutOff())
	require.False(t, waiter.Done(), "the run ended while it waited")
	require.True(t, waiter.CutOff())
	require.Equal(t, "mutex m", waiter.Waiting(), "it still tells what it waited for")
	require.Equal(t, []sim.TaskReport{{
		Task: "waiter#1", ID: 1, Blocked: true, On: "mutex m", Holders: []string{"finisher#0 (exited)"},
		Since: time.Second, Points: 2,
	}}, res.Unfinished)
}
