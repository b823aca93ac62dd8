package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestHuntSavesAFindingThatReplays(t *testing.T) {
	path := filepath.Join(t.TempDir(), "found.replay")
	code, stdout, stderr := drysim("hunt", "-scenario", "release-race", "-strategy", "naive", "-no-scenario-failpoints", "-race", "-runs", "30", "-out", path)
	require.Equal(t, 1, code, stderr)
	require.Contains(t, stdout, "guided: found at run")
	require.Contains(t, stdout, "race reproduced")
	require.Contains(t, stdout, "repro: drysim replay "+path)
	require.FileExists(t, path)
	code, stdout, stderr = drysim("replay", path)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stdout, "confirmed")
}

func TestHuntUnderASchedulerPrintsItsSeedRepro(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pct.replay")
	code, stdout, stderr := drysim("hunt", "-scenario", "release-race", "-strategy", "naive", "-no-scenario-failpoints", "-search", "pct:2", "-runs", "30", "-out", path)
	require.Equal(t, 1, code, stderr)
	require.Regexp(t, `repro: drysim run -scenario release-race -strategy naive -seed \d+ -workers 64 -sched pct:2`, stdout)
	require.FileExists(t, path)
}

func TestHuntWithNothingFoundExitsZeroAndWritesNoFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "none.replay")
	code, stdout, stderr := drysim("hunt", "-scenario", "release-race", "-strategy", "slot", "-runs", "4", "-out", path)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stdout, "guided: nothing in 4 runs")
	_, err := os.Stat(path)
	require.True(t, os.IsNotExist(err), "no finding, no file")
}

func TestHuntBadInputIsOneLine(t *testing.T) {
	requireBadInputs(t, []badInput{
		{[]string{"hunt", "-scenario", "release-race", "-search", "dfs"}, `-search "dfs": want guided, random, pct`},
		{[]string{"hunt", "-scenario", "release-race", "-runs", "0"}, "-runs 0: want 1 to 1000000"},
		{[]string{"hunt", "-scenario", "release-race", "-sched", "pct:2"}, "-sched: a hunt picks each run's schedule; give -search"},
		{[]string{"hunt", "-scenario", "release-race", "-max-time", "-1s"}, "-max-time -1s: want 0 (no limit) or more"},
		{[]string{"hunt"}, "-scenario is required"},
	})
}
