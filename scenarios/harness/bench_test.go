package harness_test

import (
	"testing"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// BenchmarkScenario runs successive seeds of each scenario at 64 workers on
// one goroutine and reports seeds per second (per core) and steps per seed.
func BenchmarkScenario(b *testing.B) {
	for _, sc := range scenarios.All() {
		name := sc.Name
		for _, strategy := range testStrategies(sc) {
			b.Run(name+"/"+strategy, func(b *testing.B) {
				var steps int64
				seed := uint64(0)
				for b.Loop() {
					seed++
					res, err := harness.Run(scenarios.Identity{Scenario: name, Strategy: strategy, Seed: seed, Workers: 64}, harness.Options{})
					if err != nil {
						b.Fatal(err)
					}
					steps += res.Steps
				}
				b.ReportMetric(float64(seed)/b.Elapsed().Seconds(), "seeds/s")
				b.ReportMetric(float64(steps)/float64(seed), "steps/seed")
			})
		}
	}
}
