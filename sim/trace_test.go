package sim_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

// Points counts the calls tasks made into the kernel, and nothing the
// kernel recorded on its own: starts, exits, timer firings and wake-ups.
func TestTracePointsCountKernelCalls(t *testing.T) {
	tests := []struct {
		name   string
		body   func(w *sim.World)
		points int
		events int
	}{
		{"one sleep", func(w *sim.World) {
			w.Go("a", func() { w.Sleep(time.Second) }) // sleep; timer, wake
		}, 1, 5},
		{"lock and unlock", func(w *sim.World) {
			mu := w.NewMutex("mu")
			w.Go("a", func() { mu.Lock(); mu.Unlock() })
		}, 2, 4},
		{"a labelled point and a yield", func(w *sim.World) {
			l := w.Label("x")
			w.Go("a", func() { w.Point(l, 0); w.Yield() })
		}, 2, 4},
		{"a blocked wait counts once", func(w *sim.World) {
			n := w.NewNotifier("n")
			w.Go("waiter", func() { n.Wait(n.Seq(), time.Hour) })          // wait; wake
			w.Go("signaller", func() { w.Sleep(time.Second); n.Notify() }) // sleep, signal; timer, wake
		}, 3, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := sim.New(sim.Config{Seed: 1, Trace: true})
			tt.body(w)
			res := w.Run()
			require.Equal(t, sim.Done, res.Outcome, res.Reason())
			require.Equal(t, tt.events, res.Trace.Len(), res.Trace.String())
			require.Equal(t, tt.points, res.Trace.Points(), res.Trace.String())
		})
	}
}
