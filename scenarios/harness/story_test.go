package harness_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// The reclaim race's story names the objects of its events, says lock
// (≤1s) for a lock with a timeout, marks the forced switches, and says
// what the other actor's lease wanted: the reason it reclaimed.
func TestStoryNamesObjectsAndMarksForcedSwitches(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "stories", "reclaim-race.replay"))
	require.NoError(t, err)
	file, err := harness.ParseReplayFile(bytes.NewReader(text))
	require.NoError(t, err)
	res, err := file.Run()
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, harness.WriteStory(&b, res, false))
	story := b.String()

	require.NotContains(t, story, "locktimeout")
	require.Regexp(t, `(?m)^\s+\d+\s+\+[\d.]+s\s+worker-\d+#\d+\s+lock \(≤1s\)\s+drydock\.lease:1\s+lease 1$`, story)
	require.Regexp(t, `(?m)^\s+\d+ \*\s+\+`, story, "forced switches are marked")
	require.Contains(t, story, "* a forced context switch")
	require.Contains(t, story, "lease 1 (wants {flavour=linux})")
	require.Contains(t, story, "lease 2 (wants {flavour=windows})", "the other actor's lease and what it wanted")
	require.Regexp(t, `(?m)^objects    lease 1 \(wants \{flavour=linux\}\) by .*; resource 1 \(\{flavour=linux\}\) by .*; lease 2 \(wants \{flavour=windows\}\) by worker-\d+#\d+, client-\d+#\d+$`, story)
	// Every event a task makes while holding an object's lock names it.
	for _, line := range regexp.MustCompile(`(?m)^.*worker-\d+#\d+\s+point\s+store\.\w+.*$`).FindAllString(story, -1) {
		require.Regexp(t, `(lease|resource) \d+`, line)
	}
}

// A story from a run that was not replayed marks no switches: only a
// replay knows what its fixed rule would have picked.
func TestStoryOfAScheduledRunMarksNoSwitches(t *testing.T) {
	res := runWith(t, scenarios.Identity{Scenario: "release-race", Strategy: "naive", Seed: 1, Workers: 4}, harness.Options{Trace: true, Decisions: true})
	var b strings.Builder
	require.NoError(t, harness.WriteStory(&b, res, false))
	require.NotContains(t, b.String(), "forced context switch")
	require.NotRegexp(t, `(?m)^\s+\d+ \*`, b.String())
}
