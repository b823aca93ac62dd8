package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
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
		killOnFailure(t, cmd)
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

// waitLines waits until path holds at least n lines, or fails.
func waitLines(t *testing.T, path string, n int) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); countLines(path) < n; {
		require.True(t, time.Now().Before(deadline), "%s never reached %d lines", path, n)
		time.Sleep(5 * time.Millisecond)
	}
}

// Two sweeps on one results file at once: the second refuses with one
// line naming the file, and the first keeps a valid file with no run
// written twice. The first is far longer than the test (then stopped with
// Ctrl-C), so a slow machine cannot let it finish before the second starts.
func TestASecondSweepOnTheSameFileRefuses(t *testing.T) {
	if testing.Short() {
		t.Skip("builds drysim and runs two sweeps")
	}
	bin, path := buildDrysim(t), filepath.Join(t.TempDir(), "r.jsonl")
	long := append(slices.Clone(sweepArgs[:len(sweepArgs)-4]), "-seeds", "100000", "-parallel", "1", "-out", path)
	first := exec.Command(bin, long...)
	var firstOut lockedBuffer
	first.Stdout, first.Stderr = &firstOut, &firstOut
	require.NoError(t, first.Start())
	killOnFailure(t, first)
	waitLines(t, path, 2) // the first holds the lock: it has written

	second := exec.Command(bin, append(sweepArgs, "-out", path)...)
	var stdout, stderr strings.Builder
	second.Stdout, second.Stderr = &stdout, &stderr
	err := second.Run()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit)
	require.Equal(t, 2, exit.ExitCode())
	require.Empty(t, stdout.String())
	require.Equal(t, 1, strings.Count(stderr.String(), "\n"), stderr.String())
	require.Contains(t, stderr.String(), path+" is locked by another drysim sweep")

	require.NoError(t, first.Process.Signal(syscall.SIGINT))
	err = first.Wait()
	require.ErrorAs(t, err, &exit, firstOut.String())
	require.Equal(t, 130, exit.ExitCode(), firstOut.String())
	recs, err := sweep.Load(path)
	require.NoError(t, err, "the file stays valid")
	lines := sortedLines(t, path)
	require.Len(t, recs, len(lines))
	require.Len(t, slices.Compact(lines), len(lines), "no run written twice")
}

// A plan of 10^8 runs starts running and stays small: plans are
// generated as they are taken, never held, and resuming counts the file,
// not the plan.
func TestAHundredMillionRunPlanStartsAtOnceInLittleMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds drysim")
	}
	bin, path := buildDrysim(t), filepath.Join(t.TempDir(), "r.jsonl")
	drydock := scenarios.Systems()[0].Scenarios()
	var names []string
	for _, s := range drydock {
		names = append(names, s.Name)
	}
	perSeed := len(drydock) * 3 * 5 * 2 // scenarios, strategies, worker counts, schedulers
	seeds := (100_000_000 + perSeed - 1) / perSeed
	args := []string{"sweep", "-scenarios", strings.Join(names, ","), "-strategies", "naive,global,slot", "-workers", "8,16,32,64,128",
		"-sched", "random,pct", "-seeds", strconv.Itoa(seeds), "-parallel", "2", "-out", path}
	for _, round := range []string{"fresh", "resumed"} {
		before := countLines(path)
		start := time.Now()
		cmd := exec.Command(bin, args...)
		stdout, err := cmd.StdoutPipe()
		require.NoError(t, err)
		require.NoError(t, cmd.Start())
		killOnFailure(t, cmd)
		planned := make([]byte, 200)
		n, err := stdout.Read(planned)
		require.NoError(t, err)
		toPlan := time.Since(start)
		require.Contains(t, string(planned[:n]), fmt.Sprintf("%d runs planned", perSeed*seeds), round)
		waitLines(t, path, before+1)
		toFirst := time.Since(start)
		waitLines(t, path, before+20)
		hwm := peakRSS(t, cmd.Process.Pid)
		require.NoError(t, cmd.Process.Kill())
		_ = cmd.Wait()
		t.Logf("%s: planned line after %v, first record after %v, peak RSS %d MB after %d records",
			round, toPlan.Round(time.Millisecond), toFirst.Round(time.Millisecond), hwm>>20, countLines(path)-before)
		// No time bound: the machines are shared, and a plan held in
		// memory would show as 10^8 entries, far over this bound.
		require.Less(t, hwm, int64(100<<20), "%s: under 100 MB", round)
	}
}

// peakRSS reads a process's peak resident set size (VmHWM) in bytes.
func peakRSS(t *testing.T, pid int) int64 {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
	require.NoError(t, err)
	for _, l := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			require.NoError(t, err)
			return kb << 10
		}
	}
	t.Fatal("no VmHWM in /proc status")
	return 0
}

// Ctrl-C finishes the running runs and says how many; a second one stops
// at once; both exit 130 and leave a file the next sweep resumes.
func TestCtrlCFinishesRunningRunsAndASecondStopsAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds drysim and interrupts sweeps")
	}
	bin, dir := buildDrysim(t), t.TempDir()
	// Runs of half a second each (2048 workers under the global lock), so
	// the second Ctrl-C lands while one is running.
	slow := []string{"sweep", "-scenarios", "double-allocation", "-strategies", "global", "-workers", "2048",
		"-sched", "random", "-seeds", "20", "-parallel", "1"}
	for _, presses := range []int{1, 2} {
		path := filepath.Join(dir, strconv.Itoa(presses)+".jsonl")
		cmd := exec.Command(bin, append(slow, "-out", path)...)
		var out lockedBuffer
		cmd.Stdout, cmd.Stderr = &out, &out
		require.NoError(t, cmd.Start())
		killOnFailure(t, cmd)
		waitLines(t, path, 1)
		require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
		if presses == 2 {
			// Two SIGINTs pending at once are one to the kernel: send the
			// second once the first has been seen.
			require.Eventually(t, func() bool { return strings.Contains(out.String(), "Ctrl-C again") }, time.Minute, 5*time.Millisecond)
			require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
		}
		err := cmd.Wait()
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit, out.String())
		require.Equal(t, 130, exit.ExitCode(), out.String())
		require.Contains(t, out.String(), "finishing 1 run; Ctrl-C again to stop now")
		if presses == 2 {
			require.Contains(t, out.String(), "drysim sweep: stopped; every finished run is in "+path)
		} else {
			require.Contains(t, out.String(), "interrupted: every finished run is in "+path)
		}
		_, err = sweep.Load(path)
		require.NoError(t, err, "every line whole")
	}
}

// lockedBuffer is an output a child process writes while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// killOnFailure kills a child process the test did not get to stop: a
// failed require would otherwise leave a sweep of 10^8 runs running.
func killOnFailure(t *testing.T, cmd *exec.Cmd) {
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})
}
