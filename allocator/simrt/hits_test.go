package simrt_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/allocator/simrt"
	"github.com/drysim/drysim/sim"
)

func TestFailpointHitsCountWhatFired(t *testing.T) {
	w := sim.New(sim.Config{Seed: 1})
	rt := simrt.New(w)
	require.NoError(t, rt.EnableFailpoint("a", "2*return(5)"))
	require.NoError(t, rt.EnableFailpoint("never", "off"))
	var got []any
	w.Go("task", func() {
		for range 4 {
			got = append(got, rt.Failpoint("a"), rt.Failpoint("never"), rt.Failpoint("not-enabled"))
		}
	})
	require.Equal(t, sim.Done, w.Run().Outcome)
	require.Equal(t, []any{5, nil, nil, 5, nil, nil, nil, nil, nil, nil, nil, nil}, got)
	require.Equal(t, map[string]int{"a": 2, "never": 0}, rt.FailpointHits(), "the enabled failpoints, each with the times it gave a value")
}
