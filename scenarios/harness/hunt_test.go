package harness_test

import (
	"bytes"
	"context"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

func hunt(t *testing.T, cfg harness.HuntConfig) *harness.HuntResult {
	t.Helper()
	res, err := harness.Hunt(context.Background(), cfg)
	require.NoError(t, err)
	return res
}

// A hunt finds the race of a racy strategy without its failpoints, under
// every search, and its replay file, written and read back, gives the
// finding's hash.
func TestHuntFindsARaceAndItsFileReplays(t *testing.T) {
	id := scenarios.Identity{Scenario: "release-race", Strategy: "naive", NoScenarioFailpoints: true}
	for _, search := range []string{harness.Guided, "random", "pct:2", "swarm"} {
		t.Run(search, func(t *testing.T) {
			res := hunt(t, harness.HuntConfig{Run: id, Search: search, Runs: 30, RaceOnly: true})
			require.NotNil(t, res.Found, res.Describe())
			require.True(t, res.Found.Reproduced())
			require.Equal(t, search == harness.Guided, res.Repro == "", "a scheduler's finding has a seed repro line; a guided one only its file")
			var b bytes.Buffer
			require.NoError(t, res.File.Write(&b))
			f, err := harness.ParseReplayFile(&b)
			require.NoError(t, err)
			again := runWith(t, f.Identity, harness.Options{Replay: f.Decisions, Budget: f.Budget})
			require.Equal(t, res.Found.HashString(), again.HashString())
			require.Equal(t, f.Hash, again.HashString())
		})
	}
}

// The same hunt seed gives the same runs and finding, at any parallelism
// and GOMAXPROCS.
func TestHuntIsDeterministic(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	id := scenarios.Identity{Scenario: "double-allocation", Strategy: "slot-without=binding-slot-locks", NoScenarioFailpoints: true, Leases: 40}
	type run struct {
		seed   uint64
		origin string
	}
	huntOnce := func(parallel, procs int) ([]run, *harness.HuntResult) {
		runtime.GOMAXPROCS(procs)
		var runs []run
		res := hunt(t, harness.HuntConfig{Run: id, Search: harness.Guided, Runs: 12, Seed: 5, Parallel: parallel, RaceOnly: true,
			OnRun: func(r harness.HuntRun) { runs = append(runs, run{r.Seed, r.Origin}) }})
		return runs, res
	}
	want, wantRes := huntOnce(1, 1)
	for _, c := range []struct{ parallel, procs int }{{2, 2}, {4, 1}} {
		got, res := huntOnce(c.parallel, c.procs)
		require.Equal(t, want, got)
		require.Equal(t, wantRes.Runs, res.Runs)
		require.Equal(t, wantRes.Features, res.Features)
		if wantRes.Found != nil {
			require.Equal(t, wantRes.Found.Hash, res.Found.Hash)
		}
	}
}

// A fixed strategy gives no finding.
func TestHuntReportsNoFixedStrategy(t *testing.T) {
	for _, sc := range []string{"release-race", "pending-attributes"} {
		res := hunt(t, harness.HuntConfig{Run: scenarios.Identity{Scenario: sc, Strategy: "slot"}, Search: harness.Guided, Runs: 16})
		require.Nil(t, res.Found, res.Describe())
		require.Equal(t, 16, res.Runs)
	}
}

func TestHuntRefusesAnUnknownSearch(t *testing.T) {
	_, err := harness.Hunt(context.Background(), harness.HuntConfig{Run: scenarios.Identity{Scenario: "release-race"}, Search: "dfs"})
	require.ErrorIs(t, err, scenarios.ErrConfig)
	require.ErrorContains(t, err, `search "dfs": want guided, random, pct`)
}
