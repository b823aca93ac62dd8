package simrt_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/layerstore"
	"github.com/drysim/drysim/systems/simrt"
)

// WritersWaiting counts the writers blocked on the lock, and only on it.
func TestWritersWaiting(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	rt := simrt.New(w)
	lk := rt.NewRWLock("store", layerstore.GoRW)
	other := rt.NewRWLock("other", layerstore.GoRW)
	var seen []int
	w.Go("reader", func() {
		lk.RLock()
		other.RLock()
		w.Sleep(time.Second) // two writers queue behind the read lock
		seen = append(seen, lk.WritersWaiting(), other.WritersWaiting())
		lk.RUnlock()
		other.RUnlock()
	})
	for range 2 {
		w.Go("writer", func() { w.Sleep(time.Millisecond); lk.Lock(); lk.Unlock() })
	}
	require.NoError(t, w.Run().Err())
	require.Equal(t, []int{2, 0}, seen)
}

// Each layer-store policy becomes the kernel's: under reader-preferring a
// reader enters past a waiting writer, under the other two it does not.
func TestPolicies(t *testing.T) {
	for _, tc := range []struct {
		policy layerstore.Policy
		enters bool
	}{{layerstore.GoRW, false}, {layerstore.WriterPreferring, false}, {layerstore.ReaderPreferring, true}} {
		t.Run(tc.policy.String(), func(t *testing.T) {
			w := sim.New(sim.Config{Seed: 1})
			lk := simrt.New(w).NewRWLock("store", tc.policy)
			var entered bool
			w.Go("first-reader", func() { lk.RLock(); w.Sleep(time.Second); lk.RUnlock() })
			w.Go("writer", func() { w.Sleep(time.Millisecond); lk.Lock(); lk.Unlock() })
			w.Go("late-reader", func() {
				w.Sleep(2 * time.Millisecond)
				if entered = lk.TryRLock(); entered {
					lk.RUnlock()
				}
			})
			require.NoError(t, w.Run().Err())
			require.Equal(t, tc.enters, entered)
		})
	}
}

// The runtime's mutex times out in virtual time.
func TestMutexTimeout(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	m := simrt.New(w).NewMutex("dir")
	var got bool
	var at time.Duration
	w.Go("holder", func() { m.Lock(); w.Sleep(time.Minute); m.Unlock() })
	w.Go("waiter", func() { w.Sleep(time.Second); got = m.LockTimeout(10 * time.Second); at = w.Elapsed() })
	require.NoError(t, w.Run().Err())
	require.False(t, got)
	require.Equal(t, 11*time.Second, at)
}
