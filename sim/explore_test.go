package sim_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

// recorder is a testing.TB that keeps what Explore reports instead of
// failing the real test.
type recorder struct {
	testing.TB
	msg    string
	failed bool
}

func (r *recorder) Helper()      {}
func (r *recorder) Name() string { return "TestModel/sub" }
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = true
	r.msg = fmt.Sprintf(format, args...)
}

func TestExploreFailurePrintsSeedStrategyAndReplayCommand(t *testing.T) {
	rec := &recorder{TB: t}
	sim.Explore(rec, sim.ExploreOptions{Seeds: 100, Strategy: sim.PCT{Depth: 2}}, lostUpdate)
	require.True(t, rec.failed)
	require.Regexp(t, `^sim: seed \d+ \(strategy pct:2:\d+\): lost update: counter is 1, want 2\n`, rec.msg)
	require.Regexp(t, `replay: DRYSIM_SEED=\d+ DRYSIM_STRATEGY=pct:2:\d+ go test -count=1 -run '\^TestModel\$' \./sim$`, rec.msg)
}

func TestExploreReplaysOneSeedFromTheEnvironment(t *testing.T) {
	f := sim.Find(sim.ExploreOptions{Seeds: 100}, lostUpdate)
	require.NotNil(t, f)
	t.Setenv("DRYSIM_SEED", fmt.Sprint(f.Seed))
	t.Setenv("DRYSIM_STRATEGY", "random")
	rec := &recorder{TB: t}
	sim.Explore(rec, sim.ExploreOptions{}, lostUpdate)
	require.True(t, rec.failed, "the replayed seed must fail again")
	require.Contains(t, rec.msg, fmt.Sprintf("seed %d", f.Seed))
}
