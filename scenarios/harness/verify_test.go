package harness_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

func TestVerifyFindsTheRaceAsAReplayFileAndProvesTheFix(t *testing.T) {
	tests := []struct {
		strategy   string
		invariant  string
		wantFailed bool
	}{
		{"naive", harness.VerifyRace, true},
		{"naive", "single-writer", true},
		{"slot", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.strategy+"/"+tc.invariant, func(t *testing.T) {
			cfg := harness.VerifyConfig{Run: verifySize("release-race", tc.strategy), Preemptions: 1, Delays: true, Timers: true, Reduction: true, Invariant: tc.invariant}
			res, err := harness.Verify(cfg)
			require.NoError(t, err)
			require.Equal(t, tc.wantFailed, res.Failed, res.Result.String())
			require.Equal(t, !tc.wantFailed, res.Complete)
			if !tc.wantFailed {
				require.Nil(t, res.File)
				return
			}
			require.Contains(t, res.Violation, "single-writer")
			replayed, err := res.File.Run()
			require.NoError(t, err)
			require.Equal(t, res.Failure.Hash, replayed.Hash)
			// The same search again: the same schedules, the same file.
			again, err := harness.Verify(cfg)
			require.NoError(t, err)
			require.Equal(t, res.Runs, again.Runs)
			require.Equal(t, res.File.Hash, again.File.Hash)
		})
	}
}

func TestVerifyRefusesAnUnknownInvariant(t *testing.T) {
	_, err := harness.Verify(harness.VerifyConfig{Run: verifySize("release-race", "slot"), Invariant: "nope"})
	require.ErrorIs(t, err, scenarios.ErrConfig)
	require.ErrorContains(t, err, "or race")
}
