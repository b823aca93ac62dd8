package harness_test

import (
	"context"
	"io"
	"os"
	"runtime/debug"
	"testing"
	"time"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

// BenchmarkSweep measures sweep throughput (runs per wall second) at
// -parallel 1 and 2 on the same plan; x-parallel1 is the speed-up over
// the single-world sweep measured in the same benchmark run.
func BenchmarkSweep(b *testing.B) {
	plan := sweep.Plan{
		Scenarios: []string{"reclaim-race", "release-race", "pending-attributes"}, Strategies: []string{"naive", "slot"},
		Workers: []int{64}, Scheds: []sim.SchedulerSpec{{}}, Seeds: 40,
	}
	// As drysim's CLI does (cmd/drysim tuneGC): at GOGC=100 the collector's
	// scanning of parked coroutine stacks, not the worlds, bounds scaling.
	if _, set := os.LookupEnv("GOGC"); !set {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	run := func(parallel int) time.Duration {
		start := time.Now()
		if _, err := harness.Sweep(context.Background(), plan.All(), plan.Len(), io.Discard, harness.SweepOptions{Runner: harness.Runner{Parallel: parallel}}); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	var one, two time.Duration
	for b.Loop() {
		one += run(1)
		two += run(2)
	}
	b.ReportMetric(float64(b.N*plan.Len())/one.Seconds(), "runs/s-p1")
	b.ReportMetric(float64(b.N*plan.Len())/two.Seconds(), "runs/s-p2")
	b.ReportMetric(float64(one)/float64(two), "x-parallel1")
}
