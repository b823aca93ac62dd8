package sim_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/sim"
)

// Any -sched value: a scheduler that prints back as the input (canonical
// forms) or an error naming the valid ones.
func FuzzParseScheduler(f *testing.F) {
	for _, s := range []string{"random", "pct", "pct:3", "pct:2:500", "pct:0", "pct:x", "pct:3:", "dfs", "pct:99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		s, err := sim.ParseScheduler(name)
		if err != nil {
			require.Contains(t, err.Error(), "sim: ")
			return
		}
		require.NoError(t, sim.Config{Scheduler: s}.Validate())
		again, err := sim.ParseScheduler(s.String())
		require.NoError(t, err)
		require.Equal(t, s.String(), again.String())
	})
}
