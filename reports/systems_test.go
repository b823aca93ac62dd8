package reports

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

// systemsRecords sweeps the two systems' comparison scenarios, small.
func systemsRecords(t *testing.T) []sweep.Record {
	t.Helper()
	var recs []sweep.Record
	for _, p := range []sweep.Plan{
		{Scenarios: []string{"atlantis-dir-collision"}, Strategies: []string{"fail-fast", "poll-retry", "queue", "blocking"}, Seeds: 2},
		{Scenarios: []string{"layers-writer-starvation"}, Strategies: []string{"go", "writer-preferring", "reader-preferring"}, Seeds: 6},
	} {
		p.Workers, p.Scheds = []int{8, 64}, []sim.SchedulerSpec{{Scheduler: sim.Random{}}}
		var b bytes.Buffer
		_, err := harness.Sweep(context.Background(), p.All(), p.Len(), &b, harness.SweepOptions{})
		require.NoError(t, err)
		path := filepath.Join(t.TempDir(), "results.jsonl")
		require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
		got, err := sweep.Load(path)
		require.NoError(t, err)
		recs = append(recs, got...)
	}
	return recs
}

// The systems' section draws its four figures as PNG and SVG, the same
// bytes from the same records, and states its findings with numbers.
func TestDrawSystems(t *testing.T) {
	recs := systemsRecords(t)
	a, b := t.TempDir(), t.TempDir()
	ra, rb := &Report{}, &Report{}
	require.NoError(t, ra.drawSystems(recs, a))
	require.NoError(t, rb.drawSystems(recs, b))
	var names []string
	for _, f := range ra.Figures {
		names = append(names, f.Name)
		require.NotEmpty(t, f.Caption)
	}
	require.Equal(t, []string{"atlantis-rejected", "atlantis-wait-p99", "atlantis-failfast-vs-timeout", "layers-writer-wait"}, names)
	require.Len(t, ra.Files, 8)
	for _, name := range ra.Files {
		x, err := os.ReadFile(filepath.Join(a, name))
		require.NoError(t, err)
		y, err := os.ReadFile(filepath.Join(b, name))
		require.NoError(t, err)
		require.Equal(t, x, y, "%s differs between two reports of the same records", name)
		if strings.HasSuffix(name, ".png") {
			img, err := png.Decode(bytes.NewReader(x))
			require.NoError(t, err)
			if strings.HasPrefix(name, "atlantis-failfast") {
				require.Greater(t, img.Bounds().Dx(), 2*img.Bounds().Dy(), "two panels side by side")
			}
		}
	}
	findings := strings.Join(ra.Findings, "\n")
	require.Regexp(t, `among the lock policies that broke no invariant, (fail-fast|poll-retry|queue|blocking) rejects the fewest commands, \d+\.\d%`, findings)
	require.Contains(t, findings, "Fail-fast against waiting with a timeout (atlantis-dir-collision, 64 workers): fail-fast rejects")
	require.Regexp(t, `reader-preferring [0-9.]+m?s on average, [0-9.]+m?s at reader share 0\.99 \(broke an invariant in \d+ of \d+ runs\)`, findings)
	require.Regexp(t, `go [0-9.]+m?s on average, [0-9.]+m?s at reader share 0\.99 \(held\)`, findings)
}

// A sweep without the systems' comparison scenarios adds nothing.
func TestDrawSystemsWithoutTheirScenarios(t *testing.T) {
	r := &Report{}
	require.NoError(t, r.drawSystems([]sweep.Record{{Scenario: "reclaim-race", Strategy: "slot"}}, t.TempDir()))
	require.Empty(t, r.Figures)
	require.Empty(t, r.Findings)
}

// Each system the sweep ran gets its own safety table, with its failing
// rows' repro commands, after Drydock's; Drydock's table keeps only its
// own scenarios.
func TestEverySystemHasItsSafetyTable(t *testing.T) {
	recs := append(systemsRecords(t), sweep.Record{Scenario: "reclaim-race", Strategy: "slot", Seed: 1, Workers: 8})
	dir := t.TempDir()
	r, err := Generate(recs, nil, dir)
	require.NoError(t, err)
	require.Len(t, r.Safety, 1, "Drydock's table holds Drydock's rows only")
	var systems []string
	for _, s := range r.Systems {
		systems = append(systems, s.System)
		for _, row := range s.Rows {
			require.NotEqual(t, "reclaim-race", row.Scenario)
		}
	}
	require.Equal(t, []string{"atlantis", "layerstore"}, systems)
	md, err := os.ReadFile(filepath.Join(dir, "REPORT.md"))
	require.NoError(t, err)
	for _, heading := range []string{"## Safety: Drydock, every scenario and strategy", "## Safety: atlantis, every scenario and strategy", "## Safety: layerstore, every scenario and strategy"} {
		require.Contains(t, string(md), heading)
	}
	require.Contains(t, string(md), "| layers-writer-starvation | reader-preferring |")
	require.Regexp(t, "layers-writer-starvation / reader-preferring: `drysim run -scenario layers-writer-starvation -strategy reader-preferring ", string(md),
		"reader-preferring starves writers in this sweep, so its row has a repro line")
	html, err := os.ReadFile(filepath.Join(dir, "index.html"))
	require.NoError(t, err)
	require.Equal(t, 3, strings.Count(string(html), "<h2>Safety: "))
}

// Drydock's figures draw Drydock's scenarios and strategies only; a sweep
// of the other systems alone still makes a report, with their figures.
func TestDrydockFiguresLeaveTheOtherSystemsOut(t *testing.T) {
	recs := systemsRecords(t)
	r, err := Generate(recs, nil, t.TempDir())
	require.NoError(t, err)
	require.Empty(t, r.Safety)
	require.Len(t, r.Systems, 2)
	mixed, err := Generate(append(recs, sweep.Record{Scenario: "reclaim-race", Strategy: "slot", Seed: 1, Workers: 8}), nil, t.TempDir())
	require.NoError(t, err)
	require.Equal(t, []string{"reclaim-race"}, mixed.drydock.Scenarios)
	require.Equal(t, []string{"slot"}, mixed.strategies())
}
