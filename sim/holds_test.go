package sim_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

func TestLockHoldsReadsAcquisitionsOutOfTheTrace(t *testing.T) {
	type span struct {
		task     int32
		from, to time.Duration
		released bool
	}
	tests := []struct {
		name  string
		cfg   sim.Config
		build func(w *sim.World)
		want  []span
	}{
		{"a waiter holds from its wake", sim.Config{}, func(w *sim.World) {
			m := w.NewMutex("m")
			w.Go("a", func() { m.Lock(); w.Sleep(time.Second); m.Unlock() })
			w.Go("b", func() { w.Sleep(time.Millisecond); m.Lock(); m.Unlock() })
		}, []span{{0, 0, time.Second, true}, {1, time.Second, time.Second, true}}},
		{"a timed-out LockTimeout holds nothing", sim.Config{}, func(w *sim.World) {
			m := w.NewMutex("m")
			w.Go("a", func() { m.Lock(); w.Sleep(time.Hour); m.Unlock() })
			w.Go("b", func() { w.Sleep(time.Millisecond); m.LockTimeout(time.Second) })
		}, []span{{0, 0, time.Hour, true}}},
		{"a barging waiter holds from the wake that won", sim.Config{Scheduler: sim.PCT{Depth: 1}, Seed: 2}, func(w *sim.World) {
			m := w.NewMutex("m", sim.Barging(true))
			w.Go("a", func() {
				m.Lock()
				w.Sleep(time.Millisecond)
				m.Unlock()
				m.Lock() // overtakes b on this seed
				w.Sleep(time.Millisecond)
				m.Unlock()
			})
			w.Go("b", func() { m.Lock(); w.Sleep(time.Second); m.Unlock() })
		}, []span{{0, 0, time.Millisecond, true}, {0, time.Millisecond, 2 * time.Millisecond, true}, {1, 2 * time.Millisecond, time.Second + 2*time.Millisecond, true}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := tc.cfg
			cfg.Trace = true
			w := sim.New(cfg)
			tc.build(w)
			res := w.Run()
			require.Equal(t, sim.Done, res.Outcome, res.Reason())
			var got []span
			for _, h := range res.Trace.LockHolds() {
				got = append(got, span{h.Task, h.FromTime, h.ToTime, h.ReleasedBeforeEnds})
			}
			require.Equal(t, tc.want, got, res.Trace.String())
		})
	}
}
