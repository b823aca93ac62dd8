package sim_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

// deadlockCases are real deadlocks: each must be reported, with its cycle
// when it has one and with the fragments of the report given.
var deadlockCases = []struct {
	name  string
	build func(w *sim.World)
	cycle bool     // a waits-for cycle must be named
	want  []string // fragments the report must contain
}{
	{
		name: "abba",
		build: func(w *sim.World) {
			a, b := w.NewMutex("A"), w.NewMutex("B")
			w.Go("t1", func() { a.Lock(); w.Sleep(time.Millisecond); b.Lock() })
			w.Go("t2", func() { b.Lock(); w.Sleep(time.Millisecond); a.Lock() })
		},
		cycle: true,
		want:  []string{"t1#0 waits for mutex B held by t2#1", "t2#1 waits for mutex A held by t1#0"},
	},
	{
		name: "relock",
		build: func(w *sim.World) {
			m := w.NewMutex("M")
			w.Go("t1", func() { m.Lock(); m.Lock() })
		},
		cycle: true,
		want:  []string{"t1#0 waits for mutex M held by t1#0"},
	},
	{
		name: "rwr-go-policy",
		build: func(w *sim.World) {
			rw := w.NewRWMutex("RW", sim.GoRW)
			w.Go("reader", func() { rw.RLock(); w.Sleep(time.Millisecond); rw.RLock() })
			w.Go("writer", func() { w.Sleep(time.Microsecond); rw.Lock(); rw.Unlock() })
		},
		cycle: true,
		want:  []string{"reader#0 waits for read lock RW held by writer#1", "writer#1 waits for write lock RW held by reader#0"},
	},
	{
		name: "send-while-holding",
		build: func(w *sim.World) {
			m := w.NewMutex("L")
			ch := sim.NewChan[int](w, "results", 0)
			w.Go("sender", func() { m.Lock(); ch.Send(1); m.Unlock() })
			w.Go("other", func() { w.Sleep(time.Millisecond); m.Lock() })
		},
		want: []string{"sender#0 waits for send on chan results", "other#1 waits for mutex L held by sender#0"},
	},
	{
		name: "waitgroup-never-done",
		build: func(w *sim.World) {
			wg := w.NewWaitGroup("workers")
			wg.Add(2)
			w.Go("worker", func() { wg.Done() })
			w.Go("main", func() { wg.Wait() })
		},
		want: []string{"main#1 waits for waitgroup workers (counter 1)"},
	},
	{
		name: "dining-philosophers",
		build: func(w *sim.World) {
			forks := []*sim.Mutex{w.NewMutex("f0"), w.NewMutex("f1"), w.NewMutex("f2")}
			for i, name := range []string{"p0", "p1", "p2"} {
				left, right := forks[i], forks[(i+1)%3]
				w.Go(name, func() { left.Lock(); w.Sleep(time.Millisecond); right.Lock() })
			}
		},
		cycle: true,
		want:  []string{"p0#0 waits for mutex f1 held by p1#1", "p1#1 waits for mutex f2 held by p2#2", "p2#2 waits for mutex f0 held by p0#0"},
	},
	{
		name: "holder-exited",
		build: func(w *sim.World) {
			m := w.NewMutex("M")
			w.Go("leaver", func() { m.Lock() })
			w.Go("waiter", func() { w.Sleep(time.Millisecond); m.Lock() })
		},
		want: []string{"waiter#1 waits for mutex M held by leaver#0 (exited)"},
	},
	{
		name: "cond-never-signalled",
		build: func(w *sim.World) {
			m := w.NewMutex("M")
			c := w.NewCond("ready", m)
			w.Go("waiter", func() { m.Lock(); c.Wait() })
			w.Go("other", func() { w.Sleep(time.Second); m.Lock(); m.Unlock() })
		},
		want: []string{"waiter#0 waits for cond ready"},
	},
}

func TestDeadlocksAreReportedWithWhoWaitsForWhom(t *testing.T) {
	tests := deadlockCases
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Sleeps order each program's steps, so early timers stay off.
			for seed := uint64(1); seed <= 60; seed++ {
				schedulers := []sim.Scheduler{sim.Random{}, sim.PCT{Depth: 2}, sim.PCT{Depth: 3}}
				w := sim.New(sim.Config{Seed: seed, Scheduler: schedulers[seed%3]})
				tc.build(w)
				res := w.Run()
				require.Equal(t, sim.Deadlock, res.Outcome, "seed %d: %s", seed, res.Reason())
				require.NotNil(t, res.Deadlock)
				if tc.cycle {
					require.NotEmpty(t, res.Deadlock.Cycle, "seed %d: %s", seed, res.Reason())
				}
				for _, frag := range tc.want {
					require.Contains(t, res.Reason(), frag, "seed %d", seed)
				}
			}
		})
	}
}

func TestRWRIsNotADeadlockWhenReadersArePreferred(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	rw := w.NewRWMutex("RW", sim.ReaderPreferring)
	w.Go("reader", func() {
		rw.RLock()
		w.Sleep(time.Millisecond)
		rw.RLock()
		rw.RUnlock()
		rw.RUnlock()
	})
	w.Go("writer", func() { rw.Lock(); rw.Unlock() })
	res := w.Run()
	require.Equal(t, sim.Done, res.Outcome, res.Reason())
}

func TestLockTimeoutExpiresInVirtualTime(t *testing.T) {
	wallStart := time.Now()
	w := sim.New(sim.Config{Seed: 1})
	m := w.NewMutex("host")
	var got bool
	var waited time.Duration
	w.Go("holder", func() {
		m.Lock()
		w.Sleep(time.Hour)
		m.Unlock()
	})
	w.Go("waiter", func() {
		w.Sleep(time.Millisecond)
		start := w.Elapsed()
		got = m.LockTimeout(10 * time.Minute)
		waited = w.Elapsed() - start
	})
	res := w.Run()
	require.Equal(t, sim.Done, res.Outcome, res.Reason())
	require.False(t, got, "the lock is held for an hour, a 10-minute wait must time out")
	require.Equal(t, 10*time.Minute, waited)
	require.Equal(t, time.Hour, res.Elapsed)
	t.Logf("10-minute LockTimeout and 1-hour hold simulated in %v of wall time", time.Since(wallStart))
}

func TestLockTimeoutSucceedsWhenReleasedInTime(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	m := w.NewMutex("host")
	var got bool
	w.Go("holder", func() { m.Lock(); w.Sleep(time.Minute); m.Unlock() })
	w.Go("waiter", func() {
		w.Sleep(time.Millisecond)
		got = m.LockTimeout(10 * time.Minute)
	})
	require.Equal(t, sim.Done, w.Run().Outcome)
	require.True(t, got)
}

func TestTimedWaitsDoNotCountAsCycles(t *testing.T) {
	// Both sides of an ABBA wait with a timeout, so both give up: no deadlock.
	w := sim.New(sim.Config{Seed: 1})
	a, b := w.NewMutex("A"), w.NewMutex("B")
	w.Go("t1", func() {
		a.Lock()
		w.Sleep(time.Millisecond)
		if b.LockTimeout(time.Second) {
			b.Unlock()
		}
		a.Unlock()
	})
	w.Go("t2", func() {
		b.Lock()
		w.Sleep(time.Millisecond)
		if a.LockTimeout(time.Second) {
			a.Unlock()
		}
		b.Unlock()
	})
	res := w.Run()
	require.Equal(t, sim.Done, res.Outcome, res.Reason())
}

// With DeadlockOnCycle an ABBA cycle ends the run at the step it closes,
// though a poller still runs; without it the kernel waits until the poller
// is done and nothing can run, and reports the same cycle then.
func TestDeadlockOnCycleEndsTheRunWhereTheCycleCloses(t *testing.T) {
	run := func(seed uint64, onCycle bool) *sim.Result {
		w := sim.New(sim.Config{Seed: seed})
		if onCycle {
			w.DeadlockOnCycle()
		}
		a, b := w.NewMutex("a"), w.NewMutex("b")
		w.Go("ab", func() { a.Lock(); b.Lock(); b.Unlock(); a.Unlock() })
		w.Go("ba", func() { b.Lock(); a.Lock(); a.Unlock(); b.Unlock() })
		w.Go("poller", func() {
			for range 100 {
				w.Sleep(time.Second)
			}
		})
		return w.Run()
	}
	deadlocked := 0
	for seed := uint64(1); seed <= 50; seed++ {
		late, early := run(seed, false), run(seed, true)
		require.Equal(t, late.Outcome, early.Outcome, "seed %d: the same runs deadlock either way", seed)
		if late.Outcome != sim.Deadlock {
			continue
		}
		deadlocked++
		require.Equal(t, late.Deadlock.Cycle, early.Deadlock.Cycle, "seed %d", seed)
		require.Less(t, early.Elapsed, time.Second, "seed %d: reported where it closed", seed)
		require.Equal(t, 100*time.Second, late.Elapsed, "seed %d: reported once the poller was done", seed)
	}
	require.Positive(t, deadlocked, "some seed interleaves the two lock orders")
}

// An uncontended Lock is a scheduling point: A-B against B-A with nothing
// between the two locks deadlocks in some seed. If Lock did not yield when
// free, each task would take both locks in one turn and never deadlock.
func TestUncontendedLockIsASchedulingPoint(t *testing.T) {
	// PCT with a horizon the length of this program (its change point
	// must fall inside the run).
	for _, sched := range []sim.Scheduler{sim.Random{}, sim.PCT{Depth: 2, Horizon: 8}} {
		deadlocks := 0
		for seed := uint64(1); seed <= 100; seed++ {
			w := sim.New(sim.Config{Seed: seed, Scheduler: sched})
			a, b := w.NewMutex("A"), w.NewMutex("B")
			w.Go("ab", func() { a.Lock(); b.Lock(); b.Unlock(); a.Unlock() })
			w.Go("ba", func() { b.Lock(); a.Lock(); a.Unlock(); b.Unlock() })
			if w.Run().Outcome == sim.Deadlock {
				deadlocks++
			}
		}
		require.Positive(t, deadlocks, "%v: no seed interleaved the two first locks", sched)
		require.Less(t, deadlocks, 100, "%v: some seed runs one task's locks before the other's", sched)
	}
}
