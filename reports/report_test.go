package reports_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/drysim/drysim/reports"
	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/scenarios/harness"
	"github.com/drysim/drysim/sim"
)

// reportRecords sweeps a small plan, loads it back from a file and reruns
// the story the report tells, as drysim report does.
func reportRecords(t *testing.T) ([]sweep.Record, *reports.Story) {
	t.Helper()
	p := sweep.Plan{
		Scenarios: []string{"reclaim-race", "release-race"}, Strategies: []string{"naive", "global", "slot"},
		Workers: []int{4, 64}, Scheds: []sim.SchedulerSpec{{Scheduler: sim.Random{}}, {Scheduler: sim.PCT{Depth: 3}}}, Seeds: 4,
	}
	path := filepath.Join(t.TempDir(), "results.jsonl")
	f, err := os.Create(path)
	require.NoError(t, err)
	_, err = harness.Sweep(context.Background(), p.All(), p.Len(), f, harness.SweepOptions{})
	require.NoError(t, err)
	require.NoError(t, f.Close())
	recs, err := sweep.Load(path)
	require.NoError(t, err)
	require.Len(t, recs, p.Len())
	rec, ok := reports.StoryRecord(recs)
	require.True(t, ok)
	require.Equal(t, "reclaim-race", rec.Scenario, "the headline scenario's story")
	res, err := harness.Run(rec.Identity(), harness.Options{Trace: true, StopOn: reports.FirstRaceInvariant(rec)})
	require.NoError(t, err)
	require.NotEmpty(t, res.Violations)
	return recs, &reports.Story{Record: rec, Trace: res.Sim.Trace, Violation: res.Violations[len(res.Violations)-1]}
}

func TestReportIsByteIdenticalForTheSameRecords(t *testing.T) {
	recs, story := reportRecords(t)
	a, b := t.TempDir(), t.TempDir()
	ra, err := reports.Generate(recs, story, a)
	require.NoError(t, err)
	rb, err := reports.Generate(recs, story, b)
	require.NoError(t, err)
	require.Equal(t, ra.Files, rb.Files)
	for _, name := range ra.Files {
		x, err := os.ReadFile(filepath.Join(a, name))
		require.NoError(t, err)
		y, err := os.ReadFile(filepath.Join(b, name))
		require.NoError(t, err)
		require.True(t, bytes.Equal(x, y), "%s differs between two runs", name)
	}
	for _, want := range []string{"violations.png", "violations.svg", "throughput.svg", "lockwait.png", "first-violation.svg",
		"resources.png", "timeline.svg", "timeline.perfetto.json", "index.html", "REPORT.md"} {
		require.Contains(t, ra.Files, want)
	}
}

func TestReportFilesAreValid(t *testing.T) {
	dir := t.TempDir()
	recs, story := reportRecords(t)
	r, err := reports.Generate(recs, story, dir)
	require.NoError(t, err)
	for _, name := range r.Files {
		if filepath.Ext(name) == ".png" {
			f, err := os.Open(filepath.Join(dir, name))
			require.NoError(t, err)
			img, err := png.Decode(f)
			f.Close()
			require.NoError(t, err, name)
			require.Positive(t, img.Bounds().Dx(), name)
		}
	}
	written := map[string]bool{}
	for _, name := range r.Files {
		written[name] = true
	}
	refs := map[string]*regexp.Regexp{
		"index.html": regexp.MustCompile(`(?:src|href)="([^"]+)"`),
		"REPORT.md":  regexp.MustCompile(`\]\(([^)]+)\)`),
	}
	for page, re := range refs {
		text, err := os.ReadFile(filepath.Join(dir, page))
		require.NoError(t, err)
		matches := re.FindAllStringSubmatch(string(text), -1)
		require.NotEmpty(t, matches, page)
		for _, m := range matches {
			require.True(t, written[m[1]], "%s references %s, which the report did not write", page, m[1])
		}
	}
	for _, fig := range r.Figures {
		require.Contains(t, fig.Caption, "Sweep: 96 runs", "every caption names the sweep behind it")
	}
}

// The trace-event format (Chrome's "JSON Object Format"): the fields each
// phase needs, with the types Perfetto's importer expects.
func TestPerfettoExportIsValidTraceEventJSON(t *testing.T) {
	res, err := harness.Run(scenarios.Identity{Scenario: "reclaim-race", Strategy: "naive", Seed: 1, Workers: 4}, harness.Options{Trace: true})
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, reports.WritePerfetto(&b, res.Sim.Trace, "test", []string{"a violation"}))
	checkTraceEvents(t, b.Bytes(), res.Sim.Trace.Len())
}

func checkTraceEvents(t *testing.T, data []byte, events int) {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(data, &doc))
	list, ok := doc["traceEvents"].([]any)
	require.True(t, ok, "top level has a traceEvents array")
	phases := map[string]int{}
	for i, raw := range list {
		e, ok := raw.(map[string]any)
		require.True(t, ok, "event %d is an object", i)
		ph, ok := e["ph"].(string)
		require.True(t, ok && slices.Contains([]string{"X", "i", "M"}, ph), "event %d: ph %v", i, e["ph"])
		phases[ph]++
		_, named := e["name"].(string)
		require.True(t, named, "event %d has a name", i)
		for _, k := range []string{"pid", "tid"} {
			v, ok := e[k].(float64)
			require.True(t, ok && v == float64(int64(v)) && v >= 0, "event %d: %s %v", i, k, e[k])
		}
		switch ph {
		case "X":
			dur, ok := e["dur"].(float64)
			require.True(t, ok && dur >= 0, "event %d: dur %v", i, e["dur"])
			fallthrough
		case "i":
			ts, ok := e["ts"].(float64)
			require.True(t, ok && ts >= 0, "event %d: ts %v", i, e["ts"])
			if s, ok := e["s"]; ok {
				require.Contains(t, []any{"g", "p", "t"}, s)
			}
		case "M":
			args, ok := e["args"].(map[string]any)
			require.True(t, ok, "metadata event %d has args", i)
			_, ok = args["name"].(string)
			require.True(t, ok && slices.Contains([]any{"process_name", "thread_name"}, e["name"]), "event %d", i)
		}
	}
	require.Equal(t, events+1, phases["i"], "every trace event plus the violation")
	require.Positive(t, phases["X"], "lock holds")
	require.Positive(t, phases["M"], "thread names")
}
