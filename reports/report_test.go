package reports_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
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
	for _, want := range []string{"violations.png", "violations.svg", "stalls.png", "stalls.svg", "throughput.svg", "lockwait.png", "first-violation.svg",
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
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	require.NoError(t, err)
	require.Equal(t, 1, strings.Count(string(page), "Sweep: 96 runs"), "the page states the sweep once, for every figure")
	for _, fig := range r.Figures {
		require.NotContains(t, fig.Caption, "Sweep:")
	}
}

// One colour per strategy, the same in every chart and table: each
// strategy's colour is in every per-strategy figure and beside its name in
// the tables, and no two strategies share one.
func TestEveryStrategyHasOneColourEverywhere(t *testing.T) {
	dir := t.TempDir()
	recs, story := reportRecords(t)
	_, err := reports.Generate(recs, story, dir)
	require.NoError(t, err)
	for _, sys := range scenarios.Systems() {
		seen := map[string]string{"#333333": "a strategy no system names"}
		for _, st := range sys.NamedStrategies() {
			hex := fmt.Sprintf("#%02X%02X%02X", reports.StrategyColour(st).R, reports.StrategyColour(st).G, reports.StrategyColour(st).B)
			require.NotContains(t, seen, hex, "%s: %s and %s share a colour", sys.Name, st, seen[hex])
			seen[hex] = st
		}
	}
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	require.NoError(t, err)
	for _, st := range []string{"naive", "global", "slot"} {
		c := reports.StrategyColour(st)
		hex := fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B)
		for _, fig := range []string{"violations", "stalls", "throughput", "lockwait", "resources"} {
			svg, err := os.ReadFile(filepath.Join(dir, fig+".svg"))
			require.NoError(t, err)
			require.Contains(t, string(svg), hex, "%s is drawn in %s in %s", st, hex, fig)
		}
		require.Contains(t, strings.ToUpper(string(page)), "BACKGROUND:"+hex, "%s's swatch in the tables", st)
	}
}

// What the figures must say: zeros labelled, the stall rate, the spread,
// a mean of p99s called one, log2 worker axes, every scenario's load, and
// a timeline with a time axis, a legend and the other actor.
func TestFiguresSayWhatTheyShow(t *testing.T) {
	dir := t.TempDir()
	recs, story := reportRecords(t)
	_, err := reports.Generate(recs, story, dir)
	require.NoError(t, err)
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		return string(data)
	}
	require.Contains(t, read("violations.svg"), ">0<", "global and slot fail 0 times: drawn and labelled 0")
	require.Contains(t, read("stalls.svg"), "Stalled runs per 1000 seeds")
	require.Contains(t, read("lockwait.svg"), "mean of per-run p99s")
	for _, fig := range []string{"throughput.svg", "lockwait.svg"} {
		svg := read(fig)
		require.Contains(t, svg, "workers (log2)")
		require.Contains(t, svg, "10th-90th percentile")
		for _, sc := range []string{"reclaim-race", "release-race"} {
			require.Contains(t, svg, ">"+sc+"<", "a panel per scenario in %s", fig)
		}
	}
	timeline := read("timeline.svg")
	for _, want := range []string{">virtual time<", ">the violation<", "(other actor)", "the other actor and its last store step"} {
		require.Contains(t, timeline, want)
	}
}

func TestTablesDropEmptyColumnsAndKeepCommandsWhole(t *testing.T) {
	dir := t.TempDir()
	recs, story := reportRecords(t)
	for i := range recs {
		recs[i].Metrics.Steals = 0 // a column of zeros says nothing
	}
	_, err := reports.Generate(recs, story, dir)
	require.NoError(t, err)
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	require.NoError(t, err)
	require.NotContains(t, string(page), "<th>steals</th>")
	require.Contains(t, string(page), "<th>failing</th>", "a count that is all zero because all held stays")
	require.Regexp(t, `<li>reclaim-race / naive: <code>drysim run -scenario reclaim-race -strategy naive [^<]+</code></li>`, string(page))
	require.Contains(t, string(page), "ul.repros li{white-space:nowrap", "commands are never broken")
	require.Contains(t, string(page), "<th>first failing seed</th>")
	md, err := os.ReadFile(filepath.Join(dir, "REPORT.md"))
	require.NoError(t, err)
	require.NotContains(t, string(md), "| steals |")
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
