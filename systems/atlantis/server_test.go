package atlantis_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/atlantis"
	"github.com/drysim/drysim/systems/simrt"
)

type world struct {
	w      *sim.World
	rt     *simrt.Runtime
	srv    *atlantis.Server
	events []atlantis.Event
}

// newWorld makes a server of projects under strategy; clones, plans and
// applies take 10s, 20s and 30s; poll-retry polls every 5s and
// poll-retry and queue give up after a minute.
func newWorld(t *testing.T, strategy string, projects int, fps ...string) *world {
	return newSeededWorld(t, strategy, 1, projects, fps...)
}

func newSeededWorld(t *testing.T, strategy string, seed uint64, projects int, fps ...string) *world {
	t.Helper()
	st, err := atlantis.ParseStrategy(strategy)
	require.NoError(t, err)
	w := sim.New(sim.Config{Seed: seed, MaxTime: 10 * time.Hour})
	wd := &world{w: w, rt: simrt.New(w)}
	for i := 0; i+1 < len(fps); i += 2 {
		require.NoError(t, wd.rt.Base().EnableFailpoint(fps[i], fps[i+1]))
	}
	took := map[string]time.Duration{"clone": 10 * time.Second, "plan": 20 * time.Second, "apply": 30 * time.Second}
	wd.srv, err = atlantis.New(wd.rt, atlantis.Config{Strategy: st, Projects: projects, LockTimeout: time.Minute, Poll: 5 * time.Second,
		Took:    func(work string) time.Duration { return took[work] },
		Observe: func(e atlantis.Event) { wd.events = append(wd.events, e) }})
	require.NoError(t, err)
	return wd
}

func (wd *world) of(kind atlantis.EventKind) []atlantis.Event {
	var out []atlantis.Event
	for _, e := range wd.events {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

func (wd *world) openPull(t *testing.T, projects ...int) int {
	num, err := wd.srv.OpenPull(projects)
	require.NoError(t, err)
	return num
}

// Two plans of one pull's projects at once share its working directory:
// fail-fast rejects the second with a reason naming the lock; with the
// lock around the check only, both clone into the directory and a plan
// fails on the corrupt result.
func TestTwoCommandsInOneDirectory(t *testing.T) {
	for _, tc := range []struct {
		strategy string
		want     []atlantis.Outcome
	}{
		{"fail-fast", []atlantis.Outcome{atlantis.Succeeded, atlantis.Rejected}},
		{"queue", []atlantis.Outcome{atlantis.Succeeded, atlantis.Succeeded}},
		{"fail-fast-without=lock-covers-fix", []atlantis.Outcome{atlantis.Failed}},
	} {
		t.Run(tc.strategy, func(t *testing.T) {
			wd := newWorld(t, tc.strategy, 2, atlantis.FPAfterCheck, "return(1000)")
			num := wd.openPull(t, 0, 1)
			results := make([]atlantis.Result, 2)
			for i := range 2 {
				wd.w.Go("plan", func() {
					wd.w.Sleep(time.Duration(i) * 100 * time.Millisecond)
					results[i], _ = wd.srv.Plan("plan", num, i)
				})
			}
			require.NoError(t, wd.w.Run().Err())
			var got []atlantis.Outcome
			for _, r := range results {
				got = append(got, r.Outcome)
				if r.Outcome == atlantis.Rejected {
					require.Contains(t, r.Reason, "pull-1/default is currently locked by another command")
				}
			}
			for _, want := range tc.want {
				require.Contains(t, got, want)
			}
		})
	}
}

// Two pulls race for one project's lock: BoltDB's transaction gives it to
// one; Redis's GET then SET gives it to both.
func TestTwoOwnersOfOneLock(t *testing.T) {
	for _, tc := range []struct {
		strategy string
		owners   int
	}{{"fail-fast", 1}, {"fail-fast-without=atomic-lock-store", 2}} {
		t.Run(tc.strategy, func(t *testing.T) {
			wd := newWorld(t, tc.strategy, 1, atlantis.FPBetweenGetAndSet, "return(500)")
			for range 2 {
				num := wd.openPull(t, 0)
				wd.w.Go("plan", func() { _, _ = wd.srv.Plan("plan", num, 0) })
			}
			require.NoError(t, wd.w.Run().Err())
			require.Len(t, wd.of(atlantis.EvLockGranted), tc.owners)
		})
	}
}

// Pull 1 checked out before pull 2 applied and merged project 0; pull 1
// then plans it: without revalidate-before-plan the plan is made on the
// old merge, older than the merged change.
func TestPlanAfterAnotherPullMerged(t *testing.T) {
	for _, tc := range []struct {
		strategy string
		stale    bool
	}{{"fail-fast", false}, {"fail-fast-without=revalidate-before-plan", true}} {
		t.Run(tc.strategy, func(t *testing.T) {
			wd := newWorld(t, tc.strategy, 2)
			p1, p2 := wd.openPull(t, 0, 1), wd.openPull(t, 0)
			wd.w.Go("sequence", func() {
				r, _ := wd.srv.Plan("p1-plan-1", p1, 1) // pull 1's checkout, at upstream's head 0
				require.Equal(t, atlantis.Succeeded, r.Outcome)
				r, _ = wd.srv.Plan("p2-plan", p2, 0)
				require.Equal(t, atlantis.Succeeded, r.Outcome)
				r, _ = wd.srv.Apply("p2-apply", p2, 0)
				require.Equal(t, atlantis.Succeeded, r.Outcome)
				require.NoError(t, wd.srv.Merge("merge", p2))
				r, _ = wd.srv.Plan("p1-plan-0", p1, 0)
				require.Equal(t, atlantis.Succeeded, r.Outcome)
			})
			require.NoError(t, wd.w.Run().Err())
			planned := wd.of(atlantis.EvPlanned)
			last := planned[len(planned)-1]
			require.Equal(t, tc.stale, last.Base < wd.srv.Head(), "plan base %d, upstream %d", last.Base, wd.srv.Head())
		})
	}
}

// With the project lock held per command, pull 2 plans and applies
// between pull 1's plan and apply, and pull 1 applies a plan made against
// an older state.
func TestApplyBetweenPlanAndApply(t *testing.T) {
	for _, tc := range []struct {
		strategy string
		stale    bool
	}{{"fail-fast", false}, {"fail-fast-without=lock-spans-plan-apply", true}} {
		t.Run(tc.strategy, func(t *testing.T) {
			wd := newWorld(t, tc.strategy, 1)
			p1, p2 := wd.openPull(t, 0), wd.openPull(t, 0)
			wd.w.Go("sequence", func() {
				_, _ = wd.srv.Plan("p1-plan", p1, 0)
				r, _ := wd.srv.Plan("p2-plan", p2, 0)
				if r.Outcome != atlantis.Succeeded {
					require.Contains(t, r.Reason, "locked by an unapplied plan from pull 1")
					return
				}
				_, _ = wd.srv.Apply("p2-apply", p2, 0)
				_, _ = wd.srv.Apply("p1-apply", p1, 0)
			})
			require.NoError(t, wd.w.Run().Err())
			stale := false
			for _, e := range wd.of(atlantis.EvApplied) {
				stale = stale || e.Plan.Serial != e.Serial
			}
			require.Equal(t, tc.stale, stale)
		})
	}
}

// A plan-all builder holds the pull's lock and asks for the workspace's
// while a project command holds the workspace's and asks for the pull's:
// blocking without the order deadlocks (the kernel names the cycle);
// queue's timeout turns it into rejections; in order, both finish.
func TestTwoLevels(t *testing.T) {
	for _, tc := range []struct {
		strategy string
		outcome  sim.Outcome
		rejects  bool
	}{
		{"blocking", sim.Done, false},
		{"blocking-without=pull-lock-order", sim.Deadlock, false},
		{"queue-without=pull-lock-order", sim.Done, true},
		{"fail-fast-without=pull-lock-order", sim.Done, true},
	} {
		t.Run(tc.strategy, func(t *testing.T) {
			wd := newWorld(t, tc.strategy, 1, atlantis.FPPullLockHeld, "return(1000)")
			num := wd.openPull(t, 0)
			var results []atlantis.Result
			wd.w.Go("plan-all", func() { r, _ := wd.srv.BuildAll("plan-all", num); results = append(results, r) })
			wd.w.Go("plan-0", func() {
				wd.w.Sleep(500 * time.Millisecond)
				r, _ := wd.srv.Plan("plan-0", num, 0)
				results = append(results, r)
			})
			res := wd.w.Run()
			require.Equal(t, tc.outcome, res.Outcome, res.Reason())
			if res.Outcome == sim.Deadlock {
				for _, want := range []string{"plan-all", "plan-0", "mutex pull-1", "mutex pull-1/default"} {
					require.Contains(t, res.Deadlock.String(), want)
				}
				return
			}
			rejected := false
			for _, r := range results {
				rejected = rejected || r.Outcome == atlantis.Rejected
			}
			require.Equal(t, tc.rejects, rejected)
		})
	}
}

// poll-retry tries again every poll interval and succeeds once the lock is
// free; it counts its retries.
func TestPollRetry(t *testing.T) {
	wd := newWorld(t, "poll-retry", 2)
	num := wd.openPull(t, 0, 1)
	for i := range 2 {
		wd.w.Go("plan", func() { wd.w.Sleep(time.Duration(i) * time.Second); _, _ = wd.srv.Plan("plan", num, i) })
	}
	require.NoError(t, wd.w.Run().Err())
	retries := 0
	for _, e := range wd.of(atlantis.EvLockWait) {
		require.True(t, e.OK)
		retries += e.Retries
	}
	require.Positive(t, retries)
	for _, e := range wd.of(atlantis.EvResult) {
		require.Equal(t, atlantis.Succeeded, e.Result.Outcome)
	}
}

func TestArgumentErrors(t *testing.T) {
	wd := newWorld(t, "fail-fast", 2)
	_, err := wd.srv.OpenPull([]int{3})
	require.ErrorIs(t, err, atlantis.ErrConfig)
	require.ErrorContains(t, err, "project 3: want 0 to 1")
	_, err = wd.srv.Plan("x", 7, 0)
	require.ErrorContains(t, err, "pull 7: want 1 to 0")
	_, err = atlantis.New(wd.rt, atlantis.Config{Projects: 1, Strategy: atlantis.Strategy{Policy: atlantis.PollRetry}})
	require.ErrorContains(t, err, "poll-retry needs a poll interval above 0")
}

// An `atlantis unlock` that runs between a plan's project lock and its
// workspace lock gives the project's lock up: the plan, once it has the
// workspace, finds it no longer owns the lock and is rejected instead of
// planning without it (rapid found this).
func TestUnlockWhileAPlanWaits(t *testing.T) {
	wd := newWorld(t, "queue", 2)
	num := wd.openPull(t, 0, 1)
	var waiting atlantis.Result
	wd.w.Go("long-plan", func() { _, _ = wd.srv.Plan("long-plan", num, 0) })
	wd.w.Go("unlock", func() { wd.w.Sleep(time.Second); _, _ = wd.srv.Unlock("unlock", num) })
	wd.w.Go("plan-1", func() { wd.w.Sleep(2 * time.Second); waiting, _ = wd.srv.Plan("plan-1", num, 1) })
	require.NoError(t, wd.w.Run().Err())
	require.Equal(t, atlantis.Rejected, waiting.Outcome)
	require.Contains(t, waiting.Reason, "project 1's lock is no longer held by pull 1")
	require.Zero(t, wd.srv.LockOwner(1))
	require.Empty(t, violations(wd.events))
}
