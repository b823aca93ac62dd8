package harness_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

func seedJobs(n int) func(func(harness.Job) bool) {
	return func(yield func(harness.Job) bool) {
		for seed := 1; seed <= n; seed++ {
			if !yield(harness.Job{Identity: scenarios.Identity{Scenario: "release-race", Strategy: "slot", Seed: uint64(seed), Workers: 4}}) {
				return
			}
		}
	}
}

// Every job is run once and handed over; results equal lone runs.
func TestRunnerRunsEveryJobOnce(t *testing.T) {
	seen := map[uint64]string{}
	err := harness.Runner{Parallel: 3}.Run(context.Background(), seedJobs(20), func(j harness.Job, res *harness.Result, err error) bool {
		require.NoError(t, err)
		seen[j.Identity.Seed] = res.HashString()
		return true
	})
	require.NoError(t, err)
	require.Len(t, seen, 20)
	for seed, hash := range seen {
		require.Equal(t, run(t, scenarios.Identity{Scenario: "release-race", Strategy: "slot", Seed: seed, Workers: 4}).HashString(), hash)
	}
}

// Returning false stops the feed: at most the jobs already running finish.
func TestRunnerStopsTakingJobsWhenAsked(t *testing.T) {
	done := 0
	err := harness.Runner{Parallel: 2}.Run(context.Background(), seedJobs(1000), func(harness.Job, *harness.Result, error) bool {
		done++
		return false
	})
	require.NoError(t, err)
	require.LessOrEqual(t, done, 4, "the first result stops the feed; only jobs already taken finish")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	done = 0
	err = harness.Runner{Parallel: 2}.Run(ctx, seedJobs(1000), func(harness.Job, *harness.Result, error) bool { done++; return true })
	require.ErrorIs(t, err, context.Canceled)
	require.LessOrEqual(t, done, 3)
}

// Stopping at a job never loses one fed before it: a worker that has taken
// a job runs it, however soon after the stop it gets to it. Check folds
// seeds in order on that promise.
func TestRunnerReportsEveryJobFedBeforeTheStop(t *testing.T) {
	for round := range 30 {
		var seeds []uint64
		stopAt := uint64(0)
		err := harness.Runner{Parallel: 4}.Run(context.Background(), seedJobs(40), func(j harness.Job, _ *harness.Result, err error) bool {
			require.NoError(t, err)
			seeds = append(seeds, j.Identity.Seed)
			if stopAt == 0 && j.Identity.Seed > 1 {
				stopAt = j.Identity.Seed
			}
			return stopAt == 0
		})
		require.NoError(t, err)
		for s := uint64(1); s < stopAt; s++ {
			require.Contains(t, seeds, s, "round %d: seed %d was fed before seed %d stopped the runner", round, s, stopAt)
		}
	}
}

// A job that cannot run hands its error over instead of a result.
func TestRunnerHandsOverConfigErrors(t *testing.T) {
	jobs := func(yield func(harness.Job) bool) {
		yield(harness.Job{Identity: scenarios.Identity{Scenario: "nope", Strategy: "slot"}})
	}
	var got error
	require.NoError(t, harness.Runner{}.Run(context.Background(), jobs, func(_ harness.Job, res *harness.Result, err error) bool {
		require.Nil(t, res)
		got = err
		return true
	}))
	require.ErrorIs(t, got, scenarios.ErrConfig)
}
