package sim_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/simtest"
)

func TestLostUpdateIsFoundWithin100Seeds(t *testing.T) {
	tests := []struct {
		name      string
		scheduler sim.Scheduler
	}{
		{"random", sim.Random{}},
		{"pct", sim.PCT{Depth: 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := simtest.Find(simtest.Options{Seeds: 100, Scheduler: tc.scheduler}, lostUpdate)
			require.NotNil(t, f, "%s must find the lost update within 100 seeds", tc.name)
			require.ErrorContains(t, f.Err, "lost update")
			t.Logf("%s found the lost update at seed %d: replay with DRYSIM_SEED=%d DRYSIM_SCHEDULER=%s",
				tc.name, f.Seed, f.Seed, f.Scheduler)
		})
	}
}

func TestLockedCounterHoldsOver200Seeds(t *testing.T) {
	simtest.Explore(t, simtest.Options{Seeds: 200, Scheduler: sim.PCT{Depth: 3}}, func(w *sim.World) func() error {
		mu := w.NewMutex("counter")
		counter := 0
		for _, name := range []string{"a", "b", "c"} {
			w.Go(name, func() {
				mu.Lock()
				v := counter
				w.Yield()
				counter = v + 1
				mu.Unlock()
			})
		}
		return func() error {
			if counter != 3 {
				return errors.New("lost update under a lock")
			}
			return nil
		}
	})
}

// timeoutRace is a holder that updates two fields under a lock, and a
// waiter that gives up on the lock after a timeout and then reads both
// fields. The waiter can see a half-done update only if its timeout expires
// while the holder is between its two writes; the holder never blocks, so
// that happens only when a timer may fire early.
func timeoutRace(w *sim.World) func() error {
	mu := w.NewMutex("state")
	first, second := false, false
	torn := false
	w.Go("holder", func() {
		mu.Lock()
		first = true
		for range 4 {
			w.Yield() // work between the two writes
		}
		second = true
		mu.Unlock()
	})
	w.Go("waiter", func() {
		if mu.LockTimeout(time.Second) {
			mu.Unlock()
			return
		}
		torn = first && !second
	})
	return func() error {
		if torn {
			return errors.New("waiter saw a torn update after its lock timed out")
		}
		return nil
	}
}

func TestEarlyTimersFindTimeoutRace(t *testing.T) {
	on := simtest.Find(simtest.Options{Seeds: 100}, timeoutRace)
	require.NotNil(t, on, "with early timers the timeout must land mid-update on some seed")
	t.Logf("early timers found the torn read at seed %d", on.Seed)

	off := simtest.Find(simtest.Options{Seeds: 100, EarlyTimers: -1}, timeoutRace)
	require.Nil(t, off, "without early timers a timeout only fires when nothing can run")
}

func TestEarlyTimerKeepsDeadlineOrder(t *testing.T) {
	// Firing early moves the clock to the deadline, so a sleeper never
	// wakes before its time: early firing models slowness, not time travel.
	simtest.Explore(t, simtest.Options{Seeds: 50, EarlyTimers: 0.5}, func(w *sim.World) func() error {
		var bad error
		for _, d := range []time.Duration{time.Second, 3 * time.Second, 2 * time.Second} {
			w.Go("sleeper", func() {
				start := w.Elapsed()
				w.Sleep(d)
				if got := w.Elapsed() - start; got < d {
					bad = errors.New("woke early: slept " + got.String() + " of " + d.String())
				}
			})
		}
		w.Go("spinner", func() {
			for range 20 {
				w.Yield()
			}
		})
		return func() error { return bad }
	})
}
