package reports_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/reports"
	"github.com/drysim/drysim/scenarios"
)

func smallPlan() reports.Plan {
	return reports.Plan{
		Scenarios: []string{"reclaim-race", "release-race"}, Strategies: []string{"naive", "slot"},
		Workers: []int{4, 16}, Scheds: []string{"random", "pct"}, Seeds: 5,
	}
}

func sweepLines(t *testing.T, p reports.Plan, parallel int) []string {
	t.Helper()
	var out bytes.Buffer
	prog, err := reports.Sweep(context.Background(), p.Keys(), nil, &out, reports.SweepOptions{Parallel: parallel})
	require.NoError(t, err)
	require.Equal(t, len(p.Keys()), prog.Done)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	slices.Sort(lines)
	return lines
}

func TestShardsConcatenatedEqualTheUnshardedSweep(t *testing.T) {
	whole := smallPlan()
	want := sweepLines(t, whole, 3)
	require.Len(t, want, 2*2*2*2*5)

	var got []string
	for i := range 3 {
		p := whole
		p.Shard = reports.Shard{Index: i, Count: 3}
		got = append(got, sweepLines(t, p, 2)...)
	}
	slices.Sort(got)
	require.Equal(t, want, got, "the same set of lines, whatever the sharding and parallelism")
}

func TestShardsPartitionThePlan(t *testing.T) {
	p := smallPlan()
	seen := map[reports.Key]int{}
	for i := range 4 {
		q := p
		q.Shard = reports.Shard{Index: i, Count: 4}
		for _, k := range q.Keys() {
			seen[k]++
		}
		require.InDelta(t, len(p.Keys())/4, len(q.Keys()), 1)
	}
	require.Len(t, seen, len(p.Keys()))
	for k, n := range seen {
		require.Equal(t, 1, n, k.String())
	}
}

func TestResumeSkipsDoneRunsAndDropsATornLine(t *testing.T) {
	p := smallPlan()
	var first bytes.Buffer
	_, err := reports.Sweep(context.Background(), p.Keys()[:10], nil, &first, reports.SweepOptions{})
	require.NoError(t, err)
	torn := first.String() + `{"scenario":"reclaim-race","strat`
	done, complete, err := reports.ReadDone(strings.NewReader(torn))
	require.NoError(t, err)
	require.Len(t, done, 10)
	require.Equal(t, int64(first.Len()), complete)

	var rest bytes.Buffer
	prog, err := reports.Sweep(context.Background(), p.Keys(), done, &rest, reports.SweepOptions{})
	require.NoError(t, err)
	require.Equal(t, len(p.Keys())-10, prog.Done)
	all := strings.Split(strings.TrimSuffix(first.String()+rest.String(), "\n"), "\n")
	slices.Sort(all)
	require.Equal(t, sweepLines(t, p, 0), all)
}

func TestBadPlansNameWhatIsValid(t *testing.T) {
	tests := []struct {
		mutate func(*reports.Plan)
		want   string
	}{
		{func(p *reports.Plan) { p.Scenarios = []string{"nope"} }, `unknown scenario "nope"`},
		{func(p *reports.Plan) { p.Strategies = []string{"nope"} }, `unknown strategy "nope"`},
		{func(p *reports.Plan) { p.Scheds = []string{"dfs"} }, `unknown strategy "dfs"`},
		{func(p *reports.Plan) { p.Workers = []int{0} }, "worker count 0"},
		{func(p *reports.Plan) { p.Seeds = 0 }, "seeds 0"},
		{func(p *reports.Plan) { p.Workers = nil }, "every axis"},
	}
	for _, tc := range tests {
		p := smallPlan()
		tc.mutate(&p)
		require.ErrorIs(t, p.Validate(), reports.ErrSweep)
		require.ErrorContains(t, p.Validate(), tc.want)
	}
	_, err := reports.ParseShard("3/3")
	require.ErrorContains(t, err, "want i/n with 0 <= i < n")
	_, err = reports.ParseInts("8,x")
	require.ErrorContains(t, err, "not a list of whole numbers")
}

func TestParallelCheckGivesTheSerialRows(t *testing.T) {
	cfg := scenarios.CheckConfig{Scenario: "release-race", Seeds: 10}
	serial, err := scenarios.Check(cfg)
	require.NoError(t, err)
	batch := reports.ParallelBatch(3)
	defer batch.Close()
	cfg.Batch = batch
	parallel, err := scenarios.Check(cfg)
	require.NoError(t, err)
	for i := range serial {
		// A "reproduces" row may run a few more seeds in a wider batch; what
		// it found first must not change.
		if serial[i].Expect.Reproduces {
			serial[i].Seeds, parallel[i].Seeds = 0, 0
			serial[i].Failing, parallel[i].Failing, serial[i].Steals, parallel[i].Steals = 0, 0, 0, 0
		}
	}
	require.Equal(t, serial, parallel)
}
