package simtest

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

func TestHorizonIsLearnedFromFinishedRunsOnly(t *testing.T) {
	tests := []struct {
		name    string
		sched   sim.Scheduler
		outcome sim.Outcome
		steps   int64
		want    sim.Scheduler
	}{
		{"a finished longer run raises it", sim.PCT{Depth: 2, Horizon: 100}, sim.Done, 250, sim.PCT{Depth: 2, Horizon: 250}},
		{"a finished shorter run leaves it", sim.PCT{Depth: 2, Horizon: 300}, sim.Done, 250, sim.PCT{Depth: 2, Horizon: 300}},
		{"a step budget teaches nothing", sim.PCT{Depth: 2, Horizon: 100}, sim.StepBudget, 10_000_000, sim.PCT{Depth: 2, Horizon: 100}},
		{"a time budget teaches nothing", sim.PCT{Depth: 2, Horizon: 100}, sim.TimeBudget, 5000, sim.PCT{Depth: 2, Horizon: 100}},
		{"a deadlock teaches nothing", sim.PCT{Depth: 2, Horizon: 100}, sim.Deadlock, 5000, sim.PCT{Depth: 2, Horizon: 100}},
		{"a stopped run teaches nothing", sim.PCT{Depth: 2, Horizon: 100}, sim.Stopped, 5000, sim.PCT{Depth: 2, Horizon: 100}},
		{"random has no horizon", sim.Random{}, sim.Done, 5000, sim.Random{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := learnHorizon(tc.sched, &sim.Result{Outcome: tc.outcome, Steps: tc.steps})
			require.Equal(t, tc.want, got)
		})
	}
}
