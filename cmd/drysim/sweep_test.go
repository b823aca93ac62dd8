package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// buildDrysim builds this command into a temporary directory.
func buildDrysim(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "drysim")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

var sweepArgs = []string{"sweep", "-scenarios", "reclaim-race,release-race", "-strategies", "naive,slot",
	"-workers", "16,64", "-sched", "random", "-seeds", "60", "-parallel", "1"}

func sortedLines(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	slices.Sort(lines)
	return lines
}

func countLines(path string) int {
	data, _ := os.ReadFile(path)
	return strings.Count(string(data), "\n")
}

// Kill a sweep half-way (Ctrl-C, then a crash) and rerun the same command:
// the final set of results equals an uninterrupted sweep's.
func TestInterruptedSweepResumesToTheSameResults(t *testing.T) {
	if testing.Short() {
		t.Skip("builds drysim and runs three sweeps")
	}
	bin, dir := buildDrysim(t), t.TempDir()
	whole := filepath.Join(dir, "whole.jsonl")
	out, err := exec.Command(bin, append(sweepArgs, "-out", whole)...).CombinedOutput()
	require.NoError(t, err, string(out))
	want := sortedLines(t, whole)
	require.Len(t, want, 2*2*2*60)

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL} {
		path := filepath.Join(dir, sig.String()+".jsonl")
		cmd := exec.Command(bin, append(sweepArgs, "-out", path)...)
		require.NoError(t, cmd.Start())
		for deadline := time.Now().Add(30 * time.Second); countLines(path) < 40 && time.Now().Before(deadline); {
			time.Sleep(5 * time.Millisecond)
		}
		require.NoError(t, cmd.Process.Signal(sig))
		err := cmd.Wait()
		require.Error(t, err, "the sweep was stopped before it finished")
		partial := countLines(path)
		require.Less(t, partial, len(want), "%s stopped it half-way", sig)

		out, err := exec.Command(bin, append(sweepArgs, "-out", path)...).CombinedOutput()
		require.NoError(t, err, string(out))
		require.Contains(t, string(out), "already in")
		require.Equal(t, want, sortedLines(t, path), "after %s at %d lines", sig, partial)
	}
}
