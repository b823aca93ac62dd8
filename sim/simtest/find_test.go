package simtest_test

import (
	"errors"
	"fmt"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/simtest"
)

func TestFindRecordsDecisionsOnlyForTheFailingSeed(t *testing.T) {
	f := simtest.Find(simtest.Options{Seeds: 100}, lostUpdate)
	require.NotNil(t, f)
	require.True(t, f.Config.Decisions, "the failing seed was run again with its log on")
	require.Nil(t, f.Config.Pool, "Find's own pool is not handed out")
	require.NotEmpty(t, f.Result.Decisions)
	_, replayed := simtest.RunOnce(sim.Config{Seed: f.Seed, Scheduler: sim.Replay{Decisions: f.Result.Decisions, Strict: true}}, lostUpdate)
	require.Equal(t, f.Result.Hash, replayed.Hash)
}

func TestFindSaysWhenTheFailingSeedDoesNotRunTheSameTwice(t *testing.T) {
	calls := 0
	leaky := func(w *sim.World) func() error {
		calls++ // state outside the world: each run differs
		for range calls % 3 {
			w.Go("extra", func() { w.Yield() })
		}
		return func() error { return errors.New("always fails") }
	}
	f := simtest.Find(simtest.Options{Seeds: 1}, leaky)
	require.NotNil(t, f)
	require.ErrorContains(t, f.Err, "always fails")
	require.ErrorContains(t, f.Err, "not deterministic")
}

func TestFindClosesItsPoolAndUsesTheCallers(t *testing.T) {
	before := runtime.NumGoroutine()
	require.Nil(t, simtest.Find(simtest.Options{Seeds: 20}, lockedCounter))
	require.LessOrEqual(t, settled(before), before, "Find's own pool is closed")

	pool := sim.NewPool()
	defer pool.Close()
	require.Nil(t, simtest.Find(simtest.Options{Seeds: 20, Pool: pool}, lockedCounter))
	require.Positive(t, pool.Idle(), "the caller's pool keeps the coroutines for the next search")
}

func settled(want int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 1000 && n > want; i++ {
		runtime.Gosched()
		n = runtime.NumGoroutine()
	}
	return n
}

// lockedCounter is a correct body of a typical size: 8 tasks, each adding
// to a counter under a lock three times.
func lockedCounter(w *sim.World) func() error {
	mu := w.NewMutex("counter")
	n := 0
	for i := range 8 {
		w.Go(fmt.Sprintf("adder%d", i), func() {
			for range 3 {
				mu.Lock()
				v := n
				w.Yield()
				n = v + 1
				mu.Unlock()
			}
		})
	}
	return func() error {
		if n != 24 {
			return fmt.Errorf("counter %d, want 24", n)
		}
		return nil
	}
}

// BenchmarkFind measures passing runs per second the way Find makes them
// (pooled, no decision log) against the way it made them before (a fresh
// coroutine per task and every decision kept), as runs/s and x-before.
func BenchmarkFind(b *testing.B) {
	const seeds = 200
	var before, now float64
	b.Run("before", func(b *testing.B) {
		for b.Loop() {
			for seed := uint64(1); seed <= seeds; seed++ {
				f, _ := simtest.RunOnce(sim.Config{Seed: seed, EarlyTimers: sim.DefaultEarlyTimers, Decisions: true}, lockedCounter)
				if f != nil {
					b.Fatal(f)
				}
			}
		}
		before = float64(b.N*seeds) / b.Elapsed().Seconds()
		b.ReportMetric(before, "runs/s")
	})
	b.Run("find", func(b *testing.B) {
		for b.Loop() {
			if f := simtest.Find(simtest.Options{Seeds: seeds}, lockedCounter); f != nil {
				b.Fatal(f)
			}
		}
		now = float64(b.N*seeds) / b.Elapsed().Seconds()
		b.ReportMetric(now, "runs/s")
		if before > 0 {
			b.ReportMetric(now/before, "x-before")
		}
	})
}
