package verify_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/verify"
)

// counter starts n tasks that each add 1 to a shared counter in two steps
// (read, then write), under a mutex when locked, and a bystander that only
// locks a lock of its own. A run fails if an increment was lost.
func counter(cfg sim.Config, n int, locked bool) (*sim.Result, bool) {
	w := sim.New(cfg)
	mu := w.NewMutex("counter")
	own := w.NewMutex("own")
	read, write := w.Label("counter.read"), w.Label("counter.write")
	x := 0
	for i := range n {
		w.Go(fmt.Sprintf("adder%d", i), func() {
			if locked {
				mu.Lock()
			}
			w.Point(read, 0)
			v := x
			w.Point(write, 0)
			x = v + 1
			if locked {
				mu.Unlock()
			}
		})
	}
	w.Go("bystander", func() {
		for range 3 {
			own.Lock()
			own.Unlock()
		}
	})
	res := w.Run()
	return res, x != n || res.Outcome != sim.Done
}

// timeout: a sleeper sets a flag after a second while a checker takes two
// steps that must see the same flag. Only a timer that fires while the
// checker could still run breaks it.
func timeout(cfg sim.Config) (*sim.Result, bool) {
	cfg.EarlyTimers = sim.DefaultEarlyTimers
	w := sim.New(cfg)
	step := w.Label("check")
	flag, torn := false, false
	w.Go("sleeper", func() {
		w.Sleep(time.Second)
		flag = true
	})
	w.Go("checker", func() {
		w.Point(step, 0)
		before := flag
		w.Point(step, 0)
		torn = before != flag
	})
	res := w.Run()
	return res, torn || res.Outcome != sim.Done
}

type program func(cfg sim.Config) (*sim.Result, bool)

// runner adapts a program to verify, keeping the last run's result (with
// its decisions) for a replay.
func runner(p program, pool *sim.Pool, last **sim.Result) verify.RunFunc {
	return func(g sim.Guide) (bool, error) {
		res, failed := p(sim.Config{Scheduler: g, Pool: pool, Decisions: true})
		*last = res
		return failed, nil
	}
}

func readOnly(label string) bool { return label == "counter.read" }

func lockedCounter(cfg sim.Config) (*sim.Result, bool) { return counter(cfg, 2, true) }
func racyCounter(cfg sim.Config) (*sim.Result, bool)   { return counter(cfg, 2, false) }

func TestExplore(t *testing.T) {
	pool := sim.NewPool()
	defer pool.Close()
	tests := []struct {
		name        string
		program     program
		preemptions int
		timers      bool
		wantFailed  bool
	}{
		{"racy counter, no preemption", racyCounter, 0, false, false},
		{"racy counter, one preemption", racyCounter, 1, false, true},
		{"locked counter, two preemptions", lockedCounter, 2, false, false},
		{"locked counter, three preemptions", lockedCounter, 3, false, false},
		{"timeout, timers only when idle", timeout, 2, false, false},
		{"timeout, early timers", timeout, 2, true, true}, // a firing and a switch to the sleeper
	}
	for _, tc := range tests {
		counts := map[bool]*verify.Result{}
		for _, reduce := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/reduction=%v", tc.name, reduce), func(t *testing.T) {
				var last *sim.Result
				cfg := verify.Config{Preemptions: tc.preemptions, Reduction: reduce, Timers: tc.timers, ReadOnly: readOnly}
				res, err := verify.Explore(cfg, runner(tc.program, pool, &last))
				require.NoError(t, err)
				t.Log(res)
				require.Equal(t, tc.wantFailed, res.Failed, res.String())
				require.Equal(t, !tc.wantFailed, res.Complete, res.String())
				require.LessOrEqual(t, res.MaxPreemptions, tc.preemptions)
				counts[reduce] = res
				if tc.wantFailed {
					// The failing schedule replays strictly to the same run.
					again, failed := tc.program(sim.Config{Scheduler: sim.Replay{Decisions: last.Decisions, Strict: true}})
					require.True(t, failed)
					require.Equal(t, last.Hash, again.Hash)
				}
				// The same search again gives the same counts.
				twice, err := verify.Explore(cfg, runner(tc.program, pool, &last))
				require.NoError(t, err)
				twice.Elapsed = res.Elapsed
				require.Equal(t, res, twice)
			})
		}
		if !tc.wantFailed {
			require.LessOrEqual(t, counts[true].Schedules, counts[false].Schedules, "%s: the reduction explores no more", tc.name)
		}
	}
}

// logger: three tasks each log their name, take and drop a lock of their
// own (or, in the sleepy variant, sleep a second), and log again. The
// outcome is the log: which orders of the logged steps the schedules
// reach.
func logger(cfg sim.Config, sleepy bool, outcomes map[string]bool) (*sim.Result, bool) {
	w := sim.New(cfg)
	step := w.Label("log")
	log := ""
	for _, name := range []string{"a", "b", "c"} {
		own := w.NewMutex(name)
		w.Go(name, func() {
			w.Point(step, 0)
			log += name
			if sleepy {
				w.Sleep(time.Second)
			} else {
				own.Lock()
				own.Unlock()
			}
			w.Point(step, 0)
			log += name
		})
	}
	res := w.Run()
	if res.Outcome == sim.Done { // not a run the reduction stopped
		outcomes[log] = true
	}
	return res, false
}

// The reduction only skips schedules equivalent to explored ones within
// the bound: at every bound, with and without it, the searches reach the
// same outcomes, and with it they run fewer schedules.
func TestReductionReachesEveryOutcomeTheFullSearchReaches(t *testing.T) {
	for _, delays := range []bool{false, true} {
		for _, sleepy := range []bool{false, true} {
			ks := []int{0, 1, 2, 3, -1}
			if !sleepy || delays {
				ks = ks[:4] // unbounded: 756756 schedules without the reduction, 252 with
			}
			for _, k := range ks {
				t.Run(fmt.Sprintf("delays=%v/sleepy=%v/k=%d", delays, sleepy, k), func(t *testing.T) {
					seen := map[bool]map[string]bool{}
					n := map[bool]int{}
					for _, reduce := range []bool{false, true} {
						seen[reduce] = map[string]bool{}
						res, err := verify.Explore(verify.Config{Preemptions: k, Delays: delays, Reduction: reduce}, func(g sim.Guide) (bool, error) {
							res, _ := logger(sim.Config{Scheduler: g}, sleepy, seen[reduce])
							return res.Outcome != sim.Done, nil
						})
						require.NoError(t, err)
						require.True(t, res.Complete)
						n[reduce] = res.Schedules
					}
					require.Equal(t, seen[false], seen[true])
					require.LessOrEqual(t, n[true], n[false])
					t.Logf("%d outcomes; %d schedules without the reduction, %d with", len(seen[true]), n[false], n[true])
				})
			}
		}
	}
}

func TestExploreUnboundedWithReduction(t *testing.T) {
	var last *sim.Result
	res, err := verify.Explore(verify.Config{Preemptions: -1, Reduction: true, ReadOnly: readOnly}, runner(lockedCounter, nil, &last))
	require.NoError(t, err)
	require.True(t, res.Complete, res.String())
	res, err = verify.Explore(verify.Config{Preemptions: -1, Reduction: true, ReadOnly: readOnly}, runner(racyCounter, nil, &last))
	require.NoError(t, err)
	require.True(t, res.Failed, res.String())
}

func TestExploreCapsAndErrors(t *testing.T) {
	var last *sim.Result
	res, err := verify.Explore(verify.Config{Preemptions: 2, MaxSchedules: 5}, runner(lockedCounter, nil, &last))
	require.NoError(t, err)
	require.False(t, res.Complete)
	require.Equal(t, "max-schedules", res.Capped)
	require.Equal(t, 5, res.Runs)

	calls := 0
	res, err = verify.Explore(verify.Config{Preemptions: 2, Stop: func() bool { calls++; return calls > 3 }}, runner(lockedCounter, nil, &last))
	require.NoError(t, err)
	require.Equal(t, "stopped", res.Capped)

	// A run that does not repeat its choices is caught.
	n := 0
	_, err = verify.Explore(verify.Config{Preemptions: 1}, func(g sim.Guide) (bool, error) {
		n++
		w := sim.New(sim.Config{Scheduler: g})
		for i := range 2 + n%2 {
			w.Go(fmt.Sprint(i), func() { w.Yield() })
		}
		return w.Run().Outcome != sim.Done, nil
	})
	require.ErrorIs(t, err, verify.ErrNondeterministic)

	boom := errors.New("boom")
	_, err = verify.Explore(verify.Config{}, func(sim.Guide) (bool, error) { return false, boom })
	require.ErrorIs(t, err, boom)
}

// A world under a Guide gives the hash it gives under Replay of the same
// decisions: footprint tracking changes nothing.
func TestGuideChangesNoHash(t *testing.T) {
	var decisions []sim.Decision
	res, _ := counter(sim.Config{Decisions: true, Scheduler: sim.Guide{Choose: func(p *sim.GuidePoint) int { return len(p.Options) - 1 }}}, 3, false)
	decisions = res.Decisions
	again, _ := counter(sim.Config{Scheduler: sim.Replay{Decisions: decisions, Strict: true}}, 3, false)
	require.Equal(t, sim.Done, again.Outcome)
	require.Equal(t, res.Hash, again.Hash)
}
