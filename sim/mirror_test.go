package sim_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

func TestRLockerTakesReadLocks(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	rw := w.NewRWMutex("rw", sim.GoRW)
	var most int
	for range 3 {
		w.Go("reader", func() {
			l := rw.RLocker()
			l.Lock()
			most = max(most, rw.Readers())
			w.Sleep(time.Second)
			l.Unlock()
		})
	}
	res := w.Run()
	require.Equal(t, sim.Done, res.Outcome, res.Reason())
	require.Equal(t, 3, most, "read locks are shared")
	require.Equal(t, time.Second, res.Elapsed, "the three holds overlapped")
}

// userLocker is a Locker of the caller's own: Cond calls its Unlock and Lock.
type userLocker struct {
	m     *sim.Mutex
	locks *int
}

func (u userLocker) Lock()   { u.m.Lock(); *u.locks++ }
func (u userLocker) Unlock() { u.m.Unlock() }

// TestCondWaitsOnAnyLocker: four waiters loop on a condition under each kind
// of Locker; a broadcaster sets it. Every waiter must wake, under every
// scheduler, with early timers on.
func TestCondWaitsOnAnyLocker(t *testing.T) {
	// make returns the lock the waiters wait under and the one the
	// broadcaster changes the condition under (the write lock, when the
	// waiters share a read lock).
	lockers := []struct {
		name string
		make func(w *sim.World, userLocks *int) (waitLock, setLock sim.Locker)
	}{
		{"mutex", func(w *sim.World, _ *int) (sim.Locker, sim.Locker) { m := w.NewMutex("m"); return m, m }},
		{"rwmutex", func(w *sim.World, _ *int) (sim.Locker, sim.Locker) {
			rw := w.NewRWMutex("rw", sim.GoRW)
			return rw, rw
		}},
		{"rlocker", func(w *sim.World, _ *int) (sim.Locker, sim.Locker) {
			rw := w.NewRWMutex("rw", sim.GoRW)
			return rw.RLocker(), rw
		}},
		{"barging mutex", func(w *sim.World, _ *int) (sim.Locker, sim.Locker) {
			m := w.NewMutex("m", sim.Barging(true))
			return m, m
		}},
		{"user locker", func(w *sim.World, n *int) (sim.Locker, sim.Locker) {
			u := userLocker{m: w.NewMutex("m"), locks: n}
			return u, u
		}},
	}
	for _, lk := range lockers {
		t.Run(lk.name, func(t *testing.T) {
			for seed := uint64(1); seed <= 200; seed++ {
				scheduler := []sim.Scheduler{sim.Random{}, sim.PCT{Depth: 3}}[seed%2]
				w := sim.New(sim.Config{Seed: seed, Scheduler: scheduler, EarlyTimers: 0.25})
				userLocks := 0
				l, set := lk.make(w, &userLocks)
				cond := w.NewCond("ready", l)
				ready, woken := false, 0
				for i := range 4 {
					w.Go(fmt.Sprintf("waiter%d", i), func() {
						l.Lock()
						for !ready {
							cond.Wait()
						}
						woken++
						l.Unlock()
					})
				}
				w.Go("broadcaster", func() {
					w.Sleep(time.Millisecond)
					set.Lock()
					ready = true
					cond.Broadcast()
					set.Unlock()
				})
				res := w.Run()
				require.Equal(t, sim.Done, res.Outcome, "seed %d: %s", seed, res.Reason())
				require.Equal(t, 4, woken, "seed %d", seed)
				if lk.name == "user locker" {
					require.GreaterOrEqual(t, userLocks, 5, "Wait retakes the lock through the user's Lock")
				}
			}
		})
	}
}

func TestCondWaitWithoutTheLockPanicsInTheTask(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	cond := w.NewCond("ready", w.NewRWMutex("rw", sim.GoRW))
	w.Go("waiter", func() { cond.Wait() })
	res := w.Run()
	require.Equal(t, sim.Panic, res.Outcome)
	require.Equal(t, "sim: Cond ready: Wait with its lock not held: Unlock of RWMutex rw by waiter#0, which is not write-locked", res.Panic.Value)
}

func TestAfterCaseMixesWithArmsOfAnyType(t *testing.T) {
	tests := []struct {
		name       string
		sendAfter  time.Duration // when the sender sends; 0: never
		timeout    time.Duration
		wantArm    int
		wantAtTime time.Duration
	}{
		{"times out", 0, time.Minute, 2, time.Minute},
		{"a message first", time.Second, time.Minute, 0, time.Second},
		{"zero timeout is ready at once", 0, 0, 2, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for seed := uint64(1); seed <= 20; seed++ {
				w := sim.New(sim.Config{Seed: seed})
				jobs := sim.NewChan[int](w, "jobs", 0)
				quit := sim.NewChan[struct{}](w, "quit", 0)
				var arm int
				var at time.Duration
				w.Go("selector", func() {
					arm, _ = w.Select(jobs.RecvCase(nil), quit.RecvCase(nil), w.AfterCase(tc.timeout))
					at = w.Elapsed()
				})
				if tc.sendAfter > 0 {
					w.Go("sender", func() { w.Sleep(tc.sendAfter); jobs.Send(1) })
				}
				res := w.Run()
				require.Equal(t, sim.Done, res.Outcome, "seed %d: %s", seed, res.Reason())
				require.Equal(t, tc.wantArm, arm, "seed %d", seed)
				require.Equal(t, tc.wantAtTime, at, "seed %d", seed)
			}
		})
	}
}

// A select loop with a timeout arm leaves no timer behind per iteration:
// the run ends as soon as the work does, not an hour later.
func TestAfterCaseLeavesNoTimerBehind(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	jobs := sim.NewChan[int](w, "jobs", 0)
	got := 0
	w.Go("consumer", func() {
		for {
			if i, _ := w.Select(jobs.RecvCase(nil), w.AfterCase(time.Hour)); i == 1 {
				return
			}
			got++
		}
	})
	w.Go("producer", func() {
		for i := range 1000 {
			jobs.Send(i)
		}
	})
	res := w.Run()
	require.Equal(t, sim.Done, res.Outcome, res.Reason())
	require.Equal(t, 1000, got)
	require.Equal(t, time.Hour, res.Elapsed, "only the last select's timeout was ever pending")
}

// overtakes counts how often a task that unlocks a mutex and at once locks
// it again gets it back while another task waits in the mutex's queue:
// holds of greedy that start between waiter's Lock and its own hold.
func overtakes(seed uint64, cfg sim.Config, opts []sim.MutexOption, hold func(w *sim.World)) (int, *sim.Result) {
	cfg.Seed, cfg.Trace = seed, true
	w := sim.New(cfg)
	m := w.NewMutex("m", opts...)
	greedy := w.Go("greedy", func() {
		m.Lock()
		w.Sleep(time.Microsecond) // the waiter queues meanwhile
		for range 50 {
			hold(w)
			m.Unlock()
			m.Lock()
		}
		m.Unlock()
	})
	waiter := w.Go("waiter", func() { m.Lock(); m.Unlock() })
	res := w.Run()
	var asked, got int64 = -1, -1
	for e := range res.Trace.All() {
		if e.Task == waiter.ID() && e.Kind == sim.KindLock && asked < 0 {
			asked = e.Step
		}
	}
	holds := res.Trace.LockHolds()
	for _, h := range holds {
		if h.Task == waiter.ID() {
			got = h.From
		}
	}
	n := 0
	for _, h := range holds {
		if h.Task == greedy.ID() && h.From > asked && h.From < got {
			n++
		}
	}
	return n, res
}

// Under PCT without change points, on the seeds where greedy has the higher
// priority it wins every race for the mutex it just unlocked.
func TestBargingLetsARunningTaskRetakeAMutex(t *testing.T) {
	work := func(w *sim.World) { w.Point(w.Label("work"), 0) }
	sleep := func(w *sim.World) { w.Sleep(100 * time.Microsecond) }
	pct := sim.Config{Scheduler: sim.PCT{Depth: 1}}
	pctBarging := sim.Config{Scheduler: sim.PCT{Depth: 1}, Barging: true}
	tests := []struct {
		name    string
		cfg     sim.Config
		opts    []sim.MutexOption
		hold    func(w *sim.World)
		atLeast int // most overtakes over the seeds, at least
		atMost  int // and at most
	}{
		{"fifo never lets the waiter be overtaken", pct, nil, work, 0, 0},
		{"barging lets it, without bound while no time passes", pct, []sim.MutexOption{sim.Barging(true)}, work, 50, 50},
		{"a world of barging mutexes", pctBarging, nil, work, 50, 50},
		{"and Barging(false) opts one out", pctBarging, []sim.MutexOption{sim.Barging(false)}, work, 0, 0},
		{"starvation mode bounds it once 1ms has passed", pct, []sim.MutexOption{sim.Barging(true)}, sleep, 9, 11},
		{"random scheduling overtakes too", sim.Config{}, []sim.MutexOption{sim.Barging(true)}, work, 2, 50},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			most := 0
			for seed := uint64(1); seed <= 200; seed++ {
				n, res := overtakes(seed, tc.cfg, tc.opts, tc.hold)
				require.Equal(t, sim.Done, res.Outcome, "seed %d: %s", seed, res.Reason())
				most = max(most, n)
			}
			require.GreaterOrEqual(t, most, tc.atLeast)
			require.LessOrEqual(t, most, tc.atMost)
			t.Logf("most overtakes in a seed: %d", most)
		})
	}
}
