package sim_test

import (
	"fmt"
	"iter"
	"testing"
	"time"

	"github.com/drysim/drysim/sim"
)

// BenchmarkPoints measures scheduling points per second: tasks that do
// nothing but Yield, under the Random scheduler, so nearly every point
// switches coroutines. Each sub-benchmark also times a raw iter.Pull
// ping-pong of the same length and reports the ratio as x-raw.
func BenchmarkPoints(b *testing.B) {
	for _, tasks := range []int{2, 64, 1024} {
		for _, trace := range []bool{false, true} {
			b.Run(fmt.Sprintf("tasks=%d/trace=%v", tasks, trace), func(b *testing.B) {
				benchPoints(b, tasks, trace)
			})
		}
	}
}

func benchPoints(b *testing.B, tasks int, trace bool) {
	w := sim.New(sim.Config{Seed: 1, Trace: trace, MaxSteps: int64(b.N) + int64(4*tasks) + 10})
	remaining := b.N
	for range tasks {
		w.Go("spin", func() {
			for remaining > 0 {
				remaining--
				w.Yield()
			}
		})
	}
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	res := w.Run()
	simTime := time.Since(start)
	b.StopTimer()
	if res.Outcome != sim.Done {
		b.Fatalf("run ended %s: %s", res.Outcome, res.Reason())
	}
	raw := rawPingPong(b.N)
	b.ReportMetric(float64(b.N)/simTime.Seconds(), "points/s")
	b.ReportMetric(float64(simTime)/float64(raw), "x-raw")
}

// rawPingPong is the floor: n round trips into a coroutine and back.
func rawPingPong(n int) time.Duration {
	next, stop := iter.Pull(func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				return
			}
		}
	})
	defer stop()
	start := time.Now()
	for range n {
		next()
	}
	return time.Since(start)
}

// BenchmarkRawPull is the same ping-pong alone, for benchstat comparisons.
func BenchmarkRawPull(b *testing.B) {
	next, stop := iter.Pull(func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				return
			}
		}
	})
	defer stop()
	for b.Loop() {
		next()
	}
}

// BenchmarkContendedMutex is 64 tasks taking one lock in turn: the global
// allocator lock's cost per lock/unlock pair.
func BenchmarkContendedMutex(b *testing.B) {
	w := sim.New(sim.Config{Seed: 1, MaxSteps: 1 << 62})
	m := w.NewMutex("global")
	remaining := b.N
	for range 64 {
		w.Go("worker", func() {
			for remaining > 0 {
				m.Lock()
				remaining--
				m.Unlock()
			}
		})
	}
	b.ReportAllocs()
	b.ResetTimer()
	if res := w.Run(); res.Outcome != sim.Done {
		b.Fatalf("run ended %s: %s", res.Outcome, res.Reason())
	}
}
