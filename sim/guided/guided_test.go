package guided_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/bugbench"
	"github.com/drysim/drysim/sim/guided"
)

func program(t *testing.T, name string) bugbench.Program {
	t.Helper()
	for _, p := range bugbench.Programs() {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no bugbench program %s", name)
	return bugbench.Program{}
}

// A seeded bug is found, and the finding replays to the same hash from its
// seed and decisions alone.
func TestGuidedFindsASeededBugAndItReplays(t *testing.T) {
	tests := []struct {
		program string
		runs    int
	}{
		{"lost-update", 50},
		{"abba", 100},
		{"timer-race", 200},
		{"missed-signal", 200},
	}
	for _, tc := range tests {
		t.Run(tc.program, func(t *testing.T) {
			p := program(t, tc.program)
			target := guided.BodyTarget(p.Buggy, p.MaxSteps)
			f, stats := guided.Search(context.Background(), guided.Config{Seed: 1, Runs: tc.runs}, target)
			require.NotNil(t, f, "not found in %d runs", stats.Runs)
			require.Equal(t, f.Run, stats.Runs)
			again := target(f.Seed, sim.Replay{Decisions: f.Decisions, Strict: true})
			require.Equal(t, f.Hash, again.Sim.Hash, "the finding replays to its hash")
			require.True(t, again.Failed)
		})
	}
}

// The correct twins are never reported.
func TestGuidedReportsNoCorrectTwin(t *testing.T) {
	for _, p := range bugbench.Programs() {
		t.Run(p.Name, func(t *testing.T) {
			f, stats := guided.Search(context.Background(), guided.Config{Seed: 7, Runs: 150, Parallel: 2}, guided.BodyTarget(p.Fixed, p.MaxSteps))
			if f != nil {
				t.Fatalf("fixed %s reported at run %d (%s): %v", p.Name, f.Run, f.Origin, f.Report.Value)
			}
			require.Equal(t, 150, stats.Runs)
		})
	}
}

// The same seed gives the same runs and finding, at any Parallel and
// GOMAXPROCS; another seed gives other runs.
func TestGuidedSearchIsDeterministic(t *testing.T) {
	p := program(t, "timer-race")
	search := func(seed uint64, parallel, procs int) ([]guided.RunInfo, *guided.Finding) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var runs []guided.RunInfo
		f, _ := guided.Search(context.Background(), guided.Config{Seed: seed, Runs: 300, Parallel: parallel,
			OnRun: func(r guided.RunInfo) { runs = append(runs, r) }}, guided.BodyTarget(p.Buggy, p.MaxSteps))
		return runs, f
	}
	want, wantF := search(3, 1, 1)
	require.NotNil(t, wantF)
	require.Greater(t, len(want), 1, "a search of one run shows little")
	for _, c := range []struct{ parallel, procs int }{{1, 4}, {3, 1}, {4, 4}} {
		got, gotF := search(3, c.parallel, c.procs)
		require.Equal(t, want, got, "parallel %d, GOMAXPROCS %d", c.parallel, c.procs)
		require.Equal(t, wantF.Decisions, gotF.Decisions)
	}
	other, _ := search(4, 1, 1)
	require.NotEqual(t, want, other)
}
