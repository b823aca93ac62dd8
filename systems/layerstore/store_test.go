package layerstore_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/layerstore"
	"github.com/drysim/drysim/systems/simrt"
)

// world runs tasks against one set of layers and returns the run's result
// and every event.
type world struct {
	w      *sim.World
	rt     *simrt.Runtime
	layers *layerstore.Layers
	events []layerstore.Event
}

func newWorld(t *testing.T, strategy string, seed uint64, layers int, fps ...string) *world {
	t.Helper()
	st, err := layerstore.ParseStrategy(strategy)
	require.NoError(t, err)
	w := sim.New(sim.Config{Seed: seed, MaxTime: time.Hour})
	wd := &world{w: w, rt: simrt.New(w)}
	for i := 0; i+1 < len(fps); i += 2 {
		require.NoError(t, wd.rt.Base().EnableFailpoint(fps[i], fps[i+1]))
	}
	wd.layers, err = layerstore.New(wd.rt, layerstore.Config{Strategy: st, Layers: layers, RepairTime: 50 * time.Millisecond,
		Observe: func(e layerstore.Event) { wd.events = append(wd.events, e) }})
	require.NoError(t, err)
	return wd
}

func (wd *world) of(kind layerstore.EventKind) []layerstore.Event {
	var out []layerstore.Event
	for _, e := range wd.events {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// A read-only store reads layer 0, a read-write store of the same process
// writes it, the read-only store reads again: without
// modified-since-per-store it is told nothing changed and reads its cache.
func TestStaleReadAfterAnotherStoresWrite(t *testing.T) {
	for _, tc := range []struct {
		strategy string
		stale    bool
	}{{"go", false}, {"go-without=modified-since-per-store", true}} {
		t.Run(tc.strategy, func(t *testing.T) {
			wd := newWorld(t, tc.strategy, 1, 2)
			ro, rw := wd.layers.Open("podman-1", true), wd.layers.Open("podman-2", false)
			var first, second layerstore.Layer
			wd.w.Go("sequence", func() {
				first, _ = ro.Read("reader", 0, 0)
				require.NoError(t, rw.Write("writer", 0, 10*time.Millisecond, false))
				second, _ = ro.Read("reader", 0, 0)
			})
			require.NoError(t, wd.w.Run().Err())
			written := wd.layers.Disk()[0].Stamp
			require.NotZero(t, written)
			require.Zero(t, first.Stamp)
			if tc.stale {
				require.Zero(t, second.Stamp, "the cache, not the write")
				return
			}
			require.Equal(t, written, second.Stamp)
		})
	}
}

// Two read-write stores load an incomplete layer at once: under a read
// lock both repair it, overlapping; under the write lock the second finds
// it repaired.
func TestFixupsOnLoad(t *testing.T) {
	for _, tc := range []struct {
		strategy string
		overlap  bool
		repairs  int
	}{{"go", false, 1}, {"go-without=fixup-under-write-lock", true, 2}} {
		t.Run(tc.strategy, func(t *testing.T) {
			wd := newWorld(t, tc.strategy, 3, 2, layerstore.FPBeforeFixup, "return(200)")
			writer := wd.layers.Open("crashed", false)
			wd.w.Go("setup", func() {
				require.NoError(t, writer.Write("crashing-writer", 1, 0, true))
				for i := range 2 {
					s := wd.layers.Open("reader-store", false)
					wd.w.Go("reader", func() { _, _ = s.Read("reader-"+string(rune('a'+i)), 0, 0) })
				}
			})
			require.NoError(t, wd.w.Run().Err())
			repairs, inside, overlapped := 0, 0, false
			for _, e := range wd.events {
				switch {
				case e.Kind == layerstore.EvMutateBegin && e.Repair:
					repairs++
					inside++
					overlapped = overlapped || inside > 1
				case e.Kind == layerstore.EvMutateEnd && e.Repair:
					inside--
				}
			}
			require.Equal(t, tc.repairs, repairs)
			require.Equal(t, tc.overlap, overlapped)
			require.False(t, wd.layers.Disk()[1].Incomplete)
		})
	}
}

// Two copies in opposite directions, each holding its first layer while it
// asks for the second: the kernel reports the waits-for cycle, naming both
// tasks and both layer locks. In one global order they finish.
func TestCopiesInOppositeOrder(t *testing.T) {
	for _, tc := range []struct {
		strategy string
		deadlock bool
	}{{"go", false}, {"go-without=global-lock-order", true}} {
		t.Run(tc.strategy, func(t *testing.T) {
			wd := newWorld(t, tc.strategy, 1, 2, layerstore.FPBetweenLayerLocks, "return(100)")
			s := wd.layers.Open("store", false)
			wd.w.Go("copy-1-to-2", func() { _ = s.Copy("copy-1-to-2", 0, 1, time.Millisecond) })
			wd.w.Go("copy-2-to-1", func() { _ = s.Copy("copy-2-to-1", 1, 0, time.Millisecond) })
			res := wd.w.Run()
			if !tc.deadlock {
				require.NoError(t, res.Err())
				return
			}
			require.Equal(t, sim.Deadlock, res.Outcome)
			require.Len(t, res.Deadlock.Cycle, 2)
			cycle := res.Deadlock.String()
			for _, want := range []string{"copy-1-to-2", "copy-2-to-1", "write lock layer-1", "write lock layer-2"} {
				require.Contains(t, cycle, want)
			}
		})
	}
}

// Readers stream through the store lock while a writer waits: a
// reader-preferring lock lets a reader in past the waiting writer; Go's
// and a writer-preferring lock never do.
func TestReadersPassAWaitingWriterOnlyWhenPreferred(t *testing.T) {
	for _, tc := range []struct {
		strategy string
		passes   bool
	}{{"go", false}, {"writer-preferring", false}, {"reader-preferring", true}} {
		t.Run(tc.strategy, func(t *testing.T) {
			wd := newWorld(t, tc.strategy, 5, 1)
			for i := range 4 {
				s := wd.layers.Open("reader", true)
				wd.w.Go("reader", func() {
					wd.w.Sleep(time.Duration(i) * 10 * time.Millisecond)
					for range 10 {
						_, _ = s.Read("reader", 0, 40*time.Millisecond)
					}
				})
			}
			w := wd.layers.Open("writer", false)
			wd.w.Go("writer", func() {
				wd.w.Sleep(25 * time.Millisecond)
				_ = w.Write("writer", 0, 10*time.Millisecond, false)
			})
			require.NoError(t, wd.w.Run().Err())
			passed := 0
			for _, e := range wd.of(layerstore.EvLocked) {
				if e.Immediate && e.WritersWaiting > 0 {
					passed++
				}
			}
			require.Equal(t, tc.passes, passed > 0, "readers that passed a waiting writer: %d", passed)
		})
	}
}

func TestConfigAndArgumentErrors(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	_, err := layerstore.New(simrt.New(w), layerstore.Config{Layers: 0})
	require.ErrorIs(t, err, layerstore.ErrConfig)
	require.ErrorContains(t, err, "0 layers: want 1 or more")
	l, err := layerstore.New(simrt.New(w), layerstore.Config{Layers: 2})
	require.NoError(t, err)
	_, err = l.Open("s", true).Read("a", 5, 0)
	require.ErrorContains(t, err, "layer 5: want 0 to 1")
}
