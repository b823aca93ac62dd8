package harness_test

import (
	"bytes"
	"context"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

func smallPlan() sweep.Plan {
	return sweep.Plan{
		Scenarios: []string{"reclaim-race", "release-race"}, Strategies: []string{"naive", "slot"},
		Workers: []int{4, 16}, Scheds: []sim.SchedulerSpec{{Scheduler: sim.Random{}}, {Scheduler: sim.PCT{Depth: 3}}}, Seeds: 5,
	}
}

func sweepInto(t *testing.T, ids iter.Seq[scenarios.Identity], total, parallel int) string {
	t.Helper()
	var out bytes.Buffer
	prog, err := harness.Sweep(context.Background(), ids, total, &out, harness.SweepOptions{Runner: harness.Runner{Parallel: parallel}})
	require.NoError(t, err)
	require.Equal(t, total, prog.Done)
	return out.String()
}

func sortedLines(text string) []string {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	slices.Sort(lines)
	return lines
}

func TestShardsConcatenatedEqualTheUnshardedSweep(t *testing.T) {
	whole := smallPlan()
	want := sortedLines(sweepInto(t, whole.All(), whole.Len(), 3))
	require.Len(t, want, 2*2*2*2*5)

	var got []string
	for i := range 3 {
		p := whole
		p.Shard = sweep.Shard{Index: i, Count: 3}
		got = append(got, sortedLines(sweepInto(t, p.All(), p.Len(), 2))...)
	}
	slices.Sort(got)
	require.Equal(t, want, got, "the same set of lines, whatever the sharding and parallelism")
}

func TestResumeSkipsDoneRunsAndDropsATornLine(t *testing.T) {
	p := smallPlan()
	first10 := func(yield func(scenarios.Identity) bool) {
		n := 0
		for id := range p.All() {
			if n++; n > 10 || !yield(id) {
				return
			}
		}
	}
	first := sweepInto(t, first10, 10, 0)
	torn := first + `{"scenario":"reclaim-race","strat`
	done, complete, err := sweep.ReadDone(strings.NewReader(torn))
	require.NoError(t, err)
	require.Len(t, done, 10)
	require.Equal(t, int64(len(first)), complete)

	rest := func(yield func(scenarios.Identity) bool) {
		for id := range p.All() {
			if !done[id.String()] && !yield(id) {
				return
			}
		}
	}
	all := sortedLines(first + sweepInto(t, rest, p.Len()-10, 0))
	require.Equal(t, sortedLines(sweepInto(t, p.All(), p.Len(), 0)), all)
}

func TestLoadMergesShardsAndRejectsGarbage(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	p := sweep.Plan{Scenarios: []string{"release-race"}, Strategies: []string{"slot"}, Workers: []int{4}, Scheds: []sim.SchedulerSpec{{}}, Seeds: 6}
	for i, path := range []string{a, b} {
		q := p
		q.Shard = sweep.Shard{Index: i, Count: 2}
		require.NoError(t, os.WriteFile(path, []byte(sweepInto(t, q.All(), q.Len(), 0)), 0o644))
	}
	recs, err := sweep.Load(a, b, a) // a file given twice counts once
	require.NoError(t, err)
	require.Len(t, recs, 6)
	require.True(t, slices.IsSortedFunc(recs, func(x, y sweep.Record) int { return int(x.Seed) - int(y.Seed) }))
	require.Equal(t, sim.Done, recs[0].Outcome)
	require.Equal(t, recs[0].Repro(), recs[0].Identity().Command("run"))

	bad := filepath.Join(dir, "bad.jsonl")
	require.NoError(t, os.WriteFile(bad, []byte("\nnot json\n{}\n"), 0o644))
	_, err = sweep.Load(bad)
	require.ErrorContains(t, err, "bad.jsonl line 2: not a drysim record", "a blank line is skipped, the next one is not")
	recs, st, err := sweep.LoadWith(sweep.LoadOptions{Salvage: true}, a, bad)
	require.NoError(t, err)
	require.Len(t, recs, 3)
	require.Equal(t, 2, st.Bad, "the garbage line and the empty record")
	require.Equal(t, 1, st.Blank)
}

// A record holds what the run found and reruns to the same hash.
func TestARecordRerunsToItsHash(t *testing.T) {
	rows := check(t, harness.CheckConfig{Scenario: "reclaim-race", Strategies: []string{"naive"}})
	id := scenarios.Identity{Scenario: "reclaim-race", Strategy: "naive", Seed: rows[0].FirstSeed}
	rec := run(t, id).Record()
	require.True(t, rec.Race)
	require.True(t, rec.Failed())
	require.NotEmpty(t, rec.Violations)
	require.Equal(t, rec.Hash, run(t, rec.Identity()).HashString())
}
