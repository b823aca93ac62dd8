package layerstore_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/systems/layerstore"
)

// With every fix, whatever the operations, stores and schedule: every read
// sees the last completed write of its layer, no two changes to one lock's
// data overlap, and nothing deadlocks. rapid draws the operations and the
// seed, and shrinks a failure to the fewest.
func TestRapidEveryFixHolds(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		strategy := rapid.SampledFrom([]string{"go", "writer-preferring", "reader-preferring"}).Draw(rt, "strategy")
		layers := rapid.IntRange(1, 3).Draw(rt, "layers")
		wd := newWorld(t, strategy, rapid.Uint64().Draw(rt, "seed"), layers)
		tasks := rapid.IntRange(1, 4).Draw(rt, "tasks")
		for i := range tasks {
			s := wd.layers.Open(fmt.Sprintf("store-%d", i), rapid.Bool().Draw(rt, fmt.Sprintf("readOnly%d", i)))
			ops := rapid.SliceOfN(rapid.IntRange(0, 3), 1, 6).Draw(rt, fmt.Sprintf("ops%d", i))
			targets := rapid.SliceOfN(rapid.IntRange(0, layers-1), len(ops)*2, len(ops)*2).Draw(rt, fmt.Sprintf("layers%d", i))
			actor := fmt.Sprintf("task-%d", i)
			wd.w.Go(actor, func() { runOps(s, actor, ops, targets) })
		}
		res := wd.w.Run()
		require.NoError(rt, res.Err())
		require.Empty(rt, violations(wd.events))
	})
}

// runOps: 0 read, 1 write, 2 write that crashes, 3 copy.
func runOps(s *layerstore.Store, actor string, ops, targets []int) {
	for i, op := range ops {
		a, b := targets[2*i], targets[2*i+1]
		switch op {
		case 0:
			_, _ = s.Read(actor, a, 5*time.Millisecond)
		case 1, 2:
			_ = s.Write(actor, a, 5*time.Millisecond, op == 2)
		case 3:
			if a != b {
				_ = s.Copy(actor, a, b, 5*time.Millisecond)
			}
		}
	}
}

// violations checks the events the way the scenario checker does.
func violations(events []layerstore.Event) []string {
	var out []string
	last := map[int]uint64{}
	inside := map[string]int{}
	for _, e := range events {
		switch e.Kind {
		case layerstore.EvRead:
			if e.Stamp != last[e.Layer] {
				out = append(out, fmt.Sprintf("%s read layer %d at %d, last write %d", e.Actor, e.Layer, e.Stamp, last[e.Layer]))
			}
		case layerstore.EvMutateBegin:
			inside[e.Lock]++
			if inside[e.Lock] > 1 {
				out = append(out, fmt.Sprintf("%s changes %s while another does", e.Actor, e.Lock))
			}
		case layerstore.EvMutateEnd:
			inside[e.Lock]--
			if e.Lock == layerstore.StoreLock {
				last[e.Layer] = e.Stamp
			}
		}
	}
	return out
}

// The property's check is not vacuous: without modified-since-per-store it
// sees the stale read.
func TestTheCheckFindsAStaleRead(t *testing.T) {
	wd := newWorld(t, "go-without=modified-since-per-store", 1, 1)
	ro, rw := wd.layers.Open("a", true), wd.layers.Open("b", false)
	wd.w.Go("t", func() {
		runOps(ro, "reader", []int{0}, []int{0, 0})
		runOps(rw, "writer", []int{1}, []int{0, 0})
		runOps(ro, "reader", []int{0}, []int{0, 0})
	})
	require.Equal(t, sim.Done, wd.w.Run().Outcome)
	require.NotEmpty(t, violations(wd.events))
}
