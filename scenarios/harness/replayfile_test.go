package harness_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

func saved(t *testing.T, id scenarios.Identity) (*harness.Result, *harness.ReplayFile, string) {
	t.Helper()
	res := runWith(t, id, harness.Options{Decisions: true})
	f, err := harness.NewReplayFile(res)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, f.Write(&b))
	return res, f, b.String()
}

func TestReplayFileRoundTripsAndReproducesTheHash(t *testing.T) {
	res, f, text := saved(t, scenarios.Identity{
		Scenario: "reclaim-race", Strategy: "naive", Seed: 4, Workers: 8, Leases: 6,
		Failpoints: []scenarios.Failpoint{{Name: "allocator/beforeLinkLease", Terms: "return(900)"}},
	})
	require.True(t, strings.Contains(text, "drysim-replay 2\n# written by drysim "+harness.Build()+"\nscenario reclaim-race\nstrategy naive\nseed 4\nworkers 8\nsched random\n"), "the header starts with the build and the identity")
	// The header spells out the sizes the run really had, not 0 for "the scenario's".
	require.True(t, strings.Contains(text, "\nleases 6\nclients 6\nlimit 3\npoll 5s\n"), "explicit sizes in the header")
	require.Contains(t, text, "failpoint allocator/beforeLinkLease=return(900)\n")
	require.Regexp(t, `(?m)^\s+\d+   \d+ worker-\d\d$`, text)

	parsed, err := harness.ParseReplayFile(strings.NewReader(text))
	require.NoError(t, err)
	require.Equal(t, f, parsed)
	for range 3 {
		again, err := parsed.Run()
		require.NoError(t, err)
		require.Equal(t, res.HashString(), again.HashString())
		require.Equal(t, res.Violations, again.Violations)
	}
}

func TestReplayFileErrorsNameTheLine(t *testing.T) {
	_, _, good := saved(t, scenarios.Identity{Scenario: "release-race", Strategy: "slot", Seed: 2, Workers: 4, Leases: 2})
	lines := strings.Split(good, "\n")
	firstDecision := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "# before step") {
			firstDecision = i + 1
		}
	}
	replace := func(i int, with string) string {
		c := append([]string(nil), lines...)
		c[i] = with
		return strings.Join(c, "\n")
	}
	tests := []struct {
		name, text, want string
	}{
		{"other version", strings.Replace(good, "drysim-replay 2", "drysim-replay 3", 1), "line 2: want \"drysim-replay 2\" first, got \"drysim-replay 3\""},
		{"empty", "", "empty file"},
		{"unknown field", strings.Replace(good, "seed 2\n", "seed 2\ncolour blue\n", 1), `unknown field "colour"`},
		{"bad seed", strings.Replace(good, "seed 2\n", "seed two\n", 1), `seed "two"`},
		{"bad workers", strings.Replace(good, "workers 4\n", "workers -3\n", 1), `workers -3: want 1 to`},
		{"bad failpoint", strings.Replace(good, "sched random\n", "sched random\nfailpoint nowhere=return(1)\n", 1), `unknown failpoint "nowhere"`},
		{"bad decision", replace(firstDecision, "12 x"), `decision "12 x"`},
		{"count mismatch", replace(firstDecision, ""), "header says"},
		{"missing hash", strings.Replace(good, "hash ", "#hash ", 1), `missing field "hash"`},
		{"twice", strings.Replace(good, "seed 2\n", "seed 2\nseed 3\n", 1), "seed given twice"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := harness.ParseReplayFile(strings.NewReader(tc.text))
			require.ErrorIs(t, err, harness.ErrReplay)
			require.ErrorContains(t, err, tc.want)
		})
	}
}

func TestReplayOfADecisionThatDoesNotFitIsAnError(t *testing.T) {
	_, f, _ := saved(t, scenarios.Identity{Scenario: "release-race", Strategy: "slot", Seed: 2, Workers: 4, Leases: 2})
	require.NotEmpty(t, f.Decisions)
	f.Decisions[len(f.Decisions)/2].Task = 9999
	_, err := f.Run()
	require.ErrorIs(t, err, harness.ErrReplay)
	require.ErrorContains(t, err, "replay diverged at decision")
	require.ErrorContains(t, err, "unknown task 9999")

	_, g, _ := saved(t, scenarios.Identity{Scenario: "release-race", Strategy: "slot", Seed: 2, Workers: 4, Leases: 2})
	g.Hash = "0000000000000000"
	_, err = g.Run()
	require.ErrorContains(t, err, "the file says 0000000000000000")
}
