package harness_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
	"github.com/drysim/drysim/sim/simtest"
)

// smallWorld is reclaim-race cut down to five tasks: two workers, two
// requesters and the conductor, one host.
func smallWorld(strategy string) scenarios.Identity {
	return scenarios.Identity{Scenario: "reclaim-race", Strategy: strategy, Seed: 1, Workers: 2, Leases: 2, Clients: 2, Limit: 1}
}

// rapidSchedule lets rapid draw every scheduling decision: option i is
// the i-th runnable task by ID, the last option fires the earliest timer.
// Smaller draws are simpler schedules, so rapid's shrinker reduces the
// interleaving itself.
func rapidSchedule(t *rapid.T) sim.Chooser {
	return sim.Chooser{Choose: func(opts []int32, fire bool) int {
		n := len(opts)
		if fire {
			n++
		}
		return rapid.IntRange(0, n-1).Draw(t, "pick")
	}}
}

// scheduleProperty fails when the world breaks an invariant (the measured
// reclaim-stall aside). The failure shows the timeline and saves a replay
// file in dir that `drysim replay` reruns.
func scheduleProperty(strategy, dir string) func(*rapid.T) {
	return func(t *rapid.T) {
		res, err := harness.Run(smallWorld(strategy), harness.Options{Scheduler: rapidSchedule(t), Trace: true, StopOn: scenarios.StopOnAny})
		if err != nil {
			t.Fatalf("run: %v", err)
		}
		if v := res.FirstForbidden(); v != nil {
			t.Fatalf("%s\n%s", v, timelineAndReplay(res, dir))
		}
	}
}

func timelineAndReplay(res *harness.Result, dir string) string {
	var b strings.Builder
	b.WriteString("timeline:\n")
	_ = res.Sim.Trace.Dump(&b)
	f, err := harness.NewReplayFile(res)
	if err != nil {
		return b.String() + "no replay file: " + err.Error()
	}
	var text bytes.Buffer
	_ = f.Write(&text)
	path := filepath.Join(dir, "last.replay")
	if err := os.MkdirAll(dir, 0o755); err == nil && os.WriteFile(path, text.Bytes(), 0o644) == nil {
		fmt.Fprintf(&b, "replay: go run ./cmd/drysim replay scenarios/harness/%s\n", path)
	}
	return b.String()
}

// Under any schedule rapid draws, slot breaks no invariant in the small
// world. A failure persists in testdata/rapid and is rerun first.
func TestRapidSchedulesHoldOnSlot(t *testing.T) {
	rapid.Check(t, scheduleProperty("slot", filepath.Join("testdata", "rapid", t.Name())))
}

// Under naive rapid finds a schedule that breaks one, shrinks it, and the
// saved replay file reproduces it exactly.
func TestRapidSchedulesFindAndShrinkOnNaive(t *testing.T) {
	dir := t.TempDir()
	msg := simtest.ExpectRapidFailure(t, scheduleProperty("naive", dir))
	require.Contains(t, msg, "timeline:")
	require.Contains(t, msg, "replay: go run ./cmd/drysim replay scenarios/harness/"+dir+"/last.replay")
	t.Logf("%s", msg[:min(len(msg), 1500)])

	text, err := os.ReadFile(filepath.Join(dir, "last.replay"))
	require.NoError(t, err)
	f, err := harness.ParseReplayFile(bytes.NewReader(text))
	require.NoError(t, err)
	res, err := f.Run()
	require.NoError(t, err, "the shrunk schedule replays with its hash")
	require.NotEmpty(t, res.Violations)
}
