package sim_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/simtest"
)

func TestSwarmParsesAndPrintsBack(t *testing.T) {
	tests := []struct {
		in      string
		want    sim.Scheduler
		wantErr string
	}{
		{"swarm", sim.Swarm{}, ""},
		{"swarm:700", sim.Swarm{Horizon: 700}, ""},
		{"swarm:0", nil, "swarm horizon must be a whole number of steps, 1 or more"},
		{"swarm:x", nil, "swarm horizon must be a whole number of steps, 1 or more"},
	}
	for _, tc := range tests {
		got, err := sim.ParseScheduler(tc.in)
		if tc.wantErr != "" {
			require.ErrorContains(t, err, tc.wantErr, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		require.Equal(t, tc.want, got)
		require.Equal(t, tc.in, got.String())
	}
	require.Contains(t, sim.SchedulerNames(), "swarm")
	require.ErrorContains(t, sim.Config{Scheduler: sim.Swarm{Horizon: -1}}.Validate(), "is negative")
}

// Over many seeds every setting of every menu is drawn, and a seed always
// draws the same settings.
func TestSwarmSeedsDrawManyConfigurations(t *testing.T) {
	seen := map[string]int{}
	for seed := uint64(1); seed <= 1000; seed++ {
		d := sim.Swarm{}.Draw(seed)
		require.Equal(t, d, sim.Swarm{}.Draw(seed))
		seen[fmt.Sprintf("depth=%d", d.Depth)]++
		seen[fmt.Sprintf("early=%g", d.EarlyTimers)]++
		seen[fmt.Sprintf("slow=%g", d.Slow)]++
	}
	for _, k := range []string{"depth=0", "depth=1", "depth=2", "depth=3",
		"early=0", "early=0.015625", "early=0.03125", "early=0.125", "early=0.25", "early=0.5",
		"slow=0", "slow=0.25", "slow=0.5"} {
		require.Greater(t, seen[k], 50, "%s drawn in %d of 1000 seeds", k, seen[k])
	}
}

// Some seeds fire the busy world's one-second timeouts so early that its
// consumers quit and its producers block: the outcome may be anything, but
// a run and its replay must be the same run.
func TestSwarmRunsReplayAndKeepTheirHash(t *testing.T) {
	outcomes := map[sim.Outcome]int{}
	for seed := uint64(1); seed <= 40; seed++ {
		cfg := sim.Config{Seed: seed, Scheduler: sim.Swarm{}, EarlyTimers: sim.DefaultEarlyTimers, Decisions: true}
		_, orig := simtest.RunOnce(cfg, busyWorld)
		procs := runtime.GOMAXPROCS(1 + int(seed%4))
		_, again := simtest.RunOnce(cfg, busyWorld)
		runtime.GOMAXPROCS(procs)
		require.Equal(t, orig.Hash, again.Hash, "seed %d (%s)", seed, sim.Swarm{}.Draw(seed))
		cfg.Scheduler = sim.Replay{Decisions: orig.Decisions, Strict: true}
		_, replayed := simtest.RunOnce(cfg, busyWorld)
		require.Equal(t, orig.Hash, replayed.Hash, "seed %d (%s)", seed, sim.Swarm{}.Draw(seed))
		require.Zero(t, replayed.Misfits)
		outcomes[orig.Outcome]++
	}
	require.Positive(t, outcomes[sim.Done], "most seeds finish the busy world")
}

// A seed that drew no early firing never fires a timer while a task could
// run, even with Config.EarlyTimers on; Config.EarlyTimers 0 turns early
// firing off for every seed.
func TestSwarmEarlyRateIsTheSeeds(t *testing.T) {
	for seed := uint64(1); seed <= 200; seed++ {
		d := sim.Swarm{}.Draw(seed)
		on := simtest.Find(simtest.Options{FirstSeed: seed, Seeds: 1, Scheduler: sim.Swarm{}}, timeoutRace)
		off := simtest.Find(simtest.Options{FirstSeed: seed, Seeds: 1, Scheduler: sim.Swarm{}, EarlyTimers: -1}, timeoutRace)
		require.Nil(t, off, "seed %d: no early firing, no torn read", seed)
		if d.EarlyTimers == 0 {
			require.Nil(t, on, "seed %d drew no early firing", seed)
		}
	}
}

func TestFindLearnsTheSwarmHorizon(t *testing.T) {
	f := simtest.Find(simtest.Options{Seeds: 200, Scheduler: sim.Swarm{}}, timeoutRace)
	require.NotNil(t, f)
	require.Greater(t, f.Seed, uint64(1), "the seeds before taught a horizon")
	require.Regexp(t, `^swarm:\d+$`, f.Scheduler.String())
}

// seedsToDetect runs body on seeds 1..n and returns the first failing seed
// (0 if none) and how many seeds failed.
func seedsToDetect(opts simtest.Options, n int, body simtest.Body) (first uint64, hits int) {
	pool := sim.NewPool()
	defer pool.Close()
	opts.Pool = pool
	for seed := uint64(1); seed <= uint64(n); seed++ {
		opts.FirstSeed, opts.Seeds = seed, 1
		if f := simtest.Find(opts, body); f != nil {
			hits++
			if first == 0 {
				first = seed
			}
		}
	}
	return first, hits
}

// BenchmarkSwarmTimerRace prints, per scheduler, the first seed that finds
// the timeout race (a timeout that must land mid-work) and how many of 1000
// seeds find it.
func BenchmarkSwarmTimerRace(b *testing.B) {
	tests := []struct {
		name string
		opts simtest.Options
	}{
		{"random/early=1/32", simtest.Options{}},
		{"random/early=1/4", simtest.Options{EarlyTimers: 0.25}},
		{"pct:2/early=1/32", simtest.Options{Scheduler: sim.PCT{Depth: 2}}},
		{"pct:3/early=1/32", simtest.Options{Scheduler: sim.PCT{Depth: 3}}},
		{"swarm", simtest.Options{Scheduler: sim.Swarm{}}},
	}
	for _, tc := range tests {
		b.Run(tc.name, func(b *testing.B) {
			var first uint64
			var hits int
			for b.Loop() {
				first, hits = seedsToDetect(tc.opts, 1000, timeoutRace)
			}
			b.ReportMetric(float64(first), "first-seed")
			b.ReportMetric(float64(hits), "hits/1000")
		})
	}
}

// After CalmAt's time swarm fires no timer early: a sleeper wakes only when
// the busy task has run out of work. Before it, some seed wakes the sleeper
// while the busy task still has work, so the check can fail.
func TestSwarmCalmsAtTheGivenTime(t *testing.T) {
	sleeperWokeEarly := func(seed uint64, calmAt time.Duration) bool {
		w := sim.New(sim.Config{Seed: seed, Scheduler: sim.Swarm{}, EarlyTimers: sim.DefaultEarlyTimers})
		if calmAt >= 0 {
			w.CalmAt(calmAt)
		}
		busyLeft := 200
		early := false
		w.Go("busy", func() {
			for ; busyLeft > 0; busyLeft-- {
				w.Point(w.Label("work"), 0)
			}
		})
		w.Go("sleeper", func() {
			w.Sleep(time.Millisecond)
			early = busyLeft > 0
		})
		require.Equal(t, sim.Done, w.Run().Outcome, "seed %d", seed)
		return early
	}
	earlyBefore := 0
	for seed := uint64(1); seed <= 100; seed++ {
		if sleeperWokeEarly(seed, -1) {
			earlyBefore++
		}
		require.False(t, sleeperWokeEarly(seed, 0), "seed %d (%v): a timer fired early after CalmAt", seed, sim.Swarm{}.Draw(seed))
	}
	require.Positive(t, earlyBefore, "without CalmAt some seed fires the sleeper's timer early")
	t.Logf("sleeper woke early in %d of 100 seeds without CalmAt, 0 with it", earlyBefore)
}
