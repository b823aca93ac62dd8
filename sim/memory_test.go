package sim_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

// pollingRun is a long run of a polling program: every poll makes a named
// channel, starts a task that answers on it, waits for the answer and
// sleeps. It runs until its step budget, sampling the live heap (after a
// GC) from inside the world every million steps, and returns the largest
// sample in bytes.
func pollingRun(steps int64) (peakHeap uint64, res *sim.Result) {
	w := sim.New(sim.Config{Seed: 1, MaxSteps: steps})
	poll := w.Label("poll")
	w.Go("poller", func() {
		next := int64(0)
		for {
			if w.Step() >= next {
				next += 1_000_000
				peakHeap = max(peakHeap, liveHeap())
			}
			answer := sim.NewChan[int](w, "answer", 1)
			w.Go("probe", func() { answer.Send(1) })
			answer.Recv()
			w.Point(poll, 0)
			w.Sleep(time.Millisecond)
		}
	})
	res = w.Run()
	peakHeap = max(peakHeap, liveHeap())
	runtime.KeepAlive(w)
	return peakHeap, res
}

func liveHeap() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// A world forgets finished tasks and, without a trace, the names of the
// objects it made: a long run's memory follows what is live. (Before this,
// the same run kept every task and name: a 411 MB peak at 10M steps.)
func TestLongRunMemoryFollowsLiveTasks(t *testing.T) {
	if testing.Short() {
		t.Skip("10M steps take about a second; skipped with -short")
	}
	peak, res := pollingRun(10_000_000)
	require.Equal(t, sim.StepBudget, res.Outcome)
	t.Logf("10M-step polling run: peak live heap %.1f MB", float64(peak)/1e6)
	require.Less(t, peak, uint64(50<<20), "live heap must stay well under 50 MB")
}

// BenchmarkLongRunHeap reports the peak live heap of a 10M-step polling run
// (trace off) as heap-MB.
func BenchmarkLongRunHeap(b *testing.B) {
	var peak uint64
	for b.Loop() {
		p, res := pollingRun(10_000_000)
		if res.Outcome != sim.StepBudget {
			b.Fatalf("run ended %s: %s", res.Outcome, res.Reason())
		}
		peak = max(peak, p)
	}
	b.ReportMetric(float64(peak)/1e6, "heap-MB")
}

// churn starts tasks in waves, so that most tasks have finished (and been
// forgotten) while later ones are still being scheduled.
func churn(w *sim.World) func() error {
	mu := w.NewMutex("mu")
	total := 0
	w.Go("spawner", func() {
		for i := range 300 {
			w.Go("worker", func() {
				mu.Lock()
				total += i
				mu.Unlock()
			})
			if i%10 == 0 {
				w.Yield()
			}
		}
	})
	w.Go("slow", func() { mu.Lock(); w.Sleep(time.Hour); mu.Unlock() })
	return func() error { return nil }
}

func TestForgettingFinishedTasksKeepsReplayAndNames(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		rec := sim.New(sim.Config{Seed: seed, Scheduler: sim.PCT{Depth: 3}, EarlyTimers: 0.1, Decisions: true})
		churn(rec)
		orig := rec.Run()
		require.Equal(t, sim.Done, orig.Outcome, orig.Reason())
		require.Len(t, rec.Tasks(), 302, "a recorded world lists every task")

		plain := sim.New(sim.Config{Seed: seed, Scheduler: sim.PCT{Depth: 3}, EarlyTimers: 0.1})
		churn(plain)
		require.Equal(t, orig.Hash, plain.Run().Hash, "seed %d: forgetting tasks changes no hash", seed)
		require.Empty(t, plain.Tasks(), "every task finished; none is kept")

		replay := sim.New(sim.Config{Seed: seed, Scheduler: sim.Replay{Decisions: orig.Decisions, Strict: true}, EarlyTimers: 0.1, Trace: true})
		churn(replay)
		again := replay.Run()
		require.Equal(t, orig.Hash, again.Hash, "seed %d: decisions name tasks by ID, finished or not", seed)
		require.Equal(t, "worker#301", again.Trace.TaskName(301))
	}
}
