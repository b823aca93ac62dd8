package reports_test

import (
	"context"
	"io"
	"os"
	"runtime/debug"
	"testing"
	"time"

	"github.com/drysim/drysim/reports"
)

// BenchmarkSweep measures sweep throughput (runs per wall second) at
// -parallel 1 and 2 on the same plan; x-parallel1 is the speed-up over
// the single-world sweep measured in the same benchmark run.
func BenchmarkSweep(b *testing.B) {
	plan := reports.Plan{
		Scenarios: []string{"reclaim-race", "release-race", "pending-attributes"}, Strategies: []string{"naive", "slot"},
		Workers: []int{64}, Scheds: []string{"random"}, Seeds: 40,
	}
	keys := plan.Keys()
	// As drysim's CLI does (cmd/drysim tuneGC): at GOGC=100 the collector's
	// scanning of parked coroutine stacks, not the worlds, bounds scaling.
	if _, set := os.LookupEnv("GOGC"); !set {
		defer debug.SetGCPercent(debug.SetGCPercent(400))
	}
	sweep := func(parallel int) time.Duration {
		start := time.Now()
		if _, err := reports.Sweep(context.Background(), keys, nil, io.Discard, reports.SweepOptions{Parallel: parallel}); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	var one, two time.Duration
	for b.Loop() {
		one += sweep(1)
		two += sweep(2)
	}
	b.ReportMetric(float64(b.N*len(keys))/one.Seconds(), "runs/s-p1")
	b.ReportMetric(float64(b.N*len(keys))/two.Seconds(), "runs/s-p2")
	b.ReportMetric(float64(one)/float64(two), "x-parallel1")
}
