package verify_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/verify"
)

// counter starts n tasks that each add 1 to a shared counter in two steps
// (read, then write), under a mutex when locked, plus a bystander that only
// locks a lock of its own. It fails if an increment was lost.
func counter(n int, locked bool, pool *sim.Pool) verify.RunFunc {
	return func(g sim.Guide) (bool, error) {
		res, lost := runCounter(sim.Config{Scheduler: g, Pool: pool}, n, locked)
		return lost || res.Outcome != sim.Done, nil
	}
}

func runCounter(cfg sim.Config, n int, locked bool) (*sim.Result, bool) {
	w := sim.New(cfg)
	mu := w.NewMutex("counter")
	own := w.NewMutex("own")
	read, write := w.Label("counter.read"), w.Label("counter.write")
	x := 0
	for i := range n {
		w.Go(fmt.Sprintf("adder%d", i), func() {
			if locked {
				mu.Lock()
			}
			w.Point(read, 0)
			v := x
			w.Point(write, 0)
			x = v + 1
			if locked {
				mu.Unlock()
			}
		})
	}
	w.Go("bystander", func() {
		for range 3 {
			own.Lock()
			own.Unlock()
		}
	})
	res := w.Run()
	return res, x != n
}

func readOnly(label string) bool { return label == "counter.read" }

func TestExploreFindsTheLostUpdateAndProvesTheLockedTwin(t *testing.T) {
	pool := sim.NewPool()
	defer pool.Close()
	tests := []struct {
		name        string
		locked      bool
		preemptions int
		wantFailed  bool
	}{
		{"racy, no preemption", false, 0, false},
		{"racy, one preemption", false, 1, true},
		{"locked, two preemptions", true, 2, false},
		{"locked, unbounded", true, -1, false},
	}
	for _, tc := range tests {
		for _, reduce := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/reduction=%v", tc.name, reduce), func(t *testing.T) {
				cfg := verify.Config{Preemptions: tc.preemptions, Reduction: reduce, ReadOnly: readOnly}
				res, err := verify.Explore(cfg, counter(2, tc.locked, pool))
				require.NoError(t, err)
				require.Equal(t, tc.wantFailed, res.Failed, res.String())
				require.Equal(t, !tc.wantFailed, res.Complete, res.String())
				t.Log(res)
			})
		}
	}
}
