package sweep_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// record makes a valid record of a plan run without running it.
func record(seed uint64) sweep.Record {
	r := sweep.NewRecord(scenarios.Identity{Scenario: "reclaim-race", Strategy: "slot", Workers: 4, Seed: seed}, sim.Done)
	r.Hash = "0123456789abcdef"
	return r
}

func line(t *testing.T, r sweep.Record) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, sweep.Append(&b, r))
	return b.String()
}

func TestRecordsAreValidatedOnLoad(t *testing.T) {
	negative := record(1)
	negative.Workers = -3
	unknown := record(1)
	unknown.Scenario = "nope"
	badHash := record(1)
	badHash.Hash = "xyz"
	badSched := record(1)
	badSched.Sched = "dfs"
	tests := []struct {
		name, line, want string
	}{
		{"empty object", "{}\n", "no scenario"},
		{"null", "null\n", "no scenario"},
		{"not json", "{{\"scenario\":\n", "not a drysim record"},
		{"unknown scenario", line(t, unknown), `unknown scenario "nope"`},
		{"negative workers", line(t, negative), "workers -3"},
		{"bad hash", line(t, badHash), `hash "xyz"`},
		{"bad scheduler", line(t, badSched), `sched "dfs"`},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".jsonl")
			text := line(t, record(1)) + "\n" + tc.line + line(t, record(2))
			require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
			_, err := sweep.Load(path)
			require.ErrorIs(t, err, sweep.ErrResults)
			require.ErrorContains(t, err, "line 3: ")
			require.ErrorContains(t, err, tc.want)
			require.ErrorContains(t, err, "-salvage skips bad lines")

			recs, st, err := sweep.LoadWith(sweep.LoadOptions{Salvage: true}, path)
			require.NoError(t, err)
			require.Len(t, recs, 2, "the good records")
			require.Equal(t, [3]int{2, 1, 1}, [3]int{st.Records, st.Blank, st.Bad}, "records, blank lines, bad lines")
		})
	}
}

func TestABlankLineOrATornLastLineIsNotAnError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.jsonl")
	text := "\n" + line(t, record(1)) + "   \n" + line(t, record(2)) + `{"scenario":"recl`
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
	recs, st, err := sweep.LoadWith(sweep.LoadOptions{}, path)
	require.NoError(t, err)
	require.Len(t, recs, 2)
	require.Equal(t, 2, st.Blank)
	require.True(t, st.Torn)
}

func TestOpenResultsLocksTheFileAgainstASecondSweep(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.jsonl")
	first, err := sweep.OpenResults(path, sweep.OpenOptions{})
	require.NoError(t, err)
	_, err = sweep.OpenResults(path, sweep.OpenOptions{})
	require.ErrorIs(t, err, sweep.ErrLocked)
	require.ErrorContains(t, err, path)
	require.NoError(t, first.Close())
	again, err := sweep.OpenResults(path, sweep.OpenOptions{})
	require.NoError(t, err, "the lock goes with the first sweep")
	require.NoError(t, again.Close())
}

// Salvaging keeps the good lines in order and drops the bad ones in
// place; a torn last line goes either way.
func TestSalvageCompactsTheFileInPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.jsonl")
	good := []string{line(t, record(1)), line(t, record(2)), line(t, record(3))}
	text := good[0] + "{{\"scenario\":\"x\"}\n" + good[1] + "\n{}\n" + good[2] + `{"torn`
	require.NoError(t, os.WriteFile(path, []byte(text), 0o644))

	_, err := sweep.OpenResults(path, sweep.OpenOptions{})
	require.ErrorContains(t, err, "line 2: not a drysim record", "without -salvage a damaged file is refused")
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, text, string(after), "and left as it was")

	rf, err := sweep.OpenResults(path, sweep.OpenOptions{Salvage: true, Count: func(r sweep.Record) bool { return r.Seed > 1 }})
	require.NoError(t, err)
	require.Equal(t, 2, rf.Stats().Bad)
	require.Equal(t, 3, rf.DoneKeys())
	require.Equal(t, 2, rf.Counted())
	require.True(t, rf.Done(record(2).Key()))
	require.NoError(t, sweep.Append(rf, record(4)))
	require.NoError(t, rf.Close())
	after, err = os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, strings.Join(good, "")+line(t, record(4)), string(after))
}

func TestSpecialFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o644))
	tests := []struct{ path, want string }{
		{"/dev/zero", "a character device"},
		{"/dev/full", "a character device"},
		{fifo, "a FIFO"},
		{dir, "a directory"},
	}
	for _, tc := range tests {
		require.ErrorContains(t, sweep.CheckRegular(tc.path), tc.want)
		_, err := sweep.OpenResults(tc.path, sweep.OpenOptions{})
		require.ErrorContains(t, err, tc.path+" is "+tc.want+", not a regular file")
		_, err = sweep.Load(tc.path)
		require.ErrorIs(t, err, sweep.ErrResults)
	}
	require.NoError(t, sweep.CheckRegular(filepath.Join(dir, "new.jsonl")), "a file to be created is fine")
}

func TestPlanContainsExactlyItsRuns(t *testing.T) {
	p := smallPlan()
	p.FirstSeed = 7
	in := map[string]bool{}
	for id := range p.All() {
		require.True(t, p.Contains(id), id.String())
		in[id.String()] = true
	}
	out := []scenarios.Identity{
		{Scenario: "reclaim-race", Strategy: "naive", Workers: 4, Seed: 6},
		{Scenario: "reclaim-race", Strategy: "naive", Workers: 4, Seed: 12},
		{Scenario: "reclaim-race", Strategy: "global", Workers: 4, Seed: 7},
		{Scenario: "reclaim-race", Strategy: "naive", Workers: 8, Seed: 7},
		{Scenario: "reclaim-race", Strategy: "naive", Workers: 4, Seed: 7, Leases: 3},
		{Scenario: "reclaim-race", Strategy: "naive", Workers: 4, Seed: 7, Sched: sim.SchedulerSpec{Scheduler: sim.PCT{Depth: 2}}},
	}
	for _, id := range out {
		require.False(t, p.Contains(id), id.String())
	}
	for i := range 3 {
		q := p
		q.Shard = sweep.Shard{Index: i, Count: 3}
		n := 0
		for id := range p.All() {
			if q.Contains(id) {
				n++
			}
		}
		require.Equal(t, q.Len(), n, "shard %d", i)
	}
}

func TestFilterKeepsThePlannedRuns(t *testing.T) {
	f := sweep.Filter{Seeds: 2, Strategies: []string{"slot"}}
	require.True(t, f.Keep(record(1)))
	require.True(t, f.Keep(record(2)))
	require.False(t, f.Keep(record(3)), "past -seeds")
	other := record(1)
	other.Strategy = "naive"
	require.False(t, f.Keep(other))
	require.True(t, sweep.Filter{}.Keep(record(99)))
	require.True(t, sweep.Filter{}.IsZero())
}

func TestBuildIsARecordField(t *testing.T) {
	r := record(1)
	r.Build = "v1.0.0+abc"
	var back sweep.Record
	require.NoError(t, json.Unmarshal([]byte(line(t, r)), &back))
	require.Equal(t, "v1.0.0+abc", back.Build)
	require.NoError(t, back.Validate())
}
