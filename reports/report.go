package reports

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"

	"github.com/drysim/drysim/reports/sweep"
	"github.com/drysim/drysim/scenarios"
	"github.com/drysim/drysim/sim"
)

// Report is everything a report page shows, computed from records alone
// and, for the timeline, the trace of one failing run it is handed.
type Report struct {
	Info     SweepInfo
	Load     string // the scenario the load figures use
	Baseline string // the strategy with none of the fixes, whose first violations are plotted
	Safety   []ScenarioRow
	LoadRows []LoadRow
	First    []FirstViolation
	Findings []string
	Figures  []Figure
	Timeline *TimelineInfo
	Files    []string // every file written, relative to the output directory
}

// TimelineInfo is the failing run the timeline and trace export show.
type TimelineInfo struct {
	Record    sweep.Record
	Violation string
	SVG, JSON string
}

// Story is one failing run for the report to draw: a record and the trace
// of its rerun up to its first race violation (see StoryRecord).
type Story struct {
	Record    sweep.Record
	Trace     *sim.Trace
	Violation scenarios.Violation
}

// Generate writes the report for records into dir: the figures as PNG and
// SVG, index.html and REPORT.md, and, given a story, its timeline and
// Perfetto trace. The same records and story give byte-identical files.
func Generate(recs []sweep.Record, story *Story, dir string) (*Report, error) {
	if len(recs) == 0 {
		return nil, fmt.Errorf("%w: no records to report on", sweep.ErrSweep)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	r := &Report{Info: Describe(recs), Safety: SafetyTable(recs), Baseline: baseline()}
	r.First = SeedsToFirstViolation(recs, r.Baseline)
	r.Load = loadScenario(recs)
	r.LoadRows = LoadTable(recs, r.Load)
	r.Findings = findings(r)
	if err := r.drawFigures(dir); err != nil {
		return nil, err
	}
	if story != nil {
		if err := r.drawTimeline(story, dir); err != nil {
			return nil, err
		}
	}
	for _, page := range []struct {
		name  string
		write func(*Report, string) error
	}{{"index.html", writeHTML}, {"REPORT.md", writeMarkdown}} {
		if err := page.write(r, filepath.Join(dir, page.name)); err != nil {
			return nil, fmt.Errorf("report %s: %w", page.name, err)
		}
		r.Files = append(r.Files, page.name)
	}
	return r, nil
}

// loadScenario is the scenario marked for load figures (scenarios.Load)
// if the sweep has it, else the scenario with the most records.
func loadScenario(recs []sweep.Record) string {
	best, n := "", 0
	for _, g := range groupBy(recs, func(r sweep.Record) string { return r.Scenario }) {
		if s, err := scenarios.ByName(g.key); err == nil && s.Load {
			return g.key
		}
		if len(g.recs) > n {
			best, n = g.key, len(g.recs)
		}
	}
	return best
}

func (r *Report) sweepCaption() string {
	i := r.Info
	return fmt.Sprintf("Sweep: %d runs; scenarios %s; strategies %s; workers %s; schedulers %s; %d seeds each (seeds %d-%d).",
		i.Runs, strings.Join(i.Scenarios, ", "), strings.Join(i.Strategies, ", "), joinInts(i.Workers),
		strings.Join(i.Scheds, ", "), i.SeedsPerCombination, i.First, i.LastSeed)
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ", ")
}

func (r *Report) drawFigures(dir string) error {
	figs := []struct {
		fig  Figure
		draw func() (*plot.Plot, error)
	}{
		{Figure{"violations", "Failing runs per 1000 seeds", "Runs that broke an invariant (deadlocks, budgets and panics included; the measured reclaim-stall excluded) per 1000 seeds, by scenario and strategy."}, r.violationsPlot},
		{Figure{"throughput", "Leases activated per virtual minute", fmt.Sprintf("Scenario %s: leases activated divided by the virtual minutes from the first request to the last activation, mean over seeds and schedulers, by worker count and strategy.", r.Load)}, r.throughputPlot},
		{Figure{"lockwait", "Lock wait p99", fmt.Sprintf("Scenario %s: the 99th percentile of object-lock waits (virtual seconds; the coarse strategy's one lock included), mean over seeds and schedulers, by worker count and strategy.", r.Load)}, r.lockWaitPlot},
		{Figure{"first-violation", "Seeds to first violation", fmt.Sprintf("Strategy %s (none of the fixes): the rank of the first seed that broke one of the scenario's race invariants, by scheduler, averaged over worker counts (no bar: none in the sweep).", r.Baseline)}, r.firstViolationPlot},
		{Figure{"resources", "Resources built vs needed", fmt.Sprintf("Scenario %s: resources built per run against the fewest that could have served the peak of linked leases, mean over every run, by strategy.", r.Load)}, r.resourcesPlot},
	}
	for _, f := range figs {
		p, err := f.draw()
		if err != nil {
			return fmt.Errorf("figure %s: %w", f.fig.Name, err)
		}
		files, err := save(p, dir, f.fig.Name)
		if err != nil {
			return err
		}
		f.fig.Caption += " " + r.sweepCaption()
		r.Figures = append(r.Figures, f.fig)
		r.Files = append(r.Files, files...)
	}
	return nil
}

func (r *Report) strategies() []string { return r.Info.Strategies }

func (r *Report) violationsPlot() (*plot.Plot, error) {
	var ss []series
	for _, st := range r.strategies() {
		s := series{name: st}
		for _, sc := range r.Info.Scenarios {
			s.values = append(s.values, r.safety(sc, st).Per1000)
		}
		ss = append(ss, s)
	}
	return barPlot("Failing runs per 1000 seeds", "per 1000 seeds", r.Info.Scenarios, ss)
}

func (r *Report) safety(scenario, strategy string) ScenarioRow {
	for _, row := range r.Safety {
		if row.Scenario == scenario && row.Strategy == strategy {
			return row
		}
	}
	return ScenarioRow{Per1000: math.NaN()}
}

func (r *Report) loadSeries(value func(LoadRow) float64) ([]float64, []series) {
	var xs []float64
	for _, w := range r.Info.Workers {
		xs = append(xs, float64(w))
	}
	var ss []series
	for _, st := range r.strategies() {
		s := series{name: st}
		for _, w := range r.Info.Workers {
			v := math.NaN()
			for _, row := range r.LoadRows {
				if row.Strategy == st && row.Workers == w {
					v = value(row)
				}
			}
			s.values = append(s.values, v)
		}
		ss = append(ss, s)
	}
	return xs, ss
}

func (r *Report) throughputPlot() (*plot.Plot, error) {
	xs, ss := r.loadSeries(func(l LoadRow) float64 { return l.ActivatedPerMinute })
	return linePlot("Leases activated per virtual minute ("+r.Load+")", "workers", "leases per minute", xs, ss, false)
}

func (r *Report) lockWaitPlot() (*plot.Plot, error) {
	xs, ss := r.loadSeries(func(l LoadRow) float64 { return l.WaitP99.Seconds() })
	return linePlot("Lock wait p99 ("+r.Load+")", "workers", "seconds (virtual)", xs, ss, true)
}

func (r *Report) firstViolationPlot() (*plot.Plot, error) {
	var ss []series
	for _, sched := range r.Info.Scheds {
		s := series{name: sched}
		for _, sc := range r.Info.Scenarios {
			v := math.NaN()
			for _, fv := range r.First {
				if fv.Scenario == sc && fv.Sched == sched {
					v = fv.Seeds
				}
			}
			s.values = append(s.values, v)
		}
		ss = append(ss, s)
	}
	return barPlot("Seeds to first violation ("+r.Baseline+")", "seeds", r.Info.Scenarios, ss)
}

func (r *Report) resourcesPlot() (*plot.Plot, error) {
	built, needed := series{name: "built"}, series{name: "needed"}
	for _, st := range r.strategies() {
		var b, n float64
		runs := 0
		for _, row := range r.LoadRows {
			if row.Strategy == st {
				b += row.Built * float64(row.Runs)
				n += row.Needed * float64(row.Runs)
				runs += row.Runs
			}
		}
		built.values = append(built.values, b/float64(max(runs, 1)))
		needed.values = append(needed.values, n/float64(max(runs, 1)))
	}
	return barPlot("Resources built vs needed ("+r.Load+")", "resources per run", r.strategies(), []series{built, needed})
}

// drawTimeline draws the story's run as an SVG timeline and exports it
// as a Perfetto trace.
func (r *Report) drawTimeline(story *Story, dir string) error {
	rec, v := story.Record, story.Violation
	info := &TimelineInfo{Record: rec, Violation: v.String(), SVG: "timeline.svg", JSON: "timeline.perfetto.json"}
	title := fmt.Sprintf("%s / %s, %d workers, seed %d", rec.Scenario, rec.Strategy, rec.Workers, rec.Seed)
	if err := writeFile(filepath.Join(dir, info.SVG), func(f *os.File) error {
		return WriteTimeline(f, story.Trace, TimelineOptions{Title: title, Mark: v.Invariant + ": " + v.Detail})
	}); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(dir, info.JSON), func(f *os.File) error {
		return WritePerfetto(f, story.Trace, title, []string{v.String()})
	}); err != nil {
		return err
	}
	r.Timeline = info
	r.Files = append(r.Files, info.SVG, info.JSON)
	return nil
}

// FirstRaceInvariant is the first of the record's violations that belongs
// to its scenario's race (or its first violation): where a rerun of the
// record should stop to tell its story.
func FirstRaceInvariant(rec sweep.Record) string {
	s, err := scenarios.ByName(rec.Scenario)
	for _, v := range rec.Violations {
		if err == nil && s.IsRace(v.Invariant) {
			return v.Invariant
		}
	}
	if len(rec.Violations) == 0 {
		return ""
	}
	return rec.Violations[0].Invariant
}

// StoryRecord picks the failing run a report tells the story of: the
// baseline strategy on the headline scenario (scenarios.Headline) if the
// sweep has such a run, else the first record that shows its race.
func StoryRecord(recs []sweep.Record) (sweep.Record, bool) {
	var first *sweep.Record
	base := baseline()
	for i, rec := range recs {
		if !rec.Race || len(rec.Violations) == 0 {
			continue
		}
		if s, err := scenarios.ByName(rec.Scenario); err == nil && s.Headline && rec.Strategy == base {
			return rec, true
		}
		if first == nil {
			first = &recs[i]
		}
	}
	if first == nil {
		return sweep.Record{}, false
	}
	return *first, true
}

func writeFile(path string, write func(*os.File) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("report %s: %w", filepath.Base(path), err)
	}
	return nil
}

// findings states what the measurements say about the three strategies.
func findings(r *Report) []string {
	var out []string
	sum := func(st string) (runs, failing int) {
		for _, row := range r.Safety {
			if row.Strategy == st {
				runs += row.Runs
				failing += row.Failing
			}
		}
		return runs, failing
	}
	for _, st := range named() {
		runs, failing := sum(st)
		if runs == 0 {
			continue
		}
		verb := "held: no run broke an invariant"
		if failing > 0 {
			verb = fmt.Sprintf("broke an invariant in %d runs (%.0f per 1000)", failing, 1000*float64(failing)/float64(runs))
		}
		out = append(out, fmt.Sprintf("%s %s over %d runs.", st, verb, runs))
	}
	out = append(out, r.lockWaitFinding(), r.throughputFinding())
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}
