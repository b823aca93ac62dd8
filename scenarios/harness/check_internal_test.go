package harness

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// A "holds" row runs again at VariantWorkers workers and under PCT, unless
// the row itself already runs under PCT; a "reproduces" row runs once.
func TestVariantsOfARow(t *testing.T) {
	holds := scenarios.Expectation{Strategy: "slot", Seeds: 200}
	for _, tc := range []struct {
		name    string
		expect  scenarios.Expectation
		sched   sim.Scheduler
		workers []int
		scheds  []string
	}{
		{"holds, random", holds, nil, []int{0, VariantWorkers, 0}, []string{"random", "random", "pct:3"}},
		{"holds, already pct", holds, sim.PCT{Depth: 2}, []int{0, VariantWorkers}, []string{"pct:2", "pct:2"}},
		{"reproduces", scenarios.Expectation{Strategy: "naive", Seeds: 100, Reproduces: true}, nil, []int{0}, []string{"random"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := CheckConfig{Variants: true, Sched: sim.SchedulerSpec{Scheduler: tc.sched}}
			var workers []int
			var scheds []string
			for _, v := range variants(cfg, tc.expect) {
				workers = append(workers, v.cfg.Workers)
				scheds = append(scheds, v.cfg.Sched.Get().String())
			}
			require.Equal(t, tc.workers, workers)
			require.Equal(t, tc.scheds, scheds)
		})
	}
}
