package sim_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

// writerWait measures how long (virtual) a writer waits for a lock that a
// stream of overlapping readers keeps busy.
func writerWait(t *testing.T, seed uint64, policy sim.RWPolicy) time.Duration {
	t.Helper()
	w := sim.New(sim.Config{Seed: seed})
	rw := w.NewRWMutex("layer", policy)
	for r := range 4 {
		w.Go(fmt.Sprintf("reader%d", r), func() {
			w.Sleep(time.Duration(r) * 2500 * time.Microsecond)
			for range 50 {
				rw.RLock()
				w.Sleep(10 * time.Millisecond)
				rw.RUnlock()
				w.Sleep(time.Millisecond)
			}
		})
	}
	var waited time.Duration
	w.Go("writer", func() {
		w.Sleep(5 * time.Millisecond)
		start := w.Elapsed()
		rw.Lock()
		waited = w.Elapsed() - start
		rw.Unlock()
	})
	res := w.Run()
	require.Equal(t, sim.Done, res.Outcome, res.Reason())
	return waited
}

func TestReaderPreferenceStarvesWriterLongerThanWriterPreference(t *testing.T) {
	for seed := uint64(1); seed <= 10; seed++ {
		readerPref := writerWait(t, seed, sim.ReaderPreferring)
		writerPref := writerWait(t, seed, sim.WriterPreferring)
		goLike := writerWait(t, seed, sim.GoRW)
		require.Greater(t, readerPref, writerPref, "seed %d", seed)
		require.Greater(t, readerPref, goLike, "seed %d", seed)
		require.LessOrEqual(t, writerPref, 10*time.Millisecond, "seed %d: a preferred writer waits at most one read hold", seed)
		if seed == 1 {
			t.Logf("writer wait: reader-preferring %v, writer-preferring %v, go %v", readerPref, writerPref, goLike)
		}
	}
}

func TestRWMutexPolicies(t *testing.T) {
	// A reader holds the lock, a writer queues, then a second reader
	// arrives. Which of writer and second reader gets in first?
	tests := []struct {
		policy      sim.RWPolicy
		readerFirst bool
	}{
		{sim.ReaderPreferring, true},
		{sim.WriterPreferring, false},
		{sim.GoRW, false},
	}
	for _, tc := range tests {
		t.Run(tc.policy.String(), func(t *testing.T) {
			w := sim.New(sim.Config{Seed: 1})
			rw := w.NewRWMutex("rw", tc.policy)
			var order []string
			w.Go("r1", func() { rw.RLock(); w.Sleep(10 * time.Millisecond); rw.RUnlock() })
			w.Go("writer", func() {
				w.Sleep(time.Millisecond)
				rw.Lock()
				order = append(order, "writer")
				w.Sleep(time.Millisecond)
				rw.Unlock()
			})
			w.Go("r2", func() {
				w.Sleep(2 * time.Millisecond)
				rw.RLock()
				order = append(order, "r2")
				rw.RUnlock()
			})
			res := w.Run()
			require.Equal(t, sim.Done, res.Outcome, res.Reason())
			if tc.readerFirst {
				require.Equal(t, []string{"r2", "writer"}, order)
			} else {
				require.Equal(t, []string{"writer", "r2"}, order)
			}
		})
	}
}

func TestGoRWLetsWaitingReadersBeforeNextWriter(t *testing.T) {
	// Under Go's policy a writer's unlock admits the readers that queued
	// during its hold before a second queued writer; writer preference
	// admits the second writer first.
	run := func(policy sim.RWPolicy) []string {
		w := sim.New(sim.Config{Seed: 1})
		rw := w.NewRWMutex("rw", policy)
		var order []string
		w.Go("w1", func() { rw.Lock(); w.Sleep(10 * time.Millisecond); rw.Unlock() })
		w.Go("r", func() { w.Sleep(time.Millisecond); rw.RLock(); order = append(order, "r"); rw.RUnlock() })
		w.Go("w2", func() { w.Sleep(2 * time.Millisecond); rw.Lock(); order = append(order, "w2"); rw.Unlock() })
		res := w.Run()
		require.Equal(t, sim.Done, res.Outcome, res.Reason())
		return order
	}
	require.Equal(t, []string{"r", "w2"}, run(sim.GoRW))
	require.Equal(t, []string{"w2", "r"}, run(sim.WriterPreferring))
}
