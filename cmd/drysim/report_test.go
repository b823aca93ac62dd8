package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// report takes the sweep's plan flags and reports only the planned runs,
// warns when records mix builds, and salvages a damaged file only when
// asked.
func TestReportFiltersToThePlanWarnsOfBuildsAndSalvages(t *testing.T) {
	dir := t.TempDir()
	results, out := filepath.Join(dir, "r.jsonl"), filepath.Join(dir, "report")
	code, stdout, stderr := drysim("sweep", "-scenarios", "release-race", "-strategies", "naive,slot", "-workers", "4",
		"-sched", "random", "-seeds", "4", "-parallel", "1", "-out", results)
	require.Equal(t, 0, code, stdout+stderr)
	require.True(t, strings.HasPrefix(stdout, "sweep      shard all: 8 runs planned, 0 already in "+results+", 8 to run\n"), "the plan's count comes first: %s", stdout)

	code, stdout, _ = drysim("report", "-in", results, "-seeds", "2", "-out", out)
	require.Equal(t, 0, code, stdout)
	require.Contains(t, stdout, "plan       left out 4 records of runs outside the plan given")
	require.Contains(t, stdout, "report     4 runs from 1 file(s)")
	require.NotContains(t, stdout, "warning")

	data, err := os.ReadFile(results)
	require.NoError(t, err)
	lines := strings.SplitAfter(strings.TrimSuffix(string(data), "\n"), "\n")
	lines[0] = strings.Replace(lines[0], `"build":"`, `"build":"v0.9.0+older-`, 1)
	damaged := strings.Join(lines, "") + "\n{not a record}\n"
	require.NoError(t, os.WriteFile(results, []byte(damaged), 0o644))

	code, _, stderr = drysim("report", "-in", results, "-out", out)
	require.Equal(t, 2, code)
	require.Regexp(t, `^drysim report: -in: \S+r\.jsonl line 9: not a drysim record: .* \(-salvage skips bad lines\)\n$`, stderr)

	code, stdout, _ = drysim("report", "-in", results, "-out", out, "-salvage")
	require.Equal(t, 0, code, stdout)
	require.Contains(t, stdout, "salvaged   skipped 1 bad lines")
	require.Regexp(t, `warning    the records come from 2 builds: \S+ \(7 runs\), v0\.9\.0\+older-\S+ \(1 runs\)`, stdout)

	code, stdout, _ = drysim("sweep", "-scenarios", "release-race", "-strategies", "naive,slot", "-workers", "4",
		"-sched", "random", "-seeds", "4", "-out", results, "-salvage")
	require.Equal(t, 0, code, stdout)
	require.Contains(t, stdout, "8 already in")
	require.Contains(t, stdout, "salvaged   "+results+": dropped 1 bad lines, kept 8 records")
}
