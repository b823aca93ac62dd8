package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The shrunk size of the verify survey (scenarios/harness's verifySize).
var verifySize = []string{"-workers", "2", "-leases", "2", "-clients", "2", "-limit", "1", "-poll", "10m", "-no-scenario-failpoints"}

func TestVerifyFindsTheRaceAndItsReplayReproduces(t *testing.T) {
	saved := t.TempDir() + "/v.replay"
	args := append([]string{"verify", "-scenario", "reclaim-race", "-strategy", "naive", "-out", saved}, verifySize...)
	code, out, stderr := drysim(args...)
	require.Equal(t, 1, code, out+stderr)
	require.Contains(t, out, "result     VIOLATION")
	require.Contains(t, out, "violation  acquire-live-resource")
	require.Contains(t, out, "repro      drysim replay "+saved)
	code, out, _ = drysim("replay", saved)
	require.Equal(t, 0, code, out)
	require.Contains(t, out, "confirmed  same trace hash")
	require.Contains(t, out, "acquire-live-resource")
}

func TestVerifyCompleteIncompleteAndJSON(t *testing.T) {
	base := append([]string{"verify", "-scenario", "reclaim-race", "-strategy", "slot"}, verifySize...)
	code, out, stderr := drysim(append(base, "-preemptions", "0")...)
	require.Equal(t, 0, code, out+stderr)
	require.Contains(t, out, "result     complete")
	require.Contains(t, out, "holds      for every schedule of seed 1 with at most 0 preemptions")

	code, out, _ = drysim(append(base, "-preemptions", "2", "-max-schedules", "20")...)
	require.Equal(t, exitIncomplete, code, out)
	require.Contains(t, out, "result     incomplete (hit max-schedules)")

	code, out, _ = drysim(append(base, "-preemptions", "0", "-json", "-reduction=false")...)
	require.Equal(t, 0, code, out)
	var got verifyJSON
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.True(t, got.Complete)
	require.False(t, got.Reduction)
	require.Positive(t, got.Schedules)
	require.True(t, strings.HasPrefix(got.Run, "-scenario reclaim-race -strategy slot"), got.Run)
}
