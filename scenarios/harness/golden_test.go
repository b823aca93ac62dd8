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
//
// Drydock's scenarios run naive, global and slot (golden_hashes.txt); the
// other systems' every strategy their scenarios expect something of
// (golden_systems.txt).
func TestGoldenHashesChangeDetector(t *testing.T) {
	var drydock, others strings.Builder
	for _, s := range scenarios.All() {
		b, strategies := &others, expectedStrategies(s)
		if s.System().Name == "drydock" {
			b, strategies = &drydock, []string{"naive", "global", "slot"}
		}
		for _, strategy := range strategies {
			res := run(t, scenarios.Identity{Scenario: s.Name, Strategy: strategy, Seed: 1})
			fmt.Fprintf(b, "%s %s seed=1 outcome=%s steps=%d violations=%d hash=%s\n",
				s.Name, strategy, res.Outcome, res.Steps, len(res.Violations), res.HashString())
		}
	}
	compareGolden(t, "golden_hashes.txt", drydock.String())
	compareGolden(t, "golden_systems.txt", others.String())
}

func expectedStrategies(s *scenarios.Scenario) []string {
	var out []string
	for _, e := range s.Expectations() {
		out = append(out, e.Strategy)
	}
	return out
}

func compareGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./scenarios/harness -run TestGoldenHashesChangeDetector -update to create it")
	require.Equal(t, string(want), got)
}
