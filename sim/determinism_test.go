package sim_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/simtest"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// busyWorld uses every primitive the kernel has, with timings drawn from
// the world's PRNG, so that a hash mismatch anywhere shows up here.
func busyWorld(w *sim.World) func() error {
	rng := w.Rand("workload")
	mu := w.NewMutex("mu")
	rw := w.NewRWMutex("rw", sim.GoRW)
	cond := w.NewCond("cond", mu)
	wg := w.NewWaitGroup("wg")
	once := w.NewOnce("once")
	jobs := sim.NewChan[int](w, "jobs", 2)
	done := sim.NewChan[struct{}](w, "done", 0)
	ready := false
	total := 0
	const producers, consumers = 4, 3
	wg.Add(producers)
	for p := range producers {
		w.Go(fmt.Sprintf("producer%d", p), func() {
			defer wg.Done()
			for i := range 5 {
				w.Sleep(time.Duration(rng.IntN(50)) * time.Millisecond)
				jobs.Send(p*100 + i)
			}
		})
	}
	for c := range consumers {
		w.Go(fmt.Sprintf("consumer%d", c), func() {
			for {
				var v int
				i, ok := w.Select(jobs.RecvCase(&v), done.RecvCase(nil), w.After(time.Second).RecvCase(nil))
				if i != 0 || !ok {
					return
				}
				rw.Lock()
				total += v
				rw.Unlock()
				once.Do(func() { w.Yield() })
			}
		})
	}
	w.Go("closer", func() {
		wg.Wait()
		mu.Lock()
		ready = true
		cond.Broadcast()
		mu.Unlock()
		done.Close()
	})
	for r := range 2 {
		w.Go(fmt.Sprintf("reader%d", r), func() {
			mu.Lock()
			for !ready {
				cond.Wait()
			}
			mu.Unlock()
			rw.RLock()
			_ = total
			rw.RUnlock()
			if mu.LockTimeout(10 * time.Millisecond) {
				mu.Unlock()
			}
		})
	}
	return func() error {
		want := 0
		for p := range producers {
			for i := range 5 {
				want += p*100 + i
			}
		}
		if total != want {
			return fmt.Errorf("total %d, want %d", total, want)
		}
		return nil
	}
}

func runBusy(t *testing.T, cfg sim.Config) *sim.Result {
	t.Helper()
	f, res := simtest.RunOnce(cfg, busyWorld)
	require.Nil(t, f, "busy world must finish cleanly")
	return res
}

func TestSameSeedSameHashAtAnyGOMAXPROCS(t *testing.T) {
	schedulers := []sim.Scheduler{sim.Random{}, sim.PCT{Depth: 3}}
	for _, scheduler := range schedulers {
		t.Run(scheduler.String(), func(t *testing.T) {
			cfg := sim.Config{Seed: 11, Scheduler: scheduler, EarlyTimers: sim.DefaultEarlyTimers}
			want := runBusy(t, cfg).Hash
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
			for _, procs := range []int{1, 2, 4} {
				runtime.GOMAXPROCS(procs)
				for run := range 3 {
					got := runBusy(t, cfg).Hash
					require.Equalf(t, want, got, "GOMAXPROCS=%d run %d", procs, run)
				}
			}
		})
	}
}

func TestRecordingDoesNotChangeHash(t *testing.T) {
	cfg := sim.Config{Seed: 5, EarlyTimers: sim.DefaultEarlyTimers}
	off := runBusy(t, cfg)
	require.Nil(t, off.Trace)
	require.Empty(t, off.Decisions)
	cfg.Trace, cfg.Decisions = true, true
	on := runBusy(t, cfg)
	require.Equal(t, off.Hash, on.Hash)
	require.Equal(t, on.Hash, on.Trace.Hash)
	require.Equal(t, int(on.Steps), on.Trace.Len())
	require.Equal(t, on.Steps, on.Trace.At(on.Trace.Len()-1).Step)
}

func TestReplayingDecisionsGivesSameHash(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3, 99} {
		orig := runBusy(t, sim.Config{Seed: seed, Scheduler: sim.PCT{Depth: 2}, EarlyTimers: sim.DefaultEarlyTimers, Decisions: true})
		require.NotEmpty(t, orig.Decisions)
		replay := runBusy(t, sim.Config{
			Seed:        seed,
			Scheduler:   sim.Replay{Decisions: orig.Decisions, Strict: true},
			EarlyTimers: sim.DefaultEarlyTimers,
			Decisions:   true,
		})
		require.Equal(t, orig.Hash, replay.Hash, "seed %d", seed)
		require.Equal(t, choices(orig.Decisions), choices(replay.Decisions), "seed %d", seed)
		require.Zero(t, replay.Misfits)
	}
}

func TestDifferentSeedsGiveDifferentSchedules(t *testing.T) {
	seen := map[uint64]uint64{}
	for seed := uint64(1); seed <= 20; seed++ {
		h := runBusy(t, sim.Config{Seed: seed}).Hash
		prev, dup := seen[h]
		require.Falsef(t, dup, "seeds %d and %d gave the same hash %016x", prev, seed, h)
		seen[h] = seed
	}
}

func TestStrictReplayReportsDivergence(t *testing.T) {
	orig := runBusy(t, sim.Config{Seed: 3, Decisions: true})
	bad := append([]sim.Decision(nil), orig.Decisions...)
	bad[0].Task = 999
	_, res := simtest.RunOnce(sim.Config{Seed: 3, Scheduler: sim.Replay{Decisions: bad, Strict: true}}, busyWorld)
	require.Equal(t, sim.Diverged, res.Outcome)
	require.Contains(t, res.Reason(), "decision 0")
	require.Contains(t, res.Reason(), "unknown task 999")

	_, lenient := simtest.RunOnce(sim.Config{Seed: 3, Scheduler: sim.Replay{Decisions: bad}}, busyWorld)
	require.Equal(t, sim.Done, lenient.Outcome, "a lenient replay falls back instead of failing")
	require.Positive(t, lenient.Misfits)
}

// The golden file pins hashes across machines, Go releases and -race: if a
// change alters them on purpose, rerun with -update and review the diff.
func TestGoldenHashes(t *testing.T) {
	var b strings.Builder
	for _, scheduler := range []sim.Scheduler{sim.Random{}, sim.PCT{Depth: 2}, sim.PCT{Depth: 4}} {
		for seed := uint64(1); seed <= 4; seed++ {
			res := runBusy(t, sim.Config{Seed: seed, Scheduler: scheduler, EarlyTimers: sim.DefaultEarlyTimers})
			fmt.Fprintf(&b, "%s seed=%d steps=%d elapsed=%v hash=%s\n", scheduler, seed, res.Steps, res.Elapsed, res.HashString())
		}
	}
	path := filepath.Join("testdata", "golden_hashes.txt")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./sim -run TestGoldenHashes -update to create it")
	require.Equal(t, string(want), b.String())
}

func TestRunUntilPausesAndResumesWithTheSameHash(t *testing.T) {
	whole := runBusy(t, sim.Config{Seed: 21, EarlyTimers: sim.DefaultEarlyTimers})
	w := sim.New(sim.Config{Seed: 21, EarlyTimers: sim.DefaultEarlyTimers})
	check := busyWorld(w)
	var pauses int
	for at := 10 * time.Millisecond; !w.RunUntil(at); at += 10 * time.Millisecond {
		require.LessOrEqual(t, w.Elapsed(), at+sim.DefaultEarlyTimerWindow, "the clock passes the bound only by an early firing")
		pauses++
	}
	res := w.Run()
	require.NoError(t, check())
	require.Positive(t, pauses)
	require.Equal(t, whole.HashString(), res.HashString(), "pausing does not change the run")
}

func TestStopEndsTheRunFromInsideATask(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	after := false
	w.Go("watcher", func() {
		w.Sleep(time.Second)
		w.Stop("seen enough")
		after = true
	})
	w.Go("busy", func() {
		for {
			w.Sleep(time.Millisecond)
		}
	})
	res := w.Run()
	require.Equal(t, sim.Stopped, res.Outcome)
	require.Equal(t, "seen enough", res.Reason())
	require.False(t, after, "the stopping task does not resume")
	require.Equal(t, time.Second, res.Elapsed)
}

func TestChooserDrivesEveryDecision(t *testing.T) {
	var seen int
	lowest := sim.Chooser{Choose: func(opts []int32, fire bool) int { seen++; return 0 }}
	f, res := simtest.RunOnce(sim.Config{Scheduler: lowest, Decisions: true}, lostUpdate)
	require.Nil(t, f, "always running the lowest task is serial: no lost update")
	require.Equal(t, seen, len(res.Decisions))
	highest := sim.Chooser{Choose: func(opts []int32, fire bool) int { return len(opts) - 1 }}
	f, _ = simtest.RunOnce(sim.Config{Scheduler: highest}, lostUpdate)
	require.Nil(t, f)
	alternate := 0
	flip := sim.Chooser{Choose: func(opts []int32, fire bool) int { alternate++; return alternate % len(opts) }}
	f, _ = simtest.RunOnce(sim.Config{Scheduler: flip}, lostUpdate)
	require.NotNil(t, f, "switching at every point interleaves the read and the write")
}

// choices strips the Fallback annotation a replay adds to its decisions.
func choices(ds []sim.Decision) []sim.Decision {
	out := make([]sim.Decision, len(ds))
	for i, d := range ds {
		out[i] = sim.Decision{Step: d.Step, Task: d.Task}
	}
	return out
}

func TestAChooserPanicLeavesRunToTheCaller(t *testing.T) {
	before := runtime.NumGoroutine()
	calls := 0
	boom := sim.Chooser{Choose: func(opts []int32, fire bool) int {
		calls++
		if calls == 3 {
			panic("abort this test case")
		}
		return 0
	}}
	w := sim.New(sim.Config{Scheduler: boom})
	busyWorld(w)
	require.PanicsWithValue(t, "abort this test case", func() { w.Run() })
	require.LessOrEqual(t, settledGoroutines(before), before, "every task was unwound first")
}
