package harness_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// TestGoldenHashesChangeDetector pins one run of every scenario per strategy
// across processes, machines, Go releases and -race: the in-process
// determinism test cannot see a hash that depends on the build. It is a
// change detector, not a bug detector: a correct change that alters
// schedules on purpose (a new scheduling point, a different store call)
// fails it as surely as a broken one. Rerun with -update, review the diff,
// and say in the commit why runs changed. Bugs are caught by the
// invariants over many seeds (drysim check), not here.
func TestGoldenHashesChangeDetector(t *testing.T) {
	var b strings.Builder
	for _, name := range scenarios.Names() {
		for _, strategy := range []string{"naive", "global", "slot"} {
			res := run(t, scenarios.Identity{Scenario: name, Strategy: strategy, Seed: 1})
			fmt.Fprintf(&b, "%s %s seed=1 outcome=%s steps=%d violations=%d hash=%s\n",
				name, strategy, res.Outcome, res.Steps, len(res.Violations), res.HashString())
		}
	}
	path := filepath.Join("testdata", "golden_hashes.txt")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./scenarios/harness -run TestGoldenScenarioHashes -update to create it")
	require.Equal(t, string(want), b.String())
}
