package livert_test

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/livert"
	"github.com/drysim/drysim/hoax"
)

func TestTimeIsTheWallClockScaled(t *testing.T) {
	rt := livert.New(livert.Options{TimeScale: 0.001})
	rt.Do(func() {
		start, wall := rt.Now(), time.Now()
		rt.Sleep(5 * time.Second) // 5 ms of wall time
		slept := time.Since(wall)
		require.GreaterOrEqual(t, slept, 5*time.Millisecond)
		require.Less(t, slept, time.Second, "scaled, not real time")
		require.GreaterOrEqual(t, rt.Now().Sub(start), 5*time.Second, "model time passed as the wall clock did, divided by the scale")
	})
	require.Equal(t, 15*time.Millisecond, rt.Wall(15*time.Second))
}

func TestLocksExcludeAndTimeOut(t *testing.T) {
	tests := []struct {
		name string
		wait time.Duration
		want bool
	}{
		{"a held lock times out", 20 * time.Millisecond, false},
		{"no wait", 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rt := livert.New(livert.Options{})
			lk := rt.NewLock("drydock.lease:1")
			rt.Do(func() {
				require.True(t, lk.TryLock())
				require.Equal(t, 1, rt.HeldLocks())
				require.False(t, lk.TryLock(), "held")
				require.Equal(t, tc.want, lk.LockTimeout(tc.wait))
				lk.Unlock()
				require.True(t, lk.LockTimeout(tc.wait), "free again")
				lk.Unlock()
			})
			require.Zero(t, rt.HeldLocks())
		})
	}
}

// A lock is handed over between tasks: many tasks increment a counter
// under it, with Sleep (which lets go of the step lock) inside.
func TestTasksShareALockAndWaitForIt(t *testing.T) {
	rt := livert.New(livert.Options{TimeScale: 0.0001})
	lk := rt.NewLock("counter")
	n := 0
	for range 16 {
		rt.Go("task", func() {
			for range 10 {
				lk.Lock()
				v := n
				rt.Sleep(time.Second) // others run meanwhile, and must wait for lk
				n = v + 1
				lk.Unlock()
			}
		})
	}
	rt.Wait()
	require.Equal(t, 160, n)
	require.Empty(t, rt.Panics())
}

// A notification between Seq and Wait is not lost; a Wait with nothing
// coming times out; Broadcast wakes every waiter.
func TestNotifierLosesNoWakeUp(t *testing.T) {
	rt := livert.New(livert.Options{TimeScale: 0.001})
	n := rt.NewNotifier("idle")
	rt.Do(func() {
		seq := n.Seq()
		n.Notify()
		require.True(t, n.Wait(seq, time.Hour), "the notification came first")
		require.False(t, n.Wait(n.Seq(), 10*time.Millisecond), "nothing came")
	})
	var woke atomic.Int32
	for range 8 {
		rt.Go("waiter", func() {
			if n.Wait(n.Seq(), -1) {
				woke.Add(1)
			}
		})
	}
	for woke.Load() < 8 {
		rt.Do(n.Broadcast)
		time.Sleep(time.Millisecond)
	}
	rt.Wait()
	require.EqualValues(t, 8, woke.Load())
}

func TestFailpointsArePerRuntimeAndCount(t *testing.T) {
	a, b := livert.New(livert.Options{}), livert.New(livert.Options{})
	require.NoError(t, a.EnableFailpoint(allocator.FPBeforeLinkLease, "2*return(500)"))
	require.Error(t, a.EnableFailpoint(allocator.FPBeforeLinkLease, "sleep(5)"), "acts on the real process")
	a.Do(func() {
		require.Equal(t, 500, a.Failpoint(allocator.FPBeforeLinkLease))
		require.Equal(t, 500, a.Failpoint(allocator.FPBeforeLinkLease))
		require.Nil(t, a.Failpoint(allocator.FPBeforeLinkLease), "the count ran out")
	})
	b.Do(func() { require.Nil(t, b.Failpoint(allocator.FPBeforeLinkLease), "another runtime's registry") })
}

// The allocator and hoax, unchanged, on 64 goroutines: every lease
// becomes active and is released exactly once. Under -race this is the
// check that the step lock covers every piece of state they share.
func TestTheAllocatorRunsUnchangedOnGoroutines(t *testing.T) {
	rt := livert.New(livert.Options{Seed: 7, TimeScale: 0.0005})
	slot, err := allocator.ParseStrategy("slot")
	require.NoError(t, err)
	a, err := allocator.New(rt, allocator.Config{Strategy: slot, Workers: 64})
	require.NoError(t, err)
	h, err := hoax.New(rt, hoax.Config{Limit: 4, LeasesPerResource: 2, Bindings: []string{"h1", "h2", "h3", "h4", "h5"},
		ActivateLatency: hoax.Latency{Min: time.Second, Max: 3 * time.Second}, ReleaseLatency: hoax.Fixed(100 * time.Millisecond)})
	require.NoError(t, err)
	rt.Do(func() { a.AddBlueprint("hoax", h); a.Start() })
	const leases = 40
	var errs []error // appended by tasks, which hold the step lock
	for i := range leases {
		rt.Go("client", func() {
			id, err := a.RequestLease(allocator.LeaseRequest{Type: "host"})
			if err != nil {
				errs = append(errs, err)
				return
			}
			for {
				seq := a.Holder(id).Seq()
				if l, _ := a.Store().Lease(id); l.Status == allocator.LeaseActive {
					break
				}
				a.Holder(id).Wait(seq, 5*time.Second)
			}
			rt.Sleep(time.Duration(i%5) * time.Second)
			if err := a.Release(id, allocator.ActorRef(allocator.ID(i+1))); err != nil {
				errs = append(errs, err)
			}
		})
	}
	deadline := time.Now().Add(20 * time.Second)
	for done := false; !done && time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		rt.Do(func() {
			n := 0
			for l := range a.Store().AllLeases() {
				if l.Status == allocator.LeaseDestroyed {
					n++
				}
			}
			done = n == leases && a.OpenTasks() == 0
		})
	}
	rt.Do(a.Stop)
	rt.Wait()
	require.Empty(t, errs)
	require.Empty(t, rt.Panics())
	require.Zero(t, rt.HeldLocks())
	for id := allocator.ID(1); id <= leases; id++ {
		require.Equal(t, 1, h.Counts().ReleaseHooks[id], "lease %d's release hook", id)
	}
}
