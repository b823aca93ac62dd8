package hoax_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator"
	"github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/hoax"
	"github.com/drysim/drysim/sim"
)

// inWorld runs fn as the only task of a fresh world and returns when the
// world is done.
func inWorld(t *testing.T, seed uint64, fn func(w *sim.World, rt *simrt.Runtime)) {
	t.Helper()
	w := sim.New(sim.Config{Seed: seed})
	rt := simrt.New(w)
	w.Go("test", func() { fn(w, rt) })
	res := w.Run()
	require.Equal(t, sim.Done, res.Outcome, res.Reason())
}

func TestLatencyIsDrawnWithinItsRangeAndReplaysWithTheSeed(t *testing.T) {
	took := func(seed uint64) []time.Duration {
		var out []time.Duration
		inWorld(t, seed, func(w *sim.World, rt *simrt.Runtime) {
			h, err := hoax.New(rt, hoax.Config{ActivateLatency: hoax.Latency{Min: time.Second, Max: 3 * time.Second}})
			require.NoError(t, err)
			for range 20 {
				start := w.Elapsed()
				_ = h.ActivateResource(allocator.Resource{ID: 1})
				out = append(out, w.Elapsed()-start)
			}
		})
		return out
	}
	a := took(7)
	for _, d := range a {
		require.GreaterOrEqual(t, d, time.Second)
		require.LessOrEqual(t, d, 3*time.Second)
	}
	require.Equal(t, a, took(7), "same seed, same latencies")
	require.NotEqual(t, a, took(8))
}

func TestFaultRatesAndTheFaultSwitch(t *testing.T) {
	tests := []struct {
		name string
		cfg  hoax.Config
		want int // failures out of 100 activations, exact for seed 1
		hang bool
	}{
		{"never", hoax.Config{}, 0, false},
		{"always", hoax.Config{ResourceFailRate: 1}, 100, false},
		{"hangs", hoax.Config{HangRate: 1, HangFor: time.Minute}, 100, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inWorld(t, 1, func(w *sim.World, rt *simrt.Runtime) {
				h, _ := hoax.New(rt, tc.cfg)
				failed := 0
				start := w.Elapsed()
				for range 100 {
					if err := h.ActivateResource(allocator.Resource{ID: 1}); err != nil {
						failed++
						require.True(t, errors.Is(err, hoax.ErrFault))
					}
				}
				require.Equal(t, tc.want, failed)
				if tc.hang {
					require.Equal(t, 100*time.Minute, w.Elapsed()-start, "each hang lasts HangFor")
				}
				h.SetFaults(false)
				require.NoError(t, h.ActivateResource(allocator.Resource{ID: 1}), "no faults once switched off")
			})
		})
	}
}

func TestFailpointInjectsAFault(t *testing.T) {
	inWorld(t, 1, func(w *sim.World, rt *simrt.Runtime) {
		h, _ := hoax.New(rt, hoax.Config{})
		require.NoError(t, h.ActivateLease(allocator.Resource{}, allocator.Lease{ID: 1}))
		require.NoError(t, rt.EnableFailpoint(hoax.FPActivateLease, `1*return("fail")`))
		require.ErrorIs(t, h.ActivateLease(allocator.Resource{}, allocator.Lease{ID: 2}), hoax.ErrFault)
		require.NoError(t, h.ActivateLease(allocator.Resource{}, allocator.Lease{ID: 3}), "the count ran out")
		require.Equal(t, 1, h.Counts().LeaseFailures)
	})
}

// As WorkingCopy's canAcquireLeaseOnResource: only an active resource,
// with every wanted attribute set to the wanted value, and room.
func TestCoarseAcquireCheckIsWorkingCopys(t *testing.T) {
	inWorld(t, 1, func(w *sim.World, rt *simrt.Runtime) {
		h, _ := hoax.New(rt, hoax.Config{LeasesPerResource: 2})
		v := allocator.NewView(allocator.NewStore(rt))
		linux := allocator.Lease{Wants: allocator.Attrs(hoax.AttrFlavour, "linux")}
		active := allocator.ResourceActive
		tests := []struct {
			name string
			r    allocator.Resource
			want bool
		}{
			{"attribute not set yet", allocator.Resource{ID: 1, Status: active}, false},
			{"matching", allocator.Resource{ID: 1, Status: active, Attributes: allocator.Attrs(hoax.AttrFlavour, "linux")}, true},
			{"contradicting", allocator.Resource{ID: 1, Status: active, Attributes: allocator.Attrs(hoax.AttrFlavour, "windows")}, false},
			{"pending", allocator.Resource{ID: 1, Status: allocator.ResourcePending, Attributes: allocator.Attrs(hoax.AttrFlavour, "linux")}, false},
		}
		for _, tc := range tests {
			require.Equal(t, tc.want, h.CanAcquireLease(v, tc.r, linux), tc.name)
		}
	})
}
