package simtest_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/simtest"
)

// lostUpdate is two tasks that each read a shared counter, reach a
// scheduling point, and write back the value they read plus one.
func lostUpdate(w *sim.World) func() error {
	counter := 0
	for _, name := range []string{"a", "b"} {
		w.Go(name, func() {
			v := counter
			w.Yield()
			counter = v + 1
		})
	}
	return func() error {
		if counter != 2 {
			return fmt.Errorf("lost update: counter is %d, want 2", counter)
		}
		return nil
	}
}

// Find searches seeds until a body fails; the failure names the seed and
// the scheduler, and its decisions replay the run exactly.
func ExampleFind() {
	found := simtest.Find(simtest.Options{Seeds: 100}, lostUpdate)
	fmt.Println("found:", found.Err)
	_, again := simtest.RunOnce(sim.Config{Seed: found.Seed, Scheduler: sim.Replay{Decisions: found.Result.Decisions, Strict: true}}, lostUpdate)
	fmt.Println("same hash:", again.Hash == found.Result.Hash)
	// Output:
	// found: lost update: counter is 1, want 2
	// same hash: true
}

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
	simtest.Explore(rec, simtest.Options{Seeds: 100, Scheduler: sim.PCT{Depth: 2}}, lostUpdate)
	require.True(t, rec.failed)
	// The scheduler is spelled with the horizon Find learned, if it found
	// the failure after the first seed.
	require.Regexp(t, `^sim: seed \d+ \(scheduler pct:2(:\d+)?\): lost update: counter is 1, want 2\n`, rec.msg)
	require.Regexp(t, `replay: DRYSIM_SEED=\d+ DRYSIM_SCHEDULER=pct:2(:\d+)? go test -count=1 -run '\^TestModel\$' \./sim/simtest$`, rec.msg)
}

func TestExploreReplaysOneSeedFromTheEnvironment(t *testing.T) {
	f := simtest.Find(simtest.Options{Seeds: 100}, lostUpdate)
	require.NotNil(t, f)
	t.Setenv("DRYSIM_SEED", fmt.Sprint(f.Seed))
	t.Setenv("DRYSIM_SCHEDULER", "random")
	rec := &recorder{TB: t}
	simtest.Explore(rec, simtest.Options{}, lostUpdate)
	require.True(t, rec.failed, "the replayed seed must fail again")
	require.Contains(t, rec.msg, fmt.Sprintf("seed %d", f.Seed))
}
