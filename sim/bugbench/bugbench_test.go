package bugbench_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/bugbench"
)

func TestTheSuiteCoversTwentyPatternsWithTwins(t *testing.T) {
	ps := bugbench.Programs()
	require.GreaterOrEqual(t, len(ps), 20)
	names := map[string]bool{}
	for _, p := range ps {
		require.False(t, names[p.Name], "duplicate program %s", p.Name)
		names[p.Name] = true
		require.NotEmpty(t, p.Pattern, p.Name)
		require.NotNil(t, p.Buggy, p.Name)
		require.NotNil(t, p.Fixed, p.Name)
	}
}

// No correct twin is ever reported, by any scheduler, on any seed.
func TestFixedTwinsAreNeverReported(t *testing.T) {
	seeds := 300
	if testing.Short() {
		seeds = 50
	}
	for _, p := range bugbench.Programs() {
		for _, s := range bugbench.Schedulers() {
			t.Run(p.Name+"/"+s.String(), func(t *testing.T) {
				seed, err := bugbench.FalsePositive(p, s, seeds)
				require.NoError(t, err, "%s reported the fixed %s at seed %d", s, p.Name, seed)
			})
		}
	}
}

// Every bug is found by at least one scheduler within bugbench.Budget seeds.
func TestEveryBugIsDetectedWithinTheBudget(t *testing.T) {
	for _, p := range bugbench.Programs() {
		t.Run(p.Name, func(t *testing.T) {
			var found []string
			for _, s := range bugbench.Schedulers() {
				if first, _ := bugbench.SeedsToDetection(p, s, bugbench.Budget); first > 0 {
					found = append(found, s.String())
				}
			}
			require.NotEmpty(t, found, "no scheduler found %s (%s) in %d seeds", p.Name, p.Pattern, bugbench.Budget)
		})
	}
}

func TestARunSaysWhatWentWrong(t *testing.T) {
	p := bugbench.Programs()[0] // abba
	var err error
	for seed := uint64(1); err == nil && seed <= 100; seed++ {
		err = p.Run(true, sim.Config{Seed: seed})
	}
	require.ErrorIs(t, err, sim.ErrRun)
	require.ErrorContains(t, err, "waits-for cycle")
}

// BenchmarkSeedsToDetection prints, for every program and scheduler, the
// first seed that detects the bug and how many of 1000 seeds do, and
// reports per scheduler how many programs it found.
func BenchmarkSeedsToDetection(b *testing.B) {
	const seeds = 1000
	var rows []bugbench.Row
	for b.Loop() {
		rows = bugbench.Table(bugbench.Programs(), bugbench.Schedulers(), seeds)
	}
	// Printed, not logged: the testing package cuts long benchmark logs.
	fmt.Printf("seeds to detection, %d seeds per cell:\n%s", seeds, bugbench.FormatTable(rows))
	found := map[string]float64{}
	for _, r := range rows {
		if r.Hits > 0 {
			found[r.Scheduler]++
		}
	}
	for _, s := range bugbench.Schedulers() {
		b.ReportMetric(found[s.String()], "found-"+s.String())
	}
}
