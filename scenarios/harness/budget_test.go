package harness_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
)

// TestBudgetBaseline records testdata/baseline.json with -update: the cost
// of every "holds" row (and its 8-worker and PCT variants), which drysim
// check compares against (make test runs that check). Without -update it
// is skipped: the check itself is the test.
func TestBudgetBaseline(t *testing.T) {
	if !*update {
		t.Skip("records the budget baseline with -update; drysim check -scenario all applies it")
	}
	base, err := harness.DefaultBaseline()
	require.NoError(t, err)
	var rows []harness.CheckRow
	for _, name := range scenarios.Names() {
		cfg := harness.CheckConfig{Scenario: name, Variants: true}
		if !*update {
			cfg.Budgets = base
		}
		got, err := harness.Check(context.Background(), cfg)
		require.NoError(t, err)
		rows = append(rows, got...)
	}
	if *update {
		var b bytes.Buffer
		require.NoError(t, harness.WriteBaseline(&b, rows))
		require.NoError(t, os.WriteFile(filepath.Join("testdata", "baseline.json"), b.Bytes(), 0o644))
		return
	}
	for _, r := range rows {
		require.True(t, r.OK, "%s / %s at %d workers, %s: %s %s", r.Scenario, r.Strategy, r.Workers, r.Sched, r.First, r.OverBudget)
	}
}

// A fixed strategy made slow (every lease activation takes a minute more:
// a fault switch, not an edit) breaks its time budget, and check says
// which budget, while every invariant still holds.
func TestABudgetCatchesASlowFixedStrategy(t *testing.T) {
	base, err := harness.DefaultBaseline()
	require.NoError(t, err)
	cfg := harness.CheckConfig{Scenario: "reclaim-race", Strategies: []string{"slot"}, Seeds: 10, Budgets: base}
	rows := check(t, cfg)
	require.True(t, rows[0].OK, "%s", rows[0].OverBudget)

	cfg.Overrides.Failpoints = []scenarios.Failpoint{{Name: "allocator/beforeActivateLease", Terms: `return("60s")`}}
	rows = check(t, cfg)
	require.False(t, rows[0].OK)
	require.Zero(t, rows[0].Failing, "no invariant broke: only the cost did")
	require.Contains(t, rows[0].OverBudget, "over 2.0x its baseline")
	t.Logf("slow slot: %s", rows[0].OverBudget)
}
