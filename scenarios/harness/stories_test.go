package harness_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// TestRaceStories replays each race's reviewed story, in the style of
// etcd raft's datadriven tests: testdata/stories/<scenario>.replay is the
// shrunk run (drysim replay reads it) and <scenario>.story the timeline
// drysim shrink prints for it. The replay must give its recorded hash and
// print the same story. go test -run TestRaceStories -update shrinks each
// race afresh and rewrites both files; review the diff like code.
func TestRaceStories(t *testing.T) {
	type story struct {
		scenario, strategy, file string
	}
	var stories []story
	for _, s := range scenarios.All() {
		stories = append(stories, story{s.Name, racyStrategy(s), s.Name})
	}
	// phorge's regression (D26884) has its story too.
	stories = append(stories, story{"release-race", "phorge", "release-race-phorge"})
	for _, st := range stories {
		t.Run(st.file, func(t *testing.T) {
			base := filepath.Join("testdata", "stories", st.file)
			if *update {
				s, err := scenarios.ByName(st.scenario)
				require.NoError(t, err)
				writeStory(t, s, st.strategy, base)
			}
			text, err := os.ReadFile(base + ".replay")
			require.NoError(t, err, "run go test ./scenarios/harness -run TestRaceStories -update to create it")
			file, err := harness.ParseReplayFile(bytes.NewReader(text))
			require.NoError(t, err)
			res, err := file.Run()
			require.NoError(t, err, "the story replays strictly with its hash")
			require.True(t, res.Reproduced(), "the story shows the race")
			var story bytes.Buffer
			require.NoError(t, harness.WriteStory(&story, res, false))
			want, err := os.ReadFile(base + ".story")
			require.NoError(t, err)
			require.Equal(t, string(want), story.String())
		})
	}
}

// writeStory shrinks the scenario's first failing run under strategy and
// writes its replay file and story.
func writeStory(t *testing.T, s *scenarios.Scenario, strategy, base string) {
	t.Helper()
	rows := check(t, harness.CheckConfig{Scenario: s.Name, Strategies: []string{strategy}})
	require.True(t, rows[0].OK, "%s reproduces %s", strategy, s.Name)
	shrunk, err := harness.Shrink(harness.ShrinkConfig{Run: scenarios.Identity{Scenario: s.Name, Strategy: strategy, Seed: rows[0].FirstSeed}})
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(filepath.Dir(base), 0o755))
	var file, story bytes.Buffer
	require.NoError(t, shrunk.File.Write(&file))
	require.NoError(t, harness.WriteStory(&story, shrunk.Result, false))
	require.NoError(t, os.WriteFile(base+".replay", file.Bytes(), 0o644))
	require.NoError(t, os.WriteFile(base+".story", story.Bytes(), 0o644))
	t.Logf("%s: %s -> %s", s.Name, shrunk.Before, shrunk.After)
}
